package io.github.vnetjail.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void findsGlobCharactersButNotQuotedOnesOrALoneBracket() {
    assertThat(Glob.hasMagic("/etc/jail.conf.d/*.conf")).isTrue();
    assertThat(Glob.hasMagic("a?.conf")).isTrue();
    assertThat(Glob.hasMagic("[ab].conf")).isTrue();
    assertThat(Glob.hasMagic("/etc/jail.conf")).isFalse();
    assertThat(Glob.hasMagic("a\\*.conf")).isFalse();
    assertThat(Glob.hasMagic("a[.conf")).isFalse();
  }

  @Test
  void matchesOneComponentLikeFnmatch() {
    assertThat(Glob.matches("*.conf", "web.conf")).isTrue();
    assertThat(Glob.matches("*.conf", "web.conf.bak")).isFalse();
    assertThat(Glob.matches("*.conf", ".hidden.conf")).isFalse();
    assertThat(Glob.matches(".*.conf", ".hidden.conf")).isTrue();
    assertThat(Glob.matches("w?b.conf", "web.conf")).isTrue();
    assertThat(Glob.matches("[a-c]*", "bridge")).isTrue();
    assertThat(Glob.matches("[!a-c]*", "bridge")).isFalse();
    assertThat(Glob.matches("a\\*", "a*")).isTrue();
    assertThat(Glob.matches("a\\*", "ab")).isFalse();
  }

  @Test
  void expandsAcrossDirectoriesSortedAndOnlyToExistingFiles() {
    Map<String, List<String>> dirs =
        Map.of(
            "/etc/", List.of("jail.conf.d", "jail.conf"),
            "/etc/jail.conf.d/", List.of("b.conf", "a.conf", "old"),
            "/etc/jail.conf.d/old/", List.of("z.conf"));
    Set<String> files =
        Set.of("/etc/jail.conf.d/a.conf", "/etc/jail.conf.d/b.conf", "/etc/jail.conf.d/old/z.conf");

    assertThat(
            Glob.expand(
                "/etc/jail.conf.d/*.conf", d -> dirs.getOrDefault(d, List.of()), files::contains))
        .containsExactly("/etc/jail.conf.d/a.conf", "/etc/jail.conf.d/b.conf");
    assertThat(
            Glob.expand("/etc/*/*/*.conf", d -> dirs.getOrDefault(d, List.of()), files::contains))
        .containsExactly("/etc/jail.conf.d/old/z.conf");
    assertThat(Glob.expand("/nowhere/*.conf", d -> List.of(), files::contains)).isEmpty();
  }

  @Test
  void takesABracketAsMagicOnlyWhenItOpensAClosedSet() {
    assertThat(Glob.hasMagic("a].conf")).isFalse();
    assertThat(Glob.hasMagic("a[")).isFalse();
    assertThat(Glob.hasMagic("a[!")).isFalse();
    assertThat(Glob.hasMagic("[]")).isFalse();
    assertThat(Glob.hasMagic("[!]")).isFalse();
    assertThat(Glob.hasMagic("[]]")).isTrue();
    assertThat(Glob.hasMagic("[!]]")).isTrue();
    assertThat(Glob.hasMagic("[!a]")).isTrue();
    assertThat(Glob.hasMagic("\\[a]")).isFalse();
    assertThat(Glob.hasMagic("\\")).isFalse();
    assertThat(Glob.hasMagic("\\\\*")).isTrue();
  }

  @Test
  void matchesSetsRangesAndNegationsLikeGlob3() {
    assertThat(Glob.matches("[ab]c", "ac")).isTrue();
    assertThat(Glob.matches("[ab]c", "bc")).isTrue();
    assertThat(Glob.matches("[ab]c", "cc")).isFalse();
    assertThat(Glob.matches("[ab]c", "a")).isFalse();
    assertThat(Glob.matches("[ab]c", "acc")).isFalse();
    assertThat(Glob.matches("[!a]", "b")).isTrue();
    assertThat(Glob.matches("[!a]", "a")).isFalse();
    assertThat(Glob.matches("[!a]", "!")).isTrue();
    assertThat(Glob.matches("[!a]", "[")).isTrue();
    assertThat(Glob.matches("[ab]c", "]c")).isFalse();
    assertThat(Glob.matches("[!ab]x", "cx")).isTrue();
    assertThat(Glob.matches("[!ab]x", "bx")).isFalse();
    assertThat(Glob.matches("[b-d]", "b")).isTrue();
    assertThat(Glob.matches("[b-d]", "c")).isTrue();
    assertThat(Glob.matches("[b-d]", "d")).isTrue();
    assertThat(Glob.matches("[b-d]", "a")).isFalse();
    assertThat(Glob.matches("[b-d]", "e")).isFalse();
    assertThat(Glob.matches("[b-d]", "-")).isFalse();
    assertThat(Glob.matches("[xb-d]", "x")).isTrue();
    assertThat(Glob.matches("[b-dx]", "x")).isTrue();
    assertThat(Glob.matches("[b-dx]", "c")).isTrue();
    assertThat(Glob.matches("[a-]", "-")).isTrue();
    assertThat(Glob.matches("[a-]", "a")).isTrue();
    assertThat(Glob.matches("[a-]", "b")).isFalse();
    assertThat(Glob.matches("[]a]", "]")).isTrue();
    assertThat(Glob.matches("[]a]", "a")).isTrue();
    assertThat(Glob.matches("[]a]", "b")).isFalse();
    assertThat(Glob.matches("[!]a]", "]")).isFalse();
    assertThat(Glob.matches("[!]a]", "b")).isTrue();
    assertThat(Glob.matches("[]", "[]")).isTrue();
    assertThat(Glob.matches("a[", "a[")).isTrue();
    assertThat(Glob.matches("a[", "a")).isFalse();
  }

  @Test
  void matchesStarsQuestionMarksAndBackslashes() {
    assertThat(Glob.matches("*", "anything")).isTrue();
    assertThat(Glob.matches("**", "x")).isTrue();
    assertThat(Glob.matches("a*", "a")).isTrue();
    assertThat(Glob.matches("*a", "a")).isTrue();
    assertThat(Glob.matches("*a", "ba")).isTrue();
    assertThat(Glob.matches("*a", "ab")).isFalse();
    assertThat(Glob.matches("a*b*c", "aXbYc")).isTrue();
    assertThat(Glob.matches("a*b*c", "aXbY")).isFalse();
    assertThat(Glob.matches("a**c", "abbc")).isTrue();
    assertThat(Glob.matches("?", "")).isFalse();
    assertThat(Glob.matches("?", "ab")).isFalse();
    assertThat(Glob.matches("??", "ab")).isTrue();
    assertThat(Glob.matches("a", "")).isFalse();
    assertThat(Glob.matches("", "")).isTrue();
    assertThat(Glob.matches("a\\", "a\\")).isTrue();
    assertThat(Glob.matches("a\\", "a")).isFalse();
    assertThat(Glob.matches("a\\b", "ab")).isTrue();
    assertThat(Glob.matches("a\\?", "a?")).isTrue();
    assertThat(Glob.matches("a\\?", "ab")).isFalse();
    assertThat(Glob.matches("?x", ".x")).isFalse();
    assertThat(Glob.matches(".?", ".x")).isTrue();
  }

  @Test
  void sortsTheWholePathsNotEachDirectory() {
    Map<String, List<String>> dirs =
        Map.of(
            "/j/", List.of("b", "a"),
            "/j/a/", List.of("z.conf", "y.conf"),
            "/j/b/", List.of("x.conf"));
    Set<String> files = Set.of("/j/a/z.conf", "/j/a/y.conf", "/j/b/x.conf");

    assertThat(Glob.expand("/j/*/*.conf", d -> dirs.getOrDefault(d, List.of()), files::contains))
        .containsExactly("/j/a/y.conf", "/j/a/z.conf", "/j/b/x.conf");
  }

  @Test
  void expandsARelativePatternFromTheCurrentDirectory() {
    Map<String, List<String>> dirs = Map.of(".", List.of("b.conf", "a.conf"), "d/", List.of("c"));
    Set<String> files = Set.of("a.conf", "b.conf", "d/c");

    assertThat(Glob.expand("*.conf", d -> dirs.getOrDefault(d, List.of()), files::contains))
        .containsExactly("a.conf", "b.conf");
    assertThat(Glob.expand("d/?", d -> dirs.getOrDefault(d, List.of()), files::contains))
        .containsExactly("d/c");
  }

  @Test
  void unquotesALiteralComponentAndKeepsATrailingBackslash() {
    Map<String, List<String>> dirs = Map.of("/etc/a*b/", List.of("x.conf"));
    Set<String> files = Set.of("/etc/a*b/x.conf", "/etc/a\\", "/etc/ab/x.conf");

    assertThat(
            Glob.expand("/etc/a\\*b/*.conf", d -> dirs.getOrDefault(d, List.of()), files::contains))
        .containsExactly("/etc/a*b/x.conf");
    assertThat(Glob.expand("/etc/a\\", d -> List.of(), files::contains))
        .containsExactly("/etc/a\\");
    assertThat(Glob.expand("/etc/a\\b/x.conf", d -> List.of(), files::contains))
        .containsExactly("/etc/ab/x.conf");
    assertThat(Glob.expand("/etc/missing.conf", d -> List.of(), files::contains)).isEmpty();
  }
}
