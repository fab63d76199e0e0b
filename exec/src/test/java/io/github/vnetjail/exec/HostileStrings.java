package io.github.vnetjail.exec;

import java.util.List;
import java.util.Random;

/** Seeded generator of strings that break naive sh quoting. */
final class HostileStrings {
  private static final List<String> PIECES =
      List.of(
          "'",
          "\"",
          "\\",
          "$",
          "${HOME}",
          "${x:-y}",
          "`",
          "`id`",
          "$(echo pwned)",
          "$((1+1))",
          ";",
          "|",
          "&",
          "&&",
          "||",
          "#",
          "\n",
          "\r\n",
          "\t",
          " ",
          "  ",
          "*",
          "?",
          "[a]",
          "~",
          "!",
          "=",
          "-",
          "--",
          "-n",
          "%s",
          "%",
          "\\n",
          "\\0",
          "<",
          ">",
          ">>",
          "(",
          ")",
          "{",
          "}",
          "'\\''",
          "é",
          "日本語",
          "😀",
          "ā",
          "\u0085",
          "\u00a0",
          "\u2028",
          "EOF",
          "VNETJAIL_EOF",
          "a",
          "word");

  private final Random random;

  HostileStrings(long seed) {
    this.random = new Random(seed);
  }

  /** A hostile string: empty, long, or a mix of pieces, control bytes (no NUL) and letters. */
  String next() {
    int kind = random.nextInt(20);
    if (kind == 0) {
      return "";
    }
    int parts = kind == 1 ? 200 + random.nextInt(400) : 1 + random.nextInt(8);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      int k = random.nextInt(10);
      if (k < 6) {
        s.append(PIECES.get(random.nextInt(PIECES.size())));
      } else if (k < 8) {
        char c = (char) (1 + random.nextInt(31)); // control bytes 0x01..0x1f
        s.append(random.nextInt(8) == 0 ? '\u007f' : c);
      } else {
        s.append((char) ('a' + random.nextInt(26)));
      }
    }
    return s.toString();
  }

  /** Hostile text that ends with a newline half of the time (the here-document case). */
  String nextText() {
    StringBuilder s = new StringBuilder();
    int lines = random.nextInt(6);
    for (int i = 0; i < lines; i++) {
      s.append(next()).append('\n');
    }
    if (random.nextBoolean()) {
      s.append(next());
    }
    return s.toString();
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
