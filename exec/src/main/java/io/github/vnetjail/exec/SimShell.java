package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small {@code /bin/sh}: simple commands with quoting ({@code '...'}, {@code "..."}, backslash),
 * parameter expansion ({@code $1}, {@code $name}, {@code ${name}}, {@code $?}, {@code $@}), lists
 * with {@code ;}, {@code &&}, {@code ||}, pipes, {@code !}, brace groups {@code { LIST; }} (nested,
 * with redirections), assignments, redirections ({@code >}, {@code >>}, {@code <}, {@code 2>&1}, to
 * files or {@code /dev/null}) and the builtins {@code exit}, {@code set -e}, {@code :}, {@code
 * true}, {@code false}, {@code cd}, {@code export}, {@code unset}. Other compound commands ({@code
 * if}, loops, {@code case}, subshells), command substitution and globbing are not simulated: such a
 * line fails with exit 2 and says so.
 *
 * <p>Grammar as in POSIX (XCU 2.9.3, and FreeBSD's bin/sh/parser.c list/andor/pipeline/command):
 * {@code &&} and {@code ||} have equal precedence, associate to the left and bind tighter than
 * {@code ;}, newline and {@code &}; {@code {} and {@code }} are reserved words, recognised only
 * where a command starts, so {@code echo }} prints a brace and {@code { true }} lacks its closing
 * brace.
 */
final class SimShell {
  private static final Set<String> UNSUPPORTED_KEYWORDS =
      Set.of(
          "if",
          "then",
          "else",
          "elif",
          "fi",
          "for",
          "while",
          "until",
          "do",
          "done",
          "case",
          "esac",
          "function");

  private final SimProcess p;
  private final List<String> positional;
  private final Map<String, String> vars = new HashMap<>();
  private int status;
  private boolean errexit;

  private SimShell(SimProcess p, List<String> positional) {
    this.p = p;
    this.positional = positional;
  }

