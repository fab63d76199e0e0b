package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalNamesRendererTest {
  @Test
  void rendersDnsmasqHostRecordsForStaticJailsAndNotesTheOthers() {
    assertThat(LocalNamesRenderer.dnsmasq(RcConfRendererTest.richHost()))
        .isEqualTo(
            "host-record=web.lan,192.168.1.21\n"
                + "# db.lan (jail db): no static address to name\n"
                + "host-record=vpn.lan,10.20.0.5,2001:db8:20::5\n");
  }

  @Test
  void rendersDnsmasqAddressLines() {
    assertThat(LocalNamesRenderer.dnsmasqAddresses(RcConfRendererTest.richHost()))
        .isEqualTo(
            "address=/web.lan/192.168.1.21\n"
                + "# db.lan (jail db): no static address to name\n"
                + "address=/vpn.lan/10.20.0.5\n"
                + "address=/vpn.lan/2001:db8:20::5\n");
  }

  @Test
  void rendersHostsLines() {
    assertThat(LocalNamesRenderer.hosts(RcConfRendererTest.richHost()))
        .isEqualTo(
            "192.168.1.21\tweb.lan\n"
                + "# db.lan (jail db): no static address to name\n"
                + "10.20.0.5\tvpn.lan\n"
                + "2001:db8:20::5\tvpn.lan\n");
  }

  @Test
  void jailsWithoutNamesGetNoLines() {
    assertThat(LocalNamesRenderer.hosts(RcConfRendererTest.seedHost())).isEmpty();
  }
}
