package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RcConfTest {

  static String rich() throws IOException {
    try (InputStream in = RcConfTest.class.getResourceAsStream("rich-rc.conf")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> lines(String text) {
    return Arrays.asList(text.split("\n", -1));
  }

  /** Asserts that {@code after} equals {@code before} except for line {@code index} (0-based). */
  private static void assertOnlyLineChanged(String before, String after, int index, String line) {
    List<String> expected = new ArrayList<>(lines(before));
    expected.set(index, line);
    assertThat(lines(after)).containsExactlyElementsOf(expected);
  }

  private static int indexOf(String text, String line) {
    int i = lines(text).indexOf(line);
    assertThat(i).as("line %s in fixture", line).isNotNegative();
    return i;
  }

  @Test
  void rendersAnUneditedFileByteForByte() throws IOException {
    String rich = rich();
    assertThat(RcConf.parse(rich).render()).isEqualTo(rich);
    assertThat(RcConf.parse("").render()).isEmpty();
    assertThat(RcConf.parse("a=1\r\nb='x'\r\n").render()).isEqualTo("a=1\r\nb='x'\r\n");
  }

  @Test
  void getsTheValueShWouldSeeInEveryQuotingForm() throws IOException {
    RcConf rc = RcConf.parse(rich());
    assertThat(rc.get("hostname")).contains("vm01.example.org");
    assertThat(rc.get("keymap")).contains("us.kbd");
    assertThat(rc.get("ifconfig_em0")).contains("DHCP");
    assertThat(rc.get("defaultrouter")).contains("192.168.1.1");
    assertThat(rc.get("sshd_enable")).contains("YES");
    assertThat(rc.get("ntpd_enable")).contains("YES");
    assertThat(rc.get("jail_list")).contains("web db mail");
    assertThat(rc.get("jail_parallel_start")).contains("");
    assertThat(rc.get("motd")).contains("Welcome to \"vm01\": $HOME is not expanded, \\ stays");
    assertThat(rc.get("banner")).contains("it's quoted");
    assertThat(rc.get("ifconfig_lo1")).contains("inet 10.0.0.1/32     alias");
    assertThat(rc.get("local_conf")).contains("/usr/local/etc/rc.conf.local");
    assertThat(rc.get("tail_no_newline")).contains("last");
  }

  @Test
  void ignoresCommentedExportedAndSecondStatementAssignmentsLikeSysrc() throws IOException {
    RcConf rc = RcConf.parse(rich());
    assertThat(rc.get("cloned_interfaces")).contains("bridge0");
    assertThat(rc.contains("PATH_EXTRA")).isFalse();
    assertThat(rc.get("PATH_EXTRA")).contains("/opt/bin"); // sh reads export lines
    assertThat(rc.contains("ntpd_sync_on_start")).isFalse();
    assertThat(rc.get("ntpd_sync_on_start")).contains("YES"); // sh reads it after the ';'

    assertThat(rc.get("nope")).isEmpty();
    assertThat(rc.names()).startsWith("hostname", "keymap", "ifconfig_em0").doesNotHaveDuplicates();
  }

  @Test
  void getAgreesWithARealShForEveryVariableOfTheRichFile() throws Exception {
    String rich = rich();
    RcConf rc = RcConf.parse(rich);
    List<String> names = rc.names();
    Map<String, Optional<String>> expected = new LinkedHashMap<>();
    for (String name : names) {
      expected.put(name, rc.get(name));
    }
    assertThat(RcConfShell.source(rich, names)).isEqualTo(expected);
  }

  @Test
  void setChangesOnlyTheValueOfTheLastAssignment() throws IOException {
    String rich = rich();
    String after = RcConf.parse(rich).set("jail_list", "web db mail new").render();
    assertOnlyLineChanged(
        rich, after, indexOf(rich, "jail_list=\"web db mail\""), "jail_list=\"web db mail new\"");
    assertThat(after).contains("jail_list=\"web db\"\n");
  }

  @Test
  void setKeepsIndentationCommentsAndWhatFollowsTheValue() throws IOException {
    String rich = rich();
    RcConf rc = RcConf.parse(rich);
    assertOnlyLineChanged(
        rich,
        rc.set("ifconfig_em0", "inet 192.168.1.5/24").render(),
        indexOf(rich, "  ifconfig_em0=\"DHCP\"\t# uplink, indented with two spaces"),
        "  ifconfig_em0=\"inet 192.168.1.5/24\"\t# uplink, indented with two spaces");
    assertOnlyLineChanged(
        rich,
        rc.set("ntpd_enable", "NO").render(),
        indexOf(rich, "ntpd_enable=\"YES\"   ; ntpd_sync_on_start=\"YES\""),
        "ntpd_enable=\"NO\"   ; ntpd_sync_on_start=\"YES\"");
    assertOnlyLineChanged(
        rich,
        rc.set("jail_parallel_start", "YES").render(),
        indexOf(rich, "jail_parallel_start="),
        "jail_parallel_start=\"YES\"");
  }

  @Test
  void setKeepsSingleQuotesAndDoubleQuotesUnquotedValuesAsSysrcDoes() throws IOException {
    String rich = rich();
    RcConf rc = RcConf.parse(rich);
    assertOnlyLineChanged(
        rich,
        rc.set("defaultrouter", "10.0.0.1").render(),
        indexOf(rich, "defaultrouter='192.168.1.1' # single-quoted"),
        "defaultrouter='10.0.0.1' # single-quoted");
    assertOnlyLineChanged(
        rich,
        rc.set("keymap", "de.kbd").render(),
        indexOf(rich, "keymap=us.kbd"),
        "keymap=\"de.kbd\"");
    // a single quote in the new value: double quotes read back exactly, without '\''
    assertOnlyLineChanged(
        rich,
        rc.set("defaultrouter", "it's").render(),
        indexOf(rich, "defaultrouter='192.168.1.1' # single-quoted"),
        "defaultrouter=\"it's\" # single-quoted");
  }

  @Test
  void setReplacesAValueContinuedOverSeveralLines() throws IOException {
    String rich = rich();
    String after = RcConf.parse(rich).set("ifconfig_lo1", "inet 10.0.0.2/32").render();
    List<String> expected = new ArrayList<>(lines(rich));
    int i = indexOf(rich, "ifconfig_lo1=\"inet 10.0.0.1/32 \\");
    expected.set(i, "ifconfig_lo1=\"inet 10.0.0.2/32\"");
    expected.remove(i + 1);
    assertThat(lines(after)).containsExactlyElementsOf(expected);
  }

  @Test
  void setKeepsACarriageReturnWithTheLineEnding() {
    assertThat(RcConf.parse("a=\"1\"\r\nb=2\r\n").set("a", "x y").render())
        .isEqualTo("a=\"x y\"\r\nb=2\r\n");
  }

  @Test
  void setAppendsAnAbsentVariableAddingTheMissingFinalNewline() throws IOException {
    String rich = rich();
    String after = RcConf.parse(rich).set("gateway_enable", "YES").render();
    assertThat(after).isEqualTo(rich + "\ngateway_enable=\"YES\"\n");
    assertThat(RcConf.empty().set("a", "b").render()).isEqualTo("a=\"b\"\n");
    assertThat(RcConf.parse("x=1\n").set("a", "b").render()).isEqualTo("x=1\na=\"b\"\n");
  }

  @Test
  void setOfTheCurrentValueChangesNothing() throws IOException {
    RcConf rc = RcConf.parse(rich());
    assertThat(rc.set("keymap", "us.kbd")).isSameAs(rc);
    assertThat(rc.set("motd", rc.get("motd").orElseThrow())).isSameAs(rc);
  }

  @Test
  void setReplacesAValueOnlyShCouldCompute() {
    RcConf rc = RcConf.parse("h=$(hostname)\n");
    assertThatThrownBy(() -> rc.get("h"))
        .isInstanceOf(RcConfException.class)
        .hasMessageContaining("h")
        .hasMessageContaining("line 1 uses $(hostname)")
        .hasMessageContaining("set(\"h\", value)");
    assertThat(rc.set("h", "vm01").render()).isEqualTo("h=\"vm01\"\n");
  }

  @Test
  void getExpandsOnlyWhatItCanKnow() {
    RcConf rc =
        RcConf.parse(
            "a=one\nb=\"$a two\"\nc='$a'\nd=${a}x\ne=$nope.\nf=\\$a\ng=`date`\nh=~/x\n"
                + "i=\"$1\"\nj=${a:-z}\nk=$ a\n");
    assertThat(rc.get("b")).contains("one two");
    assertThat(rc.get("c")).contains("$a");
    assertThat(rc.get("d")).contains("onex");
    assertThat(rc.get("e")).contains(".");
    assertThat(rc.get("f")).contains("$a");
    for (String unknown : List.of("g", "h", "i", "j")) {
      assertThatThrownBy(() -> rc.get(unknown)).isInstanceOf(RcConfException.class);
    }
  }

  @Test
  void addWordAppendsOnlyAbsentWords() throws IOException {
    String rich = rich();
    RcConf rc = RcConf.parse(rich);
    assertThat(rc.addWord("jail_list", "db")).isSameAs(rc);
    assertOnlyLineChanged(
        rich,
        rc.addWord("cloned_interfaces", "bridge1").render(),
        indexOf(rich, "cloned_interfaces=\"bridge0\""),
        "cloned_interfaces=\"bridge0 bridge1\"");
    assertThat(RcConf.empty().addWord("jail_list", "web").addWord("jail_list", "db").render())
        .isEqualTo("jail_list=\"web db\"\n");
    assertThat(RcConf.parse("l=\"\"\n").addWord("l", "a").render()).isEqualTo("l=\"a\"\n");
  }

  @Test
  void removeWordRemovesEveryOccurrenceAndRejoinsWithSingleSpaces() {
    RcConf rc = RcConf.parse("# jails\njail_list=\"web  db web\tmail\" # all\n");
    assertThat(rc.removeWord("jail_list", "web").render())
        .isEqualTo("# jails\njail_list=\"db mail\" # all\n");
    assertThat(rc.removeWord("jail_list", "nope")).isSameAs(rc);
    assertThat(rc.removeWord("absent", "web")).isSameAs(rc);
    assertThat(RcConf.parse("l=a\n").removeWord("l", "a").render()).isEqualTo("l=\"\"\n");
  }

  @Test
  void deleteRemovesEveryAssigningLineButKeepsCommentsAndExports() {
    String text =
        "a=1\n#jail_list=\"x\"\njail_list=\"x\" # first\n  jail_list='y'\nexport jail_list=z\nb=2";
    assertThat(RcConf.parse(text).delete("jail_list").render())
        .isEqualTo("a=1\n#jail_list=\"x\"\nexport jail_list=z\nb=2");
    assertThat(RcConf.parse("a=\"1\n2\"\nb=3\n").delete("a").render()).isEqualTo("b=3\n");
    RcConf rc = RcConf.parse(text);
    assertThat(rc.delete("nope")).isSameAs(rc);
  }

  @Test
  void rejectsLineBreaksAndNulInValuesWithTheNameInTheMessage() {
    assertThatThrownBy(() -> RcConf.empty().set("motd", "a\nb"))
        .isInstanceOf(RcConfException.class)
        .hasMessageContaining("cannot set motd")
        .hasMessageContaining("\"a\\x0ab\"")
        .hasMessageContaining("one line");
    assertThatThrownBy(() -> RcConf.empty().set("motd", "a\rb"))
        .isInstanceOf(RcConfException.class);
    assertThatThrownBy(() -> RcConf.empty().set("motd", "a\0b"))
        .isInstanceOf(RcConfException.class);
  }

  @Test
  void rejectsNamesThatAreNotShVariables() {
    for (String bad : List.of("", "1abc", "my-jail_enable", "a b", "a=b", "jail.web", "é")) {
      assertThatThrownBy(() -> RcConf.empty().set(bad, "x"))
          .isInstanceOf(RcConfException.class)
          .hasMessageContaining("not an sh variable name");
    }
    assertThat(RcConf.isVariableName("_jail_web_2")).isTrue();
  }

  @Test
  void rejectsListWordsWithBlanksAsRcConfExceptionNamingVariableValueAndFix() {
    RcConf rc = RcConf.parse("cloned_interfaces=\"bridge0\"\n");
    assertThatThrownBy(() -> rc.addWord("cloned_interfaces", "bridge1 bridge2"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessage(
            "cannot add \"bridge1 bridge2\" to the list in cloned_interfaces: a list word must be"
                + " one non-empty word without blanks (space, tab, newline); call"
                + " addWord(\"cloned_interfaces\", word) once for each word")
        .extracting(e -> ((RcConfException) e).line())
        .isEqualTo(0);
    assertThatThrownBy(() -> rc.removeWord("jail_list", "a\tb\nc"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessage(
            "cannot remove \"a\\x09b\\x0ac\" from the list in jail_list: a list word must be"
                + " one non-empty word without blanks (space, tab, newline); call"
                + " removeWord(\"jail_list\", word) once for each word");
    assertThatThrownBy(() -> rc.addWord("l", ""))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessageStartingWith("cannot add \"\" to the list in l: a list word must be");
    assertThatThrownBy(() -> rc.removeWord("l", " x"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessageStartingWith("cannot remove \" x\" from the list in l: a list word must be");
    // the edits check the same way, before anything is applied
    assertThatThrownBy(() -> RcConfEdit.addWord("cloned_interfaces", "bridge1 bridge2"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessageStartingWith(
            "cannot add \"bridge1 bridge2\" to the list in cloned_interfaces: a list word");
    assertThatThrownBy(() -> RcConfEdit.removeWord("jail_list", "web db"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessageStartingWith("cannot remove \"web db\" from the list in jail_list: a list word");
    // a bad name is reported before the word
    assertThatThrownBy(() -> rc.addWord("my-list", "a b"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessageStartingWith("rc.conf variable name \"my-list\" is not an sh variable name");
    assertThatThrownBy(() -> rc.removeWord("my-list", "a b"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessageStartingWith("rc.conf variable name \"my-list\" is not an sh variable name");
    assertThatThrownBy(() -> RcConfEdit.removeWord("my-list", "a b"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessageStartingWith("rc.conf variable name \"my-list\" is not an sh variable name");
  }

  @Test
  void everyMethodTakingANameRefusesOneThatIsNoShVariable() {
    RcConf rc = RcConf.parse("a=1\n");
    String message =
        "rc.conf variable name \"a-b\" is not an sh variable name; use letters, digits and '_',"
            + " not starting with a digit (rc.d scripts turn other characters of jail and"
            + " interface names into '_')";
    for (Runnable r :
        List.<Runnable>of(
            () -> rc.get("a-b"),
            () -> rc.contains("a-b"),
            () -> rc.set("a-b", "x"),
            () -> rc.addWord("a-b", "x"),
            () -> rc.removeWord("a-b", "x"),
            () -> rc.delete("a-b"))) {
      assertThatThrownBy(r::run)
          .isExactlyInstanceOf(RcConfException.class)
          .hasMessage(message)
          .extracting(e -> ((RcConfException) e).line())
          .isEqualTo(0);
    }
  }

  @Test
  void containsTellsWhetherALineSysrcEditsAssignsTheName() {
    RcConf rc = RcConf.parse("a=1\n#b=2\nexport c=3\n");
    assertThat(rc.contains("a")).isTrue();
    assertThat(rc.contains("b")).isFalse();
    assertThat(rc.contains("c")).isFalse();
  }

  @Test
  void removeWordDropsLeadingAndTrailingBlanksOfTheList() {
    assertThat(RcConf.parse("l=\" a b \"\n").removeWord("l", "a").render()).isEqualTo("l=\"b\"\n");
    assertThat(RcConf.parse("l=\"\ta\tb\"\n").removeWord("l", "b").render()).isEqualTo("l=\"a\"\n");
    // sysrc: new="$before $word" with one leading blank stripped; other blanks stay
    assertThat(RcConf.parse("l=\" a\"\n").addWord("l", "b").render()).isEqualTo("l=\"a b\"\n");
    assertThat(RcConf.parse("l=\"a \"\n").addWord("l", "b").render()).isEqualTo("l=\"a  b\"\n");
  }

  @Test
  void equalsAndHashCodeFollowTheText() {
    RcConf a = RcConf.parse("a=1\n");
    assertThat(a)
        .isEqualTo(RcConf.parse("a=1\nb=2\n").delete("b"))
        .isNotEqualTo(RcConf.parse("a=1"))
        .isNotEqualTo(RcConf.parse("a=1\n").set("a", "2"))
        .isNotEqualTo("a=1\n")
        .hasToString("a=1\n");
    assertThat(a.hashCode())
        .isEqualTo(RcConf.parse("a=1\n").hashCode())
        .isEqualTo("a=1\n".hashCode());
    assertThat(RcConf.empty()).isEqualTo(RcConf.parse("")).hasToString("");
  }

  @Test
  void refusedExportOverrideCarriesTheLineOfTheExport() {
    RcConf rc = RcConf.parse("a=1\n\n# x\nexport a=2\n");
    assertThatThrownBy(() -> rc.set("a", "3"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessage(
            "rc.conf line 4 sets a again with export, after line 1 that sysrc edits, so sh would"
                + " keep the exported value; change or remove line 4")
        .extracting(e -> ((RcConfException) e).line())
        .isEqualTo(4);
    // an export before the edited line is overridden by it: no conflict
    assertThat(RcConf.parse("export a=1\na=2\n").set("a", "3").render())
        .isEqualTo("export a=1\na=\"3\"\n");
    // an export of another name is no conflict either
    assertThat(RcConf.parse("a=1\nexport b=2\n").set("a", "3").render())
        .isEqualTo("a=\"3\"\nexport b=2\n");
  }

  @Test
  void reportsAnUnterminatedQuoteWithItsLine() {
    assertThatThrownBy(() -> RcConf.parse("a=1\n\nb=\"open\nc=2\n"))
        .isInstanceOf(RcConfException.class)
        .hasMessageContaining("rc.conf line 3")
        .hasMessageContaining("value of b")
        .hasMessageContaining("unterminated double-quoted string")
        .extracting(e -> ((RcConfException) e).line())
        .isEqualTo(3);
  }

  @Test
  void assignmentsCarryLineNumbersAndRawText() {
    RcConf rc = RcConf.parse("# c\nx=\"a\nb\" # t\ny='z'\n");
    assertThat(rc.assignments())
        .containsExactly(
            new RcConf.Assignment("x", 2, "\"a\nb\"", "x=\"a\nb\" # t\n"),
            new RcConf.Assignment("y", 4, "'z'", "y='z'\n"));
  }

  @Test
  void appliesEditListsInOrder() {
    RcConf rc =
        RcConf.parse("jail_list=\"old\"\njail_old_enable=YES\n")
            .apply(
                List.of(
                    RcConfEdit.set("jail_enable", "YES"),
                    RcConfEdit.addWord("jail_list", "web"),
                    RcConfEdit.removeWord("jail_list", "old"),
                    RcConfEdit.delete("jail_old_enable")));
    assertThat(rc.render()).isEqualTo("jail_list=\"web\"\njail_enable=\"YES\"\n");
    assertThat(RcConfEdit.addWord("jail_list", "web")).hasToString("jail_list+=web");
    assertThat(RcConfEdit.delete("x")).hasToString("-x x");
  }

  /**
   * Thousands of hostile values, set over lines of every quoting style: a real sh reads back
   * exactly each value, runs nothing, and every line that was not edited is unchanged.
   */
  @Test
  void hostileValuesReadBackExactlyInARealSh() throws Exception {
    Random random = new Random(4_2026_12_04L);
    List<String> alphabet =
        List.of(
            "a", "b", "0", " ", "'", "\"", "\\", "$", "`", ";", "|", "&", "#", "(", ")", "{", "}",
            "*", "?", "[", "]", "~", "!", "<", ">", "\t", "=", ":", "/", "-", "é", "漢", "😀",
            "${x}", "$(x)", "\u0001", "\u001b", "\u007f", "\\\"", "'\\''", "$'x'", "\\$");
    String[] styles = {
      "v%d=old\n", "v%d=\"old\"\n", "v%d='old' # c\n", "  v%d=\"o\\\"ld\" ; :\n", ""
    };
    int count = 2500;
    StringBuilder original = new StringBuilder("# hostile\n");
    for (int i = 0; i < count; i++) {
      original.append(String.format(styles[i % styles.length], i));
    }
    original.append("sentinel=\"untouched\"\n");
    RcConf rc = RcConf.parse(original.toString());
    List<String> names = new ArrayList<>();
    Map<String, Optional<String>> expected = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      StringBuilder v = new StringBuilder();
      int len = random.nextInt(16);
      for (int j = 0; j < len; j++) {
        v.append(alphabet.get(random.nextInt(alphabet.size())));
      }
      // sprinkle whole attacks
      if (i % 97 == 0) {
        v.append("\"; touch pwned; x=\"");
      }
      if (i % 89 == 0) {
        v.append("'$(touch pwned)'`touch pwned`");
      }
      String name = "v" + i;
      rc = rc.set(name, v.toString());
      names.add(name);
      expected.put(name, Optional.of(v.toString()));
      assertThat(rc.get(name)).contains(v.toString());
    }
    names.add("sentinel");
    expected.put("sentinel", Optional.of("untouched"));
    String rendered = rc.render();
    assertThat(RcConfShell.syntaxOk(rendered)).isTrue();
    assertThat(RcConfShell.source(rendered, names)).isEqualTo(expected);
    assertThat(rendered.lines().filter(l -> l.contains("pwned")).count()).isPositive();
    // the comment and the tails of single-quoted and "; :" lines are kept byte for byte
    assertThat(rendered).startsWith("# hostile\n");
    assertThat(rendered.lines().filter(l -> l.endsWith("' # c") || l.endsWith("\" # c")).count())
        .isEqualTo(count / styles.length);
    assertThat(rendered.lines().filter(l -> l.startsWith("  v") && l.endsWith(" ; :")).count())
        .isEqualTo(count / styles.length);
  }

  /**
   * Random edit sequences over the rich file: after each edit the model, a real sh and the
   * untouched lines all agree.
   */
  @Test
  void randomEditSequencesKeepEveryUntouchedLine() throws Exception {
    Random random = new Random(1204L);
    String rich = rich();
    List<String> pool =
        List.of("jail_list", "cloned_interfaces", "keymap", "defaultrouter", "new_var", "banner");
    List<String> words = List.of("web", "db", "bridge1", "a'b", "x\"y", "$z");
    for (int round = 0; round < 40; round++) {
      RcConf rc = RcConf.parse(rich);
      for (int step = 0; step < 6; step++) {
        String name = pool.get(random.nextInt(pool.size()));
        String word = words.get(random.nextInt(words.size()));
        String before = rc.render();
        RcConf next;
        switch (random.nextInt(4)) {
          case 0:
            next = rc.set(name, word + " " + word);
            assertThat(next.get(name)).contains(word + " " + word);
            break;
          case 1:
            next = rc.addWord(name, word);
            assertThat(RcConf.words(next.get(name).orElseThrow())).contains(word);
            break;
          case 2:
            next = rc.removeWord(name, word);
            assertThat(RcConf.words(next.get(name).orElse(""))).doesNotContain(word);
            break;
          default:
            next = rc.delete(name);
            assertThat(next.get(name)).isEmpty();
        }
        assertUnrelatedLinesKept(before, next.render(), name);
        rc = next;
      }
      List<String> names = new ArrayList<>(rc.names());
      Map<String, Optional<String>> expected = new LinkedHashMap<>();
      for (String n : names) {
        expected.put(n, rc.get(n));
      }
      assertThat(RcConfShell.source(rc.render(), names)).isEqualTo(expected);
    }
  }

  /** Lines not assigning {@code name} (nor continuing such an assignment) are kept, in order. */
  private static void assertUnrelatedLinesKept(String before, String after, String name) {
    assertThat(unrelated(after, name)).isEqualTo(unrelated(before, name));
  }

  private static List<String> unrelated(String text, String name) {
    List<String> out = new ArrayList<>();
    RcConf rc = RcConf.parse(text);
    StringBuilder rest = new StringBuilder(text);
    for (RcConf.Assignment a : rc.assignments()) {
      if (a.name().equals(name)) {
        int at = rest.indexOf(a.text());
        rest.replace(at, at + a.text().length(), "\u0001\n");
      }
    }
    for (String line : rest.toString().split("\n", -1)) {
      if (!line.equals("\u0001")) {
        out.add(line);
      }
    }
    // an appended assignment may add the missing final newline: compare without trailing empties
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  @Test
  void namesInterfaceVariablesAsNetworkSubrDoes() {
    assertThat(RcConf.interfaceVariable("ifconfig_", "em0.10", "")).isEqualTo("ifconfig_em0_10");
    assertThat(RcConf.interfaceVariable("ifconfig_", "e0b_my-jail", "_ipv6"))
        .isEqualTo("ifconfig_e0b_my_jail_ipv6");
    assertThatThrownBy(() -> RcConf.interfaceVariable("ifconfig_", "a b", ""))
        .isInstanceOf(RcConfException.class);
  }

  /**
   * Random rc.conf files in every quoting form sh accepts (escapes, line continuations, quotes
   * spanning lines, references to earlier variables, comments and {@code ; :} after values): the
   * file renders back byte for byte and {@link RcConf#get} agrees with a real sh on every variable.
   */
  @Test
  void randomFilesReadTheWayARealShReadsThem() throws Exception {
    Random random = new Random(77_1204L);
    int checked = 0;
    for (int file = 0; file < 60; file++) {
      StringBuilder text = new StringBuilder();
      List<String> names = new ArrayList<>();
      int lines = 5 + random.nextInt(25);
      for (int i = 0; i < lines; i++) {
        switch (random.nextInt(8)) {
          case 0:
            text.append("# comment ").append(i).append(" with 'quote and \"dq\n");
            break;
          case 1:
            text.append(random.nextBoolean() ? "\n" : "#v")
                .append(random.nextBoolean() ? "" : "1=\"x\"\n");
            break;
          default:
            String name = "v" + random.nextInt(12);
            text.append(random.nextInt(4) == 0 ? "  " : "").append(name).append('=');
            text.append(randomWord(random, names));
            text.append(List.of("", "", " # c 'x", "\t# t", " ; :", "  ").get(random.nextInt(6)));
            text.append('\n');
            if (!names.contains(name)) {
              names.add(name);
            }
        }
      }
      if (random.nextBoolean() && text.length() > 0) {
        text.setLength(text.length() - 1); // no final newline
      }
      if (!RcConfShell.syntaxOk(text.toString())) {
        continue; // sh -n rejects it (a quote left open): sysrc refuses such a file too
      }
      checked++;
      RcConf rc = RcConf.parse(text.toString());
      assertThat(rc.render()).isEqualTo(text.toString());
      Map<String, Optional<String>> expected = new LinkedHashMap<>();
      for (String name : names) {
        expected.put(name, rc.get(name));
      }
      assertThat(RcConfShell.source(text.toString(), names))
          .as("file %s:%n%s", file, text)
          .isEqualTo(expected);
    }
    assertThat(checked).isGreaterThan(40);
  }

  private static final String ESCAPABLE = "\"'$ ;&|<>()#*?[]~\\";

  private static String randomWord(Random random, List<String> earlier) {
    StringBuilder w = new StringBuilder();
    int pieces = random.nextInt(4);
    for (int p = 0; p < pieces; p++) {
      switch (random.nextInt(7)) {
        case 0: // unquoted safe text
          w.append("ab0./:,@%+-_=".charAt(random.nextInt(13)));
          w.append("xyz".charAt(random.nextInt(3)));
          break;
        case 1: // backslash escape, or a line continuation
          w.append(
              random.nextInt(5) == 0
                  ? "\\\n"
                  : "\\" + ESCAPABLE.charAt(random.nextInt(ESCAPABLE.length())));
          break;
        case 2: // single quotes, maybe spanning lines
          w.append('\'').append(random.nextBoolean() ? "a $b \"c\" \\d" : "x\ny").append('\'');
          break;
        case 3: // double quotes with escapes and references
          w.append('"');
          for (int k = random.nextInt(5); k > 0; k--) {
            switch (random.nextInt(6)) {
              case 0:
                w.append(
                    List.of("\\\"", "\\\\", "\\$", "\\`", "\\x", "\\\n").get(random.nextInt(6)));
                break;
              case 1:
                if (!earlier.isEmpty()) {
                  String ref = earlier.get(random.nextInt(earlier.size()));
                  w.append(random.nextBoolean() ? "$" + ref + " " : "${" + ref + "}");
                }
                break;
              case 2:
                w.append("\n");
                break;
              default:
                w.append(" it's #;|&'x");
            }
          }
          w.append('"');
          break;
        case 4: // an unquoted reference to an earlier (or unset) variable
          if (!earlier.isEmpty()) {
            w.append("${").append(earlier.get(random.nextInt(earlier.size()))).append('}');
          } else {
            w.append("$unset_var");
          }
          break;
        case 5: // a lone dollar before a non-name character stays literal
          w.append("$/");
          break;
        default:
          w.append("#inside"); // a # inside a word is not a comment
      }
    }
    return w.toString();
  }

  @Test
  void getReadsExportLinesButSetRefusesAnEditTheyWouldOverride() throws Exception {
    String text = "a=\"1\"\nexport a=2\nexport b=\"x y\"\n";
    RcConf rc = RcConf.parse(text);
    assertThat(rc.get("a")).contains("2");
    assertThat(rc.get("b")).contains("x y");
    assertThat(RcConfShell.source(text, List.of("a", "b")))
        .containsExactly(Map.entry("a", Optional.of("2")), Map.entry("b", Optional.of("x y")));
    assertThatThrownBy(() -> rc.set("a", "3"))
        .isInstanceOf(RcConfException.class)
        .hasMessageContaining("rc.conf line 2 sets a again with export, after line 1");
    // b has no line sysrc edits: the appended one comes last and wins
    RcConf edited = rc.set("b", "z");
    assertThat(edited.render()).isEqualTo(text + "b=\"z\"\n");
    assertThat(edited.get("b")).contains("z");
    assertThat(rc.delete("b")).isSameAs(rc);
  }
}
