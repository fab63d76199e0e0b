package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.internal.JailStyle;
import org.immutables.value.Value;

/**
 * The host an {@link SshExecutor} logs in to: user, host name or address, and port.
 *
 * <pre>{@code
 * SshTarget t = SshTarget.parse("root@jails.example.org:2222");
 * SshTarget u = SshTarget.builder().user("admin").host("192.168.1.10").build(); // port 22
 * }</pre>
 */
@Value.Immutable
@JailStyle
public abstract class SshTarget {
  SshTarget() {}

  /** The user to log in as. */
  public abstract String user();

  /** The host name or IP address (an IPv6 address without brackets). */
  public abstract String host();

  /** The TCP port of the SSH server; 22 unless set. */
  @Value.Default
  public int port() {
    return 22;
  }

  /**
   * Parses {@code user@host}, {@code user@host:port} or {@code user@[v6addr]:port}.
   *
   * @throws IllegalArgumentException if the user or host is missing or the port is not a number
   */
  public static SshTarget parse(String spec) {
    checkNotNull(spec, "spec");
    int at = spec.lastIndexOf('@');
    checkArgument(at > 0, "SSH target \"%s\" must be user@host[:port], e.g. root@192.0.2.1", spec);
    String user = spec.substring(0, at);
    String rest = spec.substring(at + 1);
    String host = rest;
    Integer port = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      checkArgument(close > 0, "SSH target \"%s\" has an unclosed [ in the host", spec);
      host = rest.substring(1, close);
      String tail = rest.substring(close + 1);
      if (!tail.isEmpty()) {
        checkArgument(tail.startsWith(":"), "SSH target \"%s\": expected :port after ]", spec);
        port = parsePort(spec, tail.substring(1));
      }
    } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
      int colon = rest.indexOf(':');
      host = rest.substring(0, colon);
      port = parsePort(spec, rest.substring(colon + 1));
    }
    Builder b = builder().user(user).host(host);
    if (port != null) {
      b.port(port);
    }
    return b.build();
  }

  private static int parsePort(String spec, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "SSH target \"" + spec + "\": port \"" + text + "\" is not a number", e);
    }
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link SshTarget}. */
  public static final class Builder extends ImmutableSshTarget.Builder {}

  @Value.Check
  void check() {
    checkArgument(!user().isEmpty(), "SSH user must not be empty");
    checkArgument(!host().isEmpty(), "SSH host must not be empty");
    checkArgument(
        host().chars().noneMatch(c -> c <= ' ' || c == '@' || c == '/'),
        "SSH host \"%s\" holds a space, control character, @ or /",
        host());
    checkArgument(
        user().chars().noneMatch(c -> c < ' ' || c == 0x7f),
        "SSH user \"%s\" holds a control character",
        user());
    checkArgument(port() > 0 && port() < 65536, "SSH port %s is not in 1..65535", port());
  }

  /** The address as known_hosts writes it: {@code host} on port 22, else {@code [host]:port}. */
  public final String knownHostsName() {
    return port() == 22 ? host() : "[" + host() + "]:" + port();
  }

  @Override
  public String toString() {
    return user() + "@" + (host().indexOf(':') >= 0 ? "[" + host() + "]" : host()) + ":" + port();
  }
}
