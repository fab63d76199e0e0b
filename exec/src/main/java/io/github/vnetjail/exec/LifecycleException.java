package io.github.vnetjail.exec;

import io.github.vnetjail.core.VnetJailException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A jail lifecycle operation ({@code install}, {@code start}, {@code stop}, {@code apply}) failed.
 * It names the jail, the step, and (when a command failed) the command, its exit code and its
 * stderr; the message also says what the rollback left on the host.
 */
public class LifecycleException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  private final String jail;
  private final String step;

  @SuppressWarnings("serial") // results are immutable values; serialisation is not supported
  private final ExecResult result;

  /** A failure in {@code step} of the operation on {@code jail}, with the failed command if any. */
  public LifecycleException(String jail, String step, Optional<ExecResult> result, String detail) {
    super(message(jail, step, result, detail));
    this.jail = jail;
    this.step = step;
    this.result = result.orElse(null);
  }

  /** The jail the operation was about ({@code *} for a host-wide step). */
  public String jail() {
    return jail;
  }

  /** The step that failed, e.g. {@code start: jail -c} or {@code check: epair on bridge}. */
  public String step() {
    return step;
  }

  /** The failed command and its output, when a command failed. */
  public Optional<ExecResult> result() {
    return Optional.ofNullable(result);
  }

  /** The failed command line, when a command failed. */
  public Optional<Command> command() {
    return result().map(ExecResult::command);
  }

  /** The exit code of the failed command, when a command failed. */
  public OptionalInt exitCode() {
    return result == null ? OptionalInt.empty() : OptionalInt.of(result.exitCode());
  }

  /** The stderr of the failed command; empty when no command failed. */
  public String stderr() {
    return result == null ? "" : result.stderr();
  }

  private static String message(
      String jail, String step, Optional<ExecResult> result, String detail) {
    StringBuilder b =
        new StringBuilder("jail ").append(jail).append(": ").append(step).append(" failed");
    result.ifPresent(
        r -> {
          b.append(": command \"").append(r.command()).append('"');
          // like CommandFailedException: a command killed by its timeout says so
          b.append(r.timedOut() ? " timed out" : " exited with code " + r.exitCode());
          String err = r.stderr().strip();
          if (!err.isEmpty()) {
            b.append(", stderr: ").append(err.lines().reduce((x, y) -> x + " | " + y).orElse(""));
          }
        });
    if (!detail.isEmpty()) {
      b.append("; ").append(detail);
    }
    return b.toString();
  }
}
