package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.VnetJailException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimingExecutorTest {
  private final TimingExecutor timed =
      CommandExecutors.timed(
          c -> {
            if (c.program().equals("lost")) {
              throw new VnetJailException("connection lost");
            }
            int exit = c.argv().contains("fail") ? 1 : 0;
            return ExecResult.builder().command(c).exitCode(exit).build();
          });

  @Test
  void countsCommandsAndFailuresPerProgramInFirstSeenOrder() {
    timed.execute(Command.of("ifconfig", "epair1", "create"));
    timed.execute(Command.of("jail", "-c", "web"));
    timed.execute(Command.of("ifconfig", "fail"));
    assertThatThrownBy(() -> timed.execute(Command.of("lost")))
        .isInstanceOf(VnetJailException.class);

    assertThat(timed.stats().keySet()).containsExactly("ifconfig", "jail", "lost");
    TimingExecutor.ProgramStats ifconfig = timed.stats().get("ifconfig");
    assertThat(ifconfig.count()).isEqualTo(2);
    assertThat(ifconfig.failures()).isEqualTo(1);
    assertThat(ifconfig.total()).isGreaterThanOrEqualTo(ifconfig.max());
    assertThat(ifconfig.mean()).isEqualTo(ifconfig.total().dividedBy(2));
    assertThat(timed.stats().get("jail").failures()).isZero();
    assertThat(timed.stats().get("lost").failures()).isEqualTo(1);
  }

  @Test
  void resetForgetsEverything() {
    timed.execute(Command.of("jls"));
    timed.reset();

    assertThat(timed.stats()).isEmpty();
  }

  @Test
  void statsAreASnapshot() {
    timed.execute(Command.of("jls"));
    var before = timed.stats();
    timed.execute(Command.of("jls"));

    assertThat(before.get("jls").count()).isEqualTo(1);
    assertThat(timed.stats().get("jls").count()).isEqualTo(2);
  }

  @Test
  void meanOfNothingIsZero() {
    assertThat(new TimingExecutor.ProgramStats("x", 0, 0, Duration.ZERO, Duration.ZERO).mean())
        .isEqualTo(Duration.ZERO);
  }
}
