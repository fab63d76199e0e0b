package io.github.vnetjail.exec;

import io.github.vnetjail.core.internal.JailStyle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * How an {@link SshExecutor} connects: the keys it authenticates with, the known_hosts file that
 * host keys are checked against, timeouts, keepalive, and privilege escalation. Host keys are
 * verified by default; trust on first use must be asked for.
 *
 * <pre>{@code
 * SshOptions options = SshOptions.builder()
 *     .addIdentities(SshIdentity.of(Path.of("/home/ci/.ssh/id_ed25519")))
 *     .knownHosts(Path.of("/home/ci/.ssh/known_hosts"))   // the default is ~/.ssh/known_hosts
 *     .connectTimeout(Duration.ofSeconds(10))
 *     .privilege(SshPrivilege.DOAS)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JailStyle
public abstract class SshOptions {
  SshOptions() {}

  /** The private keys tried in order; at least one. */
  public abstract List<SshIdentity> identities();

  /** The known_hosts file (OpenSSH format, hashed names allowed); {@code ~/.ssh/known_hosts}. */
  @Value.Default
  public Path knownHosts() {
    return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
  }

  /**
   * What happens with a host the known_hosts file does not list; {@link SshHostKeyPolicy#STRICT}.
   */
  @Value.Default
  public SshHostKeyPolicy hostKeyPolicy() {
    return SshHostKeyPolicy.STRICT;
  }

  /** Time allowed for TCP connect, key exchange and authentication together; 30 seconds. */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(30);
  }

  /** Timeout of a command that sets none itself; 10 minutes. */
  @Value.Default
  public Duration commandTimeout() {
    return Duration.ofMinutes(10);
  }

  /** Interval of keepalive requests on an idle connection; zero turns them off; 30 seconds. */
  @Value.Default
  public Duration keepaliveInterval() {
    return Duration.ofSeconds(30);
  }

  /** Unanswered keepalive requests after which the connection counts as dead; 3. */
  @Value.Default
  public int keepaliveMaxMissed() {
    return 3;
  }

  /** How commands gain root; {@link SshPrivilege#NONE}. */
  @Value.Default
  public SshPrivilege privilege() {
    return SshPrivilege.NONE;
  }

  /**
   * Commands run at the same time over the one connection; more wait. 8, below OpenSSH's default
   * {@code MaxSessions 10}, beyond which sshd refuses new channels.
   */
  @Value.Default
  public int maxConcurrentCommands() {
    return 8;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SshOptions}. */
  public static final class Builder extends ImmutableSshOptions.Builder {}

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (identities().isEmpty()) {
      problems.add(
          "identities is empty; add a key: SshOptions.builder().addIdentities(SshIdentity.of(path))");
    }
    requirePositive(problems, "connectTimeout", connectTimeout());
    requirePositive(problems, "commandTimeout", commandTimeout());
    if (keepaliveInterval().isNegative()) {
      problems.add("keepaliveInterval must be zero (off) or positive, got " + keepaliveInterval());
    }
    if (keepaliveMaxMissed() < 1) {
      problems.add("keepaliveMaxMissed must be at least 1, got " + keepaliveMaxMissed());
    }
    if (maxConcurrentCommands() < 1) {
      problems.add("maxConcurrentCommands must be at least 1, got " + maxConcurrentCommands());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid SshOptions: " + String.join("; ", problems));
    }
  }

  private static void requirePositive(List<String> problems, String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      problems.add(name + " must be positive, got " + value);
    }
  }
}
