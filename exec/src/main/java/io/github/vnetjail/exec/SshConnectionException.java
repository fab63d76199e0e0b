package io.github.vnetjail.exec;

import io.github.vnetjail.core.VnetJailException;

/**
 * An SSH connection could not be opened or was lost: unreachable host, refused host key, failed
 * authentication, or a broken transport. A command that ran and failed is an {@link ExecResult}
 * instead.
 */
public class SshConnectionException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what failed, where, and how to fix it. */
  public SshConnectionException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying failure. */
  public SshConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
