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
 * with {@code ;}, {@code &&}, {@code ||}, pipes, {@code !}, assignments, redirections ({@code >},
 * {@code >>}, {@code <}, {@code 2>&1}, to files or {@code /dev/null}) and the builtins {@code
 * exit}, {@code set -e}, {@code :}, {@code cd}, {@code export}, {@code unset}. Compound commands,
 * command substitution and globbing are not simulated: such a line fails with exit 2 and says so.
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
          "{",
          "}",
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
      for (AndOr l : lists) {
        status = runAndOr(l);
        if (exitRequested) {
          return exitCode;
        }
        if (errexit && status != 0 && !l.lastNegated()) {
          return status;
        }
      }
      return status;
    } catch (ShellError e) {
      return p.fail("sh", e.getMessage(), 2);
    }
  }

  private boolean exitRequested;
  private int exitCode;

  private int runAndOr(AndOr l) throws ShellError {
    int s = runPipeline(l.pipelines.get(0));
    for (int k = 1; k < l.pipelines.size() && !exitRequested; k++) {
      String op = l.ops.get(k - 1);
      if ((op.equals("&&") && s == 0) || (op.equals("||") && s != 0)) {
        s = runPipeline(l.pipelines.get(k));
      }
    }
    return s;
  }

  private int runPipeline(Pipeline pl) throws ShellError {
    String in = null;
    int s = 0;
    for (int k = 0; k < pl.commands.size(); k++) {
      boolean last = k == pl.commands.size() - 1;
      StringBuilder out = last ? p.out : new StringBuilder();
      s = runSimple(pl.commands.get(k), in == null ? "" : in, out);
      status = s;
      if (exitRequested) {
        return exitCode;
      }
      in = last ? null : out.toString();
    }
    return pl.negated ? (s == 0 ? 1 : 0) : s;
  }

  private int runSimple(Simple c, String stdin, StringBuilder defaultOut) throws ShellError {
    List<String> words = new ArrayList<>();
    for (List<Part> w : c.words) {
      words.addAll(expand(w));
    }
    Map<String, String> assignments = new HashMap<>();
    while (!words.isEmpty() && words.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
      String a = words.remove(0);
      assignments.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    StringBuilder out = defaultOut;
    StringBuilder err = p.err;
    String in = stdin;
    List<Runnable> flushes = new ArrayList<>();
    for (Redir r : c.redirs) {
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
          p.err.append("sh: cannot create ").append(target).append(": ");
          p.err.append(
              p.world.fs.isDirectory(path) ? "Is a directory\n" : "No such file or directory\n");
          return 2;
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
    int s;
    if (words.isEmpty()) {
      vars.putAll(assignments);
      s = 0;
    } else {
      s = runWords(words, in, out, err);
    }
    flushes.forEach(Runnable::run);
    return s;
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
      case "cd":
      case "trap":
        return 0;
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

  private static final class Simple {
    final List<List<Part>> words = new ArrayList<>();
    final List<Redir> redirs = new ArrayList<>();
  }

  private static final class Pipeline {
    boolean negated;
    final List<Simple> commands = new ArrayList<>();
  }

  private static final class AndOr {
    final List<Pipeline> pipelines = new ArrayList<>();
    final List<String> ops = new ArrayList<>();

    boolean lastNegated() {
      return pipelines.get(pipelines.size() - 1).negated || !ops.isEmpty();
    }
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
      List<AndOr> out = new ArrayList<>();
      while (i < t.size()) {
        if (isOp(";") || isOp("\n") || isOp("&")) {
          if (!isOp("\n")) {
            throw unexpected();
          }
          i++;
          continue;
        }
        out.add(andOr());
        if (i < t.size()) {
          if (isOp(";") || isOp("\n") || isOp("&")) {
            i++;
          } else {
            throw unexpected();
          }
        }
      }
      return out;
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
      if (i < t.size() && t.get(i) instanceof Word && isBang((Word) t.get(i))) {
        pl.negated = true;
        i++;
      }
      pl.commands.add(simple());
      while (isOp("|")) {
        i++;
        pl.commands.add(simple());
      }
      return pl;
    }

    private static boolean isBang(Word w) {
      return w.parts.size() == 1
          && !w.parts.get(0).var
          && !w.parts.get(0).quoted
          && w.parts.get(0).text.equals("!");
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
      String what = o instanceof Op ? ((Op) o).op : "word";
      return new ShellError("syntax error: unexpected \"" + what.replace("\n", "newline") + "\"");
    }
  }
}
