package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.vnetjail.core.VnetJailException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The writer and JailConfQuoting: exact text, stable round trips, hostile values. */
class JailConfWriterTest {

  static final List<String> HOSTILE =
      List.of(
          "\"",
          "\\",
          "$",
          "${x}",
          "$x",
          ";",
          "#",
          "//",
          "/*",
          "*/",
          "\n",
          "\t",
          "\r",
          ",",
          "{}",
          "{",
          "}",
          "'",
          "=",
          "+=",
          "caf\u00e9",
          "\u65e5\u672c",
          "\ud83d\ude00",
          "",
          " ",
          "\\n",
          "\\0",
          "\u0001",
          "\u007f",
          "\\x41",
          "a b");

  /** Writes a jail with value, parses the text back, returns what jail(8) would use. */
  static Map<String, List<String>> roundTrip(String jailName, String param, String value) {
    JailConf conf =
        JailConf.of(
            List.of(
                JailConfJail.of(
                    jailName,
                    List.of(
                        JailConfParameter.variable("v", value),
                        JailConfParameter.set(param, value),
                        JailConfParameter.set(
                            "copy", List.of(JailConfValue.builder().variable("v").build()))))));
    return JailConf.parse(conf.render()).effectiveParameters(jailName);
  }

  @Test
  void writesTheExactLayout() {
    JailConf conf =
        JailConf.of(
            List.of(
                JailConfComment.line("managed by vnetjail"),
                JailConfParameter.flag("persist"),
                JailConfParameter.set("exec.clean", "true"),
                JailConfJail.of(
                    "web",
                    List.of(
                        JailConfParameter.variable("id", "154"),
                        JailConfParameter.set(
                            "vnet.interface",
                            List.of(JailConfValue.builder().variable("epair").text("b").build())),
                        JailConfParameter.append("exec.start", "/bin/sh /etc/rc", "x"),
                        JailConfComment.of("# after", true))),
                JailConfJail.of("\"odd\" name", List.of()),
                JailConfInclude.of("/etc/jail.conf.d/*.conf")));

    assertThat(conf.render())
        .isEqualTo(
            "# managed by vnetjail\n"
                + "persist;\n"
                + "exec.clean = \"true\";\n"
                + "\n"
                + "web {\n"
                + "  $id = \"154\";\n"
                + "  vnet.interface = \"${epair}b\";\n"
                + "  exec.start += \"/bin/sh /etc/rc\", \"x\"; # after\n"
                + "}\n"
                + "\n"
                + "\"\\\"odd\\\" name\" {\n"
                + "}\n"
                + "\n"
                + ".include \"/etc/jail.conf.d/*.conf\";\n");
  }

  @Test
  void writesOneStatementWithoutAFinalNewline() {
    assertThat(JailConfWriter.write(JailConfParameter.flag("persist"))).isEqualTo("persist;");
    assertThat(
            JailConfWriter.write(
                JailConfJail.of(
                    "j",
                    List.of(
                        JailConfParameter.flag("a"),
                        JailConfJail.of("k", List.of(JailConfParameter.set("b", "1")))))))
        .isEqualTo("j {\n  a;\n\n  k {\n    b = \"1\";\n  }\n}");
    assertThat(JailConfWriter.write(JailConfComment.of("# c", true))).isEqualTo("# c");
  }

  @Test
  void putsATrailingCommentOnItsOwnLineAfterALineComment() {
    JailConf conf =
        JailConf.of(
            List.of(
                JailConfComment.of("# first", true),
                JailConfParameter.flag("a"),
                JailConfComment.of("# x", true),
                JailConfComment.of("// y", true),
                JailConfParameter.flag("b"),
                JailConfComment.of("/* x */", true),
                JailConfComment.of("# y", true),
                JailConfComment.of("/* z */", false),
                JailConfComment.of("/* w */", true)));

    assertThat(conf.render()).isEqualTo("# first\na; # x\n// y\nb; /* x */ # y\n/* z */ /* w */\n");
  }

