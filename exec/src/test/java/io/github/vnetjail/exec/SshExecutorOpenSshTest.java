package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSH executor against a real OpenSSH sshd on 127.0.0.1, started by the test with keys made by
 * ssh-keygen. These tests fail, never skip, when sshd cannot run.
 */
class SshExecutorOpenSshTest {
  private static final String PASSPHRASE = "correct horse battery staple";

  @TempDir static Path dir;

  private static SshOpenSshd sshd;
  private static Path ed25519;
  private static Path ecdsa;
  private static Path rsa;
  private static Path locked;
  private static Path stranger;
  private static Path knownHosts;
  private static SshExecutor ssh;

  @BeforeAll
  static void startSshd() throws IOException {
    ed25519 = SshKeygen.generate(dir, "id_ed25519", "ed25519", "");
    ecdsa = SshKeygen.generate(dir, "id_ecdsa", "ecdsa", "");
    rsa = SshKeygen.generate(dir, "id_rsa", "rsa", "");
    locked = SshKeygen.generate(dir, "id_locked", "ed25519", PASSPHRASE);
    stranger = SshKeygen.generate(dir, "id_stranger", "ed25519", "");
    sshd = SshOpenSshd.start(dir, List.of(ed25519, ecdsa, rsa, locked));
    knownHosts = sshd.knownHosts("known_hosts");
    ssh = executor(options(SshIdentity.of(ed25519)).build());
  }

  @AfterAll
  static void stopSshd() {
    if (ssh != null) {
      ssh.close();
    }
    if (sshd != null) {
      sshd.close();
    }
  }

  private static SshOptions.Builder options(SshIdentity identity) {
    return SshOptions.builder()
        .addIdentities(identity)
        .knownHosts(knownHosts)
        .connectTimeout(Duration.ofSeconds(20));
  }

  private static SshExecutor executor(SshOptions options) {
    return SshExecutor.builder().target(sshd.target()).options(options).build();
  }

