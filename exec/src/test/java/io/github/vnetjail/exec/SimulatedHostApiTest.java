package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder's checks and the snapshot's look-ups and texts of {@link SimulatedHost}. */
class SimulatedHostApiTest {
  @Test
  void theBuilderRejectsWhatAHostCannotHave() {
    SimulatedHost.Builder b = SimulatedHost.builder();
    assertThatThrownBy(() -> b.withInterface("em_0"))
        .hasMessage("interface name must look like em0, got em_0");
    assertThatThrownBy(() -> b.withInterface("abcdefghijklmn16"))
        .hasMessage("interface name must look like em0, got abcdefghijklmn16");
    assertThatThrownBy(() -> b.withAddress("em0", "10.0.0.1"))
        .hasMessage("not A.B.C.D/P: 10.0.0.1");
    assertThatThrownBy(() -> b.withFile("etc/rc.conf", ""))
        .hasMessage("path must be absolute: etc/rc.conf");
    assertThatThrownBy(() -> b.withDirectory("jails")).hasMessage("path must be absolute: jails");
    assertThatThrownBy(() -> b.leaveJailsDying(-1)).hasMessage("commands must be >= 0, got -1");
    assertThatThrownBy(() -> SimulatedHost.create().leaveJailsDying(-1))
        .hasMessage("commands must be >= 0, got -1");
  }

  @Test
  void theBuilderAcceptsTheLimitsAndMakesDirectoriesForFiles() {
    SimulatedHost host =
        SimulatedHost.builder()
            .withInterface("abcdefghijklm15")
            .withAddress("abcdefghijklm15", "10.0.0.1/24")
            .withFile("/usr/local/etc/x.conf", "x\n")
            .keepVnetInterfacesOnRemove(true)
            .leaveJailsDying(0)
            .build();

    assertThat(host.state().host().find("abcdefghijklm15").get().inet())
        .containsExactly("10.0.0.1/24");
    assertThat(host.files().exists("/usr/local/etc")).isTrue();
    assertThat(host.files().exists("/usr/local/etc/x.conf")).isTrue();
    assertThat(host.files().exists("/usr/local/etc/y.conf")).isFalse();
    assertThatThrownBy(() -> host.files().writeAtomically("x.conf", ""))
        .hasMessage("path must be absolute: x.conf");
    assertThat(host.inject(SimulatedFault.onCommand(1))).isSameAs(host);
  }

  @Test
  void theSnapshotFindsTheRunningJailBeforeADyingOneOfTheSameName() {
    SimulatedHost host =
        SimulatedHost.builder().withInterface("em0").withDirectory("/jails/web").build();
    host.leaveJailsDying(100);
    run(host, "jail", "-c", "name=web", "path=/jails/web", "vnet", "persist");
    run(host, "jail", "-r", "web");
    SimulatedHost.State dyingOnly = host.state();
    assertThat(dyingOnly.jail("web").get().dying()).isTrue();
    assertThat(dyingOnly.stack("web").get().jid()).isEqualTo(1);
    assertThat(dyingOnly.jail("db")).isEmpty();
    assertThat(dyingOnly.stack("db")).isEmpty();

    run(host, "jail", "-c", "name=web", "path=/jails/web", "vnet", "persist");
    SimulatedHost.State both = host.state();

    assertThat(both.jail("web").get().jid()).isEqualTo(2);
    assertThat(both.jail("web").get().dying()).isFalse();
    assertThat(both.stack("web").get().jid()).isEqualTo(2);
    assertThat(both.jails().get(0))
        .hasToString("jail 1 web DYING vnet path /jails/web host.hostname simhost");
  }

  @Test
  void anInterfacePrintsWhatItHas() {
    SimulatedHost host =
        SimulatedHost.builder().withInterface("em0").withBridge("bridge0", "em0").build();
    run(host, "ifconfig", "bridge0", "descr", "uplink");
    run(host, "ifconfig", "em0", "inet6", "fd00::1/64");
    SimulatedHost.State s = host.state();

    assertThat(s.host().find("bridge0").get().toString())
        .startsWith("bridge0 up descr \"uplink\" ether ")
        .endsWith(" members [em0]");
    assertThat(s.host().find("em0").get().toString())
        .contains(" inet6 fd00::1/64")
        .endsWith(" on bridge0");
    assertThat(s.host().find("lo0").get().toString())
        .isEqualTo("lo0 up inet 127.0.0.1/8 inet6 ::1/128 inet6 fe80::1%lo0/64");
  }

  private static void run(SimulatedHost host, String... argv) {
    host.execute(Command.of(List.of(argv))).requireSuccess();
  }
}
