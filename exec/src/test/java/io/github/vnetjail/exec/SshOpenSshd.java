package io.github.vnetjail.exec;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a real OpenSSH {@code sshd} on 127.0.0.1 and a free port, with its host key and
 * config in a temporary folder, logging in the current user with the given public keys. It fails
 * (never skips) when sshd cannot run: CI installs openssh-server.
 */
final class SshOpenSshd implements AutoCloseable {
  static final Path SSHD = Path.of("/usr/sbin/sshd");

  final Path dir;
  final Path hostKey;
  final int port;
  private final Process process;
  private final Path log;

  private SshOpenSshd(Path dir, Path hostKey, int port, Process process, Path log) {
    this.dir = dir;
    this.hostKey = hostKey;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  static SshOpenSshd start(Path dir, List<Path> authorizedKeys) throws IOException {
    if (!Files.isExecutable(SSHD)) {
      throw new AssertionError(
          SSHD + " is missing: install it with `apt-get install -y openssh-server`");
    }
    // sshd's privilege separation directory; Debian creates it only in its init script.
    Files.createDirectories(Path.of("/run/sshd"));
    Path hostKey = SshKeygen.generate(dir, "ssh_host_ed25519_key", "ed25519", "");
    StringBuilder keys = new StringBuilder();
    for (Path key : authorizedKeys) {
      keys.append(SshKeygen.publicKeyLine(key)).append('\n');
    }
    Path authorized = dir.resolve("authorized_keys");
    Files.writeString(authorized, keys.toString(), StandardCharsets.UTF_8);
    Path log = dir.resolve("sshd.log");
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      Path config = writeConfig(dir, hostKey, authorized, port);
      Process p =
          new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      SshOpenSshd sshd = new SshOpenSshd(dir, hostKey, port, p, log);
      try {
        sshd.awaitBanner();
        return sshd;
      } catch (IOException e) {
        last = e; // most likely the port was taken between freePort() and sshd's bind
        sshd.close();
      }
    }
    throw new AssertionError("sshd did not start: " + last.getMessage(), last);
  }

  private static Path writeConfig(Path dir, Path hostKey, Path authorized, int port)
      throws IOException {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized,
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                "StrictModes no",
                "MaxStartups 100:30:200",
                "LogLevel VERBOSE"));
    Path config = dir.resolve("sshd_config");
    // OpenSSH 9.8+ penalises addresses whose logins fail; the refusal tests would lock out the
    // rest.
    List<String> withPenaltiesOff = new ArrayList<>(lines);
    withPenaltiesOff.add("PerSourcePenalties no");
    Files.write(config, withPenaltiesOff, StandardCharsets.UTF_8);
    if (!configAccepted(config)) {
      Files.write(config, lines, StandardCharsets.UTF_8);
    }
    return config;
  }

  private static boolean configAccepted(Path config) throws IOException {
    Process p =
        new ProcessBuilder(SSHD.toString(), "-t", "-f", config.toString())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    try {
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private void awaitBanner() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("sshd exited " + process.exitValue() + ": " + log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        byte[] banner = new byte[4];
        if (in.readNBytes(banner, 0, 4) == 4
            && new String(banner, StandardCharsets.US_ASCII).equals("SSH-")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
    throw new IOException("sshd did not answer on port " + port + ": " + log());
  }

  /** A known_hosts file that lists this server's real host key. */
  Path knownHosts(String name) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        "[127.0.0.1]:" + port + " " + SshKeygen.publicKeyLine(hostKey) + "\n",
        StandardCharsets.UTF_8);
    return file;
  }

  SshTarget target() {
    return SshTarget.builder()
        .user(System.getProperty("user.name"))
        .host("127.0.0.1")
        .port(port)
        .build();
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
