package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test helper: seeded random strings made to break shell quoting. */
final class SshHostileStrings {
  private static final String[] PIECES = {
    "'",
    "\"",
    "\\",
    "`",
    "$",
    "$(id)",
    "`id`",
    "${HOME}",
    "$'x'",
    "\n",
    "\r",
    "\t",
    " ",
    "  ",
    ";",
    "&&",
    "||",
    "|",
    "&",
    "<",
    ">",
    ">>",
    "*",
    "?",
    "[a]",
    "{a,b}",
    "~",
    "#",
    "!",
    "%",
    "^",
    "=",
    "-",
    "--",
    "-n",
    "-e",
    "\\n",
    "'\\''",
    "é",
    "한글",
    "😀",
    "\u00a0",
    "\u0001",
    "\u001b[0m",
    "\u007f",
    "x",
    "abc",
    "0",
    "/etc/passwd",
    "..",
    "%s",
    "%b",
    "\\0"
  };

  private SshHostileStrings() {}

  static List<String> generate(long seed, int count) {
    Random random = new Random(seed);
    List<String> values = new ArrayList<>(count);
    values.add("");
    values.add("'");
    values.add("it's \"quoted\" $(touch /tmp/pwned) `id` \\ end\n");
    while (values.size() < count) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(8);
      for (int i = 0; i <= n; i++) {
        if (random.nextInt(5) == 0) {
          // any code point except NUL (no argv word can hold it) and lone surrogates
          int cp;
          do {
            cp = 1 + random.nextInt(0x2FFFF);
          } while (cp >= 0xD800 && cp <= 0xDFFF);
          s.appendCodePoint(cp);
        } else {
          s.append(PIECES[random.nextInt(PIECES.length)]);
        }
      }
      values.add(s.toString());
    }
    return values;
  }
}
