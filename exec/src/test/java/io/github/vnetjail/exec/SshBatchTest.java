package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The batch script, run by the local /bin/sh, and the parsing of its framed output. */
class SshBatchTest {
  private static final class Output {
    String stdout;
    String stderr;
    int exit;
  }

  /** Runs the script as the remote side would: {@code sh -s} with the script on stdin. */
  private static Output runLocally(SshBatch batch) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("/bin/sh", "-s").start();
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    try (OutputStream in = p.getOutputStream()) {
      in.write(batch.script().getBytes(StandardCharsets.UTF_8));
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Output o = new Output();
    o.stdout = new String(out.join(), StandardCharsets.UTF_8);
    o.stderr = new String(err.join(), StandardCharsets.UTF_8);
    o.exit = p.exitValue();
    return o;
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<ExecResult> roundTrip(List<Command> commands) throws Exception {
    SshBatch batch = SshBatch.of(commands);
    Output o = runLocally(batch);
    return batch.parse(o.stdout, o.stderr, o.exit, false, Duration.ofMillis(5));
  }

  @Test
  void separatesEachCommandsOutputErrorAndStatus() throws Exception {
    List<ExecResult> results =
        roundTrip(
            List.of(
                Command.of("sh", "-c", "printf 'a\\n\\n'; printf e1 >&2"),
                Command.of("printf", "%s", "no newline"),
                Command.of("sh", "-c", "echo last; echo err >&2; exit 4")));

    assertThat(results).hasSize(3);
    assertThat(results.get(0).stdout()).isEqualTo("a\n\n");
    assertThat(results.get(0).stderr()).isEqualTo("e1");
    assertThat(results.get(1).stdout()).isEqualTo("no newline");
    assertThat(results.get(1).stderr()).isEmpty();
    assertThat(results.get(2).stdout()).isEqualTo("last\n");
    assertThat(results.get(2).stderr()).isEqualTo("err\n");
    assertThat(results.get(2).exitCode()).isEqualTo(4);
  }

  @Test
  void stopsAfterTheFirstFailureLikeSetE() throws Exception {
    List<ExecResult> results =
        roundTrip(
            List.of(
                Command.of("true"),
                Command.of("false"),
                Command.of("sh", "-c", "echo must-not-run > /dev/stderr")));

    assertThat(results).extracting(ExecResult::exitCode).containsExactly(0, 1);
  }

  @Test
  void givesEachCommandItsOwnStdinAndNeverTheScript() throws Exception {
    List<ExecResult> results =
        roundTrip(
            List.of(
                Command.of("cat"),
                Command.builder().addArgv("cat").stdin("line1\n'quoted' $(x)").build(),
                Command.of("echo", "still-running")));

    assertThat(results)
        .extracting(ExecResult::stdout)
        .containsExactly("", "line1\n'quoted' $(x)", "still-running\n");
  }

  @Test
  void hostileArgumentsSurviveTheScript() throws Exception {
    List<String> values = SshHostileStrings.generate(99L, 300);
    List<Command> commands = new ArrayList<>();
    for (String v : values) {
      commands.add(Command.builder().addArgv("printf", "%s", v).putEnvironment("V", v).build());
    }

    List<ExecResult> results = roundTrip(commands);

    assertThat(results).extracting(ExecResult::stdout).containsExactlyElementsOf(values);
  }

  @Test
  void reportsACommandWithoutEndMarkerAsTimedOutWhenTheRoundTripTimedOut() {
    SshBatch batch =
        SshBatch.withNonce(List.of(Command.of("echo", "a"), Command.of("sleep", "99")), "N");
    String stdout = "N:0:start\na\n\nN:0:end 0\nN:1:start\npartial";
    String stderr = "N:0:start\n\nN:0:end\nN:1:start\n";

    List<ExecResult> results = batch.parse(stdout, stderr, 124, true, Duration.ofSeconds(1));

    assertThat(results).hasSize(2);
    assertThat(results.get(0).isSuccess()).isTrue();
    assertThat(results.get(0).stdout()).isEqualTo("a\n");
    assertThat(results.get(1).timedOut()).isTrue();
    assertThat(results.get(1).exitCode()).isEqualTo(124);
    assertThat(results.get(1).stdout()).isEqualTo("partial");
  }

  @Test
  void reportsAScriptThatDiedMidwayWithItsExitCode() {
    SshBatch batch = SshBatch.withNonce(List.of(Command.of("x")), "N");

    List<ExecResult> results =
        batch.parse("N:0:start\n", "N:0:start\nKilled\n", 137, false, Duration.ZERO);

    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.exitCode()).isEqualTo(137);
              assertThat(r.timedOut()).isFalse();
              assertThat(r.stderr()).isEqualTo("Killed\n");
            });
  }

  @Test
  void theDeadlineFollowsTheCommandThatIsRunning() {
    SshBatch batch =
        SshBatch.withNonce(
            List.of(
                Command.builder().addArgv("a").timeout(Duration.ofSeconds(1)).build(),
                Command.builder().addArgv("b").timeout(Duration.ofSeconds(10)).build()),
            "N");
    SshExecutor.Deadline deadline = batch.deadline(Duration.ofMinutes(1), 0L);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    long second = TimeUnit.SECONDS.toNanos(1);
    out.writeBytes("N:0:start\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(deadline.remainingNanos(out, second / 2)).isEqualTo(second / 2);
    out.writeBytes("\nN:0:end 0\nN:1:start\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(deadline.remainingNanos(out, 3 * second)).isEqualTo(10 * second);
    assertThat(deadline.remainingNanos(out, 12 * second)).isEqualTo(1 * second);
    assertThat(deadline.remainingNanos(out, 14 * second)).isNegative();
  }
}
