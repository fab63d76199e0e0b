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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetTest {
  /** An executor that answers every command with its host name, or fails for "down" hosts. */
  private static CommandExecutor fake(String name, AtomicInteger closed) {
    return new CommandExecutor() {
      @Override
      public ExecResult execute(Command command) {
        if (name.startsWith("down")) {
          throw new SshConnectionException("cannot connect to " + name);
        }
        int exit = name.startsWith("broken") ? 1 : 0;
        return ExecResult.builder()
            .command(command)
            .exitCode(exit)
            .stdout(name)
            .stderr(exit == 0 ? "" : "jail: no such jail")
            .build();
      }

      @Override
      public void close() {
        closed.incrementAndGet();
      }
    };
  }

  @Test
  void runsOnEveryHostAndReportsEachInHostOrder() {
    AtomicInteger closed = new AtomicInteger();
    Fleet.Builder b = Fleet.builder().maxParallel(3);
    for (int i = 0; i < 12; i++) {
      b.addHost("h" + i, fake("h" + i, closed));
    }

    try (Fleet fleet = b.build()) {
      FleetResult<ExecResult> r = fleet.execute(Command.of("hostname"));

      assertThat(r.allSucceeded()).isTrue();
      assertThat(r.results())
          .extracting(FleetHostResult::host)
          .containsExactlyElementsOf(fleet.hosts());
      assertThat(r.values().values())
          .extracting(ExecResult::stdout)
          .containsExactlyElementsOf(fleet.hosts());
    }
    assertThat(closed).hasValue(12);
  }

  @Test
  void reportsPartialFailurePerHostWhileTheOthersSucceed() {
    AtomicInteger closed = new AtomicInteger();
    try (Fleet fleet =
        Fleet.builder()
            .addHost("web1", fake("web1", closed))
            .addHost("down1", fake("down1", closed))
            .addHost("broken1", fake("broken1", closed))
            .addHost("web2", fake("web2", closed))
            .build()) {
      FleetResult<ExecResult> r = fleet.execute(Command.of("jail", "-c", "web"));

      assertThat(r.allSucceeded()).isFalse();
      assertThat(r.successes()).extracting(FleetHostResult::host).containsExactly("web1", "web2");
      assertThat(r.failures())
          .extracting(FleetHostResult::host)
          .containsExactly("down1", "broken1");
      assertThat(r.result("down1").failure()).get().isInstanceOf(SshConnectionException.class);
      assertThat(r.result("broken1").failure())
          .get()
          .isInstanceOfSatisfying(
              CommandFailedException.class, e -> assertThat(e.result().exitCode()).isEqualTo(1));
      assertThatThrownBy(r::requireAllSucceeded)
          .isInstanceOf(FleetException.class)
          .hasMessageContaining("2 of 4 hosts failed")
          .hasMessageContaining("down1: cannot connect to down1")
          .hasMessageContaining("broken1: command \"jail -c web\" exited with code 1")
          .satisfies(e -> assertThat(((FleetException) e).failures()).hasSize(2));
    }
  }

  @Test
  void neverRunsMoreHostsAtOnceThanTheBound() {
    int bound = 3;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch full = new CountDownLatch(1);
    AtomicInteger closed = new AtomicInteger();
    Fleet.Builder b = Fleet.builder().maxParallel(bound);
    for (int i = 0; i < 10; i++) {
      b.addHost("h" + i, fake("h" + i, closed));
    }

    try (Fleet fleet = b.build()) {
      FleetResult<Integer> r =
          fleet.run(
              exec -> {
                int now = running.incrementAndGet();
                peak.accumulateAndGet(now, Math::max);
                if (now == bound) {
                  full.countDown();
                }
                try {
                  // hold the slot until the bound was reached once, so overlap is certain
                  full.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return now;
              });

      assertThat(r.allSucceeded()).isTrue();
    }
    assertThat(peak).hasValue(bound);
  }

  @Test
  void runsAPlanOnEveryHostAndStopsAHostAtItsFirstFailure() {
    AtomicInteger closed = new AtomicInteger();
    try (Fleet fleet =
        Fleet.builder()
            .addHost("web1", fake("web1", closed))
            .addHost("broken1", fake("broken1", closed))
            .build()) {
      FleetResult<List<ExecResult>> r =
          fleet.executeBatch(List.of(Command.of("ifconfig", "-l"), Command.of("jls")));

      assertThat(r.result("web1").value().orElseThrow()).hasSize(2);
      assertThat(r.result("broken1").failure())
          .get()
          .isInstanceOfSatisfying(
              CommandFailedException.class,
              e -> assertThat(e.result().command()).isEqualTo(Command.of("ifconfig", "-l")));
    }
  }

  @Test
  void rejectsDuplicateHostNames() {
    AtomicInteger closed = new AtomicInteger();
    Fleet.Builder b = Fleet.builder().addHost("a", fake("a", closed));

    assertThatThrownBy(() -> b.addHost("a", fake("a", closed)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already in the fleet");
  }

  @Test
  void runsOverSshWithOneUnreachableHost(@TempDir Path dir)
      throws IOException, GeneralSecurityException {
    Path key = SshKeygen.generate(dir, "id_ed25519", "ed25519", "");
    Path authorized = dir.resolve("authorized_keys");
    Files.writeString(authorized, SshKeygen.publicKeyLine(key) + "\n");
    try (SshMinaServer mina = SshMinaServer.start(authorized)) {
      int closedPort;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        closedPort = s.getLocalPort();
      }
      SshOptions options =
          SshOptions.builder()
              .addIdentities(SshIdentity.of(key))
              .knownHosts(mina.knownHosts(dir.resolve("known_hosts")))
              .connectTimeout(Duration.ofSeconds(20))
              .build();
      List<SshTarget> targets = new ArrayList<>();
      for (String user : List.of("a", "b", "c")) {
        targets.add(SshTarget.builder().user(user).host("127.0.0.1").port(mina.port()).build());
      }
      targets.add(SshTarget.builder().user("d").host("127.0.0.1").port(closedPort).build());
      Fleet.Builder b = Fleet.builder().maxParallel(2);
      targets.forEach(t -> b.addSshHost(t, options));

      try (Fleet fleet = b.build()) {
        FleetResult<ExecResult> r = fleet.execute(Command.of("echo", "up"));
        FleetResult<List<ExecResult>> plan =
            fleet.executeBatch(List.of(Command.of("echo", "a"), Command.of("echo", "b")));

        assertThat(plan.successes()).hasSize(3);
        assertThat(plan.values().values())
            .allSatisfy(
                results ->
                    assertThat(results)
                        .extracting(ExecResult::stdout)
                        .containsExactly("a\n", "b\n"));
        assertThat(r.successes()).hasSize(3);
        assertThat(r.successes())
            .allSatisfy(
                h -> assertThat(h.value()).get().extracting(ExecResult::stdout).isEqualTo("up\n"));
        assertThat(r.failures())
            .singleElement()
            .satisfies(
                f -> {
                  assertThat(f.host()).isEqualTo("d@127.0.0.1:" + closedPort);
                  assertThat(f.failure()).get().isInstanceOf(SshConnectionException.class);
                });
      }
    }
  }
}
