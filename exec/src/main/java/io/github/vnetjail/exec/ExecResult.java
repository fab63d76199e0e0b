package io.github.vnetjail.exec;

import io.github.vnetjail.core.internal.JailStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * What a finished command gave back: exit code, standard output and error, and how long it took. A
 * non-zero exit is data, not an exception; call {@link #requireSuccess()} to make it one.
 */
@Value.Immutable
@JailStyle
public abstract class ExecResult {
  ExecResult() {}

  /** The command that ran. */
  public abstract Command command();

  /** The exit code; 0 is success. A command killed by its timeout reports 124 or higher. */
  public abstract int exitCode();

  /** Everything the command wrote to standard output. */
  @Value.Default
  public String stdout() {
    return "";
  }

  /** Everything the command wrote to standard error. */
  @Value.Default
  public String stderr() {
    return "";
  }

  /** Wall-clock time from start to exit. */
  @Value.Default
  public Duration duration() {
    return Duration.ZERO;
  }

  /** True when the command was killed because it ran past its timeout. */
  @Value.Default
  public boolean timedOut() {
    return false;
  }

  /** True when the exit code is 0. */
  public final boolean isSuccess() {
    return exitCode() == 0 && !timedOut();
  }

  /**
   * Returns this result when it succeeded.
   *
   * @throws CommandFailedException holding the command, exit code and stderr otherwise
   */
  public final ExecResult requireSuccess() {
    if (!isSuccess()) {
      throw new CommandFailedException(this);
    }
    return this;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ExecResult}. */
  public static final class Builder extends ImmutableExecResult.Builder {}
}
