package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JailNameTest {
  @ParameterizedTest
  @ValueSource(strings = {"my-vnet-jail", "web", "db_1", "outer.inner", "a.b.c", "1web", "web1"})
  void acceptsNamesThatNeedNoQuoting(String name) {
    assertThat(JailName.of(name).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"my jail", "a\"b", "a'b", "a$b", "a;b", "a/b", "a\\b", "a*b", "a{b", "a=b", "a#b"})
  void rejectsCharactersThatNeedEscaping(String name) {
    assertThatThrownBy(() -> JailName.of(name))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "jail names may contain only ASCII letters, digits, '_', '-' and '.' (the hierarchy"
                + " separator)");
  }

  @Test
  void rejectsNewlineAndNonAscii() {
    assertThatThrownBy(() -> JailName.of("web\nrm"))
        .hasMessageContaining("'\\n' (U+000A, a control character)");
    assertThatThrownBy(() -> JailName.of("wéb")).hasMessageContaining("(U+00E9, non-ASCII)");
  }

  @Test
  void rejectsNumericNameBecauseJailTakesItForAJid() {
    assertThatThrownBy(() -> JailName.of("154"))
        .hasMessageContaining("\"154\" is numeric: jail(8) takes a numeric name for a jid")
        .hasMessageContaining("\"jail154\"");
    assertThatThrownBy(() -> JailName.of("outer.2")).hasMessageContaining("is numeric");
  }

  @Test
  void acceptsNumericParentComponent() {
    assertThat(JailName.of("2.inner").value()).isEqualTo("2.inner");
  }

  @Test
  void rejectsEmptyHierarchyComponent() {
    assertThatThrownBy(() -> JailName.of("a..b")).hasMessageContaining("has an empty component");
    assertThatThrownBy(() -> JailName.of(".a")).hasMessageContaining("has an empty component");
    assertThatThrownBy(() -> JailName.of("a.")).hasMessageContaining("has an empty component");
  }

  @Test
  void rejectsComponentStartingWithDash() {
    assertThatThrownBy(() -> JailName.of("-web"))
        .hasMessageContaining("component starting with '-'");
    assertThatThrownBy(() -> JailName.of("a.-b"))
        .hasMessageContaining("component starting with '-'");
  }

  @Test
  void rejectsEmptyAndOverlongNames() {
    assertThatThrownBy(() -> JailName.of("")).hasMessageContaining("jail name is empty");
    assertThat(JailName.isValid("a".repeat(255))).isTrue();
    assertThatThrownBy(() -> JailName.of("a".repeat(256)))
        .hasMessageContaining("is 256 characters long: jail names have at most 255");
  }

  @Test
  void equalsByValue() {
    assertThat(JailName.of("web")).isEqualTo(JailName.of("web")).hasToString("web");
    assertThat(JailName.of("web").hashCode()).isEqualTo(JailName.of("web").hashCode());
    assertThat(JailName.of("a").compareTo(JailName.of("b"))).isNegative();
  }
}
