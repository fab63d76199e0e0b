package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandExecutorsTest {
  @Test
  void localUsesTheDefaultTimeout() {
    assertThat(CommandExecutors.local().defaultTimeout()).isEqualTo(LocalExecutor.DEFAULT_TIMEOUT);
  }

  @Test
  void decoratorsKeepTheFilesOfAnExecutorThatHasItsOwn() {
    DryRunExecutor dry = CommandExecutors.dryRun();
    RecordingExecutor rec = CommandExecutors.recording(dry);
    CommandExecutor stack =
        CommandExecutors.logging(CommandExecutors.timed(CommandExecutors.withDoas(rec)));

    stack.files().writeAtomically("/etc/jail.conf", "web {}\n");

    assertThat(dry.writes())
        .containsExactly(new DryRunExecutor.FileWrite("/etc/jail.conf", "web {}\n"));
    assertThat(rec.count()).isZero();
  }

  @Test
  void decoratorsCarryFileCommandsThroughThemselvesOnAShellExecutor() {
    RecordingExecutor inner = CommandExecutors.recording(PrivilegedExecutorTest::ok);
    TimingExecutor timed = CommandExecutors.timed(CommandExecutors.withSudo(inner));

    timed.files().exists("/etc/rc.conf");

    assertThat(timed.stats()).containsOnlyKeys("test");
    assertThat(inner.commandLines()).containsExactly("sudo -n test -e /etc/rc.conf");
  }

  @Test
  void closingADecoratorClosesTheExecutorItWraps() {
    boolean[] closed = {false};
    CommandExecutor inner =
        new CommandExecutor() {
          @Override
          public ExecResult execute(Command command) {
            return PrivilegedExecutorTest.ok(command);
          }

          @Override
          public void close() {
            closed[0] = true;
          }
        };

    CommandExecutors.logging(CommandExecutors.recording(CommandExecutors.withDoas(inner))).close();

    assertThat(closed[0]).isTrue();
  }
}
