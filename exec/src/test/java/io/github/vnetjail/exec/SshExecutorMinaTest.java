package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH executor against MINA's in-JVM server, which records what arrives on the wire. */
class SshExecutorMinaTest {
  @TempDir static Path dir;

  private static SshMinaServer mina;
  private static Path key;
  private static Path knownHosts;

  @BeforeAll
  static void startServer() throws IOException, GeneralSecurityException {
    key = SshKeygen.generate(dir, "id_ed25519", "ed25519", "");
    Path authorized = dir.resolve("authorized_keys");
    Files.writeString(authorized, SshKeygen.publicKeyLine(key) + "\n");
    mina = SshMinaServer.start(authorized);
    knownHosts = mina.knownHosts(dir.resolve("known_hosts"));
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (mina != null) {
      mina.close();
    }
  }

  @BeforeEach
  void forget() {
    mina.commandLines.clear();
  }

  private static SshOptions.Builder options() {
    return SshOptions.builder()
        .addIdentities(SshIdentity.of(key))
        .knownHosts(knownHosts)
        .connectTimeout(Duration.ofSeconds(20));
  }

  private static SshExecutor executor(SshOptions options) {
    return SshExecutor.builder().target(mina.target()).options(options).build();
  }

  @Test
  void sendsArgvQuotedByShellQuotingWithEnvironmentAsEnvWords() {
    try (SshExecutor ssh = executor(options().build())) {
      ExecResult r =
          ssh.execute(
              Command.builder()
                  .addArgv("printf", "%s|%s", "it's", "$(id)")
                  .putEnvironment("A", "x y")
                  .build());

      assertThat(r.stdout()).isEqualTo("it's|$(id)");
      assertThat(mina.commands()).containsExactly("env 'A=x y' printf '%s|%s' 'it'\\''s' '$(id)'");
      assertThat(r.stderr()).as("the pid report is removed").isEmpty();
    }
  }

  @Test
  void prefixesEveryCommandAndBatchWithDoasOrSudo() {
    try (SshExecutor doas = executor(options().privilege(SshPrivilege.DOAS).build());
        SshExecutor sudo = executor(options().privilege(SshPrivilege.SUDO).build())) {
      doas.execute(Command.of("jls", "-N"));
      sudo.execute(Command.of("jls", "-N"));
      doas.executeBatch(List.of(Command.of("jls"), Command.of("ifconfig", "-l")));

      assertThat(mina.commands())
          .containsExactly("doas -n -- jls -N", "sudo -n -- jls -N", "doas -n -- /bin/sh -s");
    }
  }

