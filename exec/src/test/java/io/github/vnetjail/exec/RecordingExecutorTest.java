package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.VnetJailException;
import org.junit.jupiter.api.Test;

class RecordingExecutorTest {
  @Test
  void keepsEveryCommandAndResultInOrder() {
    RecordingExecutor rec = CommandExecutors.recording(PrivilegedExecutorTest::ok);

    ExecResult first = rec.execute(Command.of("ifconfig", "epair154", "create", "up"));
    rec.execute(Command.of("ifconfig", "bridge0", "addm", "epair154a", "descr", "jail:my web"));

    assertThat(rec.count()).isEqualTo(2);
    assertThat(rec.results()).hasSize(2).first().isSameAs(first);
    assertThat(rec.commandLines())
        .containsExactly(
            "ifconfig epair154 create up", "ifconfig bridge0 addm epair154a descr 'jail:my web'");
    assertThat(rec.commands().get(1).argv()).endsWith("jail:my web");
  }

  @Test
  void recordsACommandThatCouldNotRunWithoutAResult() {
    RecordingExecutor rec =
        CommandExecutors.recording(
            c -> {
              throw new VnetJailException("no route to host");
            });

    assertThatThrownBy(() -> rec.execute(Command.of("jls"))).hasMessage("no route to host");
    assertThat(rec.commands()).containsExactly(Command.of("jls"));
    assertThat(rec.results()).isEmpty();
  }

  @Test
  void clearForgetsEverything() {
    RecordingExecutor rec = CommandExecutors.recording(PrivilegedExecutorTest::ok);
    rec.execute(Command.of("jls"));
    rec.clear();

    assertThat(rec.count()).isZero();
    assertThat(rec.results()).isEmpty();
  }

  @Test
  void recordsTheCommandsOfFileOperationsOnAShellExecutor() {
    RecordingExecutor rec = CommandExecutors.recording(PrivilegedExecutorTest::ok);

    rec.files().exists("/etc/rc.conf");

    assertThat(rec.commandLines()).containsExactly("test -e /etc/rc.conf");
  }
}
