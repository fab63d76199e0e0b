package io.github.vnetjail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.exec.SimulatedHost;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Runs every example's main logic on a simulated host and checks what it prints and leaves. */
class ExamplesTest {
  /** The header line of jail.conf with the renderer's default, leak-safe hooks. */
  static final String ROBUST_HOOKS = "No epair outlives a failed start";

  @Test
  void postgresJailGetsItsOwnSystemVIpcAndLintFlagsAllowSysvipc() {
    SimulatedHost host = SimulatedHost.create();
    String out = Out.of(o -> PostgresJail.run(host, o));

    assertThat(out)
        .startsWith(
            "== System V IPC parameters of jail pg, as jail(8) reads them\n"
                + "sysvmsg = new\nsysvsem = new\nsysvshm = new\n")
        .contains("allow.sysvipc is deprecated")
        .contains("fix: replace it with sysvmsg = new; sysvsem = new; sysvshm = new;")
        .contains("pg: running, jid 1, epair20a on bridge, epair20b on jail, 192.168.1.20/24\n")
        .endsWith("pg: stopped\n");
    assertThat(host.state().host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
  }

  @Test
  void dhcpJailRefusesRulesetFiveAndWritesABpfRuleset() {
    SimulatedHost host = SimulatedHost.create();
    String out = Out.of(o -> DhcpJail.run(host, o));

    assertThat(out)
        .contains("dhcp() needs /dev/bpf in the jail, but devfs ruleset 5")
        .contains(
            "== /etc/devfs.rules\n"
                + "[vnetjail_vnet_bpf=10]\n"
                + "add include $devfsrules_jail_vnet\n"
                + "add path 'bpf*' unhide\n")
        .contains("devfs_ruleset = [10]\n")
        .contains("ifconfig_epair30b=\"SYNCDHCP\"\n")
        .contains("/etc/devfs.rules on the host unhides bpf: true\n")
        .contains("dhcp: running, jid 1, epair30a on bridge, epair30b on jail\n")
        .endsWith("dhcp: stopped\n");
    assertThat(host.files().read("/etc/devfs.rules"))
        .hasValueSatisfying(t -> assertThat(t).contains("bpf*"));
    assertThat(host.files().read("/etc/jail.conf.d/dhcp.conf"))
        .hasValueSatisfying(t -> assertThat(t).contains(ROBUST_HOOKS));
    assertThat(host.state().host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
  }

  @Test
  void vlanLayoutPutsEachJailOnItsVlansBridgeWithAllocatedAddresses() {
    SimulatedHost host =
        SimulatedHost.builder()
            .withInterface("em0")
            .withInterface("vlan10")
            .withInterface("vlan20")
            .build();
    String out = Out.of(o -> VlanLayout.run(host, o));

    assertThat(out)
        .contains("vlans_em0=\"vlan10 vlan20\"\n")
        .contains("create_args_vlan10=\"vlan 10\"\n")
        .contains("cloned_interfaces=\"bridge10 bridge20\"\n")
        .contains("ifconfig_bridge10=\"addm vlan10 up\"\n")
        .contains("web: bridge10, epair")
        .contains("10.0.10.2/24 via 10.0.10.1\n")
        .contains("10.0.20.2/24 via 10.0.20.1\n")
        .containsPattern(
            "web: running, jid [12], epair\\d+a on bridge, epair\\d+b on jail, 10.0.10.2/24\n")
        .containsPattern(
            "db: running, jid [12], epair\\d+a on bridge, epair\\d+b on jail, 10.0.20.2/24\n")
        .containsPattern("bridge10 members: epair\\d+a vlan10\n")
        .endsWith("after stop: bridge10 bridge20 em0 lo0 vlan10 vlan20\n");
    assertThat(host.files().read("/etc/jail.conf.d/web.conf"))
        .hasValueSatisfying(t -> assertThat(t).contains(ROBUST_HOOKS));
  }

  @Test
  void fleetRunsOnEveryHostAndReportsTheOneThatFails() {
    // Port 1 on localhost refuses the connection: that host fails, the simulated one still runs.
    String out = Out.of(o -> FleetOverSsh.run(o, "simulated", "root@127.0.0.1:1"));

    assertThat(out)
        .contains(
            "simulated-1: my-vnet-jail: running, jid 1, epair154a on bridge, epair154b on jail,"
                + " 192.168.1.154/24\n")
        .contains("root@127.0.0.1:1: FAILED")
        .endsWith("1 of 2 host(s) succeeded\n");
  }

  @Test
  void everyExampleMainRunsWithoutArguments() {
    for (Runnable main :
        new Runnable[] {
          () -> PostgresJail.main(new String[0]),
          () -> DhcpJail.main(new String[0]),
          () -> VlanLayout.main(new String[0]),
          () -> FleetOverSsh.main(new String[0])
        }) {
      String out =
          Out.of(
              o -> {
                PrintStream old = System.out;
                System.setOut(o);
                try {
                  main.run();
                } finally {
                  System.setOut(old);
                }
              });
      assertThat(out).isNotEmpty().doesNotContain("FAILED").doesNotContain("unexpected");
    }
  }
}
