package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * Static factories for the executors and their decorators.
 *
 * <p>Four kinds of executor run commands:
 *
 * <ul>
 *   <li>{@link #local()}: this machine, as child processes ({@link LocalExecutor});
 *   <li>{@link #ssh(SshTarget, SshOptions)}: a FreeBSD host over SSH, its key checked against
 *       known_hosts ({@link SshExecutor});
 *   <li>{@link #dryRun()}: nothing runs; commands and file writes become a sh script ({@link
 *       DryRunExecutor});
 *   <li>{@link #simulated()}: an in-memory FreeBSD host to test against ({@link SimulatedHost}).
 * </ul>
 *
 * <p>Decorators wrap any of them: {@link #withDoas}, {@link #withSudo}, {@link #logging}, {@link
 * #timed}, {@link #recording}, {@link #faultInjecting}. A decorator carries file operations through
 * itself when the wrapped executor performs them as commands (local, SSH), so they are logged,
 * timed, recorded and escalated too; an executor with its own files (dry run, simulated host) keeps
 * them.
 *
 * <pre>{@code
 * try (CommandExecutor exec = CommandExecutors.logging(CommandExecutors.withDoas(CommandExecutors.local()))) {
 *   exec.execute(Command.of("/sbin/ifconfig", "bridge0", "create")).requireSuccess();
 *   exec.files().writeAtomically("/etc/jail.conf.d/web.conf", jailConf);
 * }
 * }</pre>
 */
public final class CommandExecutors {
  private CommandExecutors() {}

  /**
   * Runs commands on this machine with the default timeout ({@link LocalExecutor#DEFAULT_TIMEOUT});
   * {@link LocalExecutor#builder()} sets another.
   */
  public static LocalExecutor local() {
    return LocalExecutor.builder().build();
  }

  /** Records commands and file writes without running anything; see {@link DryRunExecutor}. */
  public static DryRunExecutor dryRun() {
    return DryRunExecutor.builder().build();
  }

  /**
   * Runs commands on {@code target} over SSH, one connection reused for every command; the host key
   * must be in {@link SshOptions#knownHosts()} unless trust on first use was asked for. The
   * connection opens at the first command.
   *
   * <pre>{@code
   * SshOptions options = SshOptions.builder()
   *     .addIdentities(SshIdentity.of(Path.of(System.getProperty("user.home"), ".ssh/id_ed25519")))
   *     .build();
   * try (CommandExecutor exec = CommandExecutors.ssh(SshTarget.parse("root@jailhost"), options)) {
   *   exec.execute(Command.of("jls")).requireSuccess();
   * }
   * }</pre>
   */
  public static SshExecutor ssh(SshTarget target, SshOptions options) {
    return SshExecutor.create(target, options);
  }

  /**
   * An in-memory FreeBSD host with {@code lo0} and {@code em0}; {@link SimulatedHost#builder()}
   * starts one with interfaces, bridges, files and faults.
   */
  public static SimulatedHost simulated() {
    return SimulatedHost.create();
  }

  /**
   * Runs every command through {@code doas -n} (non-interactive: fails instead of asking for a
   * password); environment variables are passed as {@code env NAME=VALUE}.
   */
  public static CommandExecutor withDoas(CommandExecutor executor) {
    return privileged(executor, "doas", "-n");
  }

  /**
   * Runs every command through {@code sudo -n} (non-interactive: fails instead of asking for a
   * password); environment variables are passed as {@code env NAME=VALUE}.
   */
  public static CommandExecutor withSudo(CommandExecutor executor) {
    return privileged(executor, "sudo", "-n");
  }

  /**
   * Puts {@code prefix} before every command's argv, for privilege tools other than doas and sudo
   * (for example {@code "sudo", "-n", "-u", "operator"}).
   */
  public static CommandExecutor privileged(CommandExecutor executor, String... prefix) {
    return new PrivilegedExecutor(executor, List.of(prefix));
  }

  /**
   * Logs every command at DEBUG with its exit code and duration, never the content of its standard
   * input or the values of its environment variables.
   */
  public static CommandExecutor logging(CommandExecutor executor) {
    return new LoggingExecutor(executor);
  }

  /**
   * Counts commands and their durations per program; read them with {@link TimingExecutor#stats()}.
   */
  public static TimingExecutor timed(CommandExecutor executor) {
    return new TimingExecutor(executor);
  }

  /** Keeps every command and result; see {@link RecordingExecutor}. */
  public static RecordingExecutor recording(CommandExecutor executor) {
    return new RecordingExecutor(executor);
  }

  /** Makes chosen commands fail; see {@link FaultInjectingExecutor}. */
  public static FaultInjectingExecutor faultInjecting(CommandExecutor executor) {
    return new FaultInjectingExecutor(executor);
  }

  /**
   * The files a decorator offers: when {@code delegate} performs file operations as commands, they
   * go through {@code decorator} so that it sees them; otherwise the delegate's own.
   */
  static HostFiles filesThrough(CommandExecutor decorator, CommandExecutor delegate) {
    checkNotNull(delegate, "delegate");
    HostFiles files = delegate.files();
    return files instanceof ShellHostFiles ? HostFiles.viaCommands(decorator) : files;
  }
}
