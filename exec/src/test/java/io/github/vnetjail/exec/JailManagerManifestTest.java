package io.github.vnetjail.exec;

import static io.github.vnetjail.exec.JailManagerHosts.many;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JailManagerManifestTest {
  @Test
  void rendersAndParsesBackEveryJailAndBridge() {
    JailManagerManifest m = JailManagerManifest.of(many(3), "/etc/jail.conf.d");
    JailManagerManifest back = JailManagerManifest.parse(m.render());
    assertThat(back.jails).isEqualTo(m.jails);
    assertThat(back.bridges).isEqualTo(m.bridges);
    assertThat(back.jails.get("j2").hostInterface())
        .isEqualTo("epair1a"); // units are allocated from 0
    assertThat(back.jails.get("j2").address()).contains("10.0.0.3");
    assertThat(back.jails.get("j2").gateway()).contains("10.0.0.1");
  }

  @Test
  void refusesAnUnreadableLineNamingTheBackup() {
    assertThatThrownBy(() -> JailManagerManifest.parse("jail\tbroken\n"))
        .isInstanceOf(LifecycleException.class)
        .hasMessageContaining("unreadable line")
        .hasMessageContaining(JailManagerManifest.PATH + ".bak");
  }

  @Test
  void readsBridgeMembersAndAddressesFromIfconfigListings() {
    String bridge =
        "bridge0: flags=1008843<UP> metric 0 mtu 1500\n"
            + "\tmember: epair1a flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>\n"
            + "\t        ifmaxaddr 0 port 5 priority 128 path cost 2000\n"
            + "\tmember: em0 flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>\n";
    assertThat(JailManager.bridgeMembers(bridge)).containsExactly("epair1a", "em0");
    String iface =
        "epair1b: flags=8843<UP> metric 0 mtu 1500\n"
            + "\tinet 10.0.0.2 netmask 0xffffff00 broadcast 10.0.0.255\n"
            + "\tinet6 fe80::1%epair1b prefixlen 64 scopeid 0x2\n";
    assertThat(JailManager.inetAddresses(iface))
        .containsExactly("10.0.0.2/24", "fe80::1%epair1b/64");
  }
}
