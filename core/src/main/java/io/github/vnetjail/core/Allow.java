package io.github.vnetjail.core;

/**
 * A jail(8) {@code allow.*} permission. Each constant knows its parameter name ({@link
 * #parameter()}) and the name that turns it off ({@link #negatedParameter()}).
 *
 * <p>The list follows FreeBSD 14/15: the kernel's static table {@code pr_flag_allow} in {@code
 * sys/kern/kern_jail.c}, and the permissions that modules add with {@code prison_add_allow()} (the
 * {@code allow.mount.*} file systems, {@code allow.vmm}). Module permissions exist only while the
 * module is loaded; jail(8) then loads it. {@link #SYSVIPC} is deprecated in favour of the
 * per-module {@code sysvmsg}, {@code sysvsem} and {@code sysvshm} parameters (see {@link SysvIpc});
 * a jail that uses it gets a warning.
 *
 * <pre>{@code
 * VnetJail.builder().name("pg").bridge("bridge0").dhcp()
 *     .addAllow(Allow.RAW_SOCKETS)
 *     .sysvshm(SysvIpc.NEW).sysvsem(SysvIpc.NEW).sysvmsg(SysvIpc.NEW)
 *     .build();
 * Allow.RAW_SOCKETS.parameter();  // "allow.raw_sockets"
 * }</pre>
 */
public enum Allow {
  /** {@code allow.set_hostname}: the jail may change its host name (on by default). */
  SET_HOSTNAME("allow.set_hostname"),
  /** {@code allow.sysvipc}: deprecated; equals sysvmsg, sysvsem and sysvshm all "inherit". */
  SYSVIPC("allow.sysvipc"),
  /** {@code allow.raw_sockets}: raw sockets, e.g. for ping(8) and traceroute(8). */
  RAW_SOCKETS("allow.raw_sockets"),
  /** {@code allow.chflags}: root in the jail may change system file flags. */
  CHFLAGS("allow.chflags"),
  /** {@code allow.mount}: mount jail-friendly file systems (needs enforce_statfs below 2). */
  MOUNT("allow.mount"),
  /** {@code allow.mount.devfs}: mount devfs (with allow.mount). */
  MOUNT_DEVFS("allow.mount.devfs"),
  /** {@code allow.quotas}: administer quotas on the jail's file systems. */
  QUOTAS("allow.quotas"),
  /** {@code allow.read_msgbuf}: read the kernel message buffer. */
  READ_MSGBUF("allow.read_msgbuf"),
  /** {@code allow.socket_af}: sockets of protocol families other than IPv4, IPv6, local, route. */
  SOCKET_AF("allow.socket_af"),
  /** {@code allow.mlock}: lock memory with mlock(2). */
  MLOCK("allow.mlock"),
  /** {@code allow.nfsd}: run an NFS server (needs a VNET jail and mountd). */
  NFSD("allow.nfsd"),
  /** {@code allow.reserved_ports}: root may bind ports below 1024 (on by default). */
  RESERVED_PORTS("allow.reserved_ports"),
  /** {@code allow.unprivileged_proc_debug}: unprivileged processes may debug their own. */
  UNPRIVILEGED_PROC_DEBUG("allow.unprivileged_proc_debug"),
  /** {@code allow.unprivileged_parent_tampering}: unprivileged host processes may signal/debug. */
  UNPRIVILEGED_PARENT_TAMPERING("allow.unprivileged_parent_tampering"),
  /** {@code allow.suser}: root in the jail is a superuser (on by default). */
  SUSER("allow.suser"),
  /** {@code allow.extattr}: manipulate system-namespace extended attributes. */
  EXTATTR("allow.extattr"),
  /** {@code allow.adjtime}: slew the system clock with adjtime(2). */
  ADJTIME("allow.adjtime"),
  /** {@code allow.settime}: set the system clock. */
  SETTIME("allow.settime"),
  /** {@code allow.routing}: change the routing table of a non-VNET jail's host. */
  ROUTING("allow.routing"),
  /** {@code allow.setaudit}: set audit session state. */
  SETAUDIT("allow.setaudit"),
  /** {@code allow.mount.fdescfs}: mount fdescfs (module permission). */
  MOUNT_FDESCFS("allow.mount.fdescfs"),
  /** {@code allow.mount.fusefs}: mount FUSE file systems (module permission). */
  MOUNT_FUSEFS("allow.mount.fusefs"),
  /** {@code allow.mount.nullfs}: mount nullfs (module permission). */
  MOUNT_NULLFS("allow.mount.nullfs"),
  /** {@code allow.mount.procfs}: mount procfs (module permission). */
  MOUNT_PROCFS("allow.mount.procfs"),
  /** {@code allow.mount.linprocfs}: mount linprocfs (module permission). */
  MOUNT_LINPROCFS("allow.mount.linprocfs"),
  /** {@code allow.mount.linsysfs}: mount linsysfs (module permission). */
  MOUNT_LINSYSFS("allow.mount.linsysfs"),
  /** {@code allow.mount.tmpfs}: mount tmpfs (module permission). */
  MOUNT_TMPFS("allow.mount.tmpfs"),
  /** {@code allow.mount.zfs}: mount ZFS datasets delegated to the jail (module permission). */
  MOUNT_ZFS("allow.mount.zfs"),
  /** {@code allow.vmm}: use vmm(4), bhyve (only while the vmm module is loaded). */
  VMM("allow.vmm");

  private final String parameter;

  Allow(String parameter) {
    this.parameter = parameter;
  }

  /** The jail(8) parameter name, e.g. {@code allow.raw_sockets}. */
  public String parameter() {
    return parameter;
  }

  /**
   * The parameter name that turns the permission off: {@code no} before the last component, e.g.
   * {@code allow.noraw_sockets}, {@code allow.mount.nodevfs} (the names the kernel registers, see
   * {@code prison_add_allow} in {@code sys/kern/kern_jail.c}).
   */
  public String negatedParameter() {
    int dot = parameter.lastIndexOf('.');
    return parameter.substring(0, dot + 1) + "no" + parameter.substring(dot + 1);
  }

  /** True for {@link #SYSVIPC}, deprecated in favour of {@link SysvIpc} per-module modes. */
  public boolean isDeprecated() {
    return this == SYSVIPC;
  }

  /**
   * True for the permissions FreeBSD grants by default ({@code JAIL_DEFAULT_ALLOW} in kern_jail.c
   * and {@code allow.suser}): set_hostname, reserved_ports, unprivileged_proc_debug and suser.
   */
  public boolean isOnByDefault() {
    return this == SET_HOSTNAME
        || this == RESERVED_PORTS
        || this == UNPRIVILEGED_PROC_DEBUG
        || this == SUSER;
  }

  /** The constant for a parameter name such as {@code allow.raw_sockets}, if there is one. */
  public static java.util.Optional<Allow> forParameter(String parameter) {
    for (Allow a : values()) {
      if (a.parameter.equals(parameter) || a.negatedParameter().equals(parameter)) {
        return java.util.Optional.of(a);
      }
    }
    return java.util.Optional.empty();
  }
}
