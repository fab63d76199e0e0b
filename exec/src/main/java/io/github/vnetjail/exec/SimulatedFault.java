package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A failure the {@link SimulatedHost} reports instead of running a command: the command has no
 * effect (unless {@link #afterEffect()}: it runs, then its result is replaced), and its result
 * carries the chosen exit code, stdout and stderr. Immutable; the {@code with}-style methods return
 * a copy.
 *
 * <pre>{@code
 * host.inject(SimulatedFault.onCommand(2));                     // the 2nd command from now fails
 * host.inject(SimulatedFault.matching("ifconfig epair\\d+b vnet")
 *     .exitCode(1)
 *     .stderr("ifconfig: SIOCSIFVNET: Device busy\n"));         // also hits jail(8)'s own steps
 * }</pre>
 */
public final class SimulatedFault {
  private final OptionalInt nth;
  private final Optional<Pattern> pattern;
  private final int exitCode;
  private final String stdout;
  private final String stderr;
  private final int times;
  private final boolean timedOut;
  private final boolean afterEffect;

  private SimulatedFault(
      OptionalInt nth,
      Optional<Pattern> pattern,
      int exitCode,
      String stdout,
      String stderr,
      int times,
      boolean timedOut,
      boolean afterEffect) {
    this.nth = nth;
    this.pattern = pattern;
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
    this.times = times;
    this.timedOut = timedOut;
    this.afterEffect = afterEffect;
  }

  /**
   * Fails the {@code n}-th command the host receives after the fault is injected ({@code 1} is the
   * next one). Only commands passed to {@link SimulatedHost#execute} count, not the programs they
   * start.
   */
  public static SimulatedFault onCommand(int n) {
    checkArgument(n >= 1, "n must be at least 1, got %s", n);
    return new SimulatedFault(OptionalInt.of(n), Optional.empty(), 1, "", "", 1, false, false);
  }

  /**
   * Fails the next program whose argv, joined with single spaces, contains a match of {@code regex}
   * ({@link java.util.regex.Matcher#find()}). Programs started by other programs count too:
   * jail(8)'s exec hooks, its {@code ifconfig IF vnet JAIL} step, each part of an {@code sh -c}
   * line. Fires once unless {@link #times(int)} or {@link #always()} says otherwise.
   */
  public static SimulatedFault matching(String regex) {
    checkNotNull(regex, "regex");
    return new SimulatedFault(
        OptionalInt.empty(), Optional.of(Pattern.compile(regex)), 1, "", "", 1, false, false);
  }

  /** Returns a copy that exits with {@code code} (default 1). */
  public SimulatedFault exitCode(int code) {
    checkArgument(code != 0, "a fault must fail: exit code 0 is success");
    return new SimulatedFault(nth, pattern, code, stdout, stderr, times, timedOut, afterEffect);
  }

  /** Returns a copy that writes {@code text} to standard error (default nothing). */
  public SimulatedFault stderr(String text) {
    return new SimulatedFault(
        nth, pattern, exitCode, stdout, checkNotNull(text), times, timedOut, afterEffect);
  }

  /** Returns a copy that writes {@code text} to standard output (default nothing). */
  public SimulatedFault stdout(String text) {
    return new SimulatedFault(
        nth, pattern, exitCode, checkNotNull(text), stderr, times, timedOut, afterEffect);
  }

  /** Returns a copy of a {@link #matching} fault that fires for the next {@code count} matches. */
  public SimulatedFault times(int count) {
    checkArgument(count >= 1, "count must be at least 1, got %s", count);
    checkArgument(pattern.isPresent(), "times() applies to matching() faults only");
    return new SimulatedFault(nth, pattern, exitCode, stdout, stderr, count, timedOut, afterEffect);
  }

  /** Returns a copy of a {@link #matching} fault that fires for every match. */
  public SimulatedFault always() {
    checkArgument(pattern.isPresent(), "always() applies to matching() faults only");
    return new SimulatedFault(nth, pattern, exitCode, stdout, stderr, -1, timedOut, afterEffect);
  }

  /**
   * Returns a copy that behaves like a command killed by its timeout: exit code 124, and when the
   * faulted program is the command the host received, {@link ExecResult#timedOut()} is true; when
   * it is a program jail(8) runs (a hook, an ifconfig or mount step), jail(8) reports it as an
   * exceeded {@code exec.timeout}: {@code jail: NAME: COMMAND LINE: timed out} (command.c
   * finish_command).
   */
  public SimulatedFault timedOut() {
    return new SimulatedFault(nth, pattern, 124, stdout, stderr, times, true, afterEffect);
  }

  /**
   * Returns a copy whose program runs first and takes full effect, then reports the fault's exit
   * code, stdout and stderr instead of its own: the ambiguous failure where the work was done but
   * its result was lost (killed by its timeout after the change, a connection dropped before the
   * answer came back). Combine with {@link #timedOut()} for a command that timed out after taking
   * effect.
   *
   * <pre>{@code
   * host.inject(SimulatedFault.matching("^jail .* -c ").timedOut().afterEffect()); // started, "timed out"
   * }</pre>
   */
  public SimulatedFault afterEffect() {
    return new SimulatedFault(nth, pattern, exitCode, stdout, stderr, times, timedOut, true);
  }

  boolean isAfterEffect() {
    return afterEffect;
  }

  boolean isTimedOut() {
    return timedOut;
  }

  OptionalInt nth() {
    return nth;
  }

  Optional<Pattern> pattern() {
    return pattern;
  }

  int exitCode() {
    return exitCode;
  }

  String stdout() {
    return stdout;
  }

  String stderr() {
    return stderr;
  }

  /** How often a matching fault fires; -1 is always. */
  int times() {
    return times;
  }

  @Override
  public String toString() {
    String what =
        nth.isPresent() ? "command #" + nth.getAsInt() : "matching /" + pattern.get() + "/";
    return "SimulatedFault{"
        + what
        + ", exit "
        + exitCode
        + (timedOut ? ", timed out" : "")
        + (afterEffect ? ", after effect" : "")
        + "}";
  }
}