  @Test
  void rejectsAnEnvironmentNameThatEnvWouldReadAsAnOption() {
    try (SshExecutor ssh = executor(options().build())) {
      // "env -i=x prog" would clear the environment instead of setting a variable
      Command bad = Command.builder().addArgv("true").putEnvironment("-i", "x").build();

      assertThatThrownBy(() -> ssh.execute(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"-i\"");
      assertThat(mina.commandLines).isEmpty();
    }
  }

  @Test
  void runsManyCommandsAtOnceOverOneConnection() throws Exception {
    int sessionsBefore = mina.sessionsOpened.get();
    try (SshExecutor ssh = executor(options().maxConcurrentCommands(3).build())) {
      ExecutorService pool = Executors.newFixedThreadPool(10);
      try {
        List<Future<ExecResult>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          String n = Integer.toString(i);
          Callable<ExecResult> task = () -> ssh.execute(Command.of("echo", n));
          futures.add(pool.submit(task));
        }
        for (int i = 0; i < 40; i++) {
          assertThat(futures.get(i).get(60, TimeUnit.SECONDS).stdout()).isEqualTo(i + "\n");
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(ssh.connectionsOpened()).isEqualTo(1);
    }
    assertThat(mina.sessionsOpened.get() - sessionsBefore).isEqualTo(1);
  }

  @Test
  void reconnectsWhenTheServerDropsTheConnection() {
    try (SshExecutor ssh = executor(options().build())) {
      assertThat(ssh.execute(Command.of("echo", "one")).stdout()).isEqualTo("one\n");

      mina.dropConnections();
      awaitClosed(ssh);

      assertThat(ssh.execute(Command.of("echo", "two")).stdout()).isEqualTo("two\n");
      assertThat(ssh.connectionsOpened()).isEqualTo(2);
    }
  }

  @Test
  void sendsKeepaliveRequestsOnAnIdleConnection() throws InterruptedException {
    try (SshExecutor ssh = executor(options().keepaliveInterval(Duration.ofMillis(100)).build())) {
      ssh.connect();
      int before = mina.keepalives.get();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (mina.keepalives.get() - before < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertThat(mina.keepalives.get() - before).isGreaterThanOrEqualTo(3);
      assertThat(ssh.execute(Command.of("echo", "alive")).stdout()).isEqualTo("alive\n");
    }
  }

  @Test
  void aTimeoutEndsAHangingCommand() {
    try (SshExecutor ssh = executor(options().build())) {
      ExecResult r =
          ssh.execute(
              Command.builder()
                  .addArgv("sh", "-c", "echo waiting; sleep 30")
                  .timeout(Duration.ofSeconds(2))
                  .build());

      assertThat(r.timedOut()).isTrue();
      assertThat(r.exitCode()).isEqualTo(124);
      assertThat(r.stdout()).isEqualTo("waiting\n");
    }
  }

  @Test
  void aBatchCutOffByItsTimeoutReportsTheRunningCommandAsTimedOut() {
    try (SshExecutor ssh = executor(options().build())) {
      List<ExecResult> results =
          ssh.executeBatch(
              List.of(
                  Command.of("echo", "done"),
                  Command.builder()
                      .addArgv("sh", "-c", "echo partial; sleep 30")
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  Command.of("echo", "never")));

      assertThat(results).hasSize(2);
      assertThat(results.get(0).stdout()).isEqualTo("done\n");
      assertThat(results.get(0).isSuccess()).isTrue();
      assertThat(results.get(1).timedOut()).isTrue();
      assertThat(results.get(1).exitCode()).isEqualTo(124);
      assertThat(results.get(1).stdout()).isEqualTo("partial\n");
    }
  }

  @Test
  void refusesAMismatchedHostKeyAndNamesBothFingerprints() throws Exception {
    Path wrong = dir.resolve("known_hosts_wrong");
    Path other = SshKeygen.generate(dir, "other_host", "ecdsa", "");
    Files.writeString(wrong, "[127.0.0.1]:" + mina.port() + " " + SshKeygen.publicKeyLine(other));

    try (SshExecutor ssh = executor(options().knownHosts(wrong).build())) {
      assertThatThrownBy(ssh::connect)
          .isInstanceOf(SshHostKeyException.class)
          .hasMessageContaining("HOST KEY CHANGED")
          .hasMessageContaining(SshKeygen.fingerprint(Path.of(other + ".pub")))
          .hasMessageContaining(
              org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(mina.hostKey.getPublic()));
    }
  }

  @Test
  void acceptsAHashedKnownHostsEntry() throws Exception {
    Path hashed = dir.resolve("known_hosts_hashed");
    Files.copy(knownHosts, hashed);
    SshKeygen.run(List.of("ssh-keygen", "-H", "-f", hashed.toString()));
    assertThat(Files.readString(hashed)).startsWith("|1|");

    try (SshExecutor ssh = executor(options().knownHosts(hashed).build())) {
      assertThat(ssh.execute(Command.of("echo", "ok")).stdout()).isEqualTo("ok\n");
    }
  }

  @Test
  void asksForTheHostKeyTypeThatKnownHostsLists() throws Exception {
    // MINA's client would ask for ECDSA first; the file knows only the ed25519 key
    Path onlyEd25519 = mina.knownHosts(dir.resolve("known_hosts_ed25519"), mina.ed25519HostKey);

    try (SshExecutor ssh = executor(options().knownHosts(onlyEd25519).build())) {
      assertThat(ssh.execute(Command.of("echo", "ok")).stdout()).isEqualTo("ok\n");
    }
  }

  @Test
  void refusesARevokedHostKey() throws Exception {
    Path revoked = dir.resolve("known_hosts_revoked");
    String line = Files.readString(knownHosts).strip();
    Files.writeString(revoked, "@revoked " + line + "\n" + line + "\n");

    try (SshExecutor ssh = executor(options().knownHosts(revoked).build())) {
      assertThatThrownBy(ssh::connect)
          .isInstanceOf(SshHostKeyException.class)
          .hasMessageContaining("@revoked");
    }
  }

  @Test
  void trustOnFirstUseStillRefusesAChangedKey() throws Exception {
    Path wrong = dir.resolve("known_hosts_tofu_wrong");
    Path other = SshKeygen.generate(dir, "other_host2", "ecdsa", "");
    Files.writeString(wrong, "[127.0.0.1]:" + mina.port() + " " + SshKeygen.publicKeyLine(other));
    String before = Files.readString(wrong);

    SshOptions tofu =
        options().knownHosts(wrong).hostKeyPolicy(SshHostKeyPolicy.TRUST_ON_FIRST_USE).build();
    try (SshExecutor ssh = executor(tofu)) {
      assertThatThrownBy(ssh::connect).isInstanceOf(SshHostKeyException.class);
    }
    assertThat(Files.readString(wrong)).isEqualTo(before);
  }

  @Test
  void reportsAnUnreachableHostWithTheTargetAndAFix() throws IOException {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    SshTarget nowhere = SshTarget.builder().user("root").host("127.0.0.1").port(closedPort).build();

    try (SshExecutor ssh =
        SshExecutor.builder().target(nowhere).options(options().build()).build()) {
      assertThatThrownBy(() -> ssh.execute(Command.of("true")))
          .isInstanceOf(SshConnectionException.class)
          .hasMessageContaining("cannot connect to root@127.0.0.1:" + closedPort)
          .hasMessageContaining("check that sshd runs there");
    }
  }

  @Test
  void refusesToRunAfterClose() {
    SshExecutor ssh = executor(options().build());
    ssh.execute(Command.of("true"));
    ssh.close();

    assertThatThrownBy(() -> ssh.execute(Command.of("true")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static void awaitClosed(SshExecutor ssh) {
    // the drop is asynchronous; the executor notices it at the next command either way
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (mina.server.getActiveSessions().size() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }
}
