package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowTest {
  @Test
  void knowsItsJailParameterName() {
    assertThat(Allow.RAW_SOCKETS.parameter()).isEqualTo("allow.raw_sockets");
    assertThat(Allow.MOUNT_DEVFS.parameter()).isEqualTo("allow.mount.devfs");
    assertThat(Allow.SET_HOSTNAME.parameter()).isEqualTo("allow.set_hostname");
    assertThat(Allow.UNPRIVILEGED_PARENT_TAMPERING.parameter())
        .isEqualTo("allow.unprivileged_parent_tampering");
    assertThat(Allow.VMM.parameter()).isEqualTo("allow.vmm");
  }

  @Test
  void everyConstantMapsToAllowDotItsLowerCaseName() {
    for (Allow a : Allow.values()) {
      String expected =
          "allow." + a.name().toLowerCase(java.util.Locale.ROOT).replaceFirst("^mount_", "mount.");
      assertThat(a.parameter()).as(a.name()).isEqualTo(expected);
    }
  }

  @Test
  void coversEveryAllowParameterOfJail8() {
    Set<String> names = new HashSet<>();
    Arrays.stream(Allow.values()).forEach(a -> names.add(a.parameter()));
    assertThat(names)
        .contains(
            "allow.set_hostname",
            "allow.sysvipc",
            "allow.raw_sockets",
            "allow.chflags",
            "allow.mount",
            "allow.mount.devfs",
            "allow.quotas",
            "allow.read_msgbuf",
            "allow.socket_af",
            "allow.mlock",
            "allow.nfsd",
            "allow.reserved_ports",
            "allow.unprivileged_proc_debug",
            "allow.unprivileged_parent_tampering",
            "allow.suser",
            "allow.extattr",
            "allow.adjtime",
            "allow.settime",
            "allow.routing",
            "allow.setaudit",
            "allow.mount.fdescfs",
            "allow.mount.fusefs",
            "allow.mount.nullfs",
            "allow.mount.procfs",
            "allow.mount.linprocfs",
            "allow.mount.linsysfs",
            "allow.mount.tmpfs",
            "allow.mount.zfs",
            "allow.vmm");
  }

  @Test
  void negatesTheLastComponentLikeTheKernel() {
    assertThat(Allow.RAW_SOCKETS.negatedParameter()).isEqualTo("allow.noraw_sockets");
    assertThat(Allow.MOUNT.negatedParameter()).isEqualTo("allow.nomount");
    assertThat(Allow.MOUNT_DEVFS.negatedParameter()).isEqualTo("allow.mount.nodevfs");
    assertThat(Allow.MOUNT_ZFS.negatedParameter()).isEqualTo("allow.mount.nozfs");
  }

  @Test
  void flagsOnlySysvipcAsDeprecated() {
    assertThat(Arrays.stream(Allow.values()).filter(Allow::isDeprecated))
        .containsExactly(Allow.SYSVIPC);
  }

  @Test
  void knowsFreeBsdsDefaultPermissions() {
    assertThat(Arrays.stream(Allow.values()).filter(Allow::isOnByDefault))
        .containsExactlyInAnyOrder(
            Allow.SET_HOSTNAME, Allow.RESERVED_PORTS, Allow.UNPRIVILEGED_PROC_DEBUG, Allow.SUSER);
  }

  @Test
  void findsConstantsByParameterName() {
    assertThat(Allow.forParameter("allow.raw_sockets")).contains(Allow.RAW_SOCKETS);
    assertThat(Allow.forParameter("allow.mount.nodevfs")).contains(Allow.MOUNT_DEVFS);
    assertThat(Allow.forParameter("allow.unknown")).isEmpty();
  }
}
