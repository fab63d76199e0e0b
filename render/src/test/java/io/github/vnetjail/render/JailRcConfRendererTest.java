package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JailRcConfRendererTest {
  private static VnetJail jail(String name) {
    return RcConfRendererTest.richHost().jail(name).orElseThrow();
  }

  @Test
  void rendersTheSeedJailsStaticAddressWithMaskAndDefaultRoute() {
    VnetJail seed = RcConfRendererTest.seedHost().jail("my-vnet-jail").orElseThrow();
    assertThat(JailRcConfRenderer.render(seed))
        .isEqualTo("ifconfig_epair154b=\"inet 192.168.1.154/24\"\ndefaultrouter=\"192.168.1.1\"\n");
  }

  @Test
  void rendersDhcpWithSyncDhcp() {
    assertThat(JailRcConfRenderer.render(jail("db"))).isEqualTo("ifconfig_epair2b=\"SYNCDHCP\"\n");
  }

  @Test
  void rendersIpv6StaticRoutesAndPf() {
    assertThat(JailRcConfRenderer.render(jail("vpn-client")))
        .isEqualTo(
            "ifconfig_epair3b=\"inet 10.20.0.5/24\"\n"
                + "defaultrouter=\"10.20.0.1\"\n"
                + "ifconfig_epair3b_ipv6=\"inet6 2001:db8:20::5/64\"\n"
                + "ipv6_defaultrouter=\"2001:db8:20::1\"\n"
                + "static_routes=\"r_10_8_0_0_24\"\n"
                + "route_r_10_8_0_0_24=\"-net 10.8.0.0/24 10.20.0.2\"\n"
                + "ipv6_static_routes=\"r_2001_db8_8___48\"\n"
                + "ipv6_route_r_2001_db8_8___48=\"-net 2001:db8:8::/48 2001:db8:20::2\"\n"
                + "pf_enable=\"YES\"\n"
                + "pf_rules=\"/etc/pf.conf\"\n");
  }

  private static VnetJail slaacJail() {
    return HostConfig.builder()
        .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
        .addJail(VnetJail.builder().name("v6").id(7).bridge("bridge0").slaac().build())
        .build()
        .jail("v6")
        .orElseThrow();
  }

  @Test
  void rendersSlaacWithRtsold() {
    VnetJail slaac = slaacJail();
    assertThat(JailRcConfRenderer.render(slaac))
        .isEqualTo(
            "ifconfig_epair7b_ipv6=\"inet6 -ifdisabled accept_rtadv\"\nrtsold_enable=\"YES\"\n");
  }

  @Test
  void aRealShSeesEveryVariableOfEveryJail() throws Exception {
    List<VnetJail> all = new ArrayList<>(RcConfRendererTest.richHost().jails());
    all.addAll(RcConfRendererTest.seedHost().jails());
    all.add(slaacJail());
    for (VnetJail j : all) {
      String text = JailRcConfRenderer.render(j);
      RcConf rc = RcConf.parse(text);
      Map<String, Optional<String>> expected = new LinkedHashMap<>();
      for (String name : rc.names()) {
        expected.put(name, rc.get(name));
      }
      assertThat(RcConfShell.source(text, new ArrayList<>(expected.keySet()))).isEqualTo(expected);
    }
  }

  @Test
  void refusesAJailWithoutEpairUnit() {
    VnetJail loose = VnetJail.builder().name("loose").bridge("bridge0").ip("10.0.0.2/24").build();
    assertThatThrownBy(() -> JailRcConfRenderer.render(loose))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loose");
  }
}
