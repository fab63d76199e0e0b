package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
  @Test
  void parsesIpv4WithPrefix() {
    Cidr c = Cidr.parse("192.168.1.154/24");
    assertThat(c.address()).isEqualTo(IpAddress.parse("192.168.1.154"));
    assertThat(c.prefixLength()).isEqualTo(24);
    assertThat(c.isIpv4()).isTrue();
    assertThat(c.isIpv6()).isFalse();
    assertThat(c).hasToString("192.168.1.154/24");
    assertThat(c.network()).hasToString("192.168.1.0/24");
    assertThat(c.networkAddress()).hasToString("192.168.1.0");
    assertThat(c.isNetworkAddress()).isFalse();
    assertThat(c.network().isNetworkAddress()).isTrue();
    assertThat(c.netmask()).contains("255.255.255.0");
    assertThat(c.broadcast().map(IpAddress::toString)).contains("192.168.1.255");
  }

  @Test
  void computesNetmasksForOddPrefixes() {
    assertThat(Cidr.parse("10.1.2.3/20").netmask()).contains("255.255.240.0");
    assertThat(Cidr.parse("10.1.2.3/32").netmask()).contains("255.255.255.255");
    assertThat(Cidr.parse("10.1.2.3/0").netmask()).contains("0.0.0.0");
    assertThat(Cidr.parse("10.1.2.3/20").network()).hasToString("10.1.0.0/20");
    assertThat(Cidr.parse("10.1.2.3/20").broadcast().map(IpAddress::toString))
        .contains("10.1.15.255");
    assertThat(Cidr.parse("10.0.0.0/31").broadcast()).isEmpty();
  }

  @Test
  void parsesIpv6WithPrefixCanonically() {
    Cidr c = Cidr.parse("2001:DB8:0::5/64");
    assertThat(c.isIpv6()).isTrue();
    assertThat(c).hasToString("2001:db8::5/64");
    assertThat(c.network()).hasToString("2001:db8::/64");
    assertThat(c.netmask()).isEmpty();
    assertThat(c.broadcast()).isEmpty();
  }

  @Test
  void containsChecksFamilyAndLeadingBits() {
    Cidr c = Cidr.parse("192.168.1.0/24");
    assertThat(c.contains(IpAddress.parse("192.168.1.200"))).isTrue();
    assertThat(c.contains(IpAddress.parse("192.168.2.1"))).isFalse();
    assertThat(c.contains(IpAddress.parse("::1"))).isFalse();
    assertThat(Cidr.parse("2001:db8::/64").contains(IpAddress.parse("2001:db8::ffff"))).isTrue();
    assertThat(Cidr.parse("2001:db8::/64").contains(IpAddress.parse("2001:db8:1::1"))).isFalse();
  }

  @Test
  void requiresPrefix() {
    assertThatThrownBy(() -> Cidr.parse("192.168.1.154"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("\"192.168.1.154\" has no prefix length")
        .hasMessageContaining("\"192.168.1.154/24\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.168.1.1/",
        "192.168.1.1/x",
        "192.168.1.1/024",
        "192.168.1.1/ 24",
        "1.2.3.4/24/8",
        "1.2.3.4/-1"
      })
  void rejectsMalformedPrefix(String text) {
    assertThatThrownBy(() -> Cidr.parse(text)).hasMessageContaining("has an invalid prefix length");
  }

  @Test
  void rejectsPrefixOutOfRange() {
    assertThatThrownBy(() -> Cidr.parse("192.168.1.1/33"))
        .hasMessageContaining("has prefix length 33: IPv4 prefixes are 0 to 32");
    assertThatThrownBy(() -> Cidr.parse("2001:db8::1/129"))
        .hasMessageContaining("has prefix length 129: IPv6 prefixes are 0 to 128");
    assertThatThrownBy(() -> Cidr.of(IpAddress.parse("10.0.0.1"), 40))
        .hasMessageContaining("IPv4 prefixes are 0 to 32");
  }

  @Test
  void rejectsBadAddressPart() {
    assertThatThrownBy(() -> Cidr.parse("web.lan/24"))
        .hasMessageContaining("\"web.lan\" is not a numeric IPv4 or IPv6 address");
    assertThatThrownBy(() -> Cidr.parse("1.2.3.4;reboot/24"))
        .hasMessageContaining("is not a numeric IPv4 or IPv6 address");
  }

  @Test
  void equalsByAddressAndPrefix() {
    assertThat(Cidr.parse("10.0.0.1/8")).isEqualTo(Cidr.parse("10.0.0.1/8"));
    assertThat(Cidr.parse("10.0.0.1/8")).isNotEqualTo(Cidr.parse("10.0.0.1/16"));
    assertThat(Cidr.parse("10.0.0.1/8").hashCode()).isEqualTo(Cidr.parse("10.0.0.1/8").hashCode());
    assertThat(Cidr.of(IpAddress.parse("10.0.0.1"), 8)).isEqualTo(Cidr.parse("10.0.0.1/8"));
  }
}
