package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostnameTest {
  @ParameterizedTest
  @ValueSource(strings = {"web", "web.lan", "web-1.example.org", "a", "1st.example"})
  void acceptsRfc1123Names(String name) {
    assertThat(Hostname.of(name).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"web lan", "web_1", "web;rm", "we$b", "web\"", "wéb", "web/x"})
  void rejectsCharactersOutsideRfc1123(String name) {
    assertThatThrownBy(() -> Hostname.of(name))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("host names may contain only ASCII letters, digits, '-' and '.'");
  }

  @Test
  void rejectsBadLabels() {
    assertThatThrownBy(() -> Hostname.of("-web"))
        .hasMessageContaining("starting or ending with '-'");
    assertThatThrownBy(() -> Hostname.of("web-.lan"))
        .hasMessageContaining("starting or ending with '-'");
    assertThatThrownBy(() -> Hostname.of("web..lan")).hasMessageContaining("empty label");
    assertThatThrownBy(() -> Hostname.of("web.")).hasMessageContaining("empty label");
    assertThatThrownBy(() -> Hostname.of("a".repeat(64) + ".lan"))
        .hasMessageContaining("has a label of 64 characters: at most 63");
    assertThatThrownBy(() -> Hostname.of("")).hasMessageContaining("host name is empty");
  }

  @Test
  void rejectsOverlongName() {
    String label = "a".repeat(63);
    String name = label + "." + label + "." + label + "." + label; // 255
    assertThatThrownBy(() -> Hostname.of(name))
        .hasMessageContaining("is 255 characters long: host names have at most 253");
  }

  @Test
  void equalsByValue() {
    assertThat(Hostname.of("web")).isEqualTo(Hostname.of("web")).hasToString("web");
    assertThat(Hostname.of("web").hashCode()).isEqualTo(Hostname.of("web").hashCode());
    assertThat(Hostname.isValid("web lan")).isFalse();
  }
}
