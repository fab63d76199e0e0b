package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTest {
  @Test
  void ofKeepsTheArgvWordsAsGiven() {
    Command c = Command.of("/sbin/ifconfig", "epair154", "create", "up");

    assertThat(c.argv()).containsExactly("/sbin/ifconfig", "epair154", "create", "up");
    assertThat(c.program()).isEqualTo("/sbin/ifconfig");
    assertThat(c.stdin()).isEmpty();
    assertThat(c.environment()).isEmpty();
    assertThat(c.timeout()).isEmpty();
    assertThat(Command.of(List.of("jls", "-n"))).isEqualTo(Command.of("jls", "-n"));
  }

  @Test
  void rejectsAnEmptyArgv() {
    assertThatThrownBy(() -> Command.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argv must hold at least the program name");
  }

  @Test
  void rejectsANulByteInArgv() {
    assertThatThrownBy(() -> Command.of("echo", "a\0b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL byte");
  }

  @Test
  void rejectsEnvironmentNamesThatCannotBePassed() {
    for (String name : List.of("", "A=B", "A\0")) {
      assertThatThrownBy(() -> Command.builder().addArgv("env").putEnvironment(name, "v").build())
          .as("name %s", name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("neither '=' nor a NUL byte");
    }
  }

  @Test
  void rejectsANulByteInAnEnvironmentValue() {
    assertThatThrownBy(() -> Command.builder().addArgv("env").putEnvironment("A", "x\0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environment variable A holds a NUL byte");
  }

  @Test
  void rejectsANonPositiveTimeout() {
    assertThatThrownBy(() -> Command.builder().addArgv("x").timeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must be positive");
  }

  @Test
  void failedResultsBecomeExceptionsThatSayWhatHappened() {
    ExecResult exited =
        ExecResult.builder()
            .command(Command.of("ifconfig", "epair9", "destroy"))
            .exitCode(1)
            .stderr("ifconfig: SIOCIFDESTROY: Device busy\nsecond line\n")
            .build();
    ExecResult timedOut =
        ExecResult.builder().command(Command.of("jail", "-c")).exitCode(124).timedOut(true).build();

    assertThatThrownBy(exited::requireSuccess)
        .isInstanceOf(CommandFailedException.class)
        .hasMessage(
            "command \"ifconfig epair9 destroy\" exited with code 1:"
                + " ifconfig: SIOCIFDESTROY: Device busy | second line");
    assertThatThrownBy(timedOut::requireSuccess).hasMessage("command \"jail -c\" timed out");
    assertThat(((CommandFailedException) catchFailure(exited)).result().stderr())
        .startsWith("ifconfig: SIOCIFDESTROY");
  }

  private static Throwable catchFailure(ExecResult r) {
    try {
      r.requireSuccess();
      throw new AssertionError("expected a failure");
    } catch (CommandFailedException e) {
      return e;
    }
  }
}
