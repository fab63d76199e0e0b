package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts commands and their wall-clock time per program (the first argv word), as seen by the
 * caller: over SSH this includes the round trip.
 *
 * <pre>{@code
 * TimingExecutor timed = CommandExecutors.timed(CommandExecutors.local());
 * JailManager.on(timed).start("web");
 * timed.stats().forEach((program, s) -> System.out.println(program + ": " + s));
 * }</pre>
 */
public final class TimingExecutor implements CommandExecutor {
  /** What was measured for one program. */
  public record ProgramStats(
      String program, long count, long failures, Duration total, Duration max) {
    /** Checks the values. */
    public ProgramStats {
      checkNotNull(program, "program");
      checkNotNull(total, "total");
      checkNotNull(max, "max");
    }

    /** The mean wall-clock time per command; zero when none ran. */
    public Duration mean() {
      return count == 0 ? Duration.ZERO : total.dividedBy(count);
    }

    ProgramStats plus(Duration d, boolean failed) {
      return new ProgramStats(
          program,
          count + 1,
          failures + (failed ? 1 : 0),
          total.plus(d),
          d.compareTo(max) > 0 ? d : max);
    }
  }

  private final CommandExecutor delegate;
  private final Map<String, ProgramStats> stats = new LinkedHashMap<>();

  TimingExecutor(CommandExecutor delegate) {
    this.delegate = checkNotNull(delegate, "delegate");
  }

  @Override
  public ExecResult execute(Command command) {
    long start = System.nanoTime();
    boolean failed = true;
    try {
      ExecResult r = delegate.execute(command);
      failed = !r.isSuccess();
      return r;
    } finally {
      // A command that could not run at all counts as a failure.
      record(command.program(), Duration.ofNanos(System.nanoTime() - start), failed);
    }
  }

  private synchronized void record(String program, Duration d, boolean failed) {
    stats.put(
        program,
        stats
            .getOrDefault(program, new ProgramStats(program, 0, 0, Duration.ZERO, Duration.ZERO))
            .plus(d, failed));
  }

  /**
   * Statistics per program, in the order the programs first ran. Failures are non-zero exits,
   * timeouts and commands that could not run at all.
   */
  public synchronized Map<String, ProgramStats> stats() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stats));
  }

  /** Forgets everything measured so far. */
  public synchronized void reset() {
    stats.clear();
  }

  @Override
  public HostFiles files() {
    return CommandExecutors.filesThrough(this, delegate);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
