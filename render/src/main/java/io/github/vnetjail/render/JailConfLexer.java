package io.github.vnetjail.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The jail.conf scanner: a hand-written copy of FreeBSD's {@code usr.sbin/jail/jaillex.l}. At each
 * position it takes the longest match of flex's rules (ties go to the earlier rule), keeps the
 * {@code _}/{@code DQ} start states and the {@code instr} flag that tells a first piece ({@code
 * STR}, {@code VAR}) from a joined one ({@code STR1}, {@code VAR1}), and decodes escapes exactly
 * like {@code text2lval}.
 *
 * <p>Where Java text differs from jail(8)'s bytes: an unquoted non-ASCII character is reported
 * whole in a syntax error (jail(8) prints its first byte), and an octal or hex escape above 0x7f
 * gives the character U+0080..U+00FF rather than a raw byte.
 */
final class JailConfLexer {
  static final int EOF = 0;
  static final int STR = 1;
  static final int STR1 = 2;
  static final int VAR = 3;
  static final int VAR1 = 4;
  static final int PLEQ = 5;

  /** A single character returned as itself: {@code , ; = { }} or any byte jail(8) rejects. */
  static final int CHAR = 6;

  private final String src;
  private final int n;
  private final String fileName;
  private final boolean v14;

  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean dq;
  private boolean instr;

  // The current token.
  int kind;
  char ch;
  String value;
  int start;
  int end;
  int startLine;
  int startCol;
  int endLine;

  private final List<RawComment> comments = new ArrayList<>();

  /** A comment's text and the line it starts on; the parser decides if it trails a statement. */
  static final class RawComment {
    final String text;
    final int line;

    RawComment(String text, int line) {
      this.text = text;
      this.line = line;
    }
  }

  JailConfLexer(String src, String fileName, JailConfDialect dialect) {
    this.src = src;
    this.n = src.length();
    this.fileName = fileName;
    this.v14 = dialect != JailConfDialect.FREEBSD_13;
  }

  /** Takes the comments seen since the last call. */
  List<RawComment> drainComments() {
    if (comments.isEmpty()) {
      return List.of();
    }
    List<RawComment> out = new ArrayList<>(comments);
    comments.clear();
    return out;
  }

  /** The raw source text of the current token, as jail(8) prints it in a syntax error. */
  String tokenText() {
    return src.substring(start, end);
  }

