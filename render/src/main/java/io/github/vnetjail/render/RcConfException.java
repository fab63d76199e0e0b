package io.github.vnetjail.render;

import io.github.vnetjail.core.VnetJailException;

/**
 * An rc.conf that cannot be read or an edit that cannot be made safely: an unterminated quote, a
 * value sh would only know by running a command, an invalid variable name, a value with a line
 * break. The message names the variable, the line and the fix.
 */
public class RcConfException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /** Creates an exception with a message that says what failed, where, and how to fix it. */
  public RcConfException(String message) {
    this(message, 0);
  }

  /** Creates an exception about line {@code line} (1-based) of an rc.conf. */
  public RcConfException(String message, int line) {
    super(message);
    this.line = line;
  }

  /** Returns the 1-based line the problem is on, or 0 when it is not about one line. */
  public int line() {
    return line;
  }
}
