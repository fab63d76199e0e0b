package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JailConfFileSource: where .include reads files and lists directories. */
class JailConfFileSourceTest {

  @Test
  void readsFilesInMemoryByTheirExactPath() {
    Map<String, String> files = new HashMap<>(Map.of("/etc/a.conf", "a { }"));
    JailConfFileSource source = JailConfFileSource.of(files);
    files.put("/etc/b.conf", "b { }");

    assertThat(source.read("/etc/a.conf")).contains("a { }");
    assertThat(source.read("/etc/b.conf")).isEmpty();
    assertThat(source.read("a.conf")).isEmpty();
    assertThat(JailConfFileSource.none().read("/etc/jail.conf")).isEmpty();
    assertThat(JailConfFileSource.none().list("/etc")).isEmpty();
    assertThatThrownBy(() -> JailConfFileSource.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("files");
  }

  @Test
  void listsTheEntriesOfADirectoryInMemoryOnceEachInFileOrder() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("/etc/jail.conf.d/b.conf", "");
    files.put("/etc/jail.conf.d/sub/x.conf", "");
    files.put("/etc/jail.conf.d/a.conf", "");
    files.put("/etc/jail.conf.d/sub/y.conf", "");
    files.put("/etc/jail.conf.dx/c.conf", "");
    files.put("/etc/jail.conf", "");
    files.put("rel/d.conf", "");
    JailConfFileSource source = JailConfFileSource.of(files);

    assertThat(source.list("/etc/jail.conf.d")).containsExactly("b.conf", "sub", "a.conf");
    assertThat(source.list("/etc/jail.conf.d/")).containsExactly("b.conf", "sub", "a.conf");
    assertThat(source.list("/etc/jail.conf.d/sub")).containsExactly("x.conf", "y.conf");
    assertThat(source.list("/etc")).containsExactly("jail.conf.d", "jail.conf.dx", "jail.conf");
    assertThat(source.list("rel")).containsExactly("d.conf");
    assertThat(source.list("/etc/jail.conf")).isEmpty();
    assertThat(source.list("/nowhere")).isEmpty();
  }

  @Test
  void skipsAnEmptyNameUnderADirectory() {
    JailConfFileSource source = JailConfFileSource.of(Map.of("/d/", "", "/d//x", "", "/d/y", ""));

    assertThat(source.list("/d")).containsExactly("y");
  }

  @Test
  void readsAndListsTheLocalFileSystem(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("d/sub"));
    Files.writeString(dir.resolve("d/a.conf"), "caf\u00e9", StandardCharsets.UTF_8);
    JailConfFileSource local = JailConfFileSource.local();

    assertThat(local.read(dir.resolve("d/a.conf").toString())).contains("caf\u00e9");
    assertThat(local.read(dir.resolve("d/missing.conf").toString())).isEmpty();
    assertThat(local.read(dir.resolve("d/sub").toString())).isEmpty();
    assertThat(local.list(dir.resolve("d").toString())).containsExactlyInAnyOrder("a.conf", "sub");
    assertThat(local.list(dir.resolve("d/a.conf").toString())).isEmpty();
    assertThat(local.list(dir.resolve("none").toString())).isEmpty();
  }

  @Test
  void reportsALocalFileItCannotReadAsText(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.conf");
    Files.write(bad, new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});

    assertThatThrownBy(() -> JailConfFileSource.local().read(bad.toString()))
        .isInstanceOf(io.github.vnetjail.core.VnetJailException.class)
        .hasMessageStartingWith("cannot read " + bad + ": ");
  }

  @Test
  void listsTheCurrentDirectoryForAnEmptyName() {
    List<String> names = JailConfFileSource.local().list("");

    assertThat(names).contains("pom.xml", "src");
  }
}