  @Test
  void separatesBlocksWithOneBlankLineExceptAfterALeadingComment() {
    JailConf conf =
        JailConf.of(
            List.of(
                JailConfJail.of("a", List.of()),
                JailConfJail.of("b", List.of()),
                JailConfComment.of("# about c", false),
                JailConfJail.of("c", List.of()),
                JailConfComment.of("# after c", true),
                JailConfParameter.flag("p"),
                JailConfComment.of("# lone", false),
                JailConfParameter.flag("q")));

    assertThat(conf.render())
        .isEqualTo("a {\n}\n\nb {\n}\n\n# about c\nc {\n} # after c\n\np;\n# lone\nq;\n");
  }

  @Test
  void writesEveryOperatorAndSeveralIncludePatterns() {
    JailConf conf =
        JailConf.of(
            List.of(
                JailConfParameter.of("a", false, JailConfParameter.Operator.NONE, List.of()),
                JailConfParameter.of(
                    "b",
                    false,
                    JailConfParameter.Operator.IMPLICIT,
                    List.of(JailConfValue.literal("1"), JailConfValue.literal("2"))),
                JailConfParameter.append("c", "3"),
                JailConfParameter.variable("d e", "4"),
                JailConfInclude.of("x.conf", "y/*.conf")));

    assertThat(conf.render())
        .isEqualTo(
            "a;\nb \"1\", \"2\";\nc += \"3\";\n${d e} = \"4\";\n"
                + ".include \"x.conf\", \"y/*.conf\";\n");
  }

