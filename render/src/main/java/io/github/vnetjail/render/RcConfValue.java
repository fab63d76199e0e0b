package io.github.vnetjail.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value word of one rc.conf assignment, scanned the way sh reads it: single quotes, double
 * quotes with their four escapes, backslashes, line continuations, {@code $name} and {@code
 * ${name}}. What only a running sh can know (command substitution, {@code ${x:-y}}, positional
 * parameters, tilde expansion) is remembered (the first of it), so that {@link #evaluate} can say
 * so instead of guessing.
 */
final class RcConfValue {
  enum Kind {
    LITERAL,
    VARIABLE
  }

  record Piece(Kind kind, String text) {}

  /** Offset of the first character of the value word (just after {@code NAME=}). */
  final int start;

  /** Offset just after the value word: the rest of the line (comment, {@code ;}, CR) follows. */
  final int end;

  final List<Piece> pieces;

  /**
   * The first part of the word that only a running sh can tell, such as {@code $(hostname)}: with
   * one, the pieces cannot give the value.
   */
  final Optional<String> unsupported;

  /** True when the whole word is one {@code '...'} string: sysrc keeps that style on edit. */
  final boolean singleQuoted;

  /** The value word as written, quotes included. */
  private final String source;

  private RcConfValue(
      String source,
      int start,
      int end,
      List<Piece> pieces,
      Optional<String> unsupported,
      boolean singleQuoted) {
    this.source = source;
    this.start = start;
    this.end = end;
    this.pieces = List.copyOf(pieces);
    this.unsupported = unsupported;
    this.singleQuoted = singleQuoted;
  }

  /**
   * Returns the value as sh would assign it, variables taken from {@code env} (unset ones expand to
   * the empty string), or empty with the reason in {@code why} when only sh could tell: the word
   * itself needs sh, or it refers to a variable in {@code unknown} (name to the reason).
   */
  Optional<String> evaluate(
      Map<String, String> env, Map<String, String> unknown, StringBuilder why) {
    if (unsupported.isPresent()) {
      why.append(unsupported.get());
      return Optional.empty();
    }
    for (Piece piece : pieces) {
      if (piece.kind() == Kind.VARIABLE && unknown.containsKey(piece.text())) {
        why.append('$').append(piece.text()).append(" (").append(unknown.get(piece.text()));
        why.append(')');
        return Optional.empty();
      }
    }
    StringBuilder out = new StringBuilder();
    for (Piece piece : pieces) {
      out.append(piece.kind() == Kind.VARIABLE ? env.getOrDefault(piece.text(), "") : piece.text());
    }
    return Optional.of(out.toString());
  }

  /** Returns the value word as written, quotes included. */
  String source() {
    return source;
  }

  /**
   * Scans the value word that starts at {@code start} in {@code text}; {@code name} and {@code
   * line} only serve the error message.
   *
   * @throws RcConfException on an unterminated quote, substitution or {@code ${}
   */
  static RcConfValue scan(String text, int start, String name, int line) {
    return new Scanner(text, start, name, line).scan();
  }

  private static final class Scanner {
    private final String text;
    private final int start;
    private final String name;
    private final int line;
    private final List<Piece> pieces = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private Optional<String> unsupported = Optional.empty();
    private int pos;

    Scanner(String text, int start, String name, int line) {
      this.text = text;
      this.start = start;
      this.name = name;
      this.line = line;
      this.pos = start;
    }

    RcConfValue scan() {
      int n = text.length();
      int quotedPieces = 0;
      boolean onlySingle = true;
      while (pos < n) {
        char c = text.charAt(pos);
        if (endsWord(c)) {
          break;
        }
        quotedPieces++;
        switch (c) {
          case '\'':
            int close = text.indexOf('\'', pos + 1);
            if (close < 0) {
              throw unterminated("single-quoted string", "a closing '");
            }
            literal.append(text, pos + 1, close);
            pos = close + 1;
            break;
          case '"':
            onlySingle = false;
            doubleQuoted();
            break;
          case '\\':
            onlySingle = false;
            if (pos + 1 == n) {
              literal.append('\\');
              pos++;
            } else {
              char next = text.charAt(pos + 1);
              if (next != '\n') { // backslash-newline is a line continuation: removed
                literal.append(next);
              }
              pos += 2;
            }
            break;
          case '$':
            onlySingle = false;
            dollar();
            break;
          case '`':
            onlySingle = false;
            backquote();
            break;
          case '~':
            onlySingle = false;
            // sh expands an unquoted ~ at the start of an assignment's value and after each
            // unquoted ':' (POSIX 2.6.1; FreeBSD sh and dash both do).
            if (pos == start || text.charAt(pos - 1) == ':') {
              int stop = pos + 1;
              while (stop < n
                  && !endsWord(text.charAt(stop))
                  && "/:".indexOf(text.charAt(stop)) < 0) {
                stop++;
              }
              unsupported(text.substring(pos, stop) + " (tilde expansion)");
              pos = stop;
            } else {
              literal.append(c);
              pos++;
            }
            break;
          default:
            onlySingle = false;
            literal.append(c);
            pos++;
        }
      }
      flush();
      boolean singleQuoted = quotedPieces == 1 && onlySingle && text.charAt(start) == '\'';
      return new RcConfValue(
          text.substring(start, pos), start, pos, pieces, unsupported, singleQuoted);
    }

    /** Unquoted blanks, newline and sh's operator characters end the word. */
    private boolean endsWord(char c) {
      if (c == '\r') { // a CR that ends a CRLF line is kept with the line ending, not the value
        return pos + 1 == text.length() || text.charAt(pos + 1) == '\n';
      }
      return " \t\n;&|<>()".indexOf(c) >= 0;
    }

    private void doubleQuoted() {
      pos++; // opening quote
      int n = text.length();
      while (true) {
        if (pos >= n) {
          throw unterminated("double-quoted string", "a closing \"");
        }
        char c = text.charAt(pos);
        if (c == '"') {
          pos++;
          return;
        }
        if (c == '\\' && pos + 1 < n && "$`\"\\\n".indexOf(text.charAt(pos + 1)) >= 0) {
          if (text.charAt(pos + 1) != '\n') {
            literal.append(text.charAt(pos + 1));
          }
          pos += 2;
        } else if (c == '$') {
          dollar();
        } else if (c == '`') {
          backquote();
        } else {
          literal.append(c);
          pos++;
        }
      }
    }

    private void dollar() {
      int n = text.length();
      if (pos + 1 >= n) {
        literal.append('$');
        pos++;
        return;
      }
      char d = text.charAt(pos + 1);
      if (d == '{') {
        int close = matching(pos + 1, '{', '}', "${...}");
        String inner = text.substring(pos + 2, close);
        if (RcConf.isVariableName(inner)) {
          variable(inner);
        } else {
          unsupported("${" + inner + "}");
        }
        pos = close + 1;
      } else if (d == '(') {
        int close = matching(pos + 1, '(', ')', "$(...)");
        unsupported(text.substring(pos, close + 1));
        pos = close + 1;
      } else if (RcConf.isNameChar(d, true)) {
        int stop = pos + 1;
        while (stop < n && RcConf.isNameChar(text.charAt(stop), false)) {
          stop++;
        }
        variable(text.substring(pos + 1, stop));
        pos = stop;
      } else if (d >= '0' && d <= '9' || "@*#?-$!".indexOf(d) >= 0) {
        unsupported("$" + d);
        pos += 2;
      } else {
        literal.append('$');
        pos++;
      }
    }

    private void backquote() {
      int n = text.length();
      int i = pos + 1;
      while (i < n && text.charAt(i) != '`') {
        i += text.charAt(i) == '\\' ? 2 : 1;
      }
      if (i >= n) {
        throw unterminated("`...` command substitution", "a closing `");
      }
      unsupported(text.substring(pos, i + 1));
      pos = i + 1;
    }

    /** Returns the offset of the bracket that closes the one at {@code open}, counting nesting. */
    private int matching(int open, char opening, char closing, String what) {
      int depth = 0;
      for (int i = open; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == opening) {
          depth++;
        } else if (c == closing && --depth == 0) {
          return i;
        }
      }
      throw unterminated(what, "a closing " + closing);
    }

    private void variable(String variable) {
      flush();
      pieces.add(new Piece(Kind.VARIABLE, variable));
    }

    /** Keeps the first such part: evaluation stops there, so later ones never show. */
    private void unsupported(String what) {
      if (unsupported.isEmpty()) {
        unsupported = Optional.of(what);
      }
    }

    private void flush() {
      pieces.add(new Piece(Kind.LITERAL, literal.toString())); // an empty one appends nothing
      literal.setLength(0);
    }

    private RcConfException unterminated(String what, String fix) {
      return new RcConfException(
          "rc.conf line "
              + line
              + ": the value of "
              + name
              + " has an unterminated "
              + what
              + "; sh -n rejects this file; add "
              + fix
              + " where the value ends",
          line);
    }
  }
}
