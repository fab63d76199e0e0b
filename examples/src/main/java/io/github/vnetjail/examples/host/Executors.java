package io.github.vnetjail.examples.host;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.VnetJailException;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.CommandExecutors;
import io.github.vnetjail.exec.SimulatedHost;
import io.github.vnetjail.exec.SshExecutor;
import io.github.vnetjail.exec.SshIdentity;
import io.github.vnetjail.exec.SshOptions;
import io.github.vnetjail.exec.SshTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the {@code --executor} words of the examples and the CLI into an executor: {@code
 * simulated} (an in-memory FreeBSD host with {@code em0}, the default), {@code local} (this
 * machine, which must be FreeBSD, as root), {@code dry-run} (records what would run) or {@code
 * ssh://user@host[:port]}.
 *
 * <pre>{@code
 * try (CommandExecutor exec = Executors.parse(args.length > 0 ? args[0] : "simulated")) { ... }
 * }</pre>
 */
public final class Executors {
  private Executors() {}

  /** The words {@link #parse} accepts, for help texts. */
  public static final String CHOICES = "simulated|local|dry-run|ssh://user@host[:port]";

  /**
   * Returns a new executor for {@code spec}.
   *
   * @throws VnetJailException if {@code spec} is none of {@link #CHOICES}
   */
  public static CommandExecutor parse(String spec) {
    checkNotNull(spec, "spec");
    switch (spec) {
      case "simulated":
        return SimulatedHost.create();
      case "local":
        return CommandExecutors.local();
      case "dry-run":
        return CommandExecutors.dryRun();
      default:
        if (spec.startsWith("ssh://")) {
          return ssh(spec);
        }
        throw new VnetJailException("unknown executor \"" + spec + "\"; use one of " + CHOICES);
    }
  }

  private static CommandExecutor ssh(String spec) {
    URI uri;
    try {
      uri = new URI(spec);
    } catch (URISyntaxException e) {
      throw new VnetJailException(
          "bad executor \"" + spec + "\": " + e.getMessage() + "; use ssh://user@host[:port]", e);
    }
    if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
      throw new VnetJailException(
          "bad executor \"" + spec + "\": no host; use ssh://user@host[:port]");
    }
    String target =
        (uri.getUserInfo() == null ? "root" : uri.getUserInfo())
            + "@"
            + uri.getHost()
            + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    return SshExecutor.create(SshTarget.parse(target), sshOptions());
  }

  /**
   * The user's usual keys ({@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}, those that
   * exist) and {@code ~/.ssh/known_hosts}: host keys are checked, never accepted blindly.
   */
  static SshOptions sshOptions() {
    SshOptions.Builder b = SshOptions.builder();
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
    for (String key : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
      if (Files.isRegularFile(ssh.resolve(key))) {
        b.addIdentities(SshIdentity.of(ssh.resolve(key)));
      }
    }
    return b.build();
  }
}
