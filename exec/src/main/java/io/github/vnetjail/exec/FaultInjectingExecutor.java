package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.VnetJailException;
import io.github.vnetjail.render.ShellQuoting;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Makes chosen commands fail, on any executor, to test how callers cope: the Nth command, or the
 * commands whose argv matches a pattern, either exit non-zero or throw as if the connection was
 * lost. A command that gets a fault is not passed on to the wrapped executor.
 *
 * <pre>{@code
 * FaultInjectingExecutor faults = CommandExecutors.faultInjecting(CommandExecutors.simulated())
 *     .failFirstMatching("^/sbin/route add ", 1, "route: writing to routing socket: Network is unreachable")
 *     .throwOnNth(7);
 * }</pre>
 *
 * <p>Patterns are found ({@link java.util.regex.Matcher#find()}) in the argv words joined by single
 * spaces. Counting starts at 1 with the first command executed through this executor.
 */
public final class FaultInjectingExecutor implements CommandExecutor {
  /** The standard error of an injected failure when none is given. */
  public static final String DEFAULT_STDERR = "vnetjail: injected fault";

  private final CommandExecutor delegate;
  private final List<Rule> rules = new ArrayList<>();
  private int count;
  private int injected;

  FaultInjectingExecutor(CommandExecutor delegate) {
    this.delegate = checkNotNull(delegate, "delegate");
  }

  /** Makes the {@code n}th command (1-based) exit 1 with {@link #DEFAULT_STDERR}. */
  public FaultInjectingExecutor failNth(int n) {
    return failNth(n, 1, DEFAULT_STDERR);
  }

  /** Makes the {@code n}th command (1-based) exit with this code and standard error. */
  public FaultInjectingExecutor failNth(int n, int exitCode, String stderr) {
    checkArgument(n >= 1, "n counts from 1: %s", n);
    return add((i, c) -> i == n, true, fail(exitCode, stderr));
  }

  /** Makes every command matching {@code regex} exit with this code and standard error. */
  public FaultInjectingExecutor failMatching(String regex, int exitCode, String stderr) {
    return add(matching(regex), false, fail(exitCode, stderr));
  }

  /** Makes the next command matching {@code regex} exit with this code and standard error. */
  public FaultInjectingExecutor failFirstMatching(String regex, int exitCode, String stderr) {
    return add(matching(regex), true, fail(exitCode, stderr));
  }

  /** Makes the {@code n}th command (1-based) throw, as a lost connection would. */
  public FaultInjectingExecutor throwOnNth(int n) {
    checkArgument(n >= 1, "n counts from 1: %s", n);
    return add((i, c) -> i == n, true, null);
  }

  /** Makes every command matching {@code regex} throw, as a lost connection would. */
  public FaultInjectingExecutor throwMatching(String regex) {
    return add(matching(regex), false, null);
  }

  /** Removes every fault not yet triggered; the command count goes on. */
  public synchronized FaultInjectingExecutor clear() {
    rules.clear();
    return this;
  }

  /** How many commands were executed through this executor, faulty ones included. */
  public synchronized int count() {
    return count;
  }

  /** How many faults were injected. */
  public synchronized int injected() {
    return injected;
  }

  @Override
  public ExecResult execute(Command command) {
    checkNotNull(command, "command");
    Rule fault = null;
    int n;
    synchronized (this) {
      n = ++count;
      for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
        Rule r = it.next();
        if (r.when.test(n, command)) {
          fault = r;
          if (r.once) {
            it.remove();
          }
          injected++;
          break;
        }
      }
    }
    if (fault == null) {
      return delegate.execute(command);
    }
    if (fault.result == null) {
      throw new VnetJailException(
          "injected fault: command "
              + n
              + " \""
              + ShellQuoting.join(command.argv())
              + "\" lost its connection (FaultInjectingExecutor)");
    }
    return ExecResult.builder()
        .command(command)
        .exitCode(fault.result.exitCode)
        .stderr(fault.result.stderr)
        .build();
  }

  @Override
  public HostFiles files() {
    return CommandExecutors.filesThrough(this, delegate);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private synchronized FaultInjectingExecutor add(
      BiPredicate<Integer, Command> when, boolean once, Failure result) {
    rules.add(new Rule(when, once, result));
    return this;
  }

  private static BiPredicate<Integer, Command> matching(String regex) {
    Pattern p = Pattern.compile(checkNotNull(regex, "regex"));
    return (i, c) -> p.matcher(String.join(" ", c.argv())).find();
  }

  private static Failure fail(int exitCode, String stderr) {
    checkArgument(exitCode != 0, "an injected failure needs a non-zero exit code");
    return new Failure(exitCode, checkNotNull(stderr, "stderr"));
  }

  private static final class Failure {
    final int exitCode;
    final String stderr;

    Failure(int exitCode, String stderr) {
      this.exitCode = exitCode;
      this.stderr = stderr;
    }
  }

  private static final class Rule {
    final BiPredicate<Integer, Command> when;
    final boolean once;
    final Failure result; // null: throw

    Rule(BiPredicate<Integer, Command> when, boolean once, Failure result) {
      this.when = when;
      this.once = once;
      this.result = result;
    }
  }
}
