package io.github.vnetjail.render;

import static io.github.vnetjail.render.JailConfLexer.CHAR;
import static io.github.vnetjail.render.JailConfLexer.EOF;
import static io.github.vnetjail.render.JailConfLexer.PLEQ;
import static io.github.vnetjail.render.JailConfLexer.STR;
import static io.github.vnetjail.render.JailConfLexer.STR1;
import static io.github.vnetjail.render.JailConfLexer.VAR;
import static io.github.vnetjail.render.JailConfLexer.VAR1;

import io.github.vnetjail.render.internal.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jail.conf grammar of FreeBSD's {@code usr.sbin/jail/jailparse.y}, by recursive descent. The
 * grammar is LALR(1) with no conflicts, so an error is found at the same token as yacc finds it:
 * the first one that cannot continue a valid prefix. {@code .include} is read while parsing, as
 * {@code special_param} does (14.0 and later).
 */
final class JailConfParser {
  /** config.c: {@code MAX_INCLUDE_DEPTH}. */
  static final int MAX_INCLUDE_DEPTH = 32;

  private final JailConfLexer lx;
  private final String fileName;
  private final String displayName;
  private final JailConfDialect dialect;
  private final JailConfFileSource files;
  private final int depth;
  private boolean peeked;

  /** The line where the last kept statement (or a block's brace) ended; 0 before the first. */
  private int lastKeptLine;

  private JailConfParser(
      String text, String fileName, JailConfFileSource files, JailConfDialect dialect, int depth) {
    this.fileName = fileName;
    // config.c: reading "-" means stdin, named "STDIN" in messages.
    this.displayName = fileName.equals("-") ? "STDIN" : fileName;
    this.lx = new JailConfLexer(text, displayName, dialect);
    this.dialect = dialect;
    this.files = files;
    this.depth = depth;
  }

  static JailConf parse(
      String text, String fileName, JailConfFileSource files, JailConfDialect dialect, int depth) {
    JailConfParser p = new JailConfParser(text, fileName, files, dialect, depth);
    List<JailConfStatement> top = new ArrayList<>();
    p.conf(top, false);
    return new JailConf(fileName, dialect, top);
  }

  private int peek() {
    if (!peeked) {
      lx.next();
      peeked = true;
    }
    return lx.kind;
  }

  private void consume() {
    peeked = false;
  }

  private boolean peekChar(char c) {
    return peek() == CHAR && lx.ch == c;
  }

  private JailConfParseException syntaxError() {
    if (lx.kind == EOF) {
      return new JailConfParseException(
          displayName, lx.startLine, lx.startCol, "jail: " + displayName + ": unexpected EOF");
    }
    return new JailConfParseException(
        displayName,
        lx.startLine,
        lx.startCol,
        "jail: " + displayName + " line " + lx.endLine + ": " + lx.tokenText() + ": syntax error");
  }

  /** Comments met inside a statement are moved in front of it, on their own lines. */
  private void hoistComments(List<JailConfStatement> out) {
    for (JailConfLexer.RawComment c : lx.drainComments()) {
      out.add(JailConfComment.of(c.text, false));
    }
  }

  /** Comments between statements; one on the line where the last statement ended trails it. */
  private void addComments(List<JailConfStatement> out) {
    for (JailConfLexer.RawComment c : lx.drainComments()) {
      out.add(JailConfComment.of(c.text, c.line == lastKeptLine));
    }
  }

  /** {@code conf} (14.x, also a block's body) or {@code param_l} (13.x, a block's body). */
  private void conf(List<JailConfStatement> out, boolean inBlock) {
    boolean v14 = dialect != JailConfDialect.FREEBSD_13;
    for (; ; ) {
      int k = peek();
      addComments(out);
      if (k == EOF) {
        if (inBlock) {
          throw syntaxError();
        }
        return;
      }
      if (k == CHAR) {
        if (lx.ch == ';') {
          consume();
          continue;
        }
        if (lx.ch == '}' && inBlock) {
          return;
        }
        throw syntaxError();
      }
      if (k != STR && k != VAR) {
        throw syntaxError();
      }
      boolean variable = k == VAR;
      String name = lx.value;
      int line = lx.startLine;
      consume();
      if (!variable && peekChar('{') && (v14 || !inBlock)) {
        int braceLine = lx.endLine;
        consume();
        hoistComments(out);
        lastKeptLine = braceLine;
        List<JailConfStatement> body = new ArrayList<>();
        conf(body, true);
        lastKeptLine = lx.endLine;
        consume(); // the '}' that ended the body
        out.add(JailConfJail.of(name, body, line));
        continue;
      }
      JailConfParameter param = param(name, variable, line);
      if (!peekChar(';')) {
        throw syntaxError();
      }
      int semicolonLine = lx.endLine;
      int semicolonCol = lx.startCol;
      consume();
      hoistComments(out);
      lastKeptLine = semicolonLine;
      if (v14
          && !variable
          && param.operator() == JailConfParameter.Operator.IMPLICIT
          && name.equals(".include")) {
        out.add(include(param, semicolonLine, semicolonCol));
      } else {
        out.add(param);
      }
    }
  }

