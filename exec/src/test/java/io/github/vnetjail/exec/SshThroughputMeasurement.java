package io.github.vnetjail.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Measures, against a real OpenSSH sshd on 127.0.0.1: commands per second over one reused
 * connection versus a new connection per command, and a five-command jail start as five round trips
 * versus one batch. Not a unit test (surefire skips it); run it with:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl exec -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/exec-cp.txt -Dmdep.includeScope=test
 * java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
 *     -cp exec/target/test-classes:exec/target/classes:$(cat /tmp/exec-cp.txt) \
 *     io.github.vnetjail.exec.SshThroughputMeasurement
 * </pre>
 */
public final class SshThroughputMeasurement {
  private SshThroughputMeasurement() {}

  /** The seed's start, as five host commands (echoed: this host is not FreeBSD). */
  private static final List<Command> START =
      List.of(
          Command.of("echo", "/sbin/ifconfig", "epair154", "create", "up"),
          Command.of("echo", "/sbin/ifconfig", "epair154a", "up", "descr", "jail:my-vnet-jail"),
          Command.of("echo", "/sbin/ifconfig", "bridge0", "addm", "epair154a", "up"),
          Command.of("echo", "jail", "-c", "my-vnet-jail"),
          Command.of("echo", "jls", "-j", "my-vnet-jail"));

  public static void main(String[] args) throws Exception {
    int reusedN = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int freshN = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int starts = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Path dir = Files.createTempDirectory("vnetjail-ssh-bench");
    Path key = SshKeygen.generate(dir, "id_ed25519", "ed25519", "");
    try (SshOpenSshd sshd = SshOpenSshd.start(dir, List.of(key))) {
      SshOptions options =
          SshOptions.builder()
              .addIdentities(SshIdentity.of(key))
              .knownHosts(sshd.knownHosts("known_hosts"))
              .build();
      SshExecutor.Builder builder = SshExecutor.builder().target(sshd.target()).options(options);

      try (SshExecutor ssh = builder.build()) {
        for (int i = 0; i < 50; i++) {
          ssh.execute(Command.of("true")).requireSuccess(); // warm-up
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < reusedN; i++) {
          ssh.execute(Command.of("true")).requireSuccess();
        }
        report("reused connection", reusedN, System.nanoTime() - t0, ssh.connectionsOpened());
      }

      for (int i = 0; i < 5; i++) {
        try (SshExecutor warm = builder.build()) {
          warm.execute(Command.of("true")).requireSuccess();
        }
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < freshN; i++) {
        try (SshExecutor fresh = builder.build()) {
          fresh.execute(Command.of("true")).requireSuccess();
        }
      }
      report("new connection per command", freshN, System.nanoTime() - t1, freshN);

      try (SshExecutor ssh = builder.build()) {
        for (int i = 0; i < 20; i++) {
          ssh.executeBatch(START);
          START.forEach(c -> ssh.execute(c).requireSuccess());
        }
        int trips0 = ssh.roundTrips();
        long t2 = System.nanoTime();
        for (int i = 0; i < starts; i++) {
          START.forEach(c -> ssh.execute(c).requireSuccess());
        }
        long separate = System.nanoTime() - t2;
        int separateTrips = ssh.roundTrips() - trips0;
        long t3 = System.nanoTime();
        for (int i = 0; i < starts; i++) {
          List<ExecResult> r = ssh.executeBatch(START);
          if (r.size() != START.size() || !r.stream().allMatch(ExecResult::isSuccess)) {
            throw new AssertionError("batch failed: " + r);
          }
        }
        long batched = System.nanoTime() - t3;
        int batchedTrips = ssh.roundTrips() - trips0 - separateTrips;
        System.out.printf(
            Locale.ROOT,
            "jail start, 5 commands: separate %.2f ms/start (%d round trips per start),"
                + " batched %.2f ms/start (%d round trip per start)%n",
            separate / 1e6 / starts,
            separateTrips / starts,
            batched / 1e6 / starts,
            batchedTrips / starts);
      }
    }
  }

  private static void report(String what, int n, long nanos, int connections) {
    Duration d = Duration.ofNanos(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-28s %5d commands in %6d ms: %7.1f commands/s (%d connection(s))%n",
        what,
        n,
        d.toMillis(),
        n / (nanos / 1e9),
        connections);
  }
}
