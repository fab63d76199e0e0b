package io.github.vnetjail.render;

import io.github.vnetjail.core.VnetJailException;

/**
 * An rc.conf that cannot be read or an edit that cannot be made safely: an unterminated quote, a
 * value sh would only know by running a command, an invalid variable name, a value with a line
 * break. The message names the variable, the line and the fix.
 */
public class RcConfException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what failed, where, and how to fix it. */
  public RcConfException(String message) {
    super(message);
  }
}