  @Test
  void checksACommentsMarkersAndLines() {
    assertThat(JailConfComment.of("/**/", false).text()).isEqualTo("/**/");
    assertThat(JailConfComment.of("/* a\n b */", false).text()).isEqualTo("/* a\n b */");
    assertThat(JailConfComment.of("#", true).isTrailing()).isTrue();
    assertThat(JailConfComment.line("")).isEqualTo(JailConfComment.of("#", false));
    assertThat(JailConfComment.line("x").text()).isEqualTo("# x");
    assertThat(catchThrowable(() -> JailConfComment.of("\0# a", false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("comment \0# a holds a NUL byte");
    assertThat(catchThrowable(() -> JailConfComment.of("# a\0", false)))
        .hasMessage("comment # a\0 holds a NUL byte");
    assertThat(catchThrowable(() -> JailConfComment.of("# a\nb", false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line comment # a\nb holds a newline; use one comment per line");
    assertThat(catchThrowable(() -> JailConfComment.of("// a\n", false)))
        .hasMessage("line comment // a\n holds a newline; use one comment per line");
    for (String bad : List.of("x", "", "/*/", "/* a", "a */", "/ * */")) {
      assertThat(catchThrowable(() -> JailConfComment.of(bad, false)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("comment %s must start with #, // or /* (and end with */)", bad);
    }
    assertThat(catchThrowable(() -> JailConfComment.of("/* a */ b */", false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("block comment /* a */ b */ holds */ before its end; comments do not nest");
    assertThat(catchThrowable(() -> JailConfComment.of("/**/*/", false)))
        .hasMessage("block comment /**/*/ holds */ before its end; comments do not nest");
  }

  @Test
  void comparesCommentsByTextAndPlace() {
    JailConfComment a = JailConfComment.of("# a", false);

    assertThat(a)
        .isEqualTo(JailConfComment.of("# a", false))
        .hasSameHashCodeAs(JailConfComment.of("# a", false));
    assertThat(a).isNotEqualTo(JailConfComment.of("# b", false));
    assertThat(a).isNotEqualTo(JailConfComment.of("# a", true));
    assertThat(a).isNotEqualTo("# a");
    assertThat(a.hashCode()).isNotEqualTo(JailConfComment.of("# b", false).hashCode());
    assertThat(a).hasToString("# a");
  }

  @Test
  void quotesValuesAndNames() {
    assertThat(JailConfQuoting.quote("a \"b\" $c \\d")).isEqualTo("\"a \\\"b\\\" \\$c \\\\d\"");
    assertThat(JailConfQuoting.quote("l1\nl2\tx\u0001\u007f"))
        .isEqualTo("\"l1\\nl2\\tx\\x01\\x7f\"");
    assertThat(JailConfQuoting.quoteName("web.1")).isEqualTo("web.1");
    assertThat(JailConfQuoting.quoteName("*")).isEqualTo("*");
    assertThat(JailConfQuoting.quoteName("outer.*")).isEqualTo("\"outer.*\"");
    assertThat(JailConfQuoting.quoteName("")).isEqualTo("\"\"");
    assertThat(JailConfQuoting.quoteName("a/b")).isEqualTo("\"a/b\"");
    assertThat(JailConfQuoting.variableReference("host.hostname")).isEqualTo("${host.hostname}");
    assertThat(JailConfQuoting.variableReference("a")).isEqualTo("${a}");
    assertThat(JailConfQuoting.variableReference("")).isEqualTo("${}");
    assertThat(JailConfQuoting.variableReference("a}\"b")).isEqualTo("${a\\}\\\"b}");
    assertThat(JailConfQuoting.variableDefinition("epair")).isEqualTo("$epair");
    assertThat(JailConfQuoting.variableDefinition("a.b")).isEqualTo("${a.b}");
  }

  /** Every string of one or two characters from U+0000..U+007F and a few beyond. */
  static List<String> shortStrings() {
    List<String> chars = new ArrayList<>();
    for (char c = 0; c < 0x80; c++) {
      chars.add(String.valueOf(c));
    }
    chars.addAll(List.of("\u00e9", "\u00c0", "\u0660", "\uff10", "\u212a"));
    List<String> out = new ArrayList<>(chars);
    for (String a : chars) {
      for (String b : chars) {
        out.add(a + b);
      }
    }
    return out;
  }

  @Test
  void takesAsVariableNamesWhatJaillexReadsAfterABareDollar() {
    // jaillex.l: $[A-Za-z_][A-Za-z_0-9]*
    Pattern name = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
    for (String s : shortStrings()) {
      assertThat(JailConfQuoting.isVariableName(s))
          .as("%s", s)
          .isEqualTo(name.matcher(s).matches());
    }
    assertThat(JailConfQuoting.isVariableName("")).isFalse();
    assertThat(JailConfQuoting.isVariableName("a_Z9b")).isTrue();
    assertThat(JailConfQuoting.variableDefinition("x9")).isEqualTo("$x9");
    assertThat(JailConfQuoting.variableDefinition("9x")).isEqualTo("${9x}");
  }

  @Test
  void takesAsWordsWhatJaillexReadsAsOneUnquotedWord() {
    // jaillex.l: [A-Za-z0-9_!%&()\-.:<>?@\[\]^`|~]+
    Pattern word = Pattern.compile("[A-Za-z0-9_!%&()\\-.:<>?@\\[\\]^`|~]+");
    for (String s : shortStrings()) {
      assertThat(JailConfQuoting.isWord(s)).as("%s", s).isEqualTo(word.matcher(s).matches());
    }
    assertThat(JailConfQuoting.isWord("")).isFalse();
    assertThat(JailConfQuoting.quoteName("a b")).isEqualTo("\"a b\"");
    assertThat(JailConfQuoting.quoteName("a-b.c")).isEqualTo("a-b.c");
  }

  @Test
  void refusesANulByteWithAClearMessage() {
    assertThatThrownBy(() -> JailConfQuoting.quote("a\0b"))
        .isInstanceOf(VnetJailException.class)
        .hasMessageContaining("NUL byte");
    assertThatThrownBy(() -> JailConfParameter.set("x", "a\0b"))
        .isInstanceOf(VnetJailException.class)
        .hasMessageContaining("holds a NUL byte; jail(8) ends a value there");
  }

  @Test
  void bringsBackEveryHostileValueExactly() {
    for (String value : HOSTILE) {
      Map<String, List<String>> eff = roundTrip("j", "x", value);

      assertThat(eff.get("x")).as("value %s", value).containsExactly(value);
      assertThat(eff.get("copy")).as("copy of %s", value).containsExactly(value);
    }
  }

  @Test
  void bringsBackEveryHostileNameExactly() {
    for (String s : HOSTILE) {
      String jailName = "j" + s;
      String param = "p" + s;
      Map<String, List<String>> eff = roundTrip(jailName, param, "v");

      assertThat(eff.get("name")).as("jail %s", jailName).containsExactly(jailName);
      assertThat(eff.get(param)).as("parameter %s", param).containsExactly("v");
    }
  }

  @Test
  void bringsBackHostileVariableNames() {
    for (String s : HOSTILE) {
      String var = "v" + s;
      JailConf conf =
          JailConf.of(
              List.of(
                  JailConfJail.of(
                      "j",
                      List.of(
                          JailConfParameter.variable(var, "V"),
                          JailConfParameter.set(
                              "x",
                              List.of(
                                  JailConfValue.builder()
                                      .text("<")
                                      .variable(var)
                                      .text(">")
                                      .build()))))));
      JailConf back = JailConf.parse(conf.render());

      assertThat(back).as("variable %s", var).isEqualTo(conf);
      assertThat(back.effectiveParameters("j").get("x")).containsExactly("<V>");
    }
  }

  /** Random strings over the hostile classes plus random characters; seeded, so reproducible. */
  static String randomString(Random random) {
    StringBuilder b = new StringBuilder();
    int pieces = random.nextInt(8);
    for (int i = 0; i < pieces; i++) {
      switch (random.nextInt(5)) {
        case 0:
          b.append(HOSTILE.get(random.nextInt(HOSTILE.size())));
          break;
        case 1:
          b.append((char) (1 + random.nextInt(0x7f)));
          break;
        case 2:
          b.append((char) (0x80 + random.nextInt(0xd000)));
          break;
        case 3:
          b.appendCodePoint(0x10000 + random.nextInt(0x1000));
          break;
        default:
          b.append("abcXYZ019_.-".charAt(random.nextInt(12)));
      }
    }
    return b.toString();
  }

  @Test
  void roundTripsTenThousandRandomValuesThroughWriterParserAndEvaluator() {
    Random random = new Random(20261204L);
    List<JailConfStatement> body = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String value = randomString(random);
      expected.add(value);
      body.add(JailConfParameter.set("p" + i, value));
    }
    JailConf conf = JailConf.of(List.of(JailConfJail.of("j", body)));
    String text = conf.render();
    JailConf back = JailConf.parse(text);

    assertThat(back).isEqualTo(conf);
    assertThat(back.render()).isEqualTo(text);
    Map<String, List<String>> eff = back.effectiveParameters("j");
    for (int i = 0; i < expected.size(); i++) {
      assertThat(eff.get("p" + i)).as("value %s", i).containsExactly(expected.get(i));
    }
  }

  @Test
  void roundTripsRandomNamesAndVariableReferences() {
    Random random = new Random(7L);
    for (int i = 0; i < 2_000; i++) {
      String jail = "j" + randomString(random);
      String var = randomString(random);
      String text = randomString(random);
      JailConf conf =
          JailConf.of(
              List.of(
                  JailConfJail.of(
                      jail,
                      List.of(
                          JailConfParameter.variable(var, text),
                          JailConfParameter.set(
                              "x",
                              List.of(
                                  JailConfValue.builder()
                                      .text(text)
                                      .variable(var)
                                      .text(text)
                                      .build()))))));
      JailConf back = JailConf.parse(conf.render());

      assertThat(back).isEqualTo(conf);
      assertThat(back.effectiveParameters(jail).get("x")).containsExactly(text + text + text);
    }
  }

  @Test
  void keepsRenderOfParseStable() {
    String messy =
        "# head\n"
            + "  persist ;exec.clean=1;\n"
            + "/* block\n   comment */\n"
            + "web{ $id=154 ; ip4.addr = 10.0.0.$id; # trailing\n"
            + "  inner { a; } // after inner\n"
            + "x = a, 'b c', \"d\\te\";}\n"
            + "\"*\" { allow.nomount; }\n";
    String once = JailConf.parse(messy).render();

    assertThat(JailConf.parse(once).render()).isEqualTo(once);
    assertThat(JailConf.parse(once)).isEqualTo(JailConf.parse(messy));
    assertThat(JailConf.parse(once).evaluate().jails().get(0).parameters())
        .isEqualTo(JailConf.parse(messy).evaluate().jails().get(0).parameters());
  }
}