  @Test
  void runsACommandAndReturnsItsOutput() {
    ExecResult r = ssh.execute(Command.of("echo", "hello", "world"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("hello world\n");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.timedOut()).isFalse();
  }

  @Test
  void returnsStderrAndTheRemoteExitCode() {
    ExecResult r = ssh.execute(Command.of("sh", "-c", "echo out; echo oops >&2; exit 3"));

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("oops\n");
    assertThatThrownBy(r::requireSuccess).hasMessageContaining("exited with code 3: oops");
  }

  @Test
  void reportsACommandKilledByASignalAs128PlusTheSignal() {
    ExecResult r = ssh.execute(Command.of("sh", "-c", "kill -TERM $$"));

    assertThat(r.exitCode()).isEqualTo(128 + 15);
  }

  @Test
  void hostileArgumentsArriveIntact() {
    List<String> values = SshHostileStrings.generate(20261204L, 400);
    for (int from = 0; from < values.size(); from += 25) {
      List<String> chunk = values.subList(from, Math.min(from + 25, values.size()));
      List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
      argv.addAll(chunk);

      ExecResult r = ssh.execute(Command.of(argv)).requireSuccess();

      assertThat(splitNul(r.stdout())).as("values %s..", from).containsExactlyElementsOf(chunk);
    }
  }

  @Test
  void hostileEnvironmentValuesAndStdinArriveIntact() {
    for (String value : SshHostileStrings.generate(42L, 60)) {
      ExecResult env =
          ssh.execute(
              Command.builder()
                  .addArgv("sh", "-c", "printf '%s' \"$VNETJAIL_VALUE\"")
                  .putEnvironment("VNETJAIL_VALUE", value)
                  .build());
      ExecResult cat = ssh.execute(Command.builder().addArgv("cat").stdin(value).build());

      assertThat(env.stdout()).isEqualTo(value);
      assertThat(cat.stdout()).isEqualTo(value);
    }
  }

  @Test
  void closesStdinSoACommandThatReadsItEnds() {
    ExecResult r = ssh.execute(Command.of("cat"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void aTimeoutEndsAHangingCommandAndTheConnectionStaysUsable() {
    int before = ssh.connectionsOpened();

    ExecResult r =
        ssh.execute(
            Command.builder()
                .addArgv("sh", "-c", "echo started; exec sleep 60")
                // long enough for a busy sshd to start the shell; the command hangs far longer
                .timeout(Duration.ofSeconds(5))
                .build());

    assertThat(r.timedOut()).isTrue();
    assertThat(r.exitCode()).isEqualTo(124);
    assertThat(r.stdout()).isEqualTo("started\n");
    assertThat(ssh.execute(Command.of("echo", "after")).stdout()).isEqualTo("after\n");
    assertThat(ssh.connectionsOpened()).isEqualTo(before);
  }

  @Test
  void aTimeoutKillsTheRemoteCommandAndItsChildren() throws InterruptedException {
    // sshd runs on this machine, so the remote processes are visible here
    String marker = "29." + (1000 + new java.util.Random().nextInt(9000));

    ExecResult r =
        ssh.execute(
            Command.builder()
                .addArgv("sh", "-c", "sleep " + marker + "; echo never")
                .timeout(Duration.ofSeconds(2))
                .build());

    assertThat(r.timedOut()).isTrue();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (processesWith(marker) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(processesWith(marker)).as("processes running 'sleep %s'", marker).isZero();
  }

  private static long processesWith(String marker) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("sleep " + marker)).orElse(false))
        .count();
  }

  @Test
  void reusesOneConnectionForManyCommands() {
    try (SshExecutor fresh = executor(options(SshIdentity.of(ed25519)).build())) {
      for (int i = 0; i < 30; i++) {
        assertThat(fresh.execute(Command.of("echo", Integer.toString(i))).stdout())
            .isEqualTo(i + "\n");
      }
      assertThat(fresh.connectionsOpened()).isEqualTo(1);
      assertThat(fresh.roundTrips()).isEqualTo(30);
    }
  }

  @Test
  void refusesAHostWhoseKeyDiffersFromKnownHosts() throws IOException {
    Path impostor = SshKeygen.generate(dir, "impostor_host_key", "ed25519", "");
    Path wrong = dir.resolve("known_hosts_wrong");
    Files.writeString(
        wrong, "[127.0.0.1]:" + sshd.port + " " + SshKeygen.publicKeyLine(impostor) + "\n");
    String realFingerprint = SshKeygen.fingerprint(Path.of(sshd.hostKey + ".pub"));

    try (SshExecutor e = executor(options(SshIdentity.of(ed25519)).knownHosts(wrong).build())) {
      assertThatThrownBy(() -> e.execute(Command.of("echo", "never")))
          .isInstanceOf(SshHostKeyException.class)
          .hasMessageContaining("HOST KEY CHANGED")
          .hasMessageContaining("[127.0.0.1]:" + sshd.port)
          .hasMessageContaining(realFingerprint)
          .hasMessageContaining("ssh-keygen -R");
    }
  }

  @Test
  void refusesAnUnknownHostByDefault() {
    Path empty = dir.resolve("known_hosts_missing");

    try (SshExecutor e = executor(options(SshIdentity.of(ed25519)).knownHosts(empty).build())) {
      assertThatThrownBy(e::connect)
          .isInstanceOf(SshHostKeyException.class)
          .hasMessageContaining("is not known")
          .hasMessageContaining("TRUST_ON_FIRST_USE");
    }
    assertThat(empty).doesNotExist();
  }

  @Test
  void trustOnFirstUseRecordsTheKeyWhichThenVerifies() throws IOException {
    Path file = dir.resolve("tofu").resolve("known_hosts");
    SshOptions tofu =
        options(SshIdentity.of(ed25519))
            .knownHosts(file)
            .hostKeyPolicy(SshHostKeyPolicy.TRUST_ON_FIRST_USE)
            .build();

    try (SshExecutor e = executor(tofu)) {
      assertThat(e.execute(Command.of("echo", "first")).stdout()).isEqualTo("first\n");
    }

    String hostKey = SshKeygen.publicKeyLine(sshd.hostKey).split(" ")[1];
    assertThat(Files.readString(file))
        .startsWith("[127.0.0.1]:" + sshd.port + " ssh-ed25519 " + hostKey);
    try (SshExecutor strict = executor(options(SshIdentity.of(ed25519)).knownHosts(file).build())) {
      assertThat(strict.execute(Command.of("echo", "again")).stdout()).isEqualTo("again\n");
    }
  }

  @Test
  void refusesAClientKeyTheServerDoesNotKnow() {
    try (SshExecutor e = executor(options(SshIdentity.of(stranger)).build())) {
      assertThatThrownBy(e::connect)
          .isInstanceOf(SshAuthenticationException.class)
          .hasMessageContaining("refused the keys")
          .hasMessageContaining(stranger.toString())
          .hasMessageContaining("authorized_keys");
    }
  }

  @Test
  void logsInWithAPassphraseProtectedKey() {
    try (SshExecutor e = executor(options(SshIdentity.of(locked, PASSPHRASE)).build())) {
      assertThat(e.execute(Command.of("echo", "unlocked")).stdout()).isEqualTo("unlocked\n");
    }
  }

  @Test
  void reportsAWrongPassphraseWithoutRevealingIt() {
    try (SshExecutor e = executor(options(SshIdentity.of(locked, "wrong-secret")).build())) {
      assertThatThrownBy(e::connect)
          .isInstanceOf(SshAuthenticationException.class)
          .hasMessageContaining(locked.toString())
          .hasMessageContaining("wrong passphrase")
          .hasMessageNotContaining("wrong-secret");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"id_ed25519", "id_ecdsa", "id_rsa"})
  void logsInWithEachKeyType(String keyName) {
    try (SshExecutor e = executor(options(SshIdentity.of(dir.resolve(keyName))).build())) {
      assertThat(e.execute(Command.of("echo", keyName)).stdout()).isEqualTo(keyName + "\n");
    }
  }

  @Test
  void uploadsAtomicallyAndKeepsThePreviousVersion() throws IOException {
    Path target = dir.resolve("etc").resolve("jail.conf.d").resolve("web.conf");
    String v1 = "web {\n  vnet;\n}\n";
    String v2 = "web {\n  $ip = \"192.168.1.154/24\"; # it's `new`\n}\n";

    ssh.files().writeAtomically(target.toString(), v1);
    Object inode1 = Files.getAttribute(target, "unix:ino");
    ssh.files().writeAtomically(target.toString(), v2);
    Object inode2 = Files.getAttribute(target, "unix:ino");

    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(v2);
    assertThat(Files.readString(Path.of(target + ".bak"), StandardCharsets.UTF_8)).isEqualTo(v1);
    assertThat(inode2).as("replaced by rename, not rewritten in place").isNotEqualTo(inode1);
    assertThat(ssh.files().read(target.toString())).contains(v2);
    try (Stream<Path> left = Files.list(target.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("web.conf", "web.conf.bak");
    }
  }

  @Test
  void aFailedUploadLeavesTheTargetAsItWas() throws IOException {
    Path target = dir.resolve("readonly-dir").resolve("rc.conf");
    ssh.files().writeAtomically(target.toString(), "old\n");
    // rc.conf.bak/rc.conf a directory: cp cannot write the backup, so the script stops early
    Files.createDirectories(Path.of(target + ".bak", "rc.conf"));

    assertThatThrownBy(() -> ssh.files().writeAtomically(target.toString(), "new\n"))
        .isInstanceOf(CommandFailedException.class);
    assertThat(Files.readString(target)).isEqualTo("old\n");
    try (Stream<Path> left = Files.list(target.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("rc.conf", "rc.conf.bak");
    }
  }

  @Test
  void runsABatchInOneRoundTripWithSeparateResults() {
    List<Command> start =
        List.of(
            Command.of("echo", "ifconfig epair154 create up"),
            Command.of("sh", "-c", "echo to-stderr >&2"),
            Command.builder().addArgv("cat").stdin("stdin's $(payload)\nline2").build(),
            Command.builder()
                .addArgv("sh", "-c", "printf '%s' \"$GW\"")
                .putEnvironment("GW", "192.168.1.1")
                .build(),
            Command.of("printf", "%s", "no newline"));
    int before = ssh.roundTrips();

    List<ExecResult> results = ssh.executeBatch(start);

    assertThat(ssh.roundTrips() - before).isEqualTo(1);
    assertThat(results).hasSize(5);
    assertThat(results).allMatch(ExecResult::isSuccess);
    assertThat(results.get(0).stdout()).isEqualTo("ifconfig epair154 create up\n");
    assertThat(results.get(1).stdout()).isEmpty();
    assertThat(results.get(1).stderr()).isEqualTo("to-stderr\n");
    assertThat(results.get(2).stdout()).isEqualTo("stdin's $(payload)\nline2");
    assertThat(results.get(3).stdout()).isEqualTo("192.168.1.1");
    assertThat(results.get(4).stdout()).isEqualTo("no newline");
    assertThat(results.get(4).command()).isEqualTo(start.get(4));
  }

  @Test
  void aBatchStopsAtTheFirstFailingCommand() {
    List<ExecResult> results =
        ssh.executeBatch(
            List.of(
                Command.of("true"),
                Command.of("sh", "-c", "echo broken >&2; exit 7"),
                Command.of("echo", "never")));

    assertThat(results).hasSize(2);
    assertThat(results.get(1).exitCode()).isEqualTo(7);
    assertThat(results.get(1).stderr()).isEqualTo("broken\n");
  }

  @Test
  void hostileArgumentsArriveIntactInABatch() {
    List<String> values = SshHostileStrings.generate(7L, 200);
    List<Command> commands = new ArrayList<>();
    for (String v : values) {
      commands.add(Command.of("printf", "%s", v));
    }

    List<ExecResult> results = ssh.executeBatch(commands);

    assertThat(results).extracting(ExecResult::stdout).containsExactlyElementsOf(values);
  }

  private static List<String> splitNul(String s) {
    if (s.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(s.substring(0, s.length() - 1).split("\0", -1));
  }
}