  /** sh(1): {@code sh -c LINE [NAME [ARG...]]}, {@code sh FILE [ARG...]}, or a script on stdin. */
  static int main(SimProcess p, List<String> argv) {
    int i = 1;
    boolean errexit = false;
    String script = null;
    while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
      String o = argv.get(i++);
      if (o.equals("--")) {
        break;
      }
      for (char c : o.substring(1).toCharArray()) {
        if (c == 'e') {
          errexit = true;
        } else if (c == 'c') {
          if (i >= argv.size()) {
            return p.fail("sh", "-c: option requires an argument", 2);
          }
          script = argv.get(i++);
        } else if (c != 'x' && c != 'u' && c != 'i' && c != 's') {
          return p.fail("sh", "Illegal option -" + c, 2);
        }
      }
    }
    List<String> positional = new ArrayList<>();
    if (script == null) {
      if (i < argv.size()) {
        String file = argv.get(i++);
        Optional<String> text = p.world.fs.read(p.hostPath(file));
        if (text.isEmpty() && SimFileSystem.normalize(file).equals("/etc/rc")) {
          return SimRc.rc(p);
        }
        if (text.isEmpty() && SimFileSystem.normalize(file).equals("/etc/rc.shutdown")) {
          return 0;
        }
        if (text.isEmpty()) {
          return p.fail("sh", "cannot open " + file + ": No such file or directory", 127);
        }
        script = text.get();
        positional.add(file);
      } else {
        script = p.stdin;
        positional.add("sh");
      }
    } else {
      positional.add(i < argv.size() ? argv.get(i++) : "sh");
    }
    positional.addAll(argv.subList(Math.min(i, argv.size()), argv.size()));
    SimShell sh = new SimShell(p, positional);
    sh.errexit = errexit;
    return sh.runScript(script);
  }

  private int runScript(String script) {
    List<Object> tokens;
    try {
      tokens = new Lexer(script).lex();
      List<AndOr> lists = new Parser(tokens).parse();
      runList(lists, new Io("", p.out, p.err));
      return exitRequested ? exitCode : status;
    } catch (ShellError e) {
      return p.fail("sh", e.getMessage(), 2);
    }
  }

  private boolean exitRequested;
  private int exitCode;

  /** The streams a command runs with. */
  private record Io(String in, StringBuilder out, StringBuilder err) {}

  /** Runs a list: the top level or a brace group's body. */
  private void runList(List<AndOr> lists, Io io) throws ShellError {
    for (AndOr l : lists) {
      status = runAndOr(l, io);
      if (exitRequested) {
        return;
      }
    }
  }

  /**
   * Above zero while running a command whose status is tested (left of {@code &&} or {@code ||},
   * after {@code !}), where {@code set -e} does not end the shell (POSIX XCU 2.14 set -e).
   */
  private int errexitSuppressed;

  private int runAndOr(AndOr l, Io io) throws ShellError {
    int last = l.pipelines.size() - 1;
    int s = runTested(l.pipelines.get(0), io, last > 0);
    for (int k = 1; k <= last && !exitRequested; k++) {
      String op = l.ops.get(k - 1);
      if ((op.equals("&&") && s == 0) || (op.equals("||") && s != 0)) {
        s = runTested(l.pipelines.get(k), io, k < last);
      }
    }
    return s;
  }

  private int runTested(Pipeline pl, Io io, boolean tested) throws ShellError {
    boolean suppress = tested || pl.negated;
    if (suppress) {
      errexitSuppressed++;
    }
    int s;
    try {
      s = runPipeline(pl, io);
    } finally {
      if (suppress) {
        errexitSuppressed--;
      }
    }
    status = s; // $? of the next pipeline is this one's status, after any !
    // A group that fails only because a command in it failed where set -e was ignored does not end
    // the shell (XCU 2.14 set -e); a failure where it counted already ended it inside the group.
    boolean group = pl.commands.get(pl.commands.size() - 1) instanceof Group;
    if (errexit && !suppress && !group && errexitSuppressed == 0 && s != 0 && !exitRequested) {
      exitRequested = true;
      exitCode = s;
    }
    return s;
  }

  private int runPipeline(Pipeline pl, Io io) throws ShellError {
    String in = io.in();
    int s = 0;
    for (int k = 0; k < pl.commands.size(); k++) {
      boolean last = k == pl.commands.size() - 1;
      StringBuilder out = last ? io.out() : new StringBuilder();
      s = runCommand(pl.commands.get(k), new Io(in, out, io.err()));
      status = s;
      if (exitRequested) {
        return exitCode;
      }
      in = last ? "" : out.toString();
    }
    return pl.negated ? (s == 0 ? 1 : 0) : s;
  }

  private int runCommand(Cmd c, Io io) throws ShellError {
    List<Runnable> flushes = new ArrayList<>();
    Optional<Io> redirected = redirect(c.redirs(), io, flushes);
    if (redirected.isEmpty()) {
      return 2;
    }
    int s;
    if (c instanceof Group g) {
      // A group runs in this shell: its variables, exit and status are the shell's own.
      runList(g.body, redirected.get());
      s = exitRequested ? exitCode : status;
    } else {
      s = runSimple((Simple) c, redirected.get());
    }
    flushes.forEach(Runnable::run);
    return s;
  }

  /** Applies redirections in order; empty (after writing sh's message) when a file fails. */
  private Optional<Io> redirect(List<Redir> redirs, Io io, List<Runnable> flushes)
      throws ShellError {
    StringBuilder out = io.out();
    StringBuilder err = io.err();
    String in = io.in();
    for (Redir r : redirs) {
      if (r.dupTo >= 0) {
        StringBuilder target = r.dupTo == 1 ? out : err;
        if (r.fd == 1) {
          out = target;
        } else {
          err = target;
        }
        continue;
      }
      String target = String.join(" ", expand(r.target));
      if (r.op.equals("<")) {
        if (target.equals("/dev/null")) {
          in = "";
          continue;
        }
        Optional<String> text = p.world.fs.read(p.hostPath(target));
        if (text.isEmpty()) {
          throw new ShellError("cannot open " + target + ": No such file or directory");
        }
        in = text.get();
        continue;
      }
      StringBuilder sink = new StringBuilder();
      if (!target.equals("/dev/null")) {
        String path = p.hostPath(target);
        if (!p.world.fs.isDirectory(SimFileSystem.parent(path)) || p.world.fs.isDirectory(path)) {
          err.append("sh: cannot create ").append(target).append(": ");
          err.append(
              p.world.fs.isDirectory(path) ? "Is a directory\n" : "No such file or directory\n");
          return Optional.empty();
        }
        boolean append = r.op.equals(">>");
        String before = append ? p.world.fs.read(path).orElse("") : "";
        p.world.fs.write(path, before);
        flushes.add(() -> p.world.fs.write(path, before + sink));
      }
      if (r.fd == 1) {
        out = sink;
      } else {
        err = sink;
      }
    }
    return Optional.of(new Io(in, out, err));
  }

  private int runSimple(Simple c, Io io) throws ShellError {
    List<String> words = new ArrayList<>();
    for (List<Part> w : c.words) {
      words.addAll(expand(w));
    }
    Map<String, String> assignments = new HashMap<>();
    while (!words.isEmpty() && words.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
      String a = words.remove(0);
      assignments.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    if (words.isEmpty()) {
      vars.putAll(assignments);
      return 0;
    }
    return runWords(words, io.in(), io.out(), io.err());
  }

  private int runWords(List<String> words, String in, StringBuilder out, StringBuilder err)
      throws ShellError {
    String cmd = words.get(0);
    if (UNSUPPORTED_KEYWORDS.contains(cmd)) {
      throw new ShellError("'" + cmd + "' is not supported by the simulated host's sh");
    }
    switch (cmd) {
      case "exit":
        exitRequested = true;
        exitCode = words.size() > 1 ? parseStatus(words.get(1)) : status;
        return exitCode;
      case ":":
      case "true":
      case "cd":
      case "trap":
        return 0;
      case "false":
        return 1;
      case "set":
        for (String w : words.subList(1, words.size())) {
          if (w.startsWith("-") && w.contains("e")) {
            errexit = true;
          } else if (w.startsWith("+") && w.contains("e")) {
            errexit = false;
          }
        }
        return 0;
      case "export":
        for (String w : words.subList(1, words.size())) {
          if (w.contains("=")) {
            vars.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
          }
        }
        return 0;
      case "unset":
        words.subList(1, words.size()).forEach(vars::remove);
        return 0;
      default:
        return p.run(words, in, out, err);
    }
  }

  private static int parseStatus(String s) throws ShellError {
    if (!s.matches("\\d+")) {
      throw new ShellError("exit: Illegal number: " + s);
    }
    return Integer.parseInt(s) & 255;
  }

  private List<String> expand(List<Part> word) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean have = false;
    for (Part part : word) {
      if (!part.var) {
        cur.append(part.text);
        have = true;
        continue;
      }
      if (part.text.equals("@") && part.quoted) {
        List<String> args = positional.subList(1, positional.size());
        for (int k = 0; k < args.size(); k++) {
          cur.append(args.get(k));
          if (k < args.size() - 1) {
            fields.add(cur.toString());
            cur.setLength(0);
          }
          have = true;
        }
        continue;
      }
      String value = value(part.text);
      if (part.quoted) {
        cur.append(value);
        have = true;
        continue;
      }
      String[] split = value.split("[ \t\n]+", -1);
      for (int k = 0; k < split.length; k++) {
        if (k > 0 && (have || cur.length() > 0)) {
          fields.add(cur.toString());
          cur.setLength(0);
          have = false;
        }
        if (!split[k].isEmpty()) {
          cur.append(split[k]);
          have = true;
        }
      }
    }
    if (have || cur.length() > 0) {
      fields.add(cur.toString());
    }
    return fields;
  }

  private String value(String name) {
    switch (name) {
      case "?":
        return Integer.toString(status);
      case "#":
        return Integer.toString(positional.size() - 1);
      case "@":
      case "*":
        return String.join(" ", positional.subList(1, positional.size()));
      case "$":
        return "4242";
      default:
        break;
    }
    if (name.matches("\\d+")) {
      int n = Integer.parseInt(name);
      return n < positional.size() ? positional.get(n) : "";
    }
    return vars.getOrDefault(name, "");
  }

  // ---------------------------------------------------------------- syntax

  private static final class ShellError extends Exception {
    private static final long serialVersionUID = 1L;

    ShellError(String message) {
      super(message, null, false, false);
    }
  }

  /** A piece of a word: literal text, or a parameter to expand. */
  private static final class Part {
    final String text;
    final boolean var;
    final boolean quoted;

    Part(String text, boolean var, boolean quoted) {
      this.text = text;
      this.var = var;
      this.quoted = quoted;
    }
  }

  private static final class Word {
    final List<Part> parts = new ArrayList<>();
  }

  private static final class Op {
    final String op;

    Op(String op) {
      this.op = op;
    }
  }

  private static final class Redir {
    final int fd;
    final String op;
    final int dupTo;
    List<Part> target;

    Redir(int fd, String op, int dupTo) {
      this.fd = fd;
      this.op = op;
      this.dupTo = dupTo;
    }
  }

  /** A command of a pipeline: a simple command or a brace group, with its redirections. */
  private abstract static class Cmd {
    final List<Redir> redirs = new ArrayList<>();

    List<Redir> redirs() {
      return redirs;
    }
  }

  private static final class Simple extends Cmd {
    final List<List<Part>> words = new ArrayList<>();
  }

  /** {@code { LIST; }}: runs LIST in the current shell. */
  private static final class Group extends Cmd {
    final List<AndOr> body;

    Group(List<AndOr> body) {
      this.body = body;
    }
  }

  private static final class Pipeline {
    boolean negated;
    final List<Cmd> commands = new ArrayList<>();
  }

  private static final class AndOr {
    final List<Pipeline> pipelines = new ArrayList<>();
    final List<String> ops = new ArrayList<>();
  }

  private static final class Lexer {
    private final String s;
    private int i;

    Lexer(String s) {
      this.s = s;
    }

    List<Object> lex() throws ShellError {
      List<Object> out = new ArrayList<>();
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t') {
          i++;
        } else if (c == '#') {
          while (i < s.length() && s.charAt(i) != '\n') {
            i++;
          }
        } else if (c == '\n' || c == ';') {
          out.add(new Op(c == '\n' ? "\n" : ";"));
          i++;
        } else if (c == '&' || c == '|') {
          if (i + 1 < s.length() && s.charAt(i + 1) == c) {
            out.add(new Op("" + c + c));
            i += 2;
          } else {
            out.add(new Op("" + c));
            i++;
          }
        } else if (c == '(' || c == ')') {
          throw new ShellError("subshells are not supported by the simulated host's sh");
        } else if (c == '>' || c == '<' || (Character.isDigit(c) && isRedirAfterDigit())) {
          out.add(redir());
        } else {
          out.add(word());
        }
      }
      return out;
    }

    private boolean isRedirAfterDigit() {
      return i + 1 < s.length() && (s.charAt(i + 1) == '>' || s.charAt(i + 1) == '<');
    }

    private Redir redir() throws ShellError {
      int fd = -1;
      if (Character.isDigit(s.charAt(i))) {
        fd = s.charAt(i) - '0';
        i++;
      }
      char c = s.charAt(i++);
      String op = "" + c;
      if (c == '>' && i < s.length() && s.charAt(i) == '>') {
        op = ">>";
        i++;
      }
      if (fd < 0) {
        fd = c == '<' ? 0 : 1;
      }
      if (i < s.length() && s.charAt(i) == '&') {
        i++;
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (start == i) {
          throw new ShellError("syntax error: bad fd number");
        }
        int to = Integer.parseInt(s.substring(start, i));
        if (to != 1 && to != 2) {
          throw new ShellError("" + to + ": Bad file descriptor");
        }
        return new Redir(fd, op, to);
      }
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
      if (i >= s.length() || "\n;&|<>".indexOf(s.charAt(i)) >= 0) {
        throw new ShellError(
            "syntax error: unexpected "
                + (i >= s.length() ? "end of file" : "\"" + s.charAt(i) + "\""));
      }
      Redir r = new Redir(fd, op, -1);
      r.target = word().parts;
      return r;
    }

    private Word word() throws ShellError {
      Word w = new Word();
      StringBuilder lit = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i);
        if (" \t\n;&|<>()".indexOf(c) >= 0) {
          break;
        }
        if (c == '\\') {
          if (i + 1 < s.length()) {
            if (s.charAt(i + 1) != '\n') {
              lit.append(s.charAt(i + 1));
            }
            i += 2;
          } else {
            i++;
          }
        } else if (c == '\'') {
          int end = s.indexOf('\'', i + 1);
          if (end < 0) {
            throw new ShellError("syntax error: unterminated quoted string");
          }
          lit.append(s, i + 1, end);
          i = end + 1;
          // an empty '' still makes a word
          w.parts.add(new Part("", false, true));
        } else if (c == '"') {
          i++;
          flush(w, lit, false);
          w.parts.add(new Part("", false, true));
          while (true) {
            if (i >= s.length()) {
              throw new ShellError("syntax error: unterminated quoted string");
            }
            char d = s.charAt(i);
            if (d == '"') {
              i++;
              break;
            }
            if (d == '\\' && i + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
              if (s.charAt(i + 1) != '\n') {
                lit.append(s.charAt(i + 1));
              }
              i += 2;
            } else if (d == '$') {
              dollar(w, lit, true);
            } else if (d == '`') {
              throw new ShellError(
                  "command substitution is not supported by the simulated host's sh");
            } else {
              lit.append(d);
              i++;
            }
          }
          flush(w, lit, true);
        } else if (c == '$') {
          dollar(w, lit, false);
        } else if (c == '`') {
          throw new ShellError("command substitution is not supported by the simulated host's sh");
        } else {
          lit.append(c);
          i++;
        }
      }
      flush(w, lit, false);
      return w;
    }

    private static void flush(Word w, StringBuilder lit, boolean quoted) {
      if (lit.length() > 0) {
        w.parts.add(new Part(lit.toString(), false, quoted));
        lit.setLength(0);
      }
    }

    private void dollar(Word w, StringBuilder lit, boolean quoted) throws ShellError {
      i++;
      if (i >= s.length()) {
        lit.append('$');
        return;
      }
      char c = s.charAt(i);
      String name;
      if (c == '{') {
        int end = s.indexOf('}', i);
        if (end < 0) {
          throw new ShellError("syntax error: missing '}'");
        }
        name = s.substring(i + 1, end);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*|\\d+|[?#@*$]")) {
          throw new ShellError("${" + name + "}: Bad substitution");
        }
        i = end + 1;
      } else if (c == '(') {
        throw new ShellError("command substitution is not supported by the simulated host's sh");
      } else if ("?#@*$".indexOf(c) >= 0 || Character.isDigit(c)) {
        name = "" + c;
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        name = s.substring(start, i);
      } else {
        lit.append('$');
        return;
      }
      flush(w, lit, quoted);
      w.parts.add(new Part(name, true, quoted));
    }
  }

  private static final class Parser {
    private final List<Object> t;
    private int i;

    Parser(List<Object> tokens) {
      this.t = tokens;
    }

    List<AndOr> parse() throws ShellError {
      List<AndOr> out = list(false);
      if (i < t.size()) {
        throw unexpected();
      }
      return out;
    }

    /**
     * A list of and-or lists separated by {@code ;}, {@code &} or newlines; inside a group it ends
     * before the {@code }} that closes it, which must follow a separator.
     */
    private List<AndOr> list(boolean inGroup) throws ShellError {
      List<AndOr> out = new ArrayList<>();
      while (true) {
        while (isOp("\n")) {
          i++;
        }
        if (i >= t.size()) {
          if (inGroup) {
            throw new ShellError("syntax error: unexpected end of file (expecting \"}\")");
          }
          return out;
        }
        if (inGroup && isReserved("}")) {
          if (out.isEmpty()) {
            throw unexpected();
          }
          return out;
        }
        out.add(andOr());
        if (isOp(";") || isOp("\n") || isOp("&")) {
          i++;
        } else if (i < t.size()) {
          // after a group's "}" or a word where none fits: "{ true; } x", "{ true }" at the end
          if (inGroup && isReserved("}")) {
            continue;
          }
          throw unexpected();
        }
      }
    }

    private AndOr andOr() throws ShellError {
      AndOr a = new AndOr();
      a.pipelines.add(pipeline());
      while (isOp("&&") || isOp("||")) {
        a.ops.add(((Op) t.get(i++)).op);
        while (isOp("\n")) {
          i++;
        }
        a.pipelines.add(pipeline());
      }
      return a;
    }

    private Pipeline pipeline() throws ShellError {
      Pipeline pl = new Pipeline();
      if (isReserved("!")) {
        pl.negated = true;
        i++;
      }
      pl.commands.add(command());
      while (isOp("|")) {
        i++;
        while (isOp("\n")) {
          i++;
        }
        pl.commands.add(command());
      }
      return pl;
    }

    private Cmd command() throws ShellError {
      if (isReserved("}")) {
        throw unexpected();
      }
      if (!isReserved("{")) {
        return simple();
      }
      i++;
      Group g = new Group(list(true));
      i++; // the "}" list(true) stopped at
      while (i < t.size() && t.get(i) instanceof Redir) {
        g.redirs.add((Redir) t.get(i++));
      }
      return g;
    }

    /** An unquoted word that is exactly {@code word}: a reserved word where a command starts. */
    private boolean isReserved(String word) {
      if (i >= t.size() || !(t.get(i) instanceof Word)) {
        return false;
      }
      Word w = (Word) t.get(i);
      return w.parts.size() == 1
          && !w.parts.get(0).var
          && !w.parts.get(0).quoted
          && w.parts.get(0).text.equals(word);
    }

    private Simple simple() throws ShellError {
      Simple c = new Simple();
      while (i < t.size() && !(t.get(i) instanceof Op)) {
        Object o = t.get(i++);
        if (o instanceof Redir) {
          c.redirs.add((Redir) o);
        } else {
          c.words.add(((Word) o).parts);
        }
      }
      if (c.words.isEmpty() && c.redirs.isEmpty()) {
        throw unexpected();
      }
      return c;
    }

    private boolean isOp(String op) {
      return i < t.size() && t.get(i) instanceof Op && ((Op) t.get(i)).op.equals(op);
    }

    private ShellError unexpected() {
      if (i >= t.size()) {
        return new ShellError("syntax error: unexpected end of file");
      }
      Object o = t.get(i);
      String what = o instanceof Op ? ((Op) o).op : o instanceof Word w ? text(w) : "redirection";
      return new ShellError("syntax error: unexpected \"" + what.replace("\n", "newline") + "\"");
    }

    private static String text(Word w) {
      StringBuilder b = new StringBuilder();
      for (Part p : w.parts) {
        b.append(p.var ? "$" + p.text : p.text);
      }
      return b.toString();
    }
  }
}
