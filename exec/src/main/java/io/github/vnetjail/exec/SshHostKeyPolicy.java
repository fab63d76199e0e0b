package io.github.vnetjail.exec;

/** What the SSH client does with a host key that the known_hosts file does not list. */
public enum SshHostKeyPolicy {
  /**
   * Refuse any host whose key is not in the known_hosts file (OpenSSH's {@code
   * StrictHostKeyChecking=yes}). The default.
   */
  STRICT,
  /**
   * Accept the key of a host that the file does not list yet and record it there (OpenSSH's {@code
   * StrictHostKeyChecking=accept-new}). A host whose listed key differs is still refused.
   */
  TRUST_ON_FIRST_USE
}
