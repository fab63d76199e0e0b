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
