package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LintSpellingTest {

  @Test
  void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
    assertThat(LintSpelling.distance("", "")).isZero();
    assertThat(LintSpelling.distance("abc", "")).isEqualTo(3);
    assertThat(LintSpelling.distance("", "abcd")).isEqualTo(4);
    assertThat(LintSpelling.distance("abc", "abc")).isZero();
    assertThat(LintSpelling.distance("abc", "abxc")).isEqualTo(1);
    assertThat(LintSpelling.distance("abxc", "abc")).isEqualTo(1);
    assertThat(LintSpelling.distance("abc", "abx")).isEqualTo(1);
    assertThat(LintSpelling.distance("abcd", "abdc")).isEqualTo(1);
    assertThat(LintSpelling.distance("ba", "ab")).isEqualTo(1);
    assertThat(LintSpelling.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(LintSpelling.distance("ca", "abc")).isEqualTo(3); // OSA: no edit of a swapped pair
  }

  @Test
  void distanceIsSymmetricAndZeroOnlyForEqualStrings() {
    Random random = new Random(20261204L);
    for (int n = 0; n < 2_000; n++) {
      String a = randomWord(random);
      String b = random.nextBoolean() ? randomWord(random) : mutate(a, random);
      int d = LintSpelling.distance(a, b);
      assertThat(LintSpelling.distance(b, a)).as("%s / %s", a, b).isEqualTo(d);
      assertThat(d == 0).as("%s / %s", a, b).isEqualTo(a.equals(b));
      assertThat(d)
          .as("%s / %s", a, b)
          .isBetween(Math.abs(a.length() - b.length()), Math.max(a.length(), b.length()));
    }
  }

  @Test
  void shortNamesAllowOneEditLongOnesTwo() {
    // 7 characters: one edit at most
    assertThat(LintSpelling.closest("abcdefg", List.of("abcdefx"))).contains("abcdefx");
    assertThat(LintSpelling.closest("abcdefg", List.of("abcdexy"))).isEmpty();
    // 8 characters: two edits
    assertThat(LintSpelling.closest("abcdefgh", List.of("abcdefxy"))).contains("abcdefxy");
    assertThat(LintSpelling.closest("abcdefgh", List.of("abcdexyz"))).isEmpty();
  }

  @Test
  void aLengthDifferenceOfExactlyTheLimitIsStillATypo() {
    assertThat(LintSpelling.closest("abc", List.of("abcd"))).contains("abcd");
    assertThat(LintSpelling.closest("abc", List.of("abcde"))).isEmpty();
    assertThat(LintSpelling.closest("abcdefgh", List.of("abcdefghij"))).contains("abcdefghij");
    assertThat(LintSpelling.closest("abcdefgh", List.of("abcdefghijk"))).isEmpty();
    assertThat(LintSpelling.closest("abcdefgh", List.of("abcdef"))).contains("abcdef");
  }

  @Test
  void aKnownNameIsNoTypoOfItself() {
    assertThat(LintSpelling.closest("abc", List.of("abc"))).isEmpty();
    assertThat(LintSpelling.closest("abc", List.of("abc", "abd"))).contains("abd");
  }

  @Test
  void theNearestWinsAndTiesGoToTheFirst() {
    assertThat(LintSpelling.closest("abcdefgh", List.of("abcdefxy", "abcdefgx")))
        .contains("abcdefgx");
    assertThat(LintSpelling.closest("abcdefgh", List.of("abcdefgx", "abcdefxy")))
        .contains("abcdefgx");
    assertThat(LintSpelling.closest("abcx", List.of("abcy", "abcz"))).contains("abcy");
    assertThat(LintSpelling.closest("abcx", List.of("abcz", "abcy"))).contains("abcz");
  }

  private static String randomWord(Random random) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(9);
    for (int i = 0; i < length; i++) {
      s.append((char) ('a' + random.nextInt(4)));
    }
    return s.toString();
  }

  private static String mutate(String word, Random random) {
    StringBuilder s = new StringBuilder(word);
    int edits = random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length());
      switch (random.nextInt(3)) {
        case 0 -> s.insert(at, (char) ('a' + random.nextInt(4)));
        case 1 -> {
          if (s.length() > 0) {
            s.deleteCharAt(at);
          }
        }
        default -> {
          if (at + 1 < s.length()) {
            char c = s.charAt(at);
            s.setCharAt(at, s.charAt(at + 1));
            s.setCharAt(at + 1, c);
          }
        }
      }
    }
    return s.toString();
  }
}
