package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.VnetJailException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LocalExecutorTest {
  private final LocalExecutor exec = LocalExecutor.builder().build();

  @TempDir Path tmp;

  // ---- real processes ----

  @Test
  void returnsExitCodeStdoutAndStderrOfARealProgram() {
    ExecResult r = exec.execute(Command.of("sh", "-c", "echo out; echo err >&2; exit 3"));

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
    assertThat(r.timedOut()).isFalse();
    assertThat(r.isSuccess()).isFalse();
    assertThatThrownBy(r::requireSuccess)
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining("err");
  }

  @Test
  void feedsStandardInputExactly() {
    String input = "héllo 日本\nsecond line without newline";
    ExecResult r = exec.execute(Command.builder().addArgv("cat").stdin(input).build());

    assertThat(r.stdout()).isEqualTo(input);
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void closesStandardInputWhenTheCommandHasNone() {
    ExecResult r =
        exec.execute(Command.builder().addArgv("cat").timeout(Duration.ofSeconds(60)).build());

    assertThat(r.timedOut()).isFalse();
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void survivesAProgramThatIgnoresItsLargeStandardInput() {
    String input = "x".repeat(4 * 1024 * 1024);
    ExecResult r = exec.execute(Command.builder().addArgv("true").stdin(input).build());

    assertThat(r.exitCode()).isZero();
  }

  @Test
  void addsTheCommandsEnvironmentToTheInheritedOne() {
    ExecResult r =
        exec.execute(
            Command.builder()
                .addArgv("sh", "-c", "printf '%s|%s' \"$VNJ_X\" \"${PATH:+has-path}\"")
                .putEnvironment("VNJ_X", "a b $y 'q'")
                .build());

    assertThat(r.stdout()).isEqualTo("a b $y 'q'|has-path");
  }

  @Test
  void runsInTheConfiguredWorkingDirectory() throws IOException {
    LocalExecutor inTmp = LocalExecutor.builder().directory(tmp).build();

    ExecResult r = inTmp.execute(Command.of("pwd"));

    assertThat(Path.of(r.stdout().strip()).toRealPath()).isEqualTo(tmp.toRealPath());
  }

  @Test
  void drainsSeveralMegabytesOnStdoutAndStderrAtOnceWithoutDeadlock() {
    // Both streams are written at the same time: a reader that reads one to its end first blocks
    // the writer of the other once its 64 KiB pipe is full.
    ExecResult r =
        exec.execute(
            Command.of(
                "sh",
                "-c",
                "(yes out | head -c 6000000) & (yes err | head -c 5000000 >&2) & wait",
                "big-output"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).hasSize(6_000_000).startsWith("out\nout\n");
    assertThat(r.stderr()).hasSize(5_000_000).startsWith("err\nerr\n");
    // yes writes whole lines and both sizes are multiples of four: nothing else came through.
    assertThat(r.stdout().replace("out\n", "")).isEmpty();
    assertThat(r.stderr().replace("err\n", "")).isEmpty();
  }

  @Test
  void killsACommandPastItsTimeoutTogetherWithItsChildren() throws Exception {
    Path pids = tmp.resolve("pids");
    // sh starts a background sleep and a foreground sh that execs another sleep; all three record
    // their pid before the timeout hits.
    String script =
        "echo $$ >> \"$1\"; sleep 600 & echo $! >> \"$1\"; "
            + "sh -c 'echo $$ >> \"$1\"; exec sleep 600' inner \"$1\"";
    Command c =
        Command.builder()
            .addArgv("sh", "-c", script, "outer", pids.toString())
            .timeout(Duration.ofSeconds(2))
            .build();

    ExecResult r = exec.execute(c);

    assertThat(r.timedOut()).isTrue();
    assertThat(r.exitCode()).isEqualTo(LocalExecutor.TIMEOUT_EXIT_CODE);
    assertThat(r.isSuccess()).isFalse();
    List<Long> recorded = new ArrayList<>();
    for (String line : Files.readAllLines(pids)) {
      recorded.add(Long.parseLong(line.strip()));
    }
    assertThat(recorded).hasSize(3);
    for (long pid : recorded) {
      assertThat(awaitGone(pid)).as("process %s is gone", pid).isTrue();
    }
  }

  @Test
  @Timeout(120) // without the output grace this waits for the 600 s command timeout
  void returnsOnceTheProgramExitsEvenIfABackgroundChildKeepsItsOutputOpen() throws Exception {
    Command c =
        Command.builder()
            .addArgv("sh", "-c", "sleep 600 & echo $!")
            .timeout(Duration.ofSeconds(600))
            .build();

    ExecResult r = exec.execute(c);
    long child = Long.parseLong(r.stdout().strip());
    ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);

    assertThat(r.exitCode()).isZero();
    assertThat(r.timedOut()).isFalse();
  }

  @Test
  void usesTheDefaultTimeoutFromTheBuilder() {
    LocalExecutor quick = LocalExecutor.builder().defaultTimeout(Duration.ofMillis(300)).build();

    ExecResult r = quick.execute(Command.of("sleep", "600"));

    assertThat(quick.defaultTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(r.timedOut()).isTrue();
  }

  @Test
  void namesAMissingProgramOnPathAndHowToFixIt() {
    assertThatThrownBy(() -> exec.execute(Command.of("vnetjail-no-such-program", "-x")))
        .isInstanceOf(ProgramNotFoundException.class)
        .hasMessageContaining("vnetjail-no-such-program")
        .hasMessageContaining("not found on PATH")
        .hasMessageContaining("install it")
        .satisfies(
            e ->
                assertThat(((ProgramNotFoundException) e).program())
                    .isEqualTo("vnetjail-no-such-program"));
  }

  @Test
  void namesAMissingAbsoluteProgramAndSuggestsTheFreeBsdHost() {
    assertThatThrownBy(() -> exec.execute(Command.of("/nonexistent/sbin/ifconfig", "-l")))
        .isInstanceOf(ProgramNotFoundException.class)
        .hasMessageContaining("/nonexistent/sbin/ifconfig does not exist")
        .hasMessageContaining("SSH executor");
  }

  @Test
  void explainsAProgramThatIsNotExecutable() throws IOException {
    Path script = Files.writeString(tmp.resolve("not-executable"), "#!/bin/sh\necho hi\n");

    assertThatThrownBy(() -> exec.execute(Command.of(script.toString())))
        .isInstanceOf(VnetJailException.class)
        .isNotInstanceOf(ProgramNotFoundException.class)
        .hasMessageContaining("permission denied")
        .hasMessageContaining("chmod +x");
  }

  @Test
  void explainsAMissingWorkingDirectory() {
    LocalExecutor lost = LocalExecutor.builder().directory(tmp.resolve("missing")).build();

    assertThatThrownBy(() -> lost.execute(Command.of("true")))
        .isInstanceOf(VnetJailException.class)
        .hasMessageContaining("working directory")
        .hasMessageContaining("does not exist");
  }

  @Test
  void rejectsANonPositiveDefaultTimeout() {
    assertThatThrownBy(() -> LocalExecutor.builder().defaultTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- injected process factory: no real process ----

  @Test
  void passesArgvAndEnvironmentToTheProcessFactory() {
    AtomicReference<List<String>> argv = new AtomicReference<>();
    AtomicReference<Map<String, String>> env = new AtomicReference<>();
    FakeProcess fake = FakeProcess.exited(0, "listing\n", "");
    LocalExecutor e =
        LocalExecutor.builder()
            .processFactory(
                (a, m) -> {
                  argv.set(a);
                  env.set(m);
                  return fake;
                })
            .build();

    ExecResult r =
        e.execute(Command.builder().addArgv("ifconfig", "-l").putEnvironment("A", "1").build());

    assertThat(argv.get()).containsExactly("ifconfig", "-l");
    assertThat(env.get()).containsExactly(Map.entry("A", "1"));
    assertThat(r.stdout()).isEqualTo("listing\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void writesStandardInputToTheProcessAndClosesIt() throws Exception {
    FakeProcess fake = FakeProcess.exited(0, "", "");
    LocalExecutor e = LocalExecutor.builder().processFactory((a, m) -> fake).build();

    e.execute(Command.builder().addArgv("sh").stdin("exit 0\n").build());

    assertThat(fake.stdinClosed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(fake.stdin.toString(StandardCharsets.UTF_8)).isEqualTo("exit 0\n");
  }

  @Test
  void killsAFakeProcessThatOutlivesItsTimeout() {
    FakeProcess hung = FakeProcess.hanging();
    LocalExecutor e = LocalExecutor.builder().processFactory((a, m) -> hung).build();

    ExecResult r =
        e.execute(Command.builder().addArgv("jail", "-c").timeout(Duration.ofMillis(1)).build());

    assertThat(hung.destroyed).isTrue();
    assertThat(r.timedOut()).isTrue();
    assertThat(r.exitCode()).isEqualTo(124);
  }

  @Test
  void mapsAnErrno2StartFailureToProgramNotFound() {
    LocalExecutor e =
        LocalExecutor.builder()
            .processFactory(
                (a, m) -> {
                  throw new IOException(
                      "Cannot run program \"jls\": error=2, No such file or directory");
                })
            .build();

    assertThatThrownBy(() -> e.execute(Command.of("jls")))
        .isInstanceOf(ProgramNotFoundException.class)
        .hasMessageContaining("could not run \"jls\"")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void reportsOtherStartFailuresWithTheCommand() {
    LocalExecutor e =
        LocalExecutor.builder()
            .processFactory(
                (a, m) -> {
                  throw new IOException("error=7, Argument list too long");
                })
            .build();

    assertThatThrownBy(() -> e.execute(Command.of("echo", "a b")))
        .isInstanceOf(VnetJailException.class)
        .hasMessage("could not run \"echo 'a b'\": error=7, Argument list too long");
  }

  @Test
  void killsTheProcessAndKeepsTheInterruptFlagWhenInterrupted() {
    FakeProcess hung = FakeProcess.hanging();
    LocalExecutor e = LocalExecutor.builder().processFactory((a, m) -> hung).build();

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> e.execute(Command.of("sleep", "9")))
          .isInstanceOf(VnetJailException.class)
          .hasMessageContaining("interrupted while running \"sleep 9\"")
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(hung.destroyed).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  /** True once the pid has exited (a zombie awaiting its reaper counts as exited). */
  static boolean awaitGone(long pid) throws Exception {
    for (int i = 0; i < 200; i++) {
      Optional<ProcessHandle> h = ProcessHandle.of(pid);
      if (h.isEmpty() || !h.get().isAlive() || isZombie(pid)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static boolean isZombie(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return true;
    }
    String s = Files.readString(stat);
    // "pid (comm) S ...": the state follows the last ')'.
    return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
  }

  /** A Process that is not an OS process. */
  static final class FakeProcess extends Process {
    final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    final CountDownLatch stdinClosed = new CountDownLatch(1);
    private final InputStream out;
    private final InputStream err;
    private final int exit;
    private final CountDownLatch exited;
    volatile boolean destroyed;

    private FakeProcess(int exit, String out, String err, boolean running) {
      this.exit = exit;
      this.out = new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8));
      this.err = new ByteArrayInputStream(err.getBytes(StandardCharsets.UTF_8));
      this.exited = new CountDownLatch(running ? 1 : 0);
    }

    static FakeProcess exited(int exit, String out, String err) {
      return new FakeProcess(exit, out, err, false);
    }

    static FakeProcess hanging() {
      return new FakeProcess(0, "", "", true);
    }

    @Override
    public OutputStream getOutputStream() {
      return new OutputStream() {
        @Override
        public void write(int b) {
          stdin.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          stdin.write(b, off, len);
        }

        @Override
        public void close() {
          stdinClosed.countDown();
        }
      };
    }

    @Override
    public InputStream getInputStream() {
      return out;
    }

    @Override
    public InputStream getErrorStream() {
      return err;
    }

    @Override
    public int waitFor() throws InterruptedException {
      exited.await();
      return exitValue();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
      return exited.await(timeout, unit);
    }

    @Override
    public int exitValue() {
      if (exited.getCount() > 0) {
        throw new IllegalThreadStateException("running");
      }
      return destroyed ? 137 : exit;
    }

    @Override
    public void destroy() {
      destroyed = true;
      exited.countDown();
    }

    @Override
    public boolean isAlive() {
      return exited.getCount() > 0;
    }
  }
}
