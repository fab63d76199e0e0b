package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How {@link RcConf#parse} splits a file into sh command lines: which lines assign, where a command
 * line ends (quotes, escapes, substitutions and comments can carry it over several physical lines)
 * and files that end in the middle of a line. Each case is checked against a real {@code sh}.
 */
class RcConfParseTest {

  /** Asserts that {@code names} are exactly the assignments and that sh sees {@code values}. */
  private static void assertReadLikeSh(String text, List<String> names, Map<String, String> values)
      throws Exception {
    RcConf rc = RcConf.parse(text);
    assertThat(rc.render()).isEqualTo(text);
    assertThat(rc.names()).containsExactlyElementsOf(names);
    Map<String, Optional<String>> expected = new LinkedHashMap<>();
    for (String name : List.of("x", "y", "z")) {
      expected.put(name, Optional.ofNullable(values.get(name)));
      assertThat(rc.get(name)).as(name).isEqualTo(expected.get(name));
    }
    assertThat(RcConfShell.source(text, List.of("x", "y", "z"))).isEqualTo(expected);
  }

  @Test
  void readsAFileThatEndsInBlanksOrInTheMiddleOfAName() throws Exception {
    assertReadLikeSh("x=1\n  ", List.of("x"), Map.of("x", "1"));
    assertReadLikeSh("x=1\n\t", List.of("x"), Map.of("x", "1"));
    assertReadLikeSh("x=1\n:", List.of("x"), Map.of("x", "1"));
    assertThat(RcConf.parse("x=1\nabc").names()).containsExactly("x"); // sh: abc: not found
    assertThat(RcConf.parse("abc").render()).isEqualTo("abc");
    assertThat(RcConf.parse("x").names()).isEmpty();
  }

  @Test
  void readsExportLinesWithBlanksOrTabsAndIgnoresAWordThatOnlyStartsWithExport() throws Exception {
    assertReadLikeSh("export\tx=1\nexport  \t y=2\n", List.of(), Map.of("x", "1", "y", "2"));
    RcConf rc = RcConf.parse("exportx=1\nexport_y=2\n");
    assertThat(rc.names()).containsExactly("exportx", "export_y");
    assertThat(rc.get("x")).isEmpty();
    // "export" alone, or followed only by blanks, at the end of the file assigns nothing
    for (String text : List.of("x=1\nexport", "x=1\nexport ", "x=1\nexport\t\t")) {
      RcConf r = RcConf.parse(text);
      assertThat(r.render()).isEqualTo(text);
      assertThat(r.names()).containsExactly("x");
      assertThat(r.get("x")).contains("1");
    }
  }

  @Test
  void aLineStartingWithEqualsOrADigitIsNoAssignment() throws Exception {
    RcConf rc = RcConf.parse("=x\n1x=2\n_1=3\nA9=4\n");
    assertThat(rc.names()).containsExactly("_1", "A9");
    assertThat(rc.assignments()).extracting(RcConf.Assignment::line).containsExactly(3, 4);
    // sh runs "=x" and "1x=2" as commands: not found, nothing assigned
    assertThat(RcConfShell.source("=x\n1x=2\nx=ok\n", List.of("x")))
        .containsExactly(Map.entry("x", Optional.of("ok")));
  }

  @Test
  void namesAreMadeOfPortableLettersDigitsAndUnderscores() throws Exception {
    String text = "az=1\nAZ=2\n_09=3\nZa_9=4\nx=$az$AZ$_09$Za_9${az}\n";
    RcConf rc = RcConf.parse(text);
    assertThat(rc.names()).containsExactly("az", "AZ", "_09", "Za_9", "x");
    assertThat(rc.get("x")).contains("12341");
    assertThat(RcConfShell.source(text, List.of("x")).get("x")).contains("12341");
    // the characters next to each range in ASCII start no name and end one
    for (String bad : List.of("`", "{", "@", "[", "/", ":", "0", "9")) {
      assertThat(RcConf.parse(bad + "x=1\n").names()).as(bad).isEmpty();
      assertThat(RcConf.parse("a" + bad + "=1\n").names())
          .as(bad)
          .isEqualTo(bad.matches("[0-9]") ? List.of("a" + bad) : List.of());
    }
    assertReadLikeSh(
        "y=1\nx=$y/$y:$y@$y[$y{$y\n", List.of("y", "x"), Map.of("y", "1", "x", "1/1:1@1[1{1"));
  }

  @Test
  void aNonAsciiLetterIsNoNameCharacter() {
    RcConf rc = RcConf.parse("é=1\naé=2\nx=3\n");
    assertThat(rc.names()).containsExactly("x");
    assertThat(rc.assignments()).extracting(RcConf.Assignment::line).containsExactly(3);
  }

  @Test
  void aBackslashNewlineContinuesACommandThatIsNoAssignment() throws Exception {
    // sh reads ": \<newline>x=1" as ": x=1", which assigns nothing
    assertReadLikeSh(": \\\nx=1\ny=2\n", List.of("y"), Map.of("y", "2"));
    assertReadLikeSh(": a\\b\\\\\nx=1\n", List.of("x"), Map.of("x", "1"));
  }

  @Test
  void aSingleQuotedStringOfACommandCanSpanLines() throws Exception {
    assertReadLikeSh(": 'a'\nx=1\n", List.of("x"), Map.of("x", "1"));
    assertReadLikeSh(": 'a\nx=1\n'\ny=2\n", List.of("y"), Map.of("y", "2"));
    assertReadLikeSh(": 'a\\'\nx=1\n", List.of("x"), Map.of("x", "1"));
  }

  @Test
  void aDoubleQuotedStringOfACommandCanSpanLinesAndHoldEscapedQuotes() throws Exception {
    assertReadLikeSh(": \"a\"\nx=1\n", List.of("x"), Map.of("x", "1"));
    assertReadLikeSh(": \"a\\\"\nx=1\n\"\ny=2\n", List.of("y"), Map.of("y", "2"));
    assertReadLikeSh(": \"a\\\\\"\nx=1\n", List.of("x"), Map.of("x", "1"));
    // a backquote inside double quotes may hold a double quote that does not end the string
    assertReadLikeSh(": \"`: '\"'`\nx=1\n\"\ny=2\n", List.of("y"), Map.of("y", "2"));
  }

  @Test
  void aBackquoteOfACommandCanSpanLinesAndHoldEscapedBackquotes() throws Exception {
    assertReadLikeSh(": `:`\nx=1\n", List.of("x"), Map.of("x", "1"));
    assertReadLikeSh(": `:\nx=1\n`\ny=2\n", List.of("y"), Map.of("y", "2"));
    assertReadLikeSh(": `: \\`:\\` \nx=1\n`\ny=2\n", List.of("y"), Map.of("y", "2"));
    // a backslash ends no single-quoted string
    assertReadLikeSh(": 'a\\`'\nx=1\n", List.of("x"), Map.of("x", "1"));
  }

  @Test
  void aHashStartsACommentOnlyAtTheStartOfAWord() throws Exception {
    // "a#" is one word: the quote after it opens a string that holds the next line
    assertReadLikeSh(": a# '\nx=1\n'\ny=2\n", List.of("y"), Map.of("y", "2"));
    assertReadLikeSh(": a #'\nx=1\n", List.of("x"), Map.of("x", "1"));
    assertReadLikeSh(": a;#'\nx=1\n", List.of("x"), Map.of("x", "1"));
    assertReadLikeSh("#'\nx=1\n", List.of("x"), Map.of("x", "1"));
    assertReadLikeSh("x=1 #'\ny=2\n", List.of("x", "y"), Map.of("x", "1", "y", "2"));
    assertReadLikeSh("x=1 #' no newline", List.of("x"), Map.of("x", "1"));
    assertReadLikeSh("x=a#b\n", List.of("x"), Map.of("x", "a#b"));
  }

  @Test
  void anUnterminatedStringOutsideAnyValueEndsAtTheEndOfTheFile() {
    // sh -n rejects these files; no value is affected, so parse keeps them as they are
    for (String text : List.of("x=1\n: \"abc", "x=1\n: 'abc", "x=1\n: `abc", "x=1\n: `a\\")) {
      RcConf rc = RcConf.parse(text);
      assertThat(rc.render()).isEqualTo(text);
      assertThat(rc.names()).containsExactly("x");
      assertThat(rc.get("x")).contains("1");
    }
    RcConf rc = RcConf.parse("x=1 \"abc\ny=2\n");
    assertThat(rc.names()).containsExactly("x");
    assertThat(rc.assignments().get(0).text()).isEqualTo("x=1 \"abc\ny=2\n");
  }

  @Test
  void countsLinesOverValuesAndCommandsThatSpanSeveral() {
    RcConf rc = RcConf.parse("a='1\n2'\n: \"\n\n\"\n\nb=3\n# c\nc=\\\n4\nd=5");
    assertThat(rc.assignments())
        .extracting(RcConf.Assignment::name, RcConf.Assignment::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 1),
            org.assertj.core.groups.Tuple.tuple("b", 7),
            org.assertj.core.groups.Tuple.tuple("c", 9),
            org.assertj.core.groups.Tuple.tuple("d", 11));
  }
}
