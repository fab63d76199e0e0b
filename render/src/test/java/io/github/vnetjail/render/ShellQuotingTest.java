package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.VnetJailException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShellQuotingTest {

  @Test
  void leavesSafeWordsAlone() {
    assertThat(ShellQuoting.quote("/sbin/ifconfig")).isEqualTo("/sbin/ifconfig");
    assertThat(ShellQuoting.quote("epair154a")).isEqualTo("epair154a");
  }

  @Test
  void singleQuotesEverythingElse() {
    assertThat(ShellQuoting.quote("")).isEqualTo("''");
    assertThat(ShellQuoting.quote("a b")).isEqualTo("'a b'");
    assertThat(ShellQuoting.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(ShellQuoting.quote("$(reboot)")).isEqualTo("'$(reboot)'");
  }

  @Test
  void quotesAProgramNameThatLooksLikeAnAssignment() {
    assertThat(ShellQuoting.join(List.of("A=b", "x=y"))).isEqualTo("'A=b' x=y");
    assertThat(ShellQuoting.join(List.of("jail", "-c", "name=web"))).isEqualTo("jail -c name=web");
  }

  @Test
  void doubleQuoteEscapesShellSpecials() {
    assertThat(ShellQuoting.doubleQuote("addm em0 up")).isEqualTo("\"addm em0 up\"");
    assertThat(ShellQuoting.doubleQuote("a\"b$c`d\\e")).isEqualTo("\"a\\\"b\\$c\\`d\\\\e\"");
  }

  @Test
  void rejectsNulAndLineBreaksWithTheValueInTheMessage() {
    assertThatThrownBy(() -> ShellQuoting.quote("a\0b"))
        .isInstanceOf(VnetJailException.class)
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> ShellQuoting.doubleQuote("a\nb"))
        .isInstanceOf(VnetJailException.class)
        .hasMessageContaining("\"a\\x0ab\"")
        .hasMessageContaining("one line");
  }

  @Test
  void quotesAProgramNameHoldingEqualsAnywhere() {
    assertThat(ShellQuoting.join(List.of("=x", "=y"))).isEqualTo("'=x' =y");
    assertThat(ShellQuoting.join(List.of("x="))).isEqualTo("'x='");
    assertThat(ShellQuoting.join(List.of("a b=c"))).isEqualTo("'a b=c'");
    assertThat(ShellQuoting.join(List.of("", "a"))).isEqualTo("'' a");
    assertThat(ShellQuoting.join(List.of())).isEmpty();
  }

  @Test
  void rejectsANulByteInEveryFormWherePresent() {
    for (String v : List.of("\0", "\0a", "a\0", "a\0b")) {
      String message =
          "value "
              + ShellQuoting.describe(v)
              + " holds a NUL byte, which sh cannot carry; remove it";
      assertThatThrownBy(() -> ShellQuoting.quote(v))
          .isExactlyInstanceOf(VnetJailException.class)
          .hasMessage(message);
      assertThatThrownBy(() -> ShellQuoting.singleQuote(v))
          .isExactlyInstanceOf(VnetJailException.class)
          .hasMessage(message);
      assertThatThrownBy(() -> ShellQuoting.doubleQuote(v))
          .isExactlyInstanceOf(VnetJailException.class)
          .hasMessage(message);
      assertThatThrownBy(() -> ShellQuoting.join(List.of("echo", v)))
          .isExactlyInstanceOf(VnetJailException.class)
          .hasMessage(message);
    }
    assertThat(ShellQuoting.describe("\0a")).isEqualTo("\"\\x00a\"");
  }

  @Test
  void doubleQuoteRejectsALineBreakAnywhere() {
    for (String v : List.of("\n", "\na", "a\n", "\r", "\ra", "a\rb")) {
      assertThatThrownBy(() -> ShellQuoting.doubleQuote(v))
          .isExactlyInstanceOf(VnetJailException.class)
          .hasMessage(
              "value "
                  + ShellQuoting.describe(v)
                  + " holds a line break; rc.conf values must be one line");
    }
    assertThat(ShellQuoting.singleQuote("a\nb")).isEqualTo("'a\nb'");
  }

  @Test
  void singleQuoteAlwaysQuotes() {
    assertThat(ShellQuoting.singleQuote("abc")).isEqualTo("'abc'");
    assertThat(ShellQuoting.singleQuote("")).isEqualTo("''");
    assertThat(ShellQuoting.singleQuote("it's")).isEqualTo("'it'\\''s'");
  }

  @Test
  void describeShowsControlCharactersAndCutsAfter80CodePoints() {
    assertThat(ShellQuoting.describe("a b~")).isEqualTo("\"a b~\"");
    assertThat(ShellQuoting.describe("\u001f\u007f\u0080é")).isEqualTo("\"\\x1f\\x7f\u0080é\"");
    assertThat(ShellQuoting.describe("\t\r\n")).isEqualTo("\"\\x09\\x0d\\x0a\"");
    String eighty = "😀".repeat(80);
    assertThat(ShellQuoting.describe(eighty)).isEqualTo("\"" + eighty + "\"");
    assertThat(ShellQuoting.describe(eighty + "x")).isEqualTo("\"" + eighty + "...\"");
    assertThat(ShellQuoting.describe("a".repeat(79))).isEqualTo("\"" + "a".repeat(79) + "\"");
  }

  @Test
  void realShReadsBackEveryQuotedValueExactly() throws Exception {
    Random random = new Random(20261204L);
    String alphabet = "ab '\"\\$`;|&#(){}*?[]~!<>\t\n=é漢";
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder v = new StringBuilder();
      int len = random.nextInt(12);
      for (int j = 0; j < len; j++) {
        v.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      values.add(v.toString());
    }
    StringBuilder script = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (String v : values) {
      script.append("printf '%s\\0' ").append(ShellQuoting.quote(v)).append('\n');
      expected.append(v).append('\0');
      if (v.indexOf('\n') < 0) {
        script.append("x=").append(ShellQuoting.doubleQuote(v)).append("; printf '%s\\0' \"$x\"\n");
        expected.append(v).append('\0');
      }
    }
    assertThat(runSh(script.toString())).isEqualTo(expected.toString());
  }

  private static String runSh(String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
