package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.internal.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameSyntaxTest {
  private static final NameSyntax DIGITS =
      new NameSyntax(
          "code",
          Text::isAsciiAlnum,
          "codes are letters and digits",
          3,
          "codes have at most 3",
          "shorten it",
          "use a code like \"a1\"");

  @Test
  void acceptsANameThatKeepsEveryRule() {
    assertThat(DIGITS.problems("f", "a1")).isEmpty();
  }

  @Test
  void reportsAnEmptyNameWithTheKind() {
    assertThat(DIGITS.problems("f", ""))
        .containsExactly(Problem.of("f", "", "code is empty", "use a code like \"a1\""));
  }

  @Test
  void reportsABadCharacterBeforeTheLength() {
    assertThat(DIGITS.problems("f", "a b c"))
        .containsExactly(
            Problem.of(
                "f",
                "a b c",
                "\"a b c\" contains ' ' (space): codes are letters and digits",
                "use a code like \"a1\""));
  }

  @Test
  void reportsATooLongNameWithItsLengthAndTheLengthFix() {
    List<Problem> ps = DIGITS.problems("f", "abcd");
    assertThat(ps)
        .containsExactly(
            Problem.of(
                "f", "abcd", "\"abcd\" is 4 characters long: codes have at most 3", "shorten it"));
  }

  @Test
  void rejectsNullAsAProgrammerErrorNamingTheKind() {
    assertThatThrownBy(() -> DIGITS.problems("f", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("code");
  }
}
