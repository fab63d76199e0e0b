package io.github.vnetjail.exec;

/** The server refused every key the client offered, or a key file could not be read. */
public class SshAuthenticationException extends SshConnectionException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the user, host, key files and the fix. */
  public SshAuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