  private static boolean isWord(char c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return true;
    }
    switch (c) {
      case '_':
      case '!':
      case '%':
      case '&':
      case '(':
      case ')':
      case '-':
      case '.':
      case ':':
      case '<':
      case '>':
      case '?':
      case '@':
      case '[':
      case ']':
      case '^':
      case '`':
      case '|':
      case '~':
        return true;
      default:
        return false;
    }
  }

  static boolean isWordChar(char c) {
    return isWord(c);
  }

  private static boolean isVarStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  private static boolean isVarChar(char c) {
    return isVarStart(c) || c >= '0' && c <= '9';
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** Moves to {@code to}, counting the newlines passed. */
  private void advanceTo(int to) {
    for (int i = pos; i < to; i++) {
      if (src.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    pos = to;
  }

  private void beginToken() {
    start = pos;
    startLine = line;
    startCol = pos - lineStart + 1;
  }

  private int finish(int tokenKind, int to) {
    advanceTo(to);
    end = to;
    endLine = line;
    kind = tokenKind;
    return tokenKind;
  }

  private int piece(int to, String pieceValue) {
    value = pieceValue;
    int k = instr ? STR1 : STR;
    instr = true;
    return finish(k, to);
  }

  private int variable(int to, String name) {
    value = name;
    int k = instr ? VAR1 : VAR;
    instr = true;
    return finish(k, to);
  }

  private int single(char c) {
    ch = c;
    int to = pos + 1;
    if (Character.isHighSurrogate(c) && to < n && Character.isLowSurrogate(src.charAt(to))) {
      to++;
    }
    value = src.substring(pos, to);
    return finish(CHAR, to);
  }

  JailConfParseException error(String what, int errorLine) {
    return new JailConfParseException(
        fileName, startLine, startCol, "jail: " + fileName + " line " + errorLine + ": " + what);
  }

  /** Scans the next token into the fields above and returns its kind. */
  int next() {
    for (; ; ) {
      if (pos >= n) {
        beginToken();
        value = "";
        end = pos;
        endLine = line;
        kind = EOF;
        return EOF;
      }
      char c = src.charAt(pos);
      if (dq) {
        beginToken();
        if (c == '"') {
          advanceTo(pos + 1);
          dq = false;
          continue;
        }
        if (c == '$') {
          return dollar(true);
        }
        if (c == '\\') {
          return escape();
        }
        int close = findClose(pos + 1, '"');
        if (close >= 0) {
          return quoted(pos, close);
        }
        if (isWord(c)) {
          return word();
        }
        if (c == '*' || c == '+' || c == '/') {
          return piece(pos + 1, String.valueOf(c));
        }
        // flex's catch-all rule: back to the _ state, rescan this character there.
        dq = false;
        continue;
      }
      beginToken();
      switch (c) {
        case ' ':
        case '\t':
        case '\n':
          whitespace();
          continue;
        case '\r':
          if (v14) {
            whitespace();
            continue;
          }
          return single(c); // 13.x: CR is not whitespace
        case '#':
          lineComment();
          continue;
        case '/':
          if (pos + 1 < n && src.charAt(pos + 1) == '/') {
            lineComment();
            continue;
          }
          if (pos + 1 < n && src.charAt(pos + 1) == '*') {
            blockComment();
            continue;
          }
          return piece(pos + 1, "/");
        case '+':
          if (pos + 1 < n && src.charAt(pos + 1) == '=') {
            instr = false;
            value = "+=";
            return finish(PLEQ, pos + 2);
          }
          return piece(pos + 1, "+");
        case ',':
        case ';':
        case '=':
        case '{':
        case '}':
          instr = false;
          return single(c);
        case '\\':
          return escape();
        case '$':
          return dollar(false);
        case '*':
          return piece(pos + 1, "*");
        case '\'':
          return singleQuoted();
        case '"':
          return doubleQuoted();
        case '\0':
          // flex returns the NUL byte as token 0, which yacc takes for the end of input.
          value = "";
          end = pos;
          endLine = line;
          kind = EOF;
          return EOF;
        default:
          if (isWord(c)) {
            return word();
          }
          return single(c);
      }
    }
  }

  private void whitespace() {
    int i = pos;
    while (i < n) {
      char c = src.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' && v14) {
        i++;
      } else {
        break;
      }
    }
    advanceTo(i);
    instr = false;
  }

  private void lineComment() {
    int i = src.indexOf('\n', pos);
    if (i < 0) {
      i = n;
    }
    String text = src.substring(pos, i);
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    addComment(text);
    // No instr reset (14.x's rule has one): the comment ends at a newline, whitespace that resets
    // it, or at the end of the input.
    advanceTo(i);
  }

  private void blockComment() {
    int close = src.indexOf("*/", pos + 2);
    if (close < 0) {
      // The partial rule eats the rest of the file; 14.x reports the line where it ends.
      int startLineHere = line;
      advanceTo(n);
      throw error("unterminated comment", v14 ? line : startLineHere);
    }
    addComment(src.substring(pos, close + 2).replace("\r\n", "\n"));
    advanceTo(close + 2);
    instr = false;
  }

  private void addComment(String text) {
    comments.add(new RawComment(text, startLine));
  }

  private int word() {
    int i = pos + 1;
    while (i < n && isWord(src.charAt(i))) {
      i++;
    }
    return piece(i, src.substring(pos, i));
  }

  /** {@code \\(.|\n|[0-7]{1,3}|x[0-9A-Fa-f]{1,2})}, or a lone backslash at the end of input. */
  private int escape() {
    if (pos + 1 >= n) {
      return piece(pos + 1, ""); // text2lval reads the terminating NUL: an empty piece
    }
    char d = src.charAt(pos + 1);
    int to = pos + 2;
    if (isOctal(d)) {
      while (to < n && to < pos + 4 && isOctal(src.charAt(to))) {
        to++;
      }
    } else if (d == 'x') {
      while (to < n && to < pos + 4 && hexValue(src.charAt(to)) >= 0) {
        to++;
      }
    }
    return piece(to, unescape(pos, to));
  }

  /** {@code $name}, {@code ${...}}, an unterminated {@code ${}, or a literal {@code $}. */
  private int dollar(boolean inDq) {
    if (pos + 1 < n) {
      char d = src.charAt(pos + 1);
      if (isVarStart(d)) {
        int i = pos + 2;
        while (i < n && isVarChar(src.charAt(i))) {
          i++;
        }
        return variable(i, src.substring(pos + 1, i));
      }
      if (d == '{') {
        // partial is at least pos + 2, so full >= partial also says the full rule matched. At a
        // tie the full rule wins, being first. The partial rule never takes a newline, so the
        // error is on this line.
        int full = braceEnd(inDq, true);
        int partial = braceEnd(inDq, false);
        if (full >= partial) {
          return variable(full, unescape(pos + 2, full - 1));
        }
        throw error("unterminated variable", line);
      }
    }
    return piece(pos + 1, "$");
  }

  /**
   * Simulates {@code $\{([^\n{}]|\\(.|\n))*\}} (full) or {@code $\{([^\n{}]|\\.)*} (partial), with
   * {@code "} also excluded in the DQ state. A backslash matches both the class and an escape, so
   * the set of live positions is tracked: full returns the end of the longest match or -1, partial
   * the furthest live position.
   */
  private int braceEnd(boolean inDq, boolean full) {
    int j = pos + 2;
    boolean live0 = true;
    boolean live1 = false;
    boolean live2;
    int best = full ? -1 : j;
    while (live0 || live1) {
      live2 = false;
      if (live0) {
        if (!full) {
          best = j;
        }
        if (j < n) {
          char c = src.charAt(j);
          if (c == '}') {
            if (full) {
              best = j + 1;
            }
          } else if (c != '\n' && c != '{' && !(inDq && c == '"')) {
            live1 = true;
          }
          if (c == '\\' && j + 1 < n && (full || src.charAt(j + 1) != '\n')) {
            live2 = true;
          }
        }
      }
      j++;
      live0 = live1;
      live1 = live2;
    }
    return best;
  }

  /** Returns the index of the closing quote (escapes skipped), or -1 if there is none. */
  private int findClose(int from, char quote) {
    int i = from;
    while (i < n) {
      char c = src.charAt(i);
      if (c == quote) {
        return i;
      }
      i += c == '\\' ? 2 : 1; // a backslash at the end steps past n: no close
    }
    return -1;
  }

  private int singleQuoted() {
    int close = findClose(pos + 1, '\'');
    if (close < 0) {
      throw error("unterminated string", line); // the partial rule never takes a newline
    }
    return piece(close + 1, unescape(pos + 1, close));
  }

  private int doubleQuoted() {
    int close = findClose(pos + 1, '"');
    if (close < 0) {
      throw error("unterminated string", line); // the partial rule never takes a newline
    }
    return quoted(pos + 1, close);
  }

  /**
   * A double-quoted run, content from {@code from} to the closing quote at {@code close}. Like
   * text2lval with {@code tovar}, it stops at the first unescaped {@code $}: the piece ends there
   * and the scanner continues in the DQ state.
   */
  private int quoted(int from, int close) {
    int i = from;
    while (i < close) {
      char c = src.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '$') {
        String v = unescape(from, i);
        dq = true;
        return piece(i, v);
      } else {
        i++;
      }
    }
    String v = unescape(from, close);
    dq = false;
    return piece(close + 1, v);
  }

  /**
   * text2lval's escape decoding of {@code src[from, to)}. A NUL ends the value, as C's strlen does
   * in jail(8). A backslash ends the range only in {@code ${a\}}, where text2lval reads the trimmed
   * brace just past {@code to}: {@code src.charAt(to)}.
   */
  private String unescape(int from, int to) {
    StringBuilder d = new StringBuilder();
    for (int s = from; s < to; s++) {
      char c = src.charAt(s);
      if (c != '\\') {
        if (c == '\0') {
          return d.toString();
        }
        d.append(c);
        continue;
      }
      s++;
      char e = src.charAt(s);
      int v;
      if (isOctal(e)) {
        v = e - '0';
        if (s + 1 < to && isOctal(src.charAt(s + 1))) {
          v = 8 * v + (src.charAt(++s) - '0');
          if (s + 1 < to && isOctal(src.charAt(s + 1))) {
            v = 8 * v + (src.charAt(++s) - '0');
          }
        }
        v &= 0xff;
      } else {
        switch (e) {
          case 'a':
            v = 7;
            break;
          case 'b':
            v = 8;
            break;
          case 'f':
            v = 12;
            break;
          case 'n':
            v = 10;
            break;
          case 'r':
            v = 13;
            break;
          case 't':
            v = 9;
            break;
          case 'v':
            v = 11;
            break;
          case '\n':
            continue; // backslash-newline is removed
          case 'x':
            v = 0;
            if (s + 1 < to && hexValue(src.charAt(s + 1)) >= 0) {
              v = hexValue(src.charAt(++s));
              if (s + 1 < to && hexValue(src.charAt(s + 1)) >= 0) {
                v = v * 16 + hexValue(src.charAt(++s));
              }
            }
            break;
          default:
            v = e;
            break;
        }
      }
      if (v == 0) {
        return d.toString();
      }
      d.append((char) v);
    }
    return d.toString();
  }
}
