package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
  @Test
  void parsesIpv4AndIpv6Literals() {
    IpAddress v4 = IpAddress.parse("192.168.1.1");
    assertThat(v4.isIpv4()).isTrue();
    assertThat(v4.isIpv6()).isFalse();
    assertThat(v4.bits()).isEqualTo(32);
    assertThat(v4).hasToString("192.168.1.1");
    IpAddress v6 = IpAddress.parse("2001:DB8:0:0::1");
    assertThat(v6.isIpv6()).isTrue();
    assertThat(v6.bits()).isEqualTo(128);
    assertThat(v6).hasToString("2001:db8::1");
    assertThat(v6.inetAddress().getAddress()).hasSize(16);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gateway.lan",
        "localhost",
        "192.168.1",
        "192.168.1.256",
        "1.2.3.4.5",
        "",
        " 1.2.3.4",
        "1.2.3.4;",
        "$(reboot)",
        "::g"
      })
  void rejectsNonNumericTextWithoutAnyDnsLookup(String text) {
    assertThatThrownBy(() -> IpAddress.parse(text))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is not a numeric IPv4 or IPv6 address");
  }

  @Test
  void rejectsPrefixZoneAndMappedAddresses() {
    assertThatThrownBy(() -> IpAddress.parse("192.168.1.1/24"))
        .hasMessageContaining("has a prefix length; a plain address is expected here");
    assertThatThrownBy(() -> IpAddress.parse("fe80::1%em0"))
        .hasMessageContaining("has a zone index");
    assertThatThrownBy(() -> IpAddress.parse("::ffff:192.168.1.1"))
        .hasMessageContaining("is an IPv4-mapped IPv6 address")
        .hasMessageContaining("\"192.168.1.1\"");
  }

  @Test
  void ordersIpv4BeforeIpv6ThenNumerically() {
    assertThat(IpAddress.parse("10.0.0.2").compareTo(IpAddress.parse("10.0.0.10"))).isNegative();
    assertThat(IpAddress.parse("255.255.255.255").compareTo(IpAddress.parse("::1"))).isNegative();
    assertThat(IpAddress.parse("10.0.0.1")).isEqualTo(IpAddress.parse("10.0.0.1"));
    assertThat(IpAddress.parse("10.0.0.1").hashCode())
        .isEqualTo(IpAddress.parse("10.0.0.1").hashCode());
  }
}
