package io.github.vnetjail.exec;

import java.util.Optional;

/**
 * Reads and writes files on the host an executor runs on. Writes are atomic: the new content goes
 * to a temporary file beside the target, the previous version is kept as {@code PATH.bak}, then the
 * temporary file is renamed over the target, so a failure leaves the old file intact.
 */
public interface HostFiles {
  /** The file's text, or empty when it does not exist. */
  Optional<String> read(String path);

  /** True when the path exists. */
  boolean exists(String path);

  /** Replaces the file's content atomically, keeping the previous version as {@code PATH.bak}. */
  void writeAtomically(String path, String content);

  /**
   * File operations carried out as sh commands through {@code executor} ({@code cat}, {@code test},
   * {@code mv}), for executors whose host has a POSIX shell.
   */
  static HostFiles viaCommands(CommandExecutor executor) {
    return new ShellHostFiles(executor);
  }
}
