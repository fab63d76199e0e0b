package io.github.vnetjail.examples.host;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.VnetJailException;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.CommandExecutors;
import io.github.vnetjail.exec.SimulatedHost;
import java.net.URI;
import java.net.URISyntaxException;

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
    return SshClientExecutor.create(
        uri.getUserInfo() == null ? "root" : uri.getUserInfo(),
        uri.getHost(),
        uri.getPort() < 0 ? 22 : uri.getPort());
  }
}
