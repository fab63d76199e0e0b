package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Assignments that do not start a line ({@code x=1; a=2}, {@code x=1 a=2}, {@code x=1 && a=2},
 * continuations) and assignments whose effect only sh knows: {@link RcConf#get} agrees with a real
 * sh or refuses, {@link RcConf#set} never writes an edit sh would not see.
 */
class RcConfMidLineTest {

  /** Asserts that get gives {@code expected} for each name and a real sh agrees. */
  private static void assertShAgrees(String text, Map<String, Optional<String>> expected)
      throws Exception {
    RcConf rc = RcConf.parse(text);
    Map<String, Optional<String>> got = new LinkedHashMap<>();
    for (String name : expected.keySet()) {
      got.put(name, rc.get(name));
    }
    assertThat(got).as(text).isEqualTo(expected);
    assertThat(RcConfShell.source(text, List.copyOf(expected.keySet())))
        .as(text)
        .isEqualTo(expected);
  }

  private static Map<String, Optional<String>> values(String... nameValue) {
    Map<String, Optional<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      map.put(nameValue[i], Optional.ofNullable(nameValue[i + 1]));
    }
    return map;
  }

  private static void assertGetRefuses(String text, String name, String message) {
    assertThatThrownBy(() -> RcConf.parse(text).get(name))
        .as(text)
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessage(message);
  }

  @Test
  void getSeesAssignmentsLaterInACommandLineAsShDoes() throws Exception {
    assertShAgrees("a=1\nb=0; a=2\n", values("a", "2", "b", "0"));
    assertShAgrees("c=1 \\\nd=2\n", values("c", "1", "d", "2"));
    assertShAgrees("a=1 b=\"x y\" c=$a$b\n", values("a", "1", "b", "x y", "c", "1x y"));
    assertShAgrees("x=1 && a=2 && b=$a\n", values("x", "1", "a", "2", "b", "2"));
    assertShAgrees("x=1 &&\na=2\n", values("x", "1", "a", "2"));
    assertShAgrees("a=1;a=2;\n", values("a", "2"));
    assertShAgrees("a=1 ;# b=2\nb=3 # c=4\n", values("a", "1", "b", "3", "c", null));
    assertShAgrees("export a=1 b=2\nreadonly c=3\n", values("a", "1", "b", "2", "c", "3"));
    assertShAgrees(": x; a=1\necho a=2 >/dev/null\n", values("a", "1"));
    assertShAgrees(
        "ntpd_enable=\"YES\"   ; ntpd_sync_on_start=\"YES\"\n",
        values("ntpd_enable", "YES", "ntpd_sync_on_start", "YES"));
  }

  @Test
  void getSkipsHereDocumentsAsShDoes() throws Exception {
    assertShAgrees(
        "a=1\ncat >/dev/null <<EOF\na=2\nEOF\nb=$a\n" + "cat >/dev/null <<-'E'\n\ta=3\n\tE\nc=$a\n",
        values("a", "1", "b", "1", "c", "1"));
  }

  @Test
  void getRefusesAssignmentsThatOnlyAShCanTellWithTheLineAndTheFix() throws Exception {
    String fix = "; move that assignment to a line of its own, or remove it";
    String tell = "cannot tell the value of a without running sh: rc.conf line ";
    assertGetRefuses(
        "x=1 || a=2\n",
        "a",
        tell + "1 comes after ||, so it runs only when the command before fails" + fix);
    assertGetRefuses(
        "false &&\n a=2\n",
        "a",
        tell + "2 comes after &&, so it runs only when the command before succeeds" + fix);
    assertGetRefuses(
        "x=$(false) && a=2\n",
        "a",
        tell + "1 comes after &&, so it runs only when the command before succeeds" + fix);
    assertGetRefuses(
        "a=1 | cat\n", "a", tell + "1 is part of a pipeline, which sh runs in a subshell" + fix);
    assertGetRefuses(
        "true | a=1\n", "a", tell + "1 is part of a pipeline, which sh runs in a subshell" + fix);
    assertGetRefuses("a=1 &\n", "a", tell + "1 runs in the background, in a subshell" + fix);
    assertGetRefuses(
        "a=1 true\n", "a", tell + "1 assigns only for the command true after it" + fix);
    assertGetRefuses("a=1 2>/dev/null\n", "a", tell + "1 is in a command with a redirection" + fix);
    assertGetRefuses("a=1 || b=2 &\n", "a", tell + "1 runs in the background, in a subshell" + fix);
    assertGetRefuses("a=1 >/dev/null\n", "a", tell + "1 is in a command with a redirection" + fix);
    assertGetRefuses(
        "if true; then\n  a=1\nfi\n", "a", tell + "2 is inside a compound command (if ...)" + fix);
    assertGetRefuses("f() { a=1; }\n", "a", tell + "1 is inside a compound command ({ ...)" + fix);
    assertGetRefuses(
        "case x in x) a=1;; esac\n", "a", tell + "1 is inside a compound command (case ...)" + fix);
    assertGetRefuses(
        "for a in 1 2; do :; done\n", "a", tell + "1 is the variable of a for loop" + fix);
    assertGetRefuses("a=1\nunset a\n", "a", tell + "2 runs unset a" + fix);
    assertGetRefuses("a=1\n: ${a:=2}\n", "a", tell + "2 assigns a in ${a:=" + fix);
    assertGetRefuses("a=1 b=${a=2}\n", "a", tell + "1 assigns a in ${a=" + fix);
    // sh really keeps none of these (or only sometimes): what they give in this sh
    assertThat(
            RcConfShell.source("x=1 || a=2\na=1 | cat\nb=1 &\nc=1 true\n", List.of("a", "b", "c")))
        .containsExactly(
            Map.entry("a", Optional.empty()),
            Map.entry("b", Optional.empty()),
            Map.entry("c", Optional.empty()));
    // a later plain assignment settles the doubt
    assertShAgrees("x=1 || a=2\na=3\n", values("a", "3"));
    assertShAgrees("if true; then a=1; fi; a=2\n", values("a", "2"));
  }

  @Test
  void readsWordsOfCommandsAsShDoesSoThatNothingInsideThemIsTakenForAnAssignment()
      throws Exception {
    assertShAgrees(": ${x:-\\}; c=2}\n", values("c", null));
    assertShAgrees(": ${x:-'a;}'}; c=2\n", values("c", "2"));
    assertShAgrees(": ${x:-\"a;}\"}; c=2\n", values("c", "2"));
    assertShAgrees(": ${x:-${y:-a;}}; c=2\n", values("c", "2"));
    assertShAgrees(": $(echo \"a;)\"); c=2\n", values("c", "2"));
    assertShAgrees("true b=2\n", values("b", null));
    assertShAgrees("a=1\n\\ b=2\n", values("a", "1", "b", null));
    assertShAgrees("x=1 || a=2; b=1 && c=2\n", values("x", "1", "b", "1", "c", "2"));
    assertShAgrees("cat >/dev/null << EOF\nx\na=2\nEOF\nb=1\n", values("a", null, "b", "1"));
    assertGetRefuses(
        "a=1 then\n",
        "a",
        "cannot tell the value of a without running sh: rc.conf line 1 assigns only for the"
            + " command then after it; move that assignment to a line of its own, or remove it");
    assertGetRefuses(
        "( a=1 ); b=2\n",
        "a",
        "cannot tell the value of a without running sh: rc.conf line 1 is inside a compound"
            + " command (( ...); move that assignment to a line of its own, or remove it");
    assertThat(RcConf.parse("( a=1 ); b=2\n").get("b")).contains("2");
    // a command substitution is one word, run in a subshell
    assertShAgrees(": $(a=1)\n", values("a", null));
    // a CR before LF (or at the end of the file) ends a command's word too: unset sees the name a
    assertGetRefuses(
        "a=1\nunset a\r",
        "a",
        "cannot tell the value of a without running sh: rc.conf line 2 runs unset a; move that"
            + " assignment to a line of its own, or remove it");
    assertGetRefuses(
        "a=1\r\nunset a\r\n",
        "a",
        "cannot tell the value of a without running sh: rc.conf line 2 runs unset a; move that"
            + " assignment to a line of its own, or remove it");
  }

  /** Files sh -n rejects still parse (as before) when the open part is no assignment's value. */
  @Test
  void parsesFilesEndingInTheMiddleOfACommand() {
    for (String end :
        List.of(";", " &", " \\", "\n: >", "\n: ${x", "\n: $", "\ncat <<EOF\nb=2\n")) {
      RcConf rc = RcConf.parse("a=1" + end);
      assertThat(rc.render()).isEqualTo("a=1" + end);
      assertThat(rc.get("b")).as(end).isEmpty();
      if (end.startsWith("\n") || end.equals(";")) {
        assertThat(rc.get("a")).as(end).contains("1");
      } else {
        assertThatThrownBy(() -> rc.get("a")).as(end).isInstanceOf(RcConfException.class);
      }
    }
  }

  @Test
  void getRefusesAValueThatRefersToAVariableOnlyShKnows() throws Exception {
    String text = "a=$(echo hi)\nb=\"<$a>\"\nc=$b\n";
    assertGetRefuses(
        text,
        "c",
        "cannot tell the value of c without running sh: rc.conf line 3 uses $b (line 2 uses $a"
            + " (line 1 uses $(echo hi))); replace it with a plain value, for example with"
            + " set(\"c\", value)");
    assertThat(RcConfShell.source(text, List.of("b"))).containsEntry("b", Optional.of("<hi>"));
    // a reference to itself after a doubtful assignment is doubtful too
    assertGetRefuses(
        "a=1 || a=2\na=\"$a x\"\n",
        "a",
        "cannot tell the value of a without running sh: rc.conf line 2 uses $a (line 1 comes"
            + " after ||, so it runs only when the command before fails); replace it with a plain"
            + " value, for example with set(\"a\", value)");
  }

  @Test
  void setRefusesAnEditALaterMidLineAssignmentWouldOverride() throws Exception {
    RcConf rc = RcConf.parse("a=1\nb=0; a=2\n");
    assertThatThrownBy(() -> rc.set("a", "3"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessage(
            "rc.conf line 2 sets a again later in the line, after line 1 that sysrc edits, so sh"
                + " would keep that value; put a=2 on a line of its own or remove it")
        .extracting(e -> ((RcConfException) e).line())
        .isEqualTo(2);
    assertThatThrownBy(() -> rc.addWord("a", "x"))
        .hasMessageStartingWith("rc.conf line 2 sets a again later in the line");
    // on the same line
    assertThatThrownBy(() -> RcConf.parse("a=1 a=2\n").set("a", "3"))
        .hasMessage(
            "rc.conf line 1 sets a again later in the line, after line 1 that sysrc edits, so sh"
                + " would keep that value; put a=2 on a line of its own or remove it");
    assertThatThrownBy(() -> RcConf.parse("a=1\nreadonly a=2\n").set("a", "3"))
        .hasMessage(
            "rc.conf line 2 sets a again with readonly, after line 1 that sysrc edits, so sh would"
                + " keep the readonly value; change or remove line 2");
    assertThatThrownBy(() -> RcConf.parse("a=1\nx || a=2\n").set("a", "3"))
        .hasMessage(
            "rc.conf line 2 comes after ||, so it runs only when the command before fails, after"
                + " line 1 that sysrc edits, so sh might keep that value; change or remove line 2");
    // already the value sh sees: nothing to write, nothing to refuse
    assertThat(rc.set("a", "2")).isSameAs(rc);
  }

  @Test
  void setRefusesToEditALineThatMayNotAssignInTheCurrentShell() {
    for (String text : List.of("a=1 true\n", "if :; then\na=1\nfi\n", "a=1 &\n")) {
      int line = text.startsWith("if") ? 2 : 1;
      assertThatThrownBy(() -> RcConf.parse(text).set("a", "3"))
          .as(text)
          .isExactlyInstanceOf(RcConfException.class)
          .hasMessageStartingWith("rc.conf line " + line + " ")
          .hasMessageEndingWith(
              ", so sh may not keep an edit of it; move that assignment to a line of its own (or"
                  + " remove it), then set a again")
          .extracting(e -> ((RcConfException) e).line())
          .isEqualTo(line);
    }
    assertThatThrownBy(() -> RcConf.parse("a=1 true\n").set("a", "3"))
        .hasMessage(
            "rc.conf line 1 assigns only for the command true after it, so sh may not keep an edit"
                + " of it; move that assignment to a line of its own (or remove it), then set a"
                + " again");
  }

  @Test
  void setEditsOrAppendsSoThatShSeesTheNewValue() throws Exception {
    // only mid-line assignments: the appended line comes last and wins, as with sysrc
    String text = "c=1 \\\nd=2\nx=0; e=5\n";
    RcConf rc = RcConf.parse(text).set("d", "3").set("e", "6").set("c", "4");
    assertThat(rc.render()).isEqualTo("c=\"4\" \\\nd=2\nx=0; e=5\nd=\"3\"\ne=\"6\"\n");
    assertShAgrees(rc.render(), values("c", "4", "d", "3", "e", "6", "x", "0"));
    // an edit of the first word keeps the words after it
    RcConf two = RcConf.parse("a=1 b=2; c=3\n").set("a", "x y");
    assertThat(two.render()).isEqualTo("a=\"x y\" b=2; c=3\n");
    assertShAgrees(two.render(), values("a", "x y", "b", "2", "c", "3"));
  }

  @Test
  void deleteRefusesALineThatAlsoAssignsAnotherVariable() {
    assertThatThrownBy(
            () -> RcConf.parse("x=0\nntpd_enable=YES; ntpd_sync=YES\n").delete("ntpd_enable"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessage(
            "cannot delete ntpd_enable: rc.conf line 2 also assigns ntpd_sync (line 2), which"
                + " removing the line would lose; move ntpd_sync's assignment to a line of its own"
                + " first")
        .extracting(e -> ((RcConfException) e).line())
        .isEqualTo(2);
    assertThatThrownBy(() -> RcConf.parse("a=1 \\\nb=2\n").delete("a"))
        .hasMessageStartingWith("cannot delete a: rc.conf line 1 also assigns b (line 2)");
    // the same name again on the line goes with it; a mid-line one elsewhere stays, as with sysrc
    assertThat(RcConf.parse("a=1; a=2\nb=3\nx=0; a=4\n").delete("a").render())
        .isEqualTo("b=3\nx=0; a=4\n");
    assertThat(RcConf.parse("x=0; a=4\n").delete("a").render()).isEqualTo("x=0; a=4\n");
  }

  @Test
  void midLineAssignmentsListsTheWordsSysrcDoesNotEdit() {
    RcConf rc = RcConf.parse("a=1 b='2'; export c=3\nd=4 \\\n e=\"5\" # x\nx || f=6\n");
    assertThat(rc.midLineAssignments())
        .containsExactly(
            new RcConf.Assignment("b", 1, "'2'", "a=1 b='2'; export c=3\n"),
            new RcConf.Assignment("e", 3, "\"5\"", "d=4 \\\n e=\"5\" # x\n"),
            new RcConf.Assignment("f", 4, "6", "x || f=6\n"));
    assertThat(rc.assignments()).extracting(RcConf.Assignment::name).containsExactly("a", "d");
    assertThat(rc.names()).containsExactly("a", "d");
    assertThat(rc.contains("b")).isFalse();
  }

  /**
   * CRLF: sh keeps the CR as the last character of the value; get takes it for the line ending
   * (documented), so that edits keep CRLF lines. This pins that one known difference.
   */
  @Test
  void getDropsTheCrOfACrlfLineWhichShKeeps() throws Exception {
    String text = "a=1\r\nb=\"x\"\r\nc=2; d=3\r\n";
    RcConf rc = RcConf.parse(text);
    assertThat(List.of(rc.get("a"), rc.get("b"), rc.get("c"), rc.get("d")))
        .containsExactly(Optional.of("1"), Optional.of("x"), Optional.of("2"), Optional.of("3"));
    assertThat(RcConfShell.source(text, List.of("a", "b", "c", "d")))
        .containsExactly(
            Map.entry("a", Optional.of("1\r")),
            Map.entry("b", Optional.of("x\r")),
            Map.entry("c", Optional.of("2")),
            Map.entry("d", Optional.of("3\r")));
    assertThat(rc.set("d", "4").set("a", "5").render())
        .isEqualTo("a=\"5\"\r\nb=\"x\"\r\nc=2; d=3\r\nd=\"4\"\n");
  }

  /**
   * Random files of command lines joining assignments with {@code ;}, blanks, {@code &&}, {@code
   * ||}, pipes, continuations and comments: get agrees with a real sh on every name it does not
   * refuse, and every set it does not refuse is seen by sh.
   */
  @Test
  void randomCommandLinesReadAndEditedTheWayARealShSeesThem() throws Exception {
    Random random = new Random(2026_0512L);
    List<String> joins = List.of("; ", " ", "&&", " && ", " || ", " | ", " \\\n", ";\\\n ", " &\n");
    int agreed = 0;
    int refused = 0;
    int edited = 0;
    for (int file = 0; file < 60; file++) {
      StringBuilder text = new StringBuilder();
      for (int line = 4 + random.nextInt(6); line > 0; line--) {
        if (random.nextInt(6) == 0) {
          text.append(
              List.of(":", "true", "false", "# a0=9", "x=\"1;a1=2\"").get(random.nextInt(5)));
        } else {
          text.append("a").append(random.nextInt(4)).append('=').append(value(random));
        }
        for (int more = random.nextInt(3); more > 0; more--) {
          text.append(joins.get(random.nextInt(joins.size())));
          text.append(
              random.nextInt(5) == 0 ? "true" : "a" + random.nextInt(4) + "=" + value(random));
        }
        text.append(random.nextInt(4) == 0 ? " # c; a3=8\n" : "\n");
      }
      String rcText = text.toString();
      RcConf rc = RcConf.parse(rcText);
      List<String> names = List.of("a0", "a1", "a2", "a3");
      Map<String, Optional<String>> sh = RcConfShell.source(rcText, names);
      for (String name : names) {
        Optional<String> got;
        try {
          got = rc.get(name);
        } catch (RcConfException e) {
          refused++;
          continue;
        }
        assertThat(got).as("%s in%n%s", name, rcText).isEqualTo(sh.get(name));
        agreed++;
      }
      for (String name : names) {
        RcConf after;
        try {
          after = rc.set(name, "new value");
        } catch (RcConfException e) {
          continue;
        }
        edited++;
        assertThat(RcConfShell.source(after.render(), List.of(name)))
            .as("set %s in%n%s", name, rcText)
            .containsExactly(Map.entry(name, Optional.of("new value")));
      }
    }
    assertThat(agreed).isGreaterThan(100);
    assertThat(refused).isGreaterThan(20);
    assertThat(edited).isGreaterThan(100);
  }

  private static String value(Random random) {
    return List.of("1", "'x y'", "\"$a0-\"", "${a1}z", "", "\"a;b\"").get(random.nextInt(6));
  }
}
