package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the value word of an assignment is read ({@link RcConfValue}, through {@link RcConf#get}):
 * escapes, references, values cut off by the end of the file, and the exact reason given for what
 * only a running sh could tell.
 */
class RcConfValueTest {

  /** Asserts that both {@link RcConf#get} and a real sh read {@code value} for x. */
  private static void assertValue(String text, String value) throws Exception {
    assertThat(RcConf.parse(text).get("x")).as(text).contains(value);
    assertThat(RcConfShell.source(text, List.of("x")))
        .as(text)
        .containsExactly(Map.entry("x", Optional.of(value)));
  }

  /** Asserts the exact error of {@link RcConf#get} for x, which uses {@code what}. */
  private static void assertUnknown(String text, String what) {
    assertThatThrownBy(() -> RcConf.parse(text).get("x"))
        .as(text)
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessage(
            "cannot tell the value of x without running sh: rc.conf line 1 uses "
                + what
                + "; replace it with a plain value, for example with set(\"x\", value)");
  }

  /** Asserts the exact error of {@link RcConf#parse} for a value left open at the end. */
  private static void assertUnterminated(String text, String what, String fix) {
    assertThatThrownBy(() -> RcConf.parse(text))
        .as(text)
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessage(
            "rc.conf line 1: the value of x has an unterminated "
                + what
                + "; sh -n rejects this file; add "
                + fix
                + " where the value ends")
        .extracting(e -> ((RcConfException) e).line())
        .isEqualTo(1);
  }

  @Test
  void readsAValueCutOffByTheEndOfTheFile() throws Exception {
    assertValue("x=a\\", "a\\");
    assertValue("x=$", "$");
    assertValue("x=\"$\"", "$");
    assertValue("y=1\nx=$y", "1");
    assertValue("y=1\nx=a$y", "a1");
    assertValue("x=", "");
  }

  @Test
  void aCarriageReturnEndsTheValueOnlyBeforeALineFeedOrTheEndOfTheFile() throws Exception {
    assertValue("x=a\rb\n", "a\rb");
    assertValue("x=\"a\"\rb\n", "a\rb");
    // a CRLF line keeps its CR with the line ending, so an edit keeps the file's line endings
    assertThat(RcConf.parse("x=a\r").set("x", "b").render()).isEqualTo("x=\"b\"\r");
    assertThat(RcConf.parse("x=a\r\ny=1\r\n").set("x", "b").render())
        .isEqualTo("x=\"b\"\r\ny=1\r\n");
    assertThat(RcConf.parse("x=a\rb\n").set("x", "c").render()).isEqualTo("x=\"c\"\n");
  }

  @Test
  void readsTildesLikeSh() throws Exception {
    assertValue("x=a~b", "a~b");
    assertValue("x=a/~", "a/~");
    assertValue("x=\"~\"", "~");
    assertValue("x='~'", "~");
    assertUnknown("x=~", "~ (tilde expansion)");
    assertUnknown("x=~root", "~root (tilde expansion)");
    assertUnknown("x=~root/bin", "~root (tilde expansion)");
    assertUnknown("x=~root:/bin", "~root (tilde expansion)");
    assertUnknown("x=~root ; :", "~root (tilde expansion)");
    assertUnknown("x=/bin:~/bin", "~ (tilde expansion)");
    assertUnknown("x=/bin:~me", "~me (tilde expansion)");
  }

  @Test
  void namesTheFirstThingOnlyShKnows() {
    assertUnknown("x=`date`", "`date`");
    assertUnknown("x=a`date`b", "`date`");
    assertUnknown("x=\"a`date`b\"", "`date`");
    assertUnknown("x=`echo \\`date\\``", "`echo \\`date\\``");
    assertUnknown("x=$(hostname)", "$(hostname)");
    assertUnknown("x=\"($(id))\"", "$(id)");
    assertUnknown("x=$(echo \\))", "$(echo \\))");
    assertUnknown("x=$(echo $(id))", "$(echo $(id))");
    assertUnknown("x=${y:-z}", "${y:-z}");
    assertUnknown("x=${y-\\}}", "${y-\\}}");
    assertUnknown("x=$(a)$(b)", "$(a)");
    assertUnknown("x=$0", "$0");
    assertUnknown("x=$9", "$9");
    assertUnknown("x=$@", "$@");
    assertUnknown("x=$!", "$!");
    assertUnknown("x=$*", "$*");
  }

  @Test
  void aDollarBeforeAnythingElseStaysADollar() throws Exception {
    assertValue("x=$/", "$/");
    assertValue("x=$:", "$:");
    assertValue("x=$=", "$=");
    assertValue("x=\"$ \"", "$ ");
    assertValue("x=$%", "$%");
  }

  @Test
  void readsReferencesUpToTheFirstCharacterThatIsNoNameCharacter() throws Exception {
    assertValue("y_1=a\nx=$y_1.b", "a.b");
    assertValue("Y9=a\nx=${Y9}b", "ab");
    assertValue("_=a\nx=$_", "a");
    assertValue("y=a\nx=$y-$y", "a-a");
  }

  @Test
  void reportsAValueLeftOpenAtTheEndOfTheFileWithItsLine() {
    assertUnterminated("x='a", "single-quoted string", "a closing '");
    assertUnterminated("x=\"a", "double-quoted string", "a closing \"");
    assertUnterminated("x=\"a\\", "double-quoted string", "a closing \"");
    assertUnterminated("x=\"a\\\"", "double-quoted string", "a closing \"");
    assertUnterminated("x=`a", "`...` command substitution", "a closing `");
    assertUnterminated("x=`a\\", "`...` command substitution", "a closing `");
    assertUnterminated("x=\"`a\"", "`...` command substitution", "a closing `");
    assertUnterminated("x=${a", "${...}", "a closing }");
    assertUnterminated("x=${a\\}", "${...}", "a closing }");
    assertUnterminated("x=$(a", "$(...)", "a closing )");
    assertUnterminated("x=$(a(b)", "$(...)", "a closing )");
  }

  @Test
  void singleQuotesAreKeptOnlyForAValueThatIsOneSingleQuotedString() {
    assertThat(RcConf.parse("x='a'\n").set("x", "b").render()).isEqualTo("x='b'\n");
    assertThat(RcConf.parse("x='a' # c\n").set("x", "b").render()).isEqualTo("x='b' # c\n");
    for (String old : List.of("'a'b", "b'a'", "'a''b'", "'a'\"b\"", "\"a\"", "a", "''\\'")) {
      assertThat(RcConf.parse("x=" + old + "\n").set("x", "c").render())
          .as(old)
          .isEqualTo("x=\"c\"\n");
    }
    // a value that starts with a single quote is double-quoted even on a single-quoted line
    assertThat(RcConf.parse("x='a'\n").set("x", "'b").render()).isEqualTo("x=\"'b\"\n");
    assertThat(RcConf.parse("x='a'\n").set("x", "b'").render()).isEqualTo("x=\"b'\"\n");
  }
}
