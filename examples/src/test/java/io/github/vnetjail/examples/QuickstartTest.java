package io.github.vnetjail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.exec.SimulatedHost;
import org.junit.jupiter.api.Test;

class QuickstartTest {
  @Test
  void printsTheSeedJailsFilesAndRunsItEndToEnd() {
    SimulatedHost host = SimulatedHost.create();
    String out = Out.of(o -> Quickstart.run(host, o));

    assertThat(out)
        .startsWith("vnetjail quickstart: the seed's VNET jail, end to end\n")
        .contains("== /etc/jail.conf.d/my-vnet-jail.conf\n")
        .contains("my-vnet-jail {")
        .contains(
            "exec.prestop += \"/sbin/ifconfig ${epair}b || /sbin/ifconfig ${epair}b -vnet ${name}\";")
        .contains("cloned_interfaces=\"bridge0\"")
        .contains("ifconfig_epair154b=\"inet 192.168.1.154/24\"")
        .contains("  * install: wrote /etc/jail.conf.d/my-vnet-jail.conf\n")
        .contains("  my-vnet-jail start: epair154a is on bridge0\n")
        .contains("  my-vnet-jail start: default route via 192.168.1.1\n")
        .contains(
            "status: my-vnet-jail: running, jid 1, epair154a on bridge, epair154b on jail,"
                + " 192.168.1.154/24\n")
        .contains("host interfaces: lo0 em0 bridge0 epair154a\n")
        .contains("  my-vnet-jail stop: nothing of the jail left on the host\n")
        .endsWith(
            "host interfaces: lo0 em0 bridge0\n"
                + "nothing leaked: epair154a and epair154b are gone\n");
    assertThat(host.state().jails()).isEmpty();
    assertThat(host.state().host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
  }

  @Test
  void mainRunsOnTheSimulatedHostByDefault() {
    String out =
        Out.of(
            o -> {
              java.io.PrintStream old = System.out;
              System.setOut(o);
              try {
                Quickstart.main(new String[0]);
              } finally {
                System.setOut(old);
              }
            });

    assertThat(out).contains("nothing leaked: epair154a and epair154b are gone\n");
  }
}
