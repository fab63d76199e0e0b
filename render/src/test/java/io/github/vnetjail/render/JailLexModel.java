package io.github.vnetjail.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent oracle for {@link JailConfLexer}: the rules of FreeBSD 14's {@code
 * usr.sbin/jail/jaillex.l} written as Java regular expressions, run the way flex runs them (the
 * longest match of the rules active in the current start state wins, ties go to the earlier rule),
 * with the rules' actions and {@code text2lval} transcribed from the C. It is slow (it tries every
 * end position for every rule) and meant for short texts only.
 *
 * <p>It works on Java characters as the lexer does: {@code .} matches one code point, and an escape
 * above 0x7f gives U+0080..U+00FF.
 */
final class JailLexModel {
  /** One scanned token: kind, value, offsets and the lines where it starts and ends. */
  record Token(
      int kind, String value, int start, int end, int startLine, int startCol, int endLine) {
    @Override
    public String toString() {
      return kind + "[" + value + "]@" + start + "-" + end + ":" + startLine + ":" + startCol + "-"
          + endLine;
    }
  }

  /** What the scan gave: the tokens up to and including EOF, or up to an error; and comments. */
  record Result(List<Token> tokens, List<String> comments, String error, int errorStart) {}

  private static final int INITIAL = 0;
  private static final int UNDERSCORE = 1;
  private static final int DQ = 2;

  private record Rule(int number, Pattern pattern, boolean inUnderscore, boolean inDq) {}

  private static final List<Rule> RULES = new ArrayList<>();

  private static void rule(int number, String regex, boolean inUnderscore, boolean inDq) {
    // UNIX_LINES: like flex's '.', Java's '.' then excludes only '\n'.
    RULES.add(new Rule(number, Pattern.compile(regex, Pattern.UNIX_LINES), inUnderscore, inDq));
  }

  static {
    // Whitespace or equivalent
    rule(1, "[ \\t\\r\\n]+", true, false);
    rule(2, "#.*", true, false);
    rule(3, "//.*", true, false);
    rule(4, "/\\*([^*]|(\\*+([^*/])))*\\*+/", true, false);
    // Reserved tokens
    rule(5, "\\+=", true, false);
    rule(6, "[,;={}]", true, false);
    // Atomic (unquoted) strings
    rule(7, "[A-Za-z0-9_!%&()\\-.:<>?@\\[\\]^`|~]+", true, true);
    rule(8, "\\\\(.|\\n|[0-7]{1,3}|x[0-9A-Fa-f]{1,2})", true, true);
    rule(9, "[$*+/\\\\]", true, true);
    // Single and double quoted strings
    rule(10, "'([^'\\\\]|\\\\(.|\\n))*'", true, false);
    rule(11, "\"([^\"\\\\]|\\\\(.|\\n))*\"", true, false);
    rule(12, "[^\"$\\\\]([^\"\\\\]|\\\\(.|\\n))*\"", false, true);
    rule(13, "\"", false, true);
    // Variables, single-word or bracketed
    rule(14, "\\$[A-Za-z_][A-Za-z_0-9]*", true, true);
    rule(15, "\\$\\{([^\\n{}]|\\\\(.|\\n))*\\}", true, false);
    rule(16, "\\$\\{([^\\n\"{}]|\\\\(.|\\n))*\\}", false, true);
    // Partially formed bits worth complaining about
    rule(17, "/\\*([^*]|(\\*+([^*/])))*\\**", true, false);
    rule(18, "'([^\\n'\\\\]|\\\\.)*", true, false);
    rule(19, "\"([^\\n\"\\\\]|\\\\.)*", true, false);
    rule(20, "\\$\\{([^\\n{}]|\\\\.)*", true, false);
    rule(21, "\\$\\{([^\\n\"{}]|\\\\.)*", false, true);
    // A hack because "<0>" rules aren't allowed
    rule(22, ".", true, false);
    rule(23, ".|\\n", true, true); // no start condition: active in every state, INITIAL too
  }

  private JailLexModel() {}

  /** The longest match of {@code p} at {@code pos}, or -1. */
  private static int longest(Pattern p, String src, int pos) {
    Matcher m = p.matcher(src);
    m.region(pos, src.length());
    if (!m.lookingAt()) {
      return -1;
    }
    int some = m.end();
    for (int end = src.length(); end > some; end--) {
      m.region(pos, end);
      if (m.matches()) {
        return end;
      }
    }
    return some;
  }

