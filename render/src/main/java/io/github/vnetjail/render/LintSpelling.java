package io.github.vnetjail.render;

import java.util.Collection;
import java.util.Optional;

/** Did-you-mean suggestions: the known name nearest to a misspelt one. */
final class LintSpelling {
  private LintSpelling() {}

  /**
   * Returns the known name closest to {@code word} when it is close enough to be a typo: at most
   * one edit for short names, two for names of 8 characters or more (a swap of two neighbours is
   * one edit). Ties go to the first in {@code known}'s order.
   */
  static Optional<String> closest(String word, Collection<String> known) {
    int limit = word.length() >= 8 ? 2 : 1;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      if (Math.abs(candidate.length() - word.length()) > limit) {
        continue;
      }
      int d = distance(word, candidate);
      if (d > 0 && d <= limit && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
