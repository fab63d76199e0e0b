package io.github.vnetjail.exec;

import io.github.vnetjail.core.VnetJailException;

/** A command exited non-zero (or timed out) where success was required. */
public class CommandFailedException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // results are immutable values; serialisation is not supported
  private final ExecResult result;

  /** Creates the exception for a failed result. */
  public CommandFailedException(ExecResult result) {
    super(message(result));
    this.result = result;
  }

  /** The failed result: command, exit code, stdout and stderr. */
  public ExecResult result() {
    return result;
  }

  private static String message(ExecResult r) {
    String how = r.timedOut() ? "timed out" : "exited with code " + r.exitCode();
    String err = r.stderr().strip();
    return "command \""
        + r.command()
        + "\" "
        + how
        + (err.isEmpty() ? "" : ": " + err.lines().reduce((a, b) -> a + " | " + b).orElse(""));
  }
}
