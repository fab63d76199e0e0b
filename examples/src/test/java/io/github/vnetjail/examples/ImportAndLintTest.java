package io.github.vnetjail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportAndLintTest {
  @TempDir Path dir;

  private static String run(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      ImportAndLint.run(out, args);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void expandsTheSeedsVariablesLikeJail() throws Exception {
    String out = run();

    assertThat(out)
        .contains(
            "my-vnet-jail:\n  name = [my-vnet-jail]\n  vnet\n  vnet.interface = [epair154b]\n")
        .contains(
            "  exec.start = [/sbin/ifconfig epair154b 192.168.1.154/24 up,"
                + " /sbin/route add default 192.168.1.1]\n");
  }

  @Test
  void findsTheClonedInterfaceTypoAndFixesItLikeSysrc() throws Exception {
    String out = run();

    assertThat(out).contains("/etc/rc.conf:2: warning: cloned_interface");
    assertThat(out)
        .endsWith(
            "hostname=\"jailhost\"\n"
                + "ifconfig_bridge0=\"addm em0 up\"\n"
                + "cloned_interfaces=\"bridge0\"\n"
                + "cloned_interfaces = bridge0\n");
  }

  @Test
  void readsTheFilesNamedOnTheCommandLine() throws Exception {
    Path jc = dir.resolve("jail.conf");
    Path rc = dir.resolve("rc.conf");
    Files.writeString(jc, "web { path = \"/usr/jails/$name\"; persist; }\n");
    Files.writeString(rc, "cloned_interfaces=\"bridge0\"\n");

    String out = run(jc.toString(), rc.toString());

    assertThat(out)
        .startsWith("== " + jc + ": what jail(8) makes of it\nweb:\n  name = [web]\n")
        .contains("  path = [/usr/jails/web]\n  persist\n")
        .doesNotContain("my-vnet-jail");
  }
}