  private static int lineAt(String src, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int colAt(String src, int offset) {
    return offset - (src.lastIndexOf('\n', offset - 1) + 1) + 1;
  }

  /** Scans {@code src} (FreeBSD 14 rules) the way jail(8)'s scanner does. */
  static Result scan(String src, String fileName) {
    List<Token> tokens = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    int state = INITIAL;
    boolean instr = false;
    int pos = 0;
    for (; ; ) {
      if (pos >= src.length()) {
        tokens.add(token(src, JailConfLexer.EOF, "", pos, pos));
        return new Result(tokens, comments, null, -1);
      }
      Rule best = null;
      int bestEnd = -1;
      for (Rule r : RULES) {
        boolean active =
            r.number == 23 || state == UNDERSCORE && r.inUnderscore || state == DQ && r.inDq;
        if (!active) {
          continue;
        }
        int end = longest(r.pattern, src, pos);
        if (end > bestEnd) { // strictly longer: ties stay with the earlier rule
          best = r;
          bestEnd = end;
        }
      }
      String text = src.substring(pos, bestEnd);
      switch (best.number) {
        case 1:
          instr = false;
          break;
        case 2:
        case 3:
          instr = false;
          comments.add(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
          break;
        case 4:
          instr = false;
          comments.add(text.replace("\r\n", "\n"));
          break;
        case 5:
          instr = false;
          tokens.add(token(src, JailConfLexer.PLEQ, "+=", pos, bestEnd));
          break;
        case 6:
          instr = false;
          tokens.add(token(src, JailConfLexer.CHAR, text, pos, bestEnd));
          break;
        case 7:
        case 8:
        case 9:
          tokens.add(
              token(
                  src,
                  instr ? JailConfLexer.STR1 : JailConfLexer.STR,
                  lval(text, 0, 0, false).value,
                  pos,
                  bestEnd));
          instr = true;
          break;
        case 10:
          tokens.add(
              token(
                  src,
                  instr ? JailConfLexer.STR1 : JailConfLexer.STR,
                  lval(text, 1, 1, false).value,
                  pos,
                  bestEnd));
          instr = true;
          break;
        case 11:
        case 12:
          {
            int skip = text.charAt(0) == '"' ? 1 : 0;
            Lval l = lval(text, skip, 1, true);
            if (l.atvar < 0) {
              state = UNDERSCORE;
            } else {
              state = DQ;
              bestEnd = pos + l.atvar; // yyless(atvar)
            }
            tokens.add(
                token(src, instr ? JailConfLexer.STR1 : JailConfLexer.STR, l.value, pos, bestEnd));
            instr = true;
            break;
          }
        case 13:
          state = UNDERSCORE;
          break;
        case 14:
          tokens.add(
              token(
                  src,
                  instr ? JailConfLexer.VAR1 : JailConfLexer.VAR,
                  lval(text, 1, 0, false).value,
                  pos,
                  bestEnd));
          instr = true;
          break;
        case 15:
        case 16:
          tokens.add(
              token(
                  src,
                  instr ? JailConfLexer.VAR1 : JailConfLexer.VAR,
                  lval(text, 2, 1, false).value,
                  pos,
                  bestEnd));
          instr = true;
          break;
        case 17:
          return error(src, fileName, tokens, comments, "unterminated comment", pos, bestEnd);
        case 18:
        case 19:
          return error(src, fileName, tokens, comments, "unterminated string", pos, bestEnd);
        case 20:
        case 21:
          return error(src, fileName, tokens, comments, "unterminated variable", pos, bestEnd);
        case 22:
          if (text.equals("\0")) { // yacc takes token 0 for the end of input
            tokens.add(token(src, JailConfLexer.EOF, "", pos, pos));
            return new Result(tokens, comments, null, -1);
          }
          tokens.add(token(src, JailConfLexer.CHAR, text, pos, bestEnd));
          break;
        case 23:
          state = UNDERSCORE;
          bestEnd = pos; // yyless(0)
          break;
        default:
          throw new AssertionError(best.number);
      }
      pos = bestEnd;
    }
  }

  private static Token token(String src, int kind, String value, int start, int end) {
    return new Token(
        kind, value, start, end, lineAt(src, start), colAt(src, start), lineAt(src, end));
  }

  private static Result error(
      String src,
      String fileName,
      List<Token> tokens,
      List<String> comments,
      String what,
      int start,
      int end) {
    // warnx("%s line %d: ...", cfname, yylineno): yylineno counts the newlines of the match.
    return new Result(
        tokens, comments, "jail: " + fileName + " line " + lineAt(src, end) + ": " + what, start);
  }

  private record Lval(String value, int atvar) {}

  /**
   * text2lval(triml, trimr, tovar): escapes decoded into a C string, so the value ends at its first
   * NUL; with {@code tovar} it stops at the first unescaped {@code $} and returns its offset.
   */
  private static Lval lval(String yytext, int triml, int trimr, boolean tovar) {
    StringBuilder d = new StringBuilder();
    int se = yytext.length() - trimr;
    for (int s = triml; s < se; s++) {
      char c = yytext.charAt(s);
      if (c != '\\') {
        if (tovar && c == '$') {
          return new Lval(cString(d), s);
        }
        d.append(c);
        continue;
      }
      s++;
      // yytext is NUL-terminated; with trimr == 1 the character at se is the trimmed one.
      char e = s < yytext.length() ? yytext.charAt(s) : '\0';
      if (e >= '0' && e <= '7') {
        int v = e - '0';
        if (s + 1 < se && isOctal(yytext.charAt(s + 1))) {
          v = 010 * v + (yytext.charAt(++s) - '0');
          if (s + 1 < se && isOctal(yytext.charAt(s + 1))) {
            v = 010 * v + (yytext.charAt(++s) - '0');
          }
        }
        d.append((char) (v & 0xff)); // *d is a char
        continue;
      }
      switch (e) {
        case 'a' -> d.append('\u0007');
        case 'b' -> d.append('\b');
        case 'f' -> d.append('\f');
        case 'n' -> d.append('\n');
        case 'r' -> d.append('\r');
        case 't' -> d.append('\t');
        case 'v' -> d.append('\u000b');
        case '\n' -> {} // d--: nothing is written
        case 'x' -> {
          int v = 0;
          if (s + 1 < se && hex(yytext.charAt(s + 1)) >= 0) {
            v = hex(yytext.charAt(++s));
            if (s + 1 < se && hex(yytext.charAt(s + 1)) >= 0) {
              v = v * 0x10 + hex(yytext.charAt(++s));
            }
          }
          d.append((char) v);
        }
        default -> d.append(e);
      }
    }
    return new Lval(cString(d), -1);
  }

  private static String cString(StringBuilder d) {
    int nul = d.indexOf("\0");
    return nul < 0 ? d.toString() : d.substring(0, nul);
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  private static int hex(char c) {
    return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
  }
}
