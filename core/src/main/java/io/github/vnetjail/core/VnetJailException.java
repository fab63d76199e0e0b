package io.github.vnetjail.core;

/**
 * The root of every domain failure the SDK reports: validation problems, parse errors, failed
 * commands and lifecycle failures all extend it, so callers can catch one type.
 */
public class VnetJailException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what failed, where, and how to fix it. */
  public VnetJailException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the failure that caused it. */
  public VnetJailException(String message, Throwable cause) {
    super(message, cause);
  }
}
