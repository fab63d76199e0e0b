package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrivilegedExecutorTest {
  private final RecordingExecutor inner = CommandExecutors.recording(CommandExecutors.dryRun());

  @Test
  void doasPrefixesArgvNonInteractively() {
    CommandExecutors.withDoas(inner).execute(Command.of("/sbin/ifconfig", "bridge0", "create"));

    assertThat(inner.commands().get(0).argv())
        .containsExactly("doas", "-n", "/sbin/ifconfig", "bridge0", "create");
  }

  @Test
  void sudoPassesTheEnvironmentThroughEnvAndKeepsStdinAndTimeout() {
    Command c =
        Command.builder()
            .addArgv("sysrc", "-f", "/etc/rc.conf", "jail_enable=YES")
            .putEnvironment("LANG", "C")
            .putEnvironment("SECRET", "it's $x")
            .stdin("input")
            .timeout(Duration.ofSeconds(9))
            .build();

    CommandExecutors.withSudo(inner).execute(c);

    Command ran = inner.commands().get(0);
    assertThat(ran.argv())
        .containsExactly(
            "sudo",
            "-n",
            "env",
            "LANG=C",
            "SECRET=it's $x",
            "sysrc",
            "-f",
            "/etc/rc.conf",
            "jail_enable=YES");
    assertThat(ran.environment()).isEmpty();
    assertThat(ran.stdin()).contains("input");
    assertThat(ran.timeout()).contains(Duration.ofSeconds(9));
  }

  @Test
  void environmentSurvivesAToolThatClearsItWhenRunForReal() {
    // env -i clears the environment the way doas and sudo do; the variable must still arrive.
    CommandExecutor clearing =
        CommandExecutors.privileged(CommandExecutors.local(), "env", "-i", "PATH=/usr/bin:/bin");
    String hostile = "a b 'c' \"d\" $e `f` \\g\nh";

    ExecResult r =
        clearing.execute(
            Command.builder()
                .addArgv("sh", "-c", "printf '%s' \"$VNJ\"")
                .putEnvironment("VNJ", hostile)
                .build());

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo(hostile);
  }

  @Test
  void fileOperationsOfAShellExecutorRunThroughThePrivilegeTool() {
    RecordingExecutor rec = CommandExecutors.recording(command -> ok(command));

    CommandExecutors.withDoas(rec).files().writeAtomically("/etc/jail.conf", "x\n");

    assertThat(rec.commands()).hasSize(1);
    assertThat(rec.commands().get(0).argv()).startsWith("doas", "-n", "sh", "-c");
    assertThat(rec.commands().get(0).argv()).endsWith("/etc/jail.conf");
    assertThat(rec.commands().get(0).stdin()).contains("x\n");
  }

  @Test
  void rejectsAProgramNameThatEnvWouldReadAsAVariable() {
    CommandExecutor doas = CommandExecutors.withDoas(inner);
    Command c = Command.builder().addArgv("A=b").putEnvironment("X", "1").build();

    assertThatThrownBy(() -> doas.execute(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A=b");
  }

  @Test
  void rejectsAVariableNameThatEnvWouldReadAsAnOption() {
    CommandExecutor doas = CommandExecutors.withDoas(inner);
    Command c = Command.builder().addArgv("jls").putEnvironment("-i", "1").build();

    assertThatThrownBy(() -> doas.execute(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-i starts with '-'");
  }

  @Test
  void rejectsAnEmptyPrefix() {
    assertThatThrownBy(() -> CommandExecutors.privileged(inner))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static ExecResult ok(Command c) {
    return ExecResult.builder().command(c).exitCode(0).build();
  }
}
