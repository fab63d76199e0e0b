package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceNameTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"em0", "bridge0", "epair154a", "em0.10", "vlan10", "e0a_web", "lagg0", "wg-vpn"})
  void acceptsFreeBsdInterfaceNames(String name) {
    assertThat(InterfaceName.of(name).value()).isEqualTo(name);
    assertThat(InterfaceName.isValid(name)).isTrue();
  }

  @Test
  void acceptsFifteenCharacters() {
    assertThat(InterfaceName.of("e0a_abcdefghijk").value()).hasSize(15);
  }

  @Test
  void rejectsInterfaceNameOver15Chars() {
    assertThatThrownBy(() -> InterfaceName.of("e0a_abcdefghijkl"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("\"e0a_abcdefghijkl\" is 16 characters long")
        .hasMessageContaining("at most 15")
        .hasMessageContaining("never truncated");
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("bridge 0", "' ' (space)"),
        Arguments.of("br\"0", "'\"' (double quote)"),
        Arguments.of("br'0", "'\\'' (single quote)"),
        Arguments.of("br$0", "'$'"),
        Arguments.of("br;0", "';'"),
        Arguments.of("br/0", "'/'"),
        Arguments.of("br`0", "'`'"),
        Arguments.of("br|0", "'|'"),
        Arguments.of("brü0", "'ü' (U+00FC, non-ASCII)"),
        Arguments.of("br‮0", "'‮' (U+202E, non-ASCII)"));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void rejectsHostileCharactersNamingTheCharacter(String name, String described) {
    assertThatThrownBy(() -> InterfaceName.of(name))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("contains " + described + ":")
        .hasMessageContaining(
            "interface names may contain only ASCII letters, digits, '_', '.' and '-'");
  }

  @Test
  void rejectsNewlineShowingItEscaped() {
    assertThatThrownBy(() -> InterfaceName.of("em0\nup"))
        .hasMessageContaining("\"em0\\nup\" contains '\\n' (U+000A, a control character)");
  }

  @Test
  void rejectsNulAndTab() {
    assertThatThrownBy(() -> InterfaceName.of("em0\0")).hasMessageContaining("U+0000");
    assertThatThrownBy(() -> InterfaceName.of("em\t0")).hasMessageContaining("'\\t' (U+0009");
  }

  @Test
  void rejectsEmptyName() {
    assertThatThrownBy(() -> InterfaceName.of("")).hasMessageContaining("interface name is empty");
  }

  @Test
  void rejectsNameNotStartingWithLetter() {
    assertThatThrownBy(() -> InterfaceName.of("0em"))
        .hasMessageContaining("does not start with an ASCII letter");
    assertThatThrownBy(() -> InterfaceName.of("-em0"))
        .hasMessageContaining("does not start with an ASCII letter");
  }

  @Test
  void problemCarriesFieldValueAndFix() {
    ValidationException e =
        (ValidationException) catchThrowable(() -> InterfaceName.of("bridge 0"));
    Problem p = e.problems().get(0);
    assertThat(p.field()).isEqualTo("interface name");
    assertThat(p.value()).isEqualTo("bridge 0");
    assertThat(p.fix()).contains("\"bridge0\"");
  }

  @Test
  void equalNamesAreEqual() {
    assertThat(InterfaceName.of("em0")).isEqualTo(InterfaceName.of("em0"));
    assertThat(InterfaceName.of("em0")).hasSameHashCodeAs(InterfaceName.of("em0"));
    assertThat(InterfaceName.of("em0")).isNotEqualTo(InterfaceName.of("em1"));
    assertThat(InterfaceName.of("em0").toString()).isEqualTo("em0");
    assertThat(InterfaceName.of("a").compareTo(InterfaceName.of("b"))).isNegative();
  }

  private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    return org.assertj.core.api.Assertions.catchThrowable(c);
  }
}
