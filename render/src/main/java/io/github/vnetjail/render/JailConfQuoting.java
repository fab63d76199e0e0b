package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.VnetJailException;

/**
 * The one place that quotes text for jail.conf: the writer uses it for every name and value, and
 * the parser's scanner decodes exactly what it writes. Values are always double-quoted with {@code
 * \ " $} and control characters escaped; names stay bare only when made of jail.conf's word
 * characters (FREEBSD.md, "How to render safely"; FreeBSD's {@code usr.sbin/jail/jaillex.l}).
 *
 * <pre>{@code
 * JailConfQuoting.quote("a \"b\" $c");         // "a \"b\" \$c"
 * JailConfQuoting.quoteName("my jail");         // "my jail"
 * JailConfQuoting.quoteName("web.1");           // web.1
 * JailConfQuoting.variableReference("epair");   // ${epair}
 * }</pre>
 */
public final class JailConfQuoting {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JailConfQuoting() {}

  /**
   * Returns {@code text} as one double-quoted jail.conf string that jail(8) reads back exactly.
   *
   * @throws VnetJailException if the text holds a NUL byte, which jail(8) cannot carry
   */
  public static String quote(String text) {
    checkNotNull(text, "text");
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    appendEscaped(out, text, 0, text.length());
    return out.append('"').toString();
  }

  /** Returns a value as one double-quoted string, its variable references as {@code ${name}}. */
  public static String quoteValue(JailConfValue value) {
    checkNotNull(value, "value");
    StringBuilder out = new StringBuilder(value.text().length() + 8).append('"');
    String text = value.text();
    int at = 0;
    for (int i = 0; i < value.variableCount(); i++) {
      int pos = value.variablePosition(i);
      appendEscaped(out, text, at, pos);
      at = pos;
      appendReference(out, value.variableName(i));
    }
    appendEscaped(out, text, at, text.length());
    return out.append('"').toString();
  }

  /**
   * Returns a jail or parameter name: bare when it is one unquoted jail.conf word (or a lone {@code
   * *}), double-quoted otherwise ({@code "outer.*"}, {@code "my jail"}).
   */
  public static String quoteName(String name) {
    checkNotNull(name, "name");
    if (isWord(name) || name.equals("*")) {
      return name;
    }
    return quote(name);
  }

  /** Returns {@code ${name}}, escaped so that jail(8) reads back exactly {@code name}. */
  public static String variableReference(String name) {
    checkNotNull(name, "name");
    StringBuilder out = new StringBuilder(name.length() + 3);
    appendReference(out, name);
    return out.toString();
  }

  /** Returns the left side of a variable definition: {@code $name}, or {@code ${...}} if needed. */
  public static String variableDefinition(String name) {
    checkNotNull(name, "name");
    if (isVariableName(name)) {
      return "$" + name;
    }
    StringBuilder out = new StringBuilder(name.length() + 3);
    appendReference(out, name);
    return out.toString();
  }

  /** Returns true if {@code name} can follow a bare {@code $}: {@code [A-Za-z_][A-Za-z0-9_]*}. */
  public static boolean isVariableName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /** Returns true if {@code text} is one unquoted word: jail.conf's word characters only. */
  public static boolean isWord(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!JailConfLexer.isWordChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void appendReference(StringBuilder out, String name) {
    out.append("${");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '{' || c == '}' || c == '"') {
        out.append('\\').append(c);
      } else if (c == '\\') {
        // Not "\\": flex's longest match could then read "\\}" as class character plus
        // escaped brace and run past the closing brace into an "unterminated variable".
        out.append("\\134");
      } else {
        appendChar(out, name, c);
      }
    }
    out.append('}');
  }

  private static void appendEscaped(StringBuilder out, String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\':
          out.append("\\\\");
          break;
        case '"':
          out.append("\\\"");
          break;
        case '$':
          out.append("\\$");
          break;
        default:
          appendChar(out, text, c);
      }
    }
  }

  private static void appendChar(StringBuilder out, String text, char c) {
    if (c >= 0x20 && c != 0x7f) {
      out.append(c);
      return;
    }
    switch (c) {
      case '\0':
        throw new VnetJailException(
            "value "
                + ShellQuoting.describe(text)
                + " holds a NUL byte; jail(8) ends a value there, so it cannot be written");
      case '\n':
        out.append("\\n");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\r':
        out.append("\\r");
        break;
      case 7:
        out.append("\\a");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      case 11:
        out.append("\\v");
        break;
      default:
        // Always two hex digits, so a following hex digit cannot join the escape.
        out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
  }
}
