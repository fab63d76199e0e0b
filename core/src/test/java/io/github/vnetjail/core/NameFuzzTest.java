package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded random strings against the name validators: whatever they accept needs no quoting in
 * jail.conf, rc.conf or sh, and whatever they refuse comes with a message naming the value.
 */
class NameFuzzTest {
  private static final String ALPHABET =
      "abcXYZ019_-.  \t\n\r\"'$;|&`\\/*?[]{}()<>#=!~%@,:+\0\u00e9\u202e\u4e2d";
  // Characters that are special in jail.conf, sh or rc.conf values.
  private static final Pattern SPECIAL = Pattern.compile("[^A-Za-z0-9_.\\-]");

  private static String randomString(Random r) {
    int len = r.nextInt(20);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  @Test
  void interfaceNamesAcceptedAreExactlyThePortableOnes() {
    Random r = new Random(1);
    Pattern portable = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,14}");
    for (int i = 0; i < 4_000; i++) {
      String s = randomString(r);
      boolean ok = InterfaceName.isValid(s);
      assertThat(ok).as("%s", s).isEqualTo(portable.matcher(s).matches());
      if (!ok) {
        ValidationException e =
            catchThrowableOfType(ValidationException.class, () -> InterfaceName.of(s));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).value()).isEqualTo(s);
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\0");
      }
    }
  }

  @Test
  void jailNamesAcceptedNeedNoQuoting() {
    Random r = new Random(2);
    int accepted = 0;
    for (int i = 0; i < 4_000; i++) {
      String s = randomString(r);
      if (JailName.isValid(s)) {
        accepted++;
        assertThat(SPECIAL.matcher(s).find()).as("%s", s).isFalse();
        assertThat(s).doesNotStartWith("-").doesNotStartWith(".").doesNotContain("..");
        assertThat(s.substring(s.lastIndexOf('.') + 1)).doesNotMatch("[0-9]+");
      } else {
        ValidationException e =
            catchThrowableOfType(ValidationException.class, () -> JailName.of(s));
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\0");
      }
    }
    assertThat(accepted).isGreaterThan(20); // the generator does produce valid names
  }

  @Test
  void hostnamesAcceptedAreRfc1123() {
    Random r = new Random(3);
    Pattern label = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?");
    for (int i = 0; i < 4_000; i++) {
      String s = randomString(r);
      if (Hostname.isValid(s)) {
        for (String l : s.split("\\.", -1)) {
          assertThat(label.matcher(l).matches()).as("%s", s).isTrue();
        }
      }
    }
  }

  @Test
  void jailPathsAcceptedNeedNoQuoting() {
    Random r = new Random(4);
    for (int i = 0; i < 4_000; i++) {
      String s = "/" + randomString(r);
      Problems p = new Problems();
      JailChecks.checkPath("path", s, p);
      if (p.isEmpty()) {
        assertThat(s).matches("[A-Za-z0-9_.\\-+,@:%=~/]+");
        assertThat(s).doesNotContain("/../").doesNotEndWith("/..");
      } else {
        assertThat(p.list().get(0).message()).doesNotContain("\n");
      }
    }
  }

  @Test
  void cidrParsingNeverThrowsAnythingButValidationException() {
    Random r = new Random(5);
    String digits = "0123456789.:/abcdef%x ";
    for (int i = 0; i < 4_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = r.nextInt(24); j > 0; j--) {
        sb.append(digits.charAt(r.nextInt(digits.length())));
      }
      String s = sb.toString();
      try {
        Cidr c = Cidr.parse(s);
        assertThat(Cidr.parse(c.toString())).isEqualTo(c);
      } catch (ValidationException expected) {
        assertThat(expected.problems()).isNotEmpty();
      }
    }
  }
}
