package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An rc.conf file, read and edited the way sysrc(8) does it, but safely: every edit returns a new
 * {@code RcConf} in which only the touched lines differ, and values are quoted so that sh reads
 * back exactly the value.
 *
 * <pre>{@code
 * RcConf rc = RcConf.parse(Files.readString(Path.of("/etc/rc.conf")))
 *     .set("ifconfig_bridge0", "addm em0 up")        // sysrc ifconfig_bridge0="addm em0 up"
 *     .addWord("cloned_interfaces", "bridge0")       // sysrc cloned_interfaces+=bridge0
 *     .removeWord("jail_list", "old")                // sysrc jail_list-=old
 *     .delete("jail_old_enable");                    // sysrc -x jail_old_enable
 * String edited = rc.render();
 * Optional<String> v = rc.get("cloned_interfaces");  // the value sh would see
 * }</pre>
 *
 * <p>What counts as an assignment is what sysrc(8) edits (usr.sbin/bsdconfig/share/sysrc.subr,
 * {@code f_sysrc_set}): a line that starts, after blanks, with {@code NAME=}. Commented-out lines,
 * {@code export NAME=} and {@code x=1; NAME=2} are not edited; {@link #get} still reads {@code
 * export NAME=} lines, since sh does. When a name is assigned several times, the last assignment is
 * the one sh keeps, the one {@link #get} reports and the one {@link #set} edits.
 *
 * <p>This class sees one file only: variables that only {@code /etc/defaults/rc.conf} sets are
 * absent here, so {@link #addWord} on such a variable starts from the empty list (sysrc would start
 * from the default) and {@link #removeWord} leaves it alone.
 */
public final class RcConf {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String text;

  /** The lines sysrc edits: {@code NAME=...} at the start of a line. */
  private final List<Line> assignments;

  /** Every line that sets a variable when sh reads the file: the above and export lines. */
  private final List<Line> evaluated;

  /**
   * One assigning line (possibly continued over more physical lines by its value); {@code exported}
   * for {@code export NAME=value}, which sh reads but sysrc does not edit.
   */
  private record Line(
      String name, int number, int lineStart, RcConfValue value, int lineEnd, boolean exported) {}

  private RcConf(String text, List<Line> lines) {
    this.text = text;
    this.evaluated = List.copyOf(lines);
    this.assignments = lines.stream().filter(l -> !l.exported()).toList();
  }

  /** Returns an empty rc.conf, to which {@link #set} appends. */
  public static RcConf empty() {
    return new RcConf("", List.of());
  }

  /**
   * Reads an existing rc.conf; {@link #render} gives back {@code text} byte for byte.
   *
   * @throws RcConfException if an assignment's value has an unterminated quote or substitution
   *     (sysrc refuses such a file too, after {@code sh -n})
   */
  public static RcConf parse(String text) {
    checkNotNull(text, "text");
    List<Line> lines = new ArrayList<>();
    int n = text.length();
    int pos = 0;
    int number = 1;
    while (pos < n) {
      int lineStart = pos;
      int i = pos;
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      boolean exported = false;
      if (text.startsWith("export", i)
          && i + 6 < n
          && (text.charAt(i + 6) == ' ' || text.charAt(i + 6) == '\t')) {
        int j = i + 6;
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        exported = true;
        i = j;
      }
      int nameEnd = i;
      while (nameEnd < n && isNameChar(text.charAt(nameEnd), nameEnd == i)) {
        nameEnd++;
      }
      int next;
      if (nameEnd > i && nameEnd < n && text.charAt(nameEnd) == '=') {
        String name = text.substring(i, nameEnd);
        RcConfValue value = RcConfValue.scan(text, nameEnd + 1, name, number);
        next = endOfCommandLine(text, value.end);
        lines.add(new Line(name, number, lineStart, value, next, exported));
      } else {
        next = endOfCommandLine(text, pos);
      }
      number += countNewlines(text, pos, next);
      pos = next;
    }
    return new RcConf(text, lines);
  }

  /** Returns the text, unchanged except for the lines the edits touched. */
  public String render() {
    return text;
  }

  /**
   * Returns the value sh would give {@code name} after sourcing this file, or empty when no line
   * assigns it; {@code export NAME=value} lines count here, as they do for sh. Variables referenced
   * with {@code $x} or {@code ${x}} expand to the value an earlier line of this file gave them,
   * else to the empty string.
   *
   * @throws RcConfException if the value depends on something only a running sh knows (command
   *     substitution, {@code ${x:-y}}, positional parameters, tilde expansion)
   */
  public Optional<String> get(String name) {
    checkVariableName(name);
    if (evaluated.stream().noneMatch(l -> l.name().equals(name))) {
      return Optional.empty();
    }
    Map<String, String> env = new HashMap<>();
    Map<String, String> unknown = new HashMap<>();
    for (Line line : evaluated) {
      StringBuilder why = new StringBuilder();
      Optional<String> value = line.value().evaluate(env, why);
      if (value.isPresent()) {
        env.put(line.name(), value.get());
        unknown.remove(line.name());
      } else {
        env.remove(line.name());
        unknown.put(line.name(), "line " + line.number() + " uses " + why);
      }
    }
    if (unknown.containsKey(name)) {
      throw new RcConfException(
          "cannot tell the value of "
              + name
              + " without running sh: rc.conf "
              + unknown.get(name)
              + "; replace it with a plain value, for example with set(\""
              + name
              + "\", value)");
    }
    return Optional.of(env.get(name));
  }

  /** Returns true when a line of this file assigns {@code name}. */
  public boolean contains(String name) {
    checkVariableName(name);
    return lastAssignment(name).isPresent();
  }

  /** Returns the names this file assigns, each once, in the order of their first assignment. */
  public List<String> names() {
    return List.copyOf(
        assignments.stream().map(Line::name).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /**
   * Returns every assignment with its 1-based line number and the text that sh reads as its value,
   * in file order (for linting).
   */
  public List<Assignment> assignments() {
    List<Assignment> out = new ArrayList<>();
    for (Line line : assignments) {
      out.add(
          new Assignment(
              line.name(),
              line.number(),
              text.substring(line.value().start, line.value().end),
              text.substring(line.lineStart(), line.lineEnd())));
    }
    return List.copyOf(out);
  }

  /**
   * One {@code NAME=value} line of an rc.conf.
   *
   * @param name the variable name
   * @param line the 1-based line number where the assignment starts
   * @param rawValue the value word as written, quotes included
   * @param text the whole line (or lines, for a value continued over several), with its line ending
   */
  public record Assignment(String name, int line, String rawValue, String text) {}

  /**
   * Sets {@code name} to {@code value}, like {@code sysrc name=value}: the last line that assigns
   * it gets the new value (its indentation, comment and anything after the value stay as they
   * were); when no line assigns it, {@code name="value"} is appended at the end. Returns this
   * unchanged when sh would already see that value.
   *
   * @throws RcConfException if {@code name} is not an sh variable name, {@code value} holds a line
   *     break or a NUL byte (sysrc would write a broken file), or a later {@code export NAME=} line
   *     would override the edited one (sysrc would report success and change nothing)
   */
  public RcConf set(String name, String value) {
    checkVariableName(name);
    checkNotNull(value, "value");
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
      throw new RcConfException(
          "cannot set "
              + name
              + " to "
              + ShellQuoting.describe(value)
              + ": an rc.conf value must be one line without NUL bytes; join its words with"
              + " spaces");
    }
    Optional<Line> last = lastAssignment(name);
    if (last.isEmpty()) {
      StringBuilder out = new StringBuilder(text);
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      out.append(name).append('=').append(ShellQuoting.doubleQuote(value)).append('\n');
      return parse(out.toString());
    }
    if (currentValue(name).filter(value::equals).isPresent()) {
      return this;
    }
    RcConfValue old = last.get().value();
    String quoted =
        old.singleQuoted && value.indexOf('\'') < 0
            ? ShellQuoting.singleQuote(value)
            : ShellQuoting.doubleQuote(value);
    RcConf edited = parse(text.substring(0, old.start) + quoted + text.substring(old.end));
    for (Line line : edited.evaluated) {
      if (line.exported() && line.name().equals(name) && line.number() > last.get().number()) {
        throw new RcConfException(
            "rc.conf line "
                + line.number()
                + " sets "
                + name
                + " again with export, after line "
                + last.get().number()
                + " that sysrc edits, so sh would keep the exported value; change or remove line "
                + line.number(),
            line.number());
      }
    }
    return edited;
  }

  /**
   * Appends {@code word} to the space-separated list in {@code name} unless it is already there,
   * like {@code sysrc name+=word}; creates {@code name="word"} when no line assigns it.
   *
   * @throws RcConfException if {@code word} is empty or holds a blank (add several words one at a
   *     time), or the current value cannot be known without running sh
   */
  public RcConf addWord(String name, String word) {
    checkVariableName(name);
    checkWord(RcConfEdit.Kind.ADD_WORD, name, word);
    String before = get(name).orElse("");
    if (words(before).contains(word)) {
      return this;
    }
    // sysrc: new="$before$delim$word", then one leading delimiter is stripped.
    String after = before + " " + word;
    return set(name, after.startsWith(" ") ? after.substring(1) : after);
  }

  /**
   * Removes every occurrence of {@code word} from the space-separated list in {@code name} and
   * joins the rest with single spaces, like {@code sysrc name-=word}. Returns this unchanged when
   * the word is not in the list or no line assigns {@code name} (sysrc would add an empty
   * assignment, which can override a default).
   *
   * @throws RcConfException if {@code word} is empty or holds a blank (remove several words one at
   *     a time), or the current value cannot be known without running sh
   */
  public RcConf removeWord(String name, String word) {
    checkVariableName(name);
    checkWord(RcConfEdit.Kind.REMOVE_WORD, name, word);
    Optional<String> before = get(name);
    if (before.isEmpty() || !words(before.get()).contains(word)) {
      return this;
    }
    List<String> kept = new ArrayList<>(words(before.get()));
    kept.removeIf(word::equals);
    return set(name, String.join(" ", kept));
  }

  /**
   * Removes every line that assigns {@code name} (with its trailing comment), like {@code sysrc -x
   * name}; commented-out and {@code export} lines stay. Returns this unchanged when none does.
   */
  public RcConf delete(String name) {
    checkVariableName(name);
    if (lastAssignment(name).isEmpty()) {
      return this;
    }
    StringBuilder out = new StringBuilder();
    int pos = 0;
    for (Line line : assignments) {
      if (line.name().equals(name)) {
        out.append(text, pos, line.lineStart());
        pos = line.lineEnd();
      }
    }
    out.append(text, pos, text.length());
    return parse(out.toString());
  }

  /** Applies the edits in order, as {@code edits.get(0).applyTo(this)} and so on. */
  public RcConf apply(List<RcConfEdit> edits) {
    checkNotNull(edits, "edits");
    RcConf rc = this;
    for (RcConfEdit edit : edits) {
      rc = edit.applyTo(rc);
    }
    return rc;
  }

  /**
   * Returns the rc.conf variable that configures interface {@code ifname}: {@code prefix}, the
   * interface name with {@code . - / +} turned into {@code _}, then {@code suffix}, as
   * network.subr's {@code get_if_var} looks it up ({@code ("ifconfig_", "em0.10", "")} gives {@code
   * ifconfig_em0_10}).
   *
   * @throws RcConfException if the result is still not an sh variable name
   */
  public static String interfaceVariable(String prefix, String ifname, String suffix) {
    checkNotNull(prefix, "prefix");
    checkNotNull(ifname, "ifname");
    checkNotNull(suffix, "suffix");
    String name = prefix + ifname.replaceAll("[-./+]", "_") + suffix;
    checkVariableName(name);
    return name;
  }

  /** Returns true if {@code name} is an sh variable name ({@code [A-Za-z_][A-Za-z0-9_]*}). */
  public static boolean isVariableName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * Checks that {@code name} is an sh variable name.
   *
   * @throws RcConfException naming the variable and the rule otherwise
   */
  static void checkVariableName(String name) {
    checkNotNull(name, "name");
    if (!isVariableName(name)) {
      throw new RcConfException(
          "rc.conf variable name "
              + ShellQuoting.describe(name)
              + " is not an sh variable name; use letters, digits and '_', not starting with a"
              + " digit (rc.d scripts turn other characters of jail and interface names into"
              + " '_')");
    }
  }

  /** The space-separated words of a list value (sh's default IFS: space, tab, newline). */
  static List<String> words(String value) {
    return Arrays.stream(value.split("[ \t\n]+")).filter(w -> !w.isEmpty()).toList();
  }

  /**
   * Checks that {@code word} is one word of a list value, for {@link RcConfEdit.Kind#ADD_WORD} or
   * {@link RcConfEdit.Kind#REMOVE_WORD} on {@code name}.
   *
   * @throws RcConfException naming the variable, the word and the fix otherwise
   */
  static void checkWord(RcConfEdit.Kind kind, String name, String word) {
    checkNotNull(word, "word");
    if (!words(word).equals(List.of(word))) {
      boolean add = kind == RcConfEdit.Kind.ADD_WORD;
      throw new RcConfException(
          "cannot "
              + (add ? "add " : "remove ")
              + ShellQuoting.describe(word)
              + (add ? " to" : " from")
              + " the list in "
              + name
              + ": a list word must be one non-empty word without blanks (space, tab, newline);"
              + " call "
              + (add ? "addWord" : "removeWord")
              + "(\""
              + name
              + "\", word) once for each word");
    }
  }

  private Optional<String> currentValue(String name) {
    try {
      return get(name);
    } catch (RcConfException e) {
      return Optional.empty(); // sh computes it: set() replaces it with a plain value
    }
  }

  private Optional<Line> lastAssignment(String name) {
    for (int i = assignments.size() - 1; i >= 0; i--) {
      if (assignments.get(i).name().equals(name)) {
        return Optional.of(assignments.get(i));
      }
    }
    return Optional.empty();
  }

  /** A character of an sh name (POSIX: portable letters, digits, '_'), not a digit when first. */
  static boolean isNameChar(char c, boolean first) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c == '_'
        || !first && c >= '0' && c <= '9';
  }

  /**
   * Returns the offset just after the newline that ends the sh command line containing {@code pos}:
   * a newline inside quotes, after a backslash or inside a substitution does not end it, and a
   * {@code #} that starts a word comments out the rest of the physical line. So a line that sh
   * reads as the inside of a string is never taken for an assignment.
   */
  private static int endOfCommandLine(String text, int pos) {
    int n = text.length();
    int i = pos;
    while (i < n) {
      char c = text.charAt(i);
      switch (c) {
        case '\n':
          return i + 1;
        case '\\':
          i += 2;
          break;
        case '\'':
          i = closing(text, i + 1, '\'') + 1;
          break;
        case '"':
          i = endOfDoubleQuotes(text, i + 1);
          break;
        case '`':
          i = closing(text, i + 1, '`') + 1;
          break;
        case '#':
          if (i == pos || " \t;&|()<>".indexOf(text.charAt(i - 1)) >= 0) {
            int nl = text.indexOf('\n', i);
            return nl < 0 ? n : nl + 1;
          }
          i++;
          break;
        default:
          i++;
      }
    }
    return n;
  }

  /** Returns the offset after the {@code "} that closes a string starting at {@code from}. */
  private static int endOfDoubleQuotes(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        i = closing(text, i + 1, '`') + 1;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }

  /** Returns the offset of {@code quote} from {@code from} on (backslash escapes it in `...`). */
  private static int closing(String text, int from, char quote) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote) {
        return i;
      }
      if (c == '\\' && quote == '`') {
        i++;
      }
    }
    return text.length();
  }

  private static int countNewlines(String text, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RcConf && ((RcConf) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Returns the text of the file. */
  @Override
  public String toString() {
    return text;
  }
}
