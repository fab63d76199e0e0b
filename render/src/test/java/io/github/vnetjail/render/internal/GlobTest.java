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
}
