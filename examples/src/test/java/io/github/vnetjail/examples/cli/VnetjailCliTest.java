package io.github.vnetjail.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VnetjailCliTest {
  @Test
  void helpListsEverySubcommand() {
    CliRun r = CliRun.of("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("Usage: vnetjail [-hV] [COMMAND]\n")
        .containsPattern("(?m)^  render ")
        .containsPattern("(?m)^  show ")
        .containsPattern("(?m)^  lint ")
        .containsPattern("(?m)^  plan ")
        .containsPattern("(?m)^  up ")
        .containsPattern("(?m)^  down ")
        .containsPattern("(?m)^  status ");
  }

  @Test
  void helpSubcommandDescribesAnotherCommand() {
    CliRun r = CliRun.of("help", "show");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: vnetjail show").contains("--format=<format>");
  }

  @Test
  void printsItsVersion() {
    assertThat(CliRun.of("--version").out()).isEqualTo("vnetjail 0.1.0-SNAPSHOT\n");
  }

  @Test
  void withoutACommandPrintsUsage() {
    CliRun r = CliRun.of();

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: vnetjail");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    CliRun r = CliRun.of("show", "--colour", "x");

    assertThat(r.exitCode()).isEqualTo(VnetjailCli.EXIT_USAGE);
    assertThat(r.err()).contains("Unknown option: '--colour'");
  }
}
