package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.VnetJailException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place that quotes text for {@code /bin/sh}: exec hooks inside jail.conf, rc.conf values,
 * dry-run scripts and SSH command lines all go through it. No other class concatenates quotes for
 * sh.
 *
 * <pre>{@code
 * ShellQuoting.quote("it's $HOME");            // 'it'\''s $HOME'
 * ShellQuoting.join(List.of("echo", "a b"));    // echo 'a b'
 * ShellQuoting.doubleQuote("a \"b\" $c");       // "a \"b\" \$c"
 * }</pre>
 */
public final class ShellQuoting {
  /** Words made only of these characters mean the same to sh quoted or not. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellQuoting() {}

  /**
   * Returns {@code value} as one sh word that sh reads back exactly: unchanged when it holds only
   * safe characters, otherwise in single quotes (a single quote becomes {@code '\''}).
   *
   * @throws VnetJailException if the value holds a NUL byte, which no sh word can carry
   */
  public static String quote(String value) {
    checkNotNull(value, "value");
    rejectNul(value);
    if (!value.isEmpty() && SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * Returns the argv as one sh command line, each word quoted with {@link #quote}. A program name
   * holding {@code =} is quoted too: unquoted, sh would read {@code A=b x} as an assignment.
   */
  public static String join(List<String> argv) {
    checkNotNull(argv, "argv");
    StringBuilder line = new StringBuilder();
    for (String word : argv) {
      if (line.length() > 0) {
        line.append(' ');
        line.append(quote(word));
      } else {
        String program = quote(word);
        line.append(
            program.indexOf('=') >= 0 && program.charAt(0) != '\'' ? "'" + program + "'" : program);
      }
    }
    return line.toString();
  }

  /**
   * Returns {@code value} always in single quotes (a single quote inside becomes {@code '\''}), for
   * places that keep an existing single-quoted style, such as an rc.conf line edited in place.
   *
   * @throws VnetJailException if the value holds a NUL byte, which no sh word can carry
   */
  public static String singleQuote(String value) {
    checkNotNull(value, "value");
    rejectNul(value);
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * Returns {@code value} in double quotes, with {@code \ " $} and the backquote escaped, so that
   * sh reads back exactly the value (the form rc.conf uses: {@code name="value"}).
   *
   * @throws VnetJailException if the value holds a NUL byte or a newline; rc.conf values are one
   *     line, and a newline inside one is almost always a mistake
   */
  public static String doubleQuote(String value) {
    checkNotNull(value, "value");
    rejectNul(value);
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new VnetJailException(
          "value " + describe(value) + " holds a line break; rc.conf values must be one line");
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '"' || c == '$' || c == '`') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  private static void rejectNul(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new VnetJailException(
          "value " + describe(value) + " holds a NUL byte, which sh cannot carry; remove it");
    }
  }

  /** Renders a value for an error message: quoted, control characters made visible. */
  static String describe(String value) {
    StringBuilder out = new StringBuilder("\"");
    value
        .codePoints()
        .limit(80)
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    if (value.codePointCount(0, value.length()) > 80) {
      out.append("...");
    }
    return out.append('"').toString();
  }
}
