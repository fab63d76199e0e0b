package io.github.vnetjail.exec;

import io.github.vnetjail.core.internal.JailStyle;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One program to run: its argv (never a shell string), optional standard input, extra environment
 * variables and a timeout.
 *
 * <pre>{@code
 * Command c = Command.of("/sbin/ifconfig", "epair154", "create", "up");
 * Command t = Command.builder().addArgv("jls", "-j", "web").timeout(Duration.ofSeconds(5)).build();
 * }</pre>
 */
@Value.Immutable
@JailStyle
public abstract class Command {
  Command() {}

  /** The program and its arguments; the first word is the program. */
  public abstract List<String> argv();

  /** Text written to the program's standard input, then closed. */
  public abstract Optional<String> stdin();

  /** Variables added to the program's environment. */
  public abstract Map<String, String> environment();

  /** How long the program may run before it is killed; absent means the executor's default. */
  public abstract Optional<Duration> timeout();

  /** The program name ({@code argv().get(0)}). */
  public final String program() {
    return argv().get(0);
  }

  /** Returns a command with this argv and nothing else set. */
  public static Command of(String program, String... args) {
    return builder().addArgv(program).addArgv(args).build();
  }

  /** Returns a command with this argv and nothing else set. */
  public static Command of(List<String> argv) {
    return builder().addAllArgv(argv).build();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Command}. */
  public static final class Builder extends ImmutableCommand.Builder {}

  @Value.Check
  void check() {
    if (argv().isEmpty()) {
      throw new IllegalArgumentException("argv must hold at least the program name");
    }
    for (String word : argv()) {
      if (word.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "argv word " + Arrays.asList(word) + " holds a NUL byte, which no program can receive");
      }
    }
    environment()
        .forEach(
            (name, value) -> {
              // ProcessBuilder, env(1) and sshd all read "NAME=VALUE": a name cannot hold '='.
              if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(
                    "environment variable name "
                        + Arrays.asList(name)
                        + " must be non-empty and hold neither '=' nor a NUL byte");
              }
              if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(
                    "environment variable " + name + " holds a NUL byte in its value");
              }
            });
    timeout()
        .ifPresent(
            t -> {
              if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + t);
              }
            });
  }

  @Override
  public String toString() {
    return String.join(" ", argv());
  }
}
