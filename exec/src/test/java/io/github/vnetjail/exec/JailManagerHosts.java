package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;

/** Simulated hosts and host configs for the JailManager tests. */
final class JailManagerHosts {
  private JailManagerHosts() {}

  /** A host with em0 and bridge0 (member em0) and a directory for each jail. */
  static SimulatedHost host(HostConfig config) {
    SimulatedHost.Builder b =
        SimulatedHost.builder().withInterface("em0").withBridge("bridge0", "em0");
    config.jails().forEach(j -> b.withDirectory(j.path()));
    return b.build();
  }

  /** The seed's jail: epair154, 192.168.1.154/24 via 192.168.1.1 on bridge0. */
  static VnetJail seed() {
    return VnetJail.builder()
        .name("my-vnet-jail")
        .id(154)
        .bridge("bridge0")
        .ip("192.168.1.154/24")
        .gateway("192.168.1.1")
        .build();
  }

  static HostConfig config(VnetJail... jails) {
    return HostConfig.builder()
        .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
        .addJails(jails)
        .build();
  }

  /** {@code n} jails j1..jn on bridge0 (10.0.0.0/16), ids and addresses allocated. */
  static HostConfig many(int n) {
    HostConfig.Builder b =
        HostConfig.builder()
            .addBridge(
                Bridge.builder()
                    .name("bridge0")
                    .addMember("em0")
                    .subnet("10.0.0.0/16")
                    .gateway("10.0.0.1")
                    .build());
    for (int i = 1; i <= n; i++) {
      b.addJail(VnetJail.builder().name("j" + i).bridge("bridge0").build());
    }
    return b.build();
  }

  /**
   * The seed jail {@code name} runs with what start guarantees: epair154a on bridge0, epair154b in
   * the jail with 192.168.1.154/24, the default route via 192.168.1.1; nothing else on the host.
   */
  static void assertStarted(SimulatedHost host, String name) {
    SimulatedHost.State s = host.state();
    assertThat(s.host().interfaceNames())
        .as("host interfaces\n%s", s)
        .containsExactly("lo0", "em0", "bridge0", "epair154a");
    assertThat(s.host().find("bridge0").get().members())
        .as("bridge members\n%s", s)
        .containsExactlyInAnyOrder("em0", "epair154a");
    assertThat(s.jails()).as("jails\n%s", s).hasSize(1);
    assertThat(s.jails().get(0).name()).isEqualTo(name);
    assertThat(s.jails().get(0).dying()).as("dying\n%s", s).isFalse();
    SimulatedHost.Stack jail = s.stacks().get(1);
    assertThat(jail.interfaceNames()).as("jail interfaces\n%s", s).contains("epair154b");
    assertThat(s.toString()).contains("inet 192.168.1.154/24", "route default via 192.168.1.1");
    assertThat(s.mounts())
        .as("mounts\n%s", s)
        .containsExactly(
            new SimulatedHost.Mount(".", "/jails/" + name + "/dev", "devfs", "ruleset=4"));
  }

  /**
   * Nothing of any jail on the host: only lo0, em0, bridge0 (member em0), no running jail, nothing
   * mounted.
   */
  static void assertClean(SimulatedHost host) {
    SimulatedHost.State s = host.state();
    assertThat(s.host().interfaceNames())
        .as("host interfaces\n%s", s)
        .containsExactly("lo0", "em0", "bridge0");
    assertThat(s.host().find("bridge0").get().members())
        .as("bridge members\n%s", s)
        .containsExactly("em0");
    assertThat(s.jails()).as("running jails\n%s", s).allMatch(SimulatedHost.Jail::dying);
    assertThat(s.mounts()).as("mounts\n%s", s).isEmpty();
    // a dying jail may linger, but must hold nothing but its loopback
    for (SimulatedHost.Stack st : s.stacks().subList(1, s.stacks().size())) {
      assertThat(st.interfaceNames()).as("stack of %s\n%s", st.owner(), s).containsOnly("lo0");
    }
  }
}
