package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FREEBSD.md ".include": files through a JailConfFileSource, relative to the including file. */
class JailConfIncludeTest {

  static JailConf parse(String text, Map<String, String> files) {
    return JailConf.parse(text, "/etc/jail.conf", JailConfFileSource.of(files));
  }

  static JailConfParseException error(String text, Map<String, String> files) {
    return catchThrowableOfType(JailConfParseException.class, () -> parse(text, files));
  }

  @Test
  void includesALiteralFileRelativeToTheIncludingFile() {
    JailConf conf =
        parse(
            "persist;\n.include \"jail.conf.d/web.conf\";\ndb { }",
            Map.of("/etc/jail.conf.d/web.conf", "web { path = /usr/jails/web; }"));

    assertThat(conf.jailNames()).containsExactly("web", "db");
    assertThat(conf.effectiveParameters("web"))
        .containsEntry("path", List.of("/usr/jails/web"))
        .containsKey("persist");
    assertThat(conf.statements().get(1)).isEqualTo(JailConfInclude.of("jail.conf.d/web.conf"));
    assertThat(((JailConfInclude) conf.statements().get(1)).files()).hasSize(1);
  }

  @Test
  void resolvesNestedIncludesFromEachIncludingFilesDirectory() {
    JailConf conf =
        parse(
            ".include \"/etc/a/one.conf\";",
            Map.of(
                "/etc/a/one.conf", ".include \"b/two.conf\";",
                "/etc/a/b/two.conf", "two { }"));

    assertThat(conf.jailNames()).containsExactly("two");
  }

  @Test
  void expandsAGlobInSortedOrderAndSkipsAGlobThatMatchesNothing() {
    Map<String, String> files = new HashMap<>();
    files.put("/etc/jail.conf.d/b.conf", "b { }");
    files.put("/etc/jail.conf.d/a.conf", "a { }");
    files.put("/etc/jail.conf.d/.hidden.conf", "hidden { }");
    files.put("/etc/jail.conf.d/c.txt", "c { }");
    JailConf conf = parse(".include \"jail.conf.d/*.conf\";\n.include \"/nowhere/*.conf\";", files);

    assertThat(conf.jailNames()).containsExactly("a", "b");
  }

  @Test
  void reportsAMissingLiteralFileInJail8sWords() {
    assertThat(error(".include \"missing.conf\";", Map.of()).jailMessage())
        .isEqualTo("jail: /etc/missing.conf: No such file or directory");
  }

  @Test
  void refusesAVariableInTheFileName() {
    assertThat(error("$d = x;\n.include \"$d/a.conf\";", Map.of()).jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 2: variables not permitted in '.include' filename");
  }

  @Test
  void stopsAtThirtyTwoLevels() {
    Map<String, String> files = new HashMap<>();
    for (int i = 1; i <= 40; i++) {
      files.put("/etc/f" + i + ".conf", ".include \"f" + (i + 1) + ".conf\";");
    }
    files.put("/etc/f32.conf", "deep { }");
    assertThat(parse(".include \"f1.conf\";", files).jailNames()).containsExactly("deep");

    files.put("/etc/f32.conf", ".include \"f33.conf\";");
    files.put("/etc/f33.conf", "deeper { }");
    assertThat(error(".include \"f1.conf\";", files).jailMessage())
        .isEqualTo("jail: maximum include depth exceeded");
  }

  @Test
  void reportsAnErrorInAnIncludedFileWithThatFilesName() {
    assertThat(error(".include \"x.conf\";", Map.of("/etc/x.conf", "x {\n a = ;\n}")).jailMessage())
        .isEqualTo("jail: /etc/x.conf line 2: ;: syntax error");
  }

  @Test
  void putsAnIncludedFilesStatementsIntoTheIncludingBlock() {
    JailConf conf =
        parse("outer { .include \"inner.conf\"; }", Map.of("/etc/inner.conf", "a = 1; sub { }"));

    assertThat(conf.jailNames()).containsExactly("outer", "outer.sub");
    assertThat(conf.effectiveParameters("outer").get("a")).containsExactly("1");
  }

  @Test
  void treatsIncludeAsAPlainParameterOn13() {
    JailConf conf =
        JailConf.parse(
            "j { .include \"x.conf\"; }",
            "/etc/jail.conf",
            JailConfFileSource.none(),
            JailConfDialect.FREEBSD_13);

    assertThat(conf.effectiveParameters("j").get(".include")).containsExactly("x.conf");
  }

  @Test
  void treatsOnlyTheNameValueFormAsAnInclude() {
    JailConf conf = parse("j { .include = \"x.conf\"; }", Map.of());

    assertThat(conf.effectiveParameters("j").get(".include")).containsExactly("x.conf");
  }

  @Test
  void rendersTheIncludeStatementNotTheIncludedText() {
    JailConf conf = parse(".include \"a.conf\";", Map.of("/etc/a.conf", "a { }"));

    assertThat(conf.render()).isEqualTo(".include \"a.conf\";\n");
  }

  @Test
  void readsIncludesFromTheLocalFileSystem(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("jail.conf.d"));
    Files.writeString(dir.resolve("jail.conf.d/b.conf"), "b { }");
    Files.writeString(dir.resolve("jail.conf.d/a.conf"), "a { x = \"caf\u00e9\"; }");
    String main = dir.resolve("jail.conf").toString();

    JailConf conf =
        JailConf.parse(".include \"jail.conf.d/*.conf\";", main, JailConfFileSource.local());

    assertThat(conf.jailNames()).containsExactly("a", "b");
    assertThat(conf.effectiveParameters("a").get("x")).containsExactly("caf\u00e9");
  }

  @Test
  void buildsAnIncludeOfOneOrMorePatternsWithNoFilesRead() {
    JailConfInclude inc = JailConfInclude.of("/etc/jail.conf.d/*.conf", "extra.conf");

    assertThat(inc.patterns()).containsExactly("/etc/jail.conf.d/*.conf", "extra.conf");
    assertThat(inc.patterns()).isUnmodifiable();
    assertThat(inc.files()).isEmpty();
    assertThat(inc.line()).isEmpty();
    assertThat(inc).hasToString(".include \"/etc/jail.conf.d/*.conf\", \"extra.conf\";");
  }

  @Test
  void refusesNoPatternANullPatternAndANulByte() {
    assertThatThrownBy(() -> JailConfInclude.of())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("give one or more file names");
    assertThatThrownBy(() -> JailConfInclude.of("a.conf", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("pattern");
    for (String bad : List.of("\0", "\0a", "a\0")) {
      assertThatThrownBy(() -> JailConfInclude.of(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("include pattern " + bad + " holds a NUL byte");
    }
  }

  @Test
  void knowsItsLineAndFilesWhenParsedAndIsEqualByPatternsOnly() {
    JailConf conf = parse("\n.include \"a.conf\";", Map.of("/etc/a.conf", "a { }"));
    JailConfInclude parsed = (JailConfInclude) conf.statements().get(0);

    assertThat(parsed.line()).isEqualTo(OptionalInt.of(2));
    assertThat(parsed.files()).containsExactly(JailConf.parse("a { }"));
    assertThat(parsed.files()).isUnmodifiable();
    assertThat(parsed)
        .isEqualTo(JailConfInclude.of("a.conf"))
        .hasSameHashCodeAs(JailConfInclude.of("a.conf"));
    assertThat(parsed).isNotEqualTo(JailConfInclude.of("b.conf")).isNotEqualTo("a.conf");
    assertThat(parsed.hashCode()).isNotEqualTo(JailConfInclude.of("b.conf").hashCode());
  }
}
