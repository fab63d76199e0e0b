package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.VnetJailException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultInjectingExecutorTest {
  private final RecordingExecutor inner = CommandExecutors.recording(PrivilegedExecutorTest::ok);
  private final FaultInjectingExecutor faults = CommandExecutors.faultInjecting(inner);

  @TempDir Path tmp;

  @Test
  void failsTheNthCommandWithoutRunningIt() {
    faults.failNth(2);

    ExecResult one = faults.execute(Command.of("a"));
    ExecResult two = faults.execute(Command.of("b"));
    ExecResult three = faults.execute(Command.of("c"));

    assertThat(one.isSuccess()).isTrue();
    assertThat(two.exitCode()).isEqualTo(1);
    assertThat(two.stderr()).isEqualTo(FaultInjectingExecutor.DEFAULT_STDERR);
    assertThat(two.command()).isEqualTo(Command.of("b"));
    assertThat(three.isSuccess()).isTrue();
    assertThat(inner.commandLines()).containsExactly("a", "c");
    assertThat(faults.count()).isEqualTo(3);
    assertThat(faults.injected()).isEqualTo(1);
  }

  @Test
  void failsEveryMatchingCommand() {
    faults.failMatching("^ifconfig epair\\d+ destroy$", 1, "ifconfig: SIOCIFDESTROY: Device busy");

    assertThat(faults.execute(Command.of("ifconfig", "epair1", "destroy")).stderr())
        .isEqualTo("ifconfig: SIOCIFDESTROY: Device busy");
    assertThat(faults.execute(Command.of("ifconfig", "epair2", "destroy")).isSuccess()).isFalse();
    assertThat(faults.execute(Command.of("ifconfig", "epair2", "up")).isSuccess()).isTrue();
  }

  @Test
  void failsOnlyTheFirstMatchWhenAskedTo() {
    faults.failFirstMatching("route add", 68, "route: writing to routing socket");

    assertThat(faults.execute(Command.of("route", "add", "default", "10.0.0.1")).exitCode())
        .isEqualTo(68);
    assertThat(faults.execute(Command.of("route", "add", "default", "10.0.0.1")).isSuccess())
        .isTrue();
  }

  @Test
  void throwsAsALostConnectionWould() {
    faults.throwOnNth(1).throwMatching("jexec");

    assertThatThrownBy(() -> faults.execute(Command.of("jls")))
        .isInstanceOf(VnetJailException.class)
        .hasMessageContaining("injected fault: command 1 \"jls\"");
    assertThatThrownBy(() -> faults.execute(Command.of("jexec", "web", "sh")))
        .isInstanceOf(VnetJailException.class);
    assertThat(inner.count()).isZero();
  }

  @Test
  void clearRemovesFaultsNotYetTriggered() {
    faults.failNth(2).clear();

    faults.execute(Command.of("a"));

    assertThat(faults.execute(Command.of("b")).isSuccess()).isTrue();
  }

  @Test
  void rejectsMeaninglessFaults() {
    assertThatThrownBy(() -> faults.failNth(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.failMatching("x", 0, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailedFileWriteOnTheLocalHostLeavesTheOldFile() throws IOException {
    Path target = Files.writeString(tmp.resolve("rc.conf"), "old\n");
    FaultInjectingExecutor local = CommandExecutors.faultInjecting(CommandExecutors.local());
    local.failMatching("vnetjail-write", 1, "mv: rename: Input/output error");

    assertThatThrownBy(() -> local.files().writeAtomically(target.toString(), "new\n"))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("Input/output error");
    assertThat(local.files().read(target.toString())).contains("old\n");
  }
}
