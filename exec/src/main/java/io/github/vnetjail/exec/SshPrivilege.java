package io.github.vnetjail.exec;

import java.util.List;

/** How an {@link SshExecutor} gains root on the remote host for each command. */
public enum SshPrivilege {
  /** Run commands as the login user (log in as root, or run unprivileged commands). */
  NONE(List.of()),
  /** Prefix each command with {@code doas -n --} (FreeBSD's security/doas; never prompts). */
  DOAS(List.of("doas", "-n", "--")),
  /** Prefix each command with {@code sudo -n --} (never prompts for a password). */
  SUDO(List.of("sudo", "-n", "--"));

  private final List<String> prefix;

  SshPrivilege(List<String> prefix) {
    this.prefix = prefix;
  }

  /** The argv words put in front of each command. */
  public List<String> prefix() {
    return prefix;
  }
}
