package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.Optional;

/**
 * What an operation gave on one host of a {@link Fleet}: its value, or the exception that ended it,
 * and how long it took.
 *
 * @param <T> the operation's value
 */
public final class FleetHostResult<T> {
  private final String host;
  private final T value;
  private final RuntimeException failure;
  private final Duration duration;

  private FleetHostResult(String host, T value, RuntimeException failure, Duration duration) {
    this.host = checkNotNull(host, "host");
    this.value = value;
    this.failure = failure;
    this.duration = checkNotNull(duration, "duration");
  }

  /** A host where the operation returned {@code value} (which may be absent for void work). */
  public static <T> FleetHostResult<T> success(String host, Optional<T> value, Duration duration) {
    return new FleetHostResult<>(host, value.orElse(null), null, duration);
  }

  /** A host where the operation threw {@code failure}. */
  public static <T> FleetHostResult<T> failure(
      String host, RuntimeException failure, Duration duration) {
    checkArgument(failure != null, "failure must be set");
    return new FleetHostResult<>(host, null, failure, duration);
  }

  /** The host's name in the fleet. */
  public String host() {
    return host;
  }

  /** True when the operation returned normally. */
  public boolean isSuccess() {
    return failure == null;
  }

  /** The operation's value; empty when it failed or returned null. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** The exception that ended the operation on this host, when it failed. */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Wall-clock time of the operation on this host. */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return host
        + ": "
        + (failure == null
            ? "ok " + value().map(String::valueOf).orElse("")
            : "FAILED " + failure.getMessage());
  }
}
