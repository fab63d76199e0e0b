package io.github.vnetjail.core;

/**
 * A jail(8) {@code exec.*} hook, in the order jail(8) runs them (FREEBSD.md, "jail(8) hook order";
 * {@code usr.sbin/jail/jail.c}).
 *
 * <pre>{@code
 * VnetJail.builder()...addHook(Hook.POSTSTART, "/usr/local/bin/notify started").build();
 * Hook.PRESTART.parameter(); // "exec.prestart"
 * }</pre>
 */
public enum Hook {
  /** {@code exec.prepare}: on the host, before anything else (before mounts). */
  PREPARE("exec.prepare", false),
  /** {@code exec.prestart}: on the host, before the jail is created. */
  PRESTART("exec.prestart", false),
  /** {@code exec.created}: on the host, after the jail is created, before vnet.interface moves. */
  CREATED("exec.created", false),
  /** {@code exec.start}: inside the jail, e.g. {@code /bin/sh /etc/rc}. */
  START("exec.start", true),
  /** {@code exec.poststart}: on the host, after exec.start. */
  POSTSTART("exec.poststart", false),
  /** {@code exec.prestop}: on the host, before the jail is removed. */
  PRESTOP("exec.prestop", false),
  /** {@code exec.stop}: inside the jail, e.g. {@code /bin/sh /etc/rc.shutdown}. */
  STOP("exec.stop", true),
  /** {@code exec.poststop}: on the host, after the jail is removed. */
  POSTSTOP("exec.poststop", false),
  /** {@code exec.release}: on the host, last, after unmounts. */
  RELEASE("exec.release", false);

  private final String parameter;
  private final boolean insideJail;

  Hook(String parameter, boolean insideJail) {
    this.parameter = parameter;
    this.insideJail = insideJail;
  }

  /** The jail(8) parameter name, e.g. {@code exec.prestart}. */
  public String parameter() {
    return parameter;
  }

  /** True for the hooks that run inside the jail (exec.start and exec.stop). */
  public boolean runsInsideJail() {
    return insideJail;
  }

  /** The hook for a parameter name such as {@code exec.prestart}, if there is one. */
  public static java.util.Optional<Hook> forParameter(String parameter) {
    for (Hook h : values()) {
      if (h.parameter.equals(parameter)) {
        return java.util.Optional.of(h);
      }
    }
    return java.util.Optional.empty();
  }
}
