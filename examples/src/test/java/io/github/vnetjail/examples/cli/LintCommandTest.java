package io.github.vnetjail.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir Path dir;

  private String file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p.toString();
  }

  @Test
  void reportsTheSeedsClonedInterfaceTypoWithLineAndFix() throws Exception {
    String rc = file("rc.conf", "cloned_interface=\"bridge0\"\nifconfig_bridge0=\"addm em0 up\"\n");
    CliRun r = CliRun.of("lint", rc);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains(rc + ":1: warning: cloned_interface")
        .contains("cloned_interfaces")
        .contains("[rc-misspelt-variable]");
  }

  @Test
  void passesACleanRcConf() throws Exception {
    String rc =
        file("rc.conf", "cloned_interfaces=\"bridge0\"\nifconfig_bridge0=\"addm em0 up\"\n");
    CliRun r = CliRun.of("lint", rc);

    assertThat(r.out()).isEqualTo("no problems found\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void lintsAJailConfBesideItsRcConf() throws Exception {
    String jc = file("jail.conf", ShowCommandTest.SEED);
    String rc =
        file("rc.conf", "cloned_interfaces=\"bridge0\"\nifconfig_bridge0=\"addm em0 up\"\n");
    CliRun r = CliRun.of("lint", jc, rc);

    // The seed's hooks leak epair154b when the jail dies slowly: no release fix in exec.prestop.
    assertThat(r.out()).contains(jc + ":").contains("prestop");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void refusesAFileWhoseKindItCannotTell() throws Exception {
    CliRun r = CliRun.of("lint", file("notes.txt", "x"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("notes.txt: cannot tell which kind of file this is");
  }

  @Test
  void needsAtLeastOneFile() {
    CliRun r = CliRun.of("lint");

    assertThat(r.exitCode()).isEqualTo(VnetjailCli.EXIT_USAGE);
    assertThat(r.err()).contains("lint needs at least one FILE");
  }
}
