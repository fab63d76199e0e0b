package io.github.vnetjail.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exact character ranges {@link Text} escapes and accepts, at each boundary. */
class TextMutationGapTest {

  @Test
  void showEscapesControlAndC1CharactersAndNothingNextToThem() {
    assertThat(Text.show("\u001f")).isEqualTo("\"\\u001f\"");
    assertThat(Text.show(" ")).isEqualTo("\" \"");
    assertThat(Text.show("~")).isEqualTo("\"~\"");
    assertThat(Text.show("\u007f")).isEqualTo("\"\\u007f\"");
    assertThat(Text.show("\u009f")).isEqualTo("\"\\u009f\"");
    assertThat(Text.show("\u00a0")).isEqualTo("\"\u00a0\"");
    assertThat(Text.show("\uffff")).isEqualTo("\"\uffff\"");
    assertThat(Text.show("\ud800\udc00")).isEqualTo("\"\\U00010000\"");
  }

  @Test
  void describeNamesControlAndNonAsciiCharactersAtTheirBoundaries() {
    assertThat(Text.describe(0x1f)).isEqualTo("'\\u001f' (U+001F, a control character)");
    assertThat(Text.describe('!')).isEqualTo("'!'");
    assertThat(Text.describe('~')).isEqualTo("'~'");
    assertThat(Text.describe(0x7f)).isEqualTo("'\\u007f' (U+007F, a control character)");
    assertThat(Text.describe(0x80)).isEqualTo("'\\u0080' (U+0080, non-ASCII)");
    assertThat(Text.describe(0xe9)).isEqualTo("'\u00e9' (U+00E9, non-ASCII)");
  }

  @Test
  void asciiClassesStopExactlyAtTheirLastCharacters() {
    for (char c : "09AZaz".toCharArray()) {
      assertThat(Text.isAsciiAlnum(c)).as("%s", c).isTrue();
    }
    for (char c : "/:@[`{".toCharArray()) {
      assertThat(Text.isAsciiAlnum(c)).as("%s", c).isFalse();
      assertThat(Text.isAsciiLetter(c)).as("%s", c).isFalse();
    }
    for (char c : "AZaz".toCharArray()) {
      assertThat(Text.isAsciiLetter(c)).as("%s", c).isTrue();
    }
    assertThat(Text.isAsciiLetter('0')).isFalse();
  }
}
