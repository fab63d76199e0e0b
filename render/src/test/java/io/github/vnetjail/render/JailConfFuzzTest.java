package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random jail.conf texts: every text either fails with a jail(8)-worded parse error, or
 * parses to statements that the writer writes stably and that evaluate the same after a round trip.
 */
class JailConfFuzzTest {
  static final List<String> FRAGMENTS =
      List.of(
          "j",
          "web.1",
          "*",
          "\"outer.*\"",
          " { ",
          " } ",
          ";",
          " = ",
          " += ",
          ", ",
          " ",
          "\n",
          "\t",
          "\r\n",
          "$v",
          "${v}",
          "${name}",
          "\"a b\"",
          "'s q'",
          "\"x${v}y\"",
          "\"\\$\"",
          "\\n",
          "\"\\x41\\101\"",
          "# c\n",
          "// c\n",
          "/* c */",
          "/* multi\nline */",
          "path",
          "persist",
          "nopersist",
          "exec.start",
          "\"caf\u00e9\"",
          "'$x'",
          "\"\\\"\"",
          "1",
          "$v = V;",
          ".include \"none/*.conf\";",
          "\"\"",
          "\\\n",
          "a\\ b",
          "x",
          "\"{;}\"");

  static final List<String> NAMES =
      List.of("j", "web.1", "\"my jail\"", "*", "\"web.*\"", "7", "'q$'", "persist", "nopersist");
  static final List<String> PIECES =
      List.of(
          "a",
          "/usr/local",
          "\"a b\"",
          "'s q'",
          "\"x${v}y\"",
          "$v",
          "${name}",
          "\"\\$\"",
          "\"caf\u00e9\"",
          "\"\\x41\\101\"",
          "\"\"",
          "a\\ b",
          "\"{;}\"",
          "\"#//\"",
          "$nope",
          "${l}",
          "1");
  static final List<String> GAPS =
      List.of(" ", "\n", "\t", "\r\n", " # c\n", " // c\n", " /* c */ ", "/* m\nl */", "\n\n");

  static String gap(Random r) {
    return r.nextInt(4) == 0 ? GAPS.get(r.nextInt(GAPS.size())) : " ";
  }

  static String value(Random r) {
    StringBuilder b = new StringBuilder(PIECES.get(r.nextInt(PIECES.size())));
    while (r.nextInt(3) == 0) {
      b.append(PIECES.get(r.nextInt(PIECES.size())));
    }
    return b.toString();
  }

  static void statement(Random r, StringBuilder b, int depth) {
    switch (r.nextInt(depth > 1 ? 6 : 7)) {
      case 0:
        b.append(r.nextBoolean() ? "$v" : "$l").append(gap(r)).append("=").append(gap(r));
        break;
      case 1:
        b.append(NAMES.get(r.nextInt(NAMES.size()))).append(";");
        return;
      case 6:
        b.append(NAMES.get(r.nextInt(NAMES.size()))).append(gap(r)).append("{").append(gap(r));
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          statement(r, b, depth + 1);
          b.append(gap(r));
        }
        b.append("}");
        return;
      default:
        b.append(r.nextBoolean() ? "x" : "exec.start")
            .append(gap(r))
            .append(r.nextBoolean() ? "=" : "+=")
            .append(gap(r));
    }
    int values = 1 + r.nextInt(3);
    for (int i = 0; i < values; i++) {
      b.append(i > 0 ? "," + gap(r) : "").append(value(r));
    }
    b.append(";");
  }

  static String randomText(Random random) {
    StringBuilder b = new StringBuilder();
    if (random.nextInt(4) == 0) {
      int n = 1 + random.nextInt(30);
      for (int i = 0; i < n; i++) {
        b.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
      }
      return b.toString();
    }
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      statement(random, b, 0);
      b.append(gap(random));
    }
    return b.toString();
  }

  @Test
  void parsesOrFailsCleanlyAndRoundTripsWhatParses() {
    Random random = new Random(1234L);
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random);
      JailConf conf;
      try {
        conf = JailConf.parse(text);
      } catch (JailConfParseException e) {
        assertThat(e.jailMessage()).as(text).startsWith("jail: ");
        continue;
      }
      parsed++;
      String once = conf.render();
      JailConf back = JailConf.parse(once);

      assertThat(back).as("%s%n-- rendered --%n%s", text, once).isEqualTo(conf);
      assertThat(back.render()).as(text).isEqualTo(once);
      List<JailConfEvaluation.Jail> a = conf.evaluate().jails();
      List<JailConfEvaluation.Jail> b = back.evaluate().jails();
      assertThat(b).hasSameSizeAs(a);
      for (int k = 0; k < a.size(); k++) {
        assertThat(b.get(k).name()).isEqualTo(a.get(k).name());
        assertThat(b.get(k).parameters()).as(text).isEqualTo(a.get(k).parameters());
        assertThat(b.get(k).messages()).isEqualTo(a.get(k).messages());
      }
    }
    assertThat(parsed).isGreaterThan(10_000);
  }
}
