package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringValueTest {
  @Test
  void valuesOfTheSameKindAndTextAreEqualWithEqualHashCodes() {
    assertThat(JailName.of("web"))
        .isEqualTo(JailName.of("web"))
        .hasSameHashCodeAs(JailName.of("web"))
        .hasToString("web");
    assertThat(JailName.of("web").value()).isEqualTo("web");
  }

  @Test
  void valuesOfDifferentKindsWithTheSameTextAreNotEqual() {
    assertThat((Object) InterfaceName.of("web")).isNotEqualTo(JailName.of("web"));
    assertThat((Object) Hostname.of("web")).isNotEqualTo(JailName.of("web"));
    assertThat(JailName.of("web")).isNotEqualTo("web").isNotEqualTo(null);
  }

  @Test
  void differentTextsAreNotEqual() {
    assertThat(InterfaceName.of("em0")).isNotEqualTo(InterfaceName.of("em1"));
  }
}
