package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {
  @Test
  void parsesAndLowerCases() {
    MacAddress m = MacAddress.parse("02:00:00:00:9A:0A");
    assertThat(m.value()).isEqualTo("02:00:00:00:9a:0a");
    assertThat(m).isEqualTo(MacAddress.parse("02:00:00:00:9a:0a")).hasToString("02:00:00:00:9a:0a");
    assertThat(m.hashCode()).isEqualTo(MacAddress.parse("02:00:00:00:9a:0a").hashCode());
  }

  @Test
  void tellsLocallyAdministeredAddresses() {
    assertThat(MacAddress.parse("02:00:00:00:00:01").isLocallyAdministered()).isTrue();
    assertThat(MacAddress.parse("58:9c:fc:00:00:01").isLocallyAdministered()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"01:00:5e:00:00:01", "ff:ff:ff:ff:ff:ff", "33:33:00:00:00:01"})
  void rejectsMulticastAndBroadcast(String mac) {
    assertThatThrownBy(() -> MacAddress.parse(mac))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is a multicast address (lowest bit of the first octet set)");
  }

  @Test
  void rejectsAllZero() {
    assertThatThrownBy(() -> MacAddress.parse("00:00:00:00:00:00"))
        .hasMessageContaining("is the all-zero address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "02-00-00-00-00-01", "02:00:00:00:00", "02:00:00:00:00:01:02", "0200.0000.0001",
        "02:00:00:00:00:0g", "02:00:00:00:00:01\n", "", "02:00:00:00:00:1"
      })
  void rejectsOtherSyntax(String mac) {
    assertThatThrownBy(() -> MacAddress.parse(mac))
        .hasMessageContaining(
            "is not a MAC address: expected six pairs of hex digits separated by ':'");
  }

  @Test
  void derivesStableLocallyAdministeredUnicastAddresses() {
    MacAddress a = MacAddress.derive("host1/web/a");
    assertThat(MacAddress.derive("host1/web/a")).isEqualTo(a);
    assertThat(MacAddress.derive("host1/web/b")).isNotEqualTo(a);
    assertThat(MacAddress.parse(a.value())).isEqualTo(a);
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 500; i++) {
      MacAddress m = MacAddress.derive("seed" + r.nextLong());
      assertThat(m.isLocallyAdministered()).isTrue();
      assertThat(Integer.parseInt(m.value().substring(0, 2), 16) & 1).isZero();
      assertThat(MacAddress.problems("mac", m.value())).isEmpty();
    }
  }
}
