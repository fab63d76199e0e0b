package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
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

  /** Every assignment sh may make while sourcing the file, in the order sh makes them. */
  private final List<Entry> entries;

  /** The assignments sysrc edits: {@code NAME=...} as the first word of a line. */
  private final List<Entry> assignments;

  /** How an assignment word appears in the file. */
  private enum Kind {
    /** The first word of a command line: sysrc edits it. */
    LINE_START,
    /** A later leading word of a simple command ({@code x=1; NAME=2}, {@code x=1 NAME=2}). */
    MID_LINE,
    /** An argument of {@code export} or {@code readonly}. */
    DECLARATION,
    /**
     * {@code unset NAME}, a {@code for} variable, {@code ${NAME:=x}}: always doubtful, no value.
     */
    COMMAND
  }

  /**
   * One assignment sh may make: {@code value} is absent for {@code unset NAME}, a {@code for}
   * variable and {@code ${NAME:=x}}, which always carry a {@code doubt}. {@code doubt} says why
   * only a running sh can tell whether (or what) it assigns; {@code lineStart}/{@code lineEnd}
   * bound the command line (possibly several physical lines) that holds it; {@code how} names the
   * declaration command ({@code export}) or is empty.
   */
  private record Entry(
      String name,
      int number,
      int lineStart,
      RcConfValue value,
      int lineEnd,
      Kind kind,
      String how,
      Optional<String> doubt) {}

  private RcConf(String text, List<Entry> entries) {
    this.text = text;
    this.entries = List.copyOf(entries);
    this.assignments = entries.stream().filter(e -> e.kind() == Kind.LINE_START).toList();
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
    return new RcConf(text, new Parser(text).parse());
  }

  /** Returns the text, unchanged except for the lines the edits touched. */
  public String render() {
    return text;
  }

  /**
   * Returns the value sh would give {@code name} after sourcing this file, or empty when nothing in
   * it assigns the name. Every assignment word sh executes counts, not only the lines sysrc edits:
   * {@code export NAME=value} and {@code readonly NAME=value}, and assignments later in a command
   * line ({@code x=1; NAME=2}, {@code x=1 NAME=2}, {@code x=1 && NAME=2}, after a backslash-newline
   * continuation). Variables referenced with {@code $x} or {@code ${x}} expand to the value an
   * earlier assignment of this file gave them, else to the empty string.
   *
   * <p>One known difference: on a CRLF line sh keeps the CR as the last character of the value
   * ({@code a=1\r\n} gives {@code "1\r"}), while this method takes the CR for part of the line
   * ending and returns {@code "1"}, so that {@link #set}, {@link #addWord} and {@link #removeWord}
   * keep CRLF line endings; {@link Lint} warns about CRLF files ({@code rc-crlf}).
   *
   * @throws RcConfException if the value depends on something only a running sh knows (command
   *     substitution, {@code ${x:-y}}, positional parameters, tilde expansion, a variable with such
   *     a value), or on whether an assignment runs at all in the current shell: after {@code ||} or
   *     after {@code &&} behind a command, in a pipeline, in the background, before a command word
   *     ({@code NAME=1 cmd}), with a redirection, inside a compound command ({@code if}, {@code
   *     for}, {@code case}, {@code { }}, {@code ( )}, a function), as a {@code for} variable, in
   *     {@code unset NAME} or in {@code ${NAME:=x}}; the message names the line and the fix
   */
  public Optional<String> get(String name) {
    checkVariableName(name);
    if (entries.stream().noneMatch(e -> e.name().equals(name))) {
      return Optional.empty();
    }
    Map<String, String> env = new HashMap<>();
    Map<String, String> unknown = new HashMap<>();
    Map<String, String> fix = new HashMap<>();
    for (Entry e : entries) {
      if (e.doubt().isPresent()) {
        env.remove(e.name());
        unknown.put(e.name(), "line " + e.number() + " " + e.doubt().get());
        fix.put(e.name(), "move that assignment to a line of its own, or remove it");
        continue;
      }
      StringBuilder why = new StringBuilder();
      Optional<String> value = e.value().evaluate(env, unknown, why);
      if (value.isPresent()) {
        env.put(e.name(), value.get());
        unknown.remove(e.name());
      } else {
        env.remove(e.name());
        unknown.put(e.name(), "line " + e.number() + " uses " + why);
        fix.put(
            e.name(),
            "replace it with a plain value, for example with set(\"" + e.name() + "\", value)");
      }
    }
    if (unknown.containsKey(name)) {
      throw new RcConfException(
          "cannot tell the value of "
              + name
              + " without running sh: rc.conf "
              + unknown.get(name)
              + "; "
              + fix.get(name));
    }
    return Optional.of(env.get(name));
  }

  /**
   * Returns true when a line of this file that sysrc edits (one starting with {@code NAME=})
   * assigns {@code name}.
   */
  public boolean contains(String name) {
    checkVariableName(name);
    return lastAssignment(name).isPresent();
  }

  /**
   * Returns the names that lines sysrc edits assign (see {@link #contains}), each once, in the
   * order of their first assignment.
   */
  public List<String> names() {
    return List.copyOf(
        assignments.stream().map(Entry::name).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /**
   * Returns every assignment that starts a line (the ones sysrc edits) with its 1-based line number
   * and the text that sh reads as its value, in file order (for linting).
   */
  public List<Assignment> assignments() {
    return describe(assignments);
  }

  /**
   * Returns the assignment words later in a command line ({@code x=1; NAME=2}), which sh executes
   * but sysrc does not edit, in file order; {@link Assignment#text} is the whole command line.
   */
  List<Assignment> midLineAssignments() {
    return describe(entries.stream().filter(e -> e.kind() == Kind.MID_LINE).toList());
  }

  private List<Assignment> describe(List<Entry> list) {
    List<Assignment> out = new ArrayList<>();
    for (Entry e : list) {
      out.add(
          new Assignment(
              e.name(),
              e.number(),
              text.substring(e.value().start, e.value().end),
              text.substring(e.lineStart(), e.lineEnd())));
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
   * Sets {@code name} to {@code value}, like {@code sysrc name=value}: the last line that starts
   * with {@code name=} gets the new value (its indentation, comment and anything after the value
   * stay as they were); when no line starts so, {@code name="value"} is appended at the end (and,
   * coming last, overrides any assignment later in a line). Returns this unchanged when sh would
   * already see that value.
   *
   * @throws RcConfException if {@code name} is not an sh variable name, {@code value} holds a line
   *     break or a NUL byte (sysrc would write a broken file), the line to edit may not assign in
   *     the current shell ({@code NAME=1 cmd}, inside {@code if}, ...), or a later assignment would
   *     override the edited one: an {@code export NAME=} line, an assignment later in a command
   *     line ({@code x=1; NAME=2}) or one that may run ({@code x || NAME=2}) (sysrc would report
   *     success and sh would not see the change)
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
    Optional<Entry> last = lastAssignment(name);
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
    Entry edit = last.get();
    if (edit.doubt().isPresent()) {
      throw new RcConfException(
          "rc.conf line "
              + edit.number()
              + " "
              + edit.doubt().get()
              + ", so sh may not keep an edit of it; move that assignment to a line of its own"
              + " (or remove it), then set "
              + name
              + " again",
          edit.number());
    }
    for (Entry e : entries.subList(entries.indexOf(edit) + 1, entries.size())) {
      if (e.name().equals(name)) {
        throw overridden(e, edit);
      }
    }
    RcConfValue old = edit.value();
    String quoted =
        old.singleQuoted && value.indexOf('\'') < 0
            ? ShellQuoting.singleQuote(value)
            : ShellQuoting.doubleQuote(value);
    return parse(text.substring(0, old.start) + quoted + text.substring(old.end));
  }

  private static RcConfException overridden(Entry later, Entry edit) {
    String where = "rc.conf line " + later.number() + " ";
    String after = ", after line " + edit.number() + " that sysrc edits, so sh would keep ";
    String message;
    if (later.doubt().isPresent()) {
      message =
          where
              + later.doubt().get()
              + after.replace("would", "might")
              + "that value; change or remove line "
              + later.number();
    } else if (later.kind() == Kind.DECLARATION) {
      message =
          where
              + "sets "
              + later.name()
              + " again with "
              + later.how()
              + after
              + "the "
              + (later.how().equals("export") ? "exported" : "readonly")
              + " value; change or remove line "
              + later.number();
    } else {
      message =
          where
              + "sets "
              + later.name()
              + " again later in the line"
              + after
              + "that value; put "
              + text(later)
              + " on a line of its own or remove it";
    }
    return new RcConfException(message, later.number());
  }

  /** The assignment word as written (for messages). */
  private static String text(Entry e) {
    return e.name() + "=" + e.value().source();
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
   * Removes every line that starts with {@code name=} (with its trailing comment and the rest of
   * its command line), like {@code sysrc -x name}; commented-out and {@code export} lines and
   * assignments later in a command line stay (sysrc leaves them too). Returns this unchanged when
   * no line starts with {@code name=}.
   *
   * @throws RcConfException if a line to remove also assigns another variable ({@code name=1;
   *     other=2}): removing it would unset that one too
   */
  public RcConf delete(String name) {
    checkVariableName(name);
    if (lastAssignment(name).isEmpty()) {
      return this;
    }
    StringBuilder out = new StringBuilder();
    int pos = 0;
    for (Entry line : assignments) {
      if (line.name().equals(name)) {
        for (Entry e : entries) {
          if (e.lineStart() == line.lineStart() && !e.name().equals(name)) {
            throw new RcConfException(
                "cannot delete "
                    + name
                    + ": rc.conf line "
                    + line.number()
                    + " also assigns "
                    + e.name()
                    + " (line "
                    + e.number()
                    + "), which removing the line would lose; move "
                    + e.name()
                    + "'s assignment to a line of its own first",
                line.number());
          }
        }
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

  private Optional<Entry> lastAssignment(String name) {
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
   * Splits the file the way sh does, into command lines, simple commands and words (quotes,
   * escapes, substitutions, comments, continuations), and records every assignment sh may make:
   * leading {@code NAME=} words of each simple command and {@code NAME=} arguments of {@code
   * export}/{@code readonly}, with a doubt when only a running sh can tell whether it assigns in
   * the current shell. A line that sh reads as the inside of a string is never taken for an
   * assignment.
   */
  private static final class Parser {
    private static final Set<String> OPENERS = Set.of("if", "while", "until", "for", "case", "{");
    private static final Set<String> CLOSERS = Set.of("fi", "done", "esac", "}");
    private static final Set<String> CONTINUERS = Set.of("then", "else", "elif", "do", "!");
    private static final Pattern ASSIGNING_EXPANSION =
        Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?=");

    private final String text;
    private final int n;
    private final List<Entry> out = new ArrayList<>();

    /** Compound commands open at this point ({@code if}, {@code (}, ...). */
    private final Deque<String> open = new ArrayDeque<>();

    /** Here-document delimiters whose bodies start after the current command line. */
    private final List<String> hereDocs = new ArrayList<>();

    private int pos;
    private int counted;
    private int line = 1;

    // the command line being read
    private int lineStart;
    private final List<Pending> pending = new ArrayList<>();

    /** Where the and-or list being read starts in {@code pending}: {@code &} applies to it all. */
    private int andOrStart;

    // the simple command being read
    private String after;
    private boolean lastRanAndSucceeded;
    private boolean sawAssignment;
    private Optional<String> commandWord;
    private boolean plain;
    private boolean redirected;
    private final List<Pending> command = new ArrayList<>();

    /** An assignment of the command line, before the command line's end is known. */
    private record Pending(
        String name,
        int number,
        RcConfValue value,
        Kind kind,
        String how,
        Optional<String> doubt) {}

    Parser(String text) {
      this.text = text;
      this.n = text.length();
    }

    List<Entry> parse() {
      while (pos < n) {
        lineStart = pos;
        newCommand(";");
        lastRanAndSucceeded = true;
        commandLine();
        for (Pending p : pending) {
          out.add(
              new Entry(
                  p.name(), p.number(), lineStart, p.value(), pos, p.kind(), p.how(), p.doubt()));
        }
        pending.clear();
        andOrStart = 0;
        skipHereDocs();
      }
      return out;
    }

    private void commandLine() {
      boolean first = true;
      while (true) {
        skipBlanks();
        if (pos >= n) {
          endCommand("");
          return;
        }
        char c = text.charAt(pos);
        if (c == '\n'
            && command.isEmpty()
            && commandWord.isEmpty()
            && after.matches("&&|\\|\\||\\|")) {
          pos++; // sh reads on after a trailing && || |
          continue;
        }
        if (c == '\n' || c == '#') {
          int nl = text.indexOf('\n', pos);
          pos = nl < 0 ? n : nl + 1;
          endCommand("");
          return;
        }
        if (";&|()<>".indexOf(c) >= 0) {
          operator(c);
        } else {
          word(first);
        }
        first = false;
      }
    }

    private void skipBlanks() {
      while (pos < n) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\r' && (pos + 1 == n || text.charAt(pos + 1) == '\n')) {
          pos++; // a CR before LF belongs to the line ending, as for RcConfValue
        } else if (c == '\\' && pos + 1 < n && text.charAt(pos + 1) == '\n') {
          pos += 2; // a line continuation between words
        } else {
          return;
        }
      }
    }

    private void operator(char c) {
      String op =
          pos + 1 < n && text.charAt(pos + 1) == c && c != '(' && c != ')' ? c + "" + c : c + "";
      if (c == '<' || c == '>') {
        redirection();
        return;
      }
      pos += op.length();
      endCommand(op);
      if (op.equals("(")) {
        open.push("(");
      } else if (op.equals(")") && "(".equals(open.peek())) {
        open.pop();
      }
    }

    /** A redirection: {@code >}, {@code >>}, {@code <&}, ... and its target word. */
    private void redirection() {
      redirected = true;
      boolean hereDoc = text.startsWith("<<", pos);
      boolean stripTabs = text.startsWith("<<-", pos);
      while (pos < n && "<>&|-".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      skipBlanks();
      int start = pos;
      pos = endOfWord(text, pos);
      if (hereDoc) {
        String delimiter = text.substring(start, pos).replaceAll("[\"'\\\\]", "");
        hereDocs.add((stripTabs ? "-" : "+") + delimiter);
      }
    }

    /** Skips the bodies of the here-documents the command line started. */
    private void skipHereDocs() {
      for (String doc : hereDocs) {
        // the body ends at a line that is the delimiter (after leading tabs, for <<-)
        Matcher end =
            Pattern.compile(
                    "(?md)^"
                        + (doc.startsWith("-") ? "\t*" : "")
                        + Pattern.quote(doc.substring(1))
                        + "$")
                .matcher(text)
                .region(pos, n);
        pos = end.find() ? end.end() : n; // the newline after it ends an empty command line
      }
      hereDocs.clear();
    }

    private void word(boolean first) {
      int start = pos;
      int number = lineAt(start);
      int nameEnd = start;
      while (nameEnd < n && isNameChar(text.charAt(nameEnd), nameEnd == start)) {
        nameEnd++;
      }
      boolean assignment = nameEnd > start && nameEnd < n && text.charAt(nameEnd) == '=';
      boolean leading = commandWord.isEmpty();
      if (assignment && (leading || declaration())) {
        String name = text.substring(start, nameEnd);
        RcConfValue value = RcConfValue.scan(text, nameEnd + 1, name, number);
        pos = value.end;
        Kind kind = declaration() ? Kind.DECLARATION : first ? Kind.LINE_START : Kind.MID_LINE;
        command.add(
            new Pending(name, number, value, kind, commandWord.orElse(""), Optional.empty()));
        sawAssignment = true;
        plain &= value.unsupported.isEmpty();
        assigningExpansions(start, number);
        return;
      }
      pos = endOfWord(text, pos);
      String w = text.substring(start, pos);
      assigningExpansions(start, number);
      if (!leading) {
        if (commandWord.get().equals("unset") && isVariableName(w)) {
          doubtful(w, number, "runs unset " + w);
        }
        return;
      }
      if (!sawAssignment && OPENERS.contains(w)) {
        open.push(w);
        if (w.equals("for")) {
          skipBlanks();
          int varStart = pos;
          pos = endOfWord(text, pos);
          String var = text.substring(varStart, pos);
          if (isVariableName(var)) {
            doubtful(var, lineAt(varStart), "is the variable of a for loop");
          }
          commandWord = Optional.of(w);
        } else if (w.equals("case")) {
          commandWord = Optional.of(w);
        }
        return;
      }
      if (!sawAssignment && CLOSERS.contains(w)) {
        if (!open.isEmpty()) {
          open.pop();
        }
        return;
      }
      if (!sawAssignment && CONTINUERS.contains(w)) {
        return;
      }
      commandWord = Optional.of(w);
      plain = false;
    }

    private boolean declaration() {
      return commandWord.filter(w -> w.equals("export") || w.equals("readonly")).isPresent();
    }

    /** {@code ${NAME=x}} and {@code ${NAME:=x}} in the word assign NAME when expanded. */
    private void assigningExpansions(int start, int number) {
      Matcher m = ASSIGNING_EXPANSION.matcher(text.substring(start, pos));
      while (m.find()) {
        doubtful(m.group(1), number, "assigns " + m.group(1) + " in " + m.group());
      }
    }

    private void doubtful(String name, int number, String why) {
      command.add(new Pending(name, number, null, Kind.COMMAND, "", Optional.of(why)));
    }

    private void newCommand(String separator) {
      after = separator;
      sawAssignment = false;
      commandWord = Optional.empty();
      plain = true;
      redirected = false;
      command.clear();
    }

    /** Ends the simple command before {@code separator} ("" at the end of the line). */
    private void endCommand(String separator) {
      Optional<String> doubt = Optional.empty();
      if (!open.isEmpty()) {
        doubt = Optional.of("is inside a compound command (" + open.peekLast() + " ...)");
      } else if (after.equals("||")) {
        doubt = Optional.of("comes after ||, so it runs only when the command before fails");
      } else if (after.equals("&&") && !lastRanAndSucceeded) {
        doubt = Optional.of("comes after &&, so it runs only when the command before succeeds");
      } else if (after.equals("|") || separator.equals("|")) {
        doubt = Optional.of("is part of a pipeline, which sh runs in a subshell");
      } else if (redirected) {
        doubt = Optional.of("is in a command with a redirection");
      } else if (commandWord.isPresent() && !declaration()) {
        doubt = Optional.of("assigns only for the command " + commandWord.get() + " after it");
      }
      for (Pending p : command) {
        pending.add(
            p.doubt().isPresent() || doubt.isEmpty()
                ? p
                : new Pending(p.name(), p.number(), p.value(), p.kind(), p.how(), doubt));
      }
      if (separator.equals("&")) { // the whole and-or list runs in the background
        for (int i = andOrStart; i < pending.size(); i++) {
          Pending p = pending.get(i);
          if (p.doubt().isEmpty()) {
            pending.set(
                i,
                new Pending(
                    p.name(),
                    p.number(),
                    p.value(),
                    p.kind(),
                    p.how(),
                    Optional.of("runs in the background, in a subshell")));
          }
        }
      }
      if (!separator.matches("&&|\\|\\||\\|")) {
        andOrStart = pending.size();
      }
      // an assignment-only command without substitutions exits 0
      lastRanAndSucceeded = doubt.isEmpty() && plain && commandWord.isEmpty() && sawAssignment;
      newCommand(separator);
    }

    /** Returns the 1-based line of {@code offset}; offsets are asked for in increasing order. */
    private int lineAt(int offset) {
      line += (int) text.substring(counted, offset).chars().filter(c -> c == '\n').count();
      counted = offset;
      return line;
    }
  }

  /**
   * Returns the offset where the word starting at {@code pos} ends: at an unquoted blank, newline
   * or operator character, after quotes, escapes, {@code `...`}, {@code ${...}} and {@code $(...)}
   * that may hold blanks and newlines.
   */
  private static int endOfWord(String text, int pos) {
    int n = text.length();
    int i = pos;
    while (i < n) {
      char c = text.charAt(i);
      if (" \t\n;&|()<>".indexOf(c) >= 0
          || c == '\r' && (i + 1 == n || text.charAt(i + 1) == '\n')) {
        return i;
      }
      switch (c) {
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
        case '$':
          i =
              i + 1 < n && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '(')
                  ? endOfNested(text, i + 1)
                  : i + 1;
          break;
        default:
          i++;
      }
    }
    return Math.min(i, n);
  }

  /** Returns the offset after the bracket that closes the one at {@code open}, counting nesting. */
  private static int endOfNested(String text, int open) {
    char opening = text.charAt(open);
    char closing = opening == '{' ? '}' : ')';
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '\'') {
        i = closing(text, i + 1, '\'');
      } else if (c == '"') {
        i = endOfDoubleQuotes(text, i + 1) - 1;
      } else if (c == opening) {
        depth++;
      } else if (c == closing && --depth == 0) {
        return i + 1;
      }
    }
    return text.length();
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
