package io.github.vnetjail.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * Test helper: MINA's in-JVM SSH server on 127.0.0.1. It runs each exec request with {@code /bin/sh
 * -c LINE} (as sshd runs it with the login shell), records the lines it received and the keepalive
 * requests, and can drop every connection.
 */
final class SshMinaServer implements AutoCloseable {
  final SshServer server;

  /** The ECDSA host key, which MINA's client asks for first by default. */
  final KeyPair hostKey;

  /** A second host key, ed25519. */
  final KeyPair ed25519HostKey;

  final List<String> commandLines = new CopyOnWriteArrayList<>();
  final AtomicInteger keepalives = new AtomicInteger();
  final AtomicInteger sessionsOpened = new AtomicInteger();

  private SshMinaServer(SshServer server, KeyPair hostKey, KeyPair ed25519HostKey) {
    this.server = server;
    this.hostKey = hostKey;
    this.ed25519HostKey = ed25519HostKey;
  }

  static SshMinaServer start(Path authorizedKeys) throws IOException, GeneralSecurityException {
    SshServer server = SshServer.setUpDefaultServer();
    KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    KeyPair ed25519 = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    SshMinaServer mina = new SshMinaServer(server, hostKey, ed25519);
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey, ed25519));
    server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
    server.setCommandFactory(
        (channel, line) -> {
          mina.commandLines.add(line);
          return new ProcessShellFactory(line, List.of("/bin/sh", "-c", line)).createShell(channel);
        });
    RequestHandler<ConnectionService> keepalive =
        (connection, request, wantReply, buffer) -> {
          if (request.startsWith("keepalive@")) {
            mina.keepalives.incrementAndGet();
            return RequestHandler.Result.ReplySuccess;
          }
          return RequestHandler.Result.Unsupported;
        };
    server.setGlobalRequestHandlers(List.of(keepalive));
    server.addSessionListener(
        new org.apache.sshd.common.session.SessionListener() {
          @Override
          public void sessionCreated(org.apache.sshd.common.session.Session session) {
            mina.sessionsOpened.incrementAndGet();
          }
        });
    server.start();
    return mina;
  }

  /** The pid report the executor puts before every line. */
  static final java.util.regex.Pattern PID_PREFIX =
      java.util.regex.Pattern.compile(
          "^printf '%s %s\\\\n' vnetjail-pid-[0-9a-f]{16} \\$\\$ >&2; ");

  /** The received lines without the executor's pid report; each line must start with it. */
  List<String> commands() {
    List<String> stripped = new java.util.ArrayList<>();
    for (String line : commandLines) {
      java.util.regex.Matcher m = PID_PREFIX.matcher(line);
      if (!m.find()) {
        throw new AssertionError("line without pid report: " + line);
      }
      stripped.add(line.substring(m.end()));
    }
    return stripped;
  }

  int port() {
    return server.getPort();
  }

  /** A known_hosts file listing this server's ECDSA host key. */
  Path knownHosts(Path file) throws IOException {
    return knownHosts(file, hostKey);
  }

  /** A known_hosts file listing one of this server's host keys. */
  Path knownHosts(Path file, KeyPair key) throws IOException {
    Files.writeString(
        file,
        "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key.getPublic()) + "\n",
        StandardCharsets.UTF_8);
    return file;
  }

  SshTarget target() {
    return SshTarget.builder().user("tester").host("127.0.0.1").port(port()).build();
  }

  /** Closes every connection from the server side, as a restarted sshd or a NAT timeout would. */
  void dropConnections() {
    server.getActiveSessions().forEach(s -> s.close(true));
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
