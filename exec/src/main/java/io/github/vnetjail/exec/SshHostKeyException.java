package io.github.vnetjail.exec;

/**
 * The server's host key was refused: the known_hosts file lists another key for the host (possible
 * man-in-the-middle, or a reinstalled host), or does not list the host at all.
 */
public class SshHostKeyException extends SshConnectionException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the host, the key fingerprint and the fix. */
  public SshHostKeyException(String message) {
    super(message);
  }
}
