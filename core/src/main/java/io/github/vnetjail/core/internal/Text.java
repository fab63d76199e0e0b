package io.github.vnetjail.core.internal;

/** Shows user-given strings in messages: quoted, with control and non-ASCII characters escaped. */
public final class Text {
  private Text() {}

  /**
   * Returns {@code value} in double quotes with {@code "}, {@code \}, control characters and
   * non-ASCII characters escaped, so that a hostile value stays on one readable line.
   */
  public static String show(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    value.codePoints().forEach(cp -> appendEscaped(sb, cp));
    return sb.append('"').toString();
  }

  /** Describes one character for a message, e.g. {@code ' ' (space)} or {@code '\n' (U+000A)}. */
  public static String describe(int cp) {
    if (cp == ' ') {
      return "' ' (space)";
    }
    if (cp == '"') {
      return "'\"' (double quote)";
    }
    if (cp == '\'') {
      return "'\\'' (single quote)";
    }
    StringBuilder sb = new StringBuilder("'");
    appendEscaped(sb, cp);
    sb.append('\'');
    if (cp < 0x20 || cp >= 0x7f) {
      sb.append(
          String.format(" (U+%04X%s)", cp, cp >= 0x80 ? ", non-ASCII" : ", a control character"));
    }
    return sb.toString();
  }

  private static void appendEscaped(StringBuilder sb, int cp) {
    switch (cp) {
      case '"':
        sb.append("\\\"");
        break;
      case '\\':
        sb.append("\\\\");
        break;
      case '\n':
        sb.append("\\n");
        break;
      case '\r':
        sb.append("\\r");
        break;
      case '\t':
        sb.append("\\t");
        break;
      default:
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
          sb.append(String.format("\\u%04x", cp));
        } else if (cp > 0xffff) {
          sb.append(String.format("\\U%08x", cp));
        } else {
          sb.appendCodePoint(cp);
        }
    }
  }

  /** Returns the first code point of {@code value} not accepted by {@code allowed}, or -1. */
  public static int firstNotMatching(String value, java.util.function.IntPredicate allowed) {
    return value.codePoints().filter(allowed.negate()).findFirst().orElse(-1);
  }

  /** True for ASCII letters and digits. */
  public static boolean isAsciiAlnum(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** True for ASCII letters. */
  public static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