  private JailConfParameter param(String name, boolean variable, int line) {
    int k = peek();
    JailConfParameter.Operator op;
    if (k == CHAR && lx.ch == ';') {
      return JailConfParameter.of(name, variable, JailConfParameter.Operator.NONE, List.of(), line);
    } else if (k == CHAR && lx.ch == '=') {
      consume();
      op = JailConfParameter.Operator.ASSIGN;
    } else if (k == PLEQ) {
      consume();
      op = JailConfParameter.Operator.APPEND;
    } else if (k == STR || k == VAR) {
      op = JailConfParameter.Operator.IMPLICIT;
    } else {
      throw syntaxError();
    }
    List<JailConfValue> values = new ArrayList<>(2);
    for (; ; ) {
      values.add(string());
      if (peekChar(',')) {
        consume();
        continue;
      }
      break;
    }
    return JailConfParameter.of(name, variable, op, values, line);
  }

  /** {@code string}: a first piece, then the pieces joined to it with no whitespace between. */
  private JailConfValue string() {
    int k = peek();
    if (k != STR && k != VAR) {
      throw syntaxError();
    }
    if (k == STR) {
      String first = lx.value;
      consume();
      int next = peek();
      if (next != STR1 && next != VAR1) {
        return JailConfValue.literal(first);
      }
      JailConfValue.Builder b = JailConfValue.builder().text(first);
      return pieces(b);
    }
    JailConfValue.Builder b = JailConfValue.builder().variable(lx.value);
    consume();
    return pieces(b);
  }

  private JailConfValue pieces(JailConfValue.Builder b) {
    for (; ; ) {
      int k = peek();
      if (k == STR1) {
        b.text(lx.value);
      } else if (k == VAR1) {
        b.variable(lx.value);
      } else {
        return b.build();
      }
      consume();
    }
  }

  /** jailparse.y special_param and config.c include_config. */
  private JailConfInclude include(JailConfParameter param, int line, int col) {
    List<String> patterns = new ArrayList<>();
    List<JailConf> included = new ArrayList<>();
    for (JailConfValue v : param.values()) {
      if (!v.isLiteral()) {
        throw new JailConfParseException(
            displayName,
            line,
            col,
            "jail: "
                + displayName
                + " line "
                + line
                + ": variables not permitted in '.include' filename");
      }
      String name = v.text();
      patterns.add(name);
      if (depth + 1 > MAX_INCLUDE_DEPTH) {
        throw new JailConfParseException(
            displayName, line, col, "jail: maximum include depth exceeded");
      }
      String path = name;
      if (!fileName.equals("-") && !name.startsWith("/")) {
        int slash = fileName.lastIndexOf('/');
        if (slash >= 0) {
          path = fileName.substring(0, slash + 1) + name;
        }
      }
      if (Glob.hasMagic(path)) {
        for (String match : Glob.expand(path, files::list, p -> files.read(p).isPresent())) {
          included.add(parseIncluded(match, files.read(match), line, col));
        }
      } else {
        included.add(parseIncluded(path, files.read(path), line, col));
      }
    }
    return JailConfInclude.parsed(patterns, included, param.line().orElse(line));
  }

  private JailConf parseIncluded(String path, Optional<String> text, int line, int col) {
    if (text.isEmpty()) {
      throw new JailConfParseException(
          displayName, line, col, "jail: " + path + ": No such file or directory");
    }
    return parse(text.get(), path, files, dialect, depth + 1);
  }
}
