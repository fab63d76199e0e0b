package io.github.vnetjail.exec;

import io.github.vnetjail.core.VnetJailException;

/**
 * The program a command names does not exist on the host (not on {@code PATH}, or no file at the
 * absolute path given). Nothing ran.
 */
public class ProgramNotFoundException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  private final String program;

  /** Creates the exception for {@code program} with a message that says how to fix it. */
  public ProgramNotFoundException(String program, String message, Throwable cause) {
    super(message, cause);
    this.program = program;
  }

  /** The program that was not found, as the command named it. */
  public String program() {
    return program;
  }
}
