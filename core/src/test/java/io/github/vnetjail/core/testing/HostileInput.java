package io.github.vnetjail.core.testing;

import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile strings for the hostile-input suites: quotes, backslashes, {@code $},
 * {@code ${}}, backquotes, {@code $(...)}, {@code ; | & #}, {@code //}, {@code /*}, newlines,
 * control bytes, NUL, non-ASCII, very long and empty strings, mixed with plain letters so that some
 * values pass validation.
 *
 * <p>The count per field is {@code -Dvnetjail.hostile.count} (10,000 by default, the CI profile;
 * {@code -Dvnetjail.hostile.count=1000000} is the long run) and the base seed {@code
 * -Dvnetjail.hostile.seed}. Value {@code i} of a field comes from {@code new Random(seed ^ field ^
 * i)}, so one failing value is reproduced from the seed and index printed with it. Shared with the
 * render and exec tests through the core test jar.
 */
public final class HostileInput {
  public static final int COUNT = Integer.getInteger("vnetjail.hostile.count", 10_000);
  public static final long SEED = Long.getLong("vnetjail.hostile.seed", 0x5eed_7a11L);

  private static final List<String> PIECES =
      List.of(
          "'",
          "\"",
          "\\",
          "\\\\",
          "$",
          "$x",
          "${x}",
          "${name}",
          "${x:-y}",
          "$$",
          "$1",
          "$@",
          "`",
          "`id`",
          "$(id)",
          "$((1+1))",
          ";",
          ";;",
          "|",
          "||",
          "&",
          "&&",
          "#",
          "//",
          "/*",
          "*/",
          "\n",
          "\r",
          "\r\n",
          "\t",
          " ",
          "  ",
          "{",
          "}",
          "{}",
          "(",
          ")",
          "<",
          ">",
          ">>",
          "*",
          "?",
          "[a]",
          "~",
          "!",
          "=",
          "+=",
          ",",
          ":",
          "-",
          "--",
          "-n",
          ".",
          "..",
          "/",
          "%s",
          "%",
          "\\n",
          "\\0",
          "'\\''",
          "EOF",
          "VNETJAIL_EOF",
          "\0",
          "\u0001",
          "\u0007",
          "\u001b[31m",
          "\u007f",
          "\u0085",
          "\u00a0",
          "\u00e9",
          "caf\u00e9",
          "\u65e5\u672c",
          "\ud83d\ude00",
          "\u2028",
          "\u202e",
          "\ufeff",
          "a",
          "b",
          "web",
          "0",
          "9",
          "_",
          "x.y");
  private static final String PLAIN = "abcdefghijklmnopqrstuvwxyz0123456789";

  private HostileInput() {}

  /** Value {@code index} of the field with seed {@code fieldSeed}. */
  public static String value(long fieldSeed, int index) {
    return next(new Random(SEED ^ (fieldSeed * 0x9E3779B97F4A7C15L) ^ index));
  }

  /** A hostile string from {@code r}. */
  public static String next(Random r) {
    int kind = r.nextInt(100);
    if (kind == 0) {
      return "";
    }
    if (kind > 1 && kind < 15) {
      // Plain words: values the validators accept, so the accepting paths run too.
      return word(r, 1 + r.nextInt(10));
    }
    int parts;
    if (kind == 1) {
      parts = 300 + r.nextInt(700); // very long
    } else {
      parts = 1 + r.nextInt(6);
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      int k = r.nextInt(10);
      if (k < 6) {
        s.append(PIECES.get(r.nextInt(PIECES.size())));
      } else if (k < 9) {
        s.append(word(r, 1 + r.nextInt(4)));
      } else {
        s.append((char) r.nextInt(0x20)); // any control byte, NUL included
      }
    }
    // Long values test length, not NUL: without this nearly every long value would hold a NUL
    // and be refused for that alone.
    return kind == 1 ? s.toString().replace("\0", "") : s.toString();
  }

  private static String word(Random r, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(PLAIN.charAt(r.nextInt(PLAIN.length())));
    }
    return s.toString();
  }

  /** {@code value} as a Java string literal, for failure messages: every byte visible. */
  public static String show(String value) {
    StringBuilder s = new StringBuilder("\"");
    int shown = Math.min(value.length(), 200);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        s.append(c);
      } else {
        s.append(String.format("\\u%04x", (int) c));
      }
    }
    s.append('"');
    if (value.length() > shown) {
      s.append("...(").append(value.length()).append(" chars)");
    }
    return s.toString();
  }

  /** The failure label of value {@code index}: enough to reproduce it. */
  public static String label(String field, long fieldSeed, int index, String value) {
    return String.format(
        "field %s, value #%d %s (reproduce: -Dvnetjail.hostile.seed=%d, field seed %d, index %d)",
        field, index, show(value), SEED, fieldSeed, index);
  }
}
