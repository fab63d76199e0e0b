package io.github.vnetjail.exec;

/**
 * Runs commands on one FreeBSD host: this machine, a host over SSH, a dry run, or the simulated
 * host. Failure is data: a non-zero exit comes back as an {@link ExecResult}.
 *
 * <pre>{@code
 * try (CommandExecutor exec = CommandExecutors.simulated()) {
 *   ExecResult r = exec.execute(Command.of("ifconfig", "-l"));
 *   System.out.println(r.stdout());
 * }
 * }</pre>
 */
public interface CommandExecutor extends AutoCloseable {
  /**
   * Runs the command and waits for it.
   *
   * @throws io.github.vnetjail.core.VnetJailException only when the command could not be run at all
   *     (no such program, connection lost); a non-zero exit is a result
   */
  ExecResult execute(Command command);

  /** File operations on the same host, carried out through this executor. */
  default HostFiles files() {
    return HostFiles.viaCommands(this);
  }

  /** Releases connections or processes held by this executor. */
  @Override
  default void close() {}
}
