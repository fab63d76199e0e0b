package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.VnetJailException;
import io.github.vnetjail.render.ShellQuoting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on this machine as child processes. Standard output and error are drained
 * concurrently (a program that fills one pipe while the other is read cannot deadlock), standard
 * input is written from its own thread, and a command that runs past its timeout is killed together
 * with every process it started.
 *
 * <pre>{@code
 * try (CommandExecutor exec = LocalExecutor.builder().defaultTimeout(Duration.ofMinutes(1)).build()) {
 *   String kernel = exec.execute(Command.of("uname", "-r")).requireSuccess().stdout().strip();
 * }
 * }</pre>
 *
 * <p>Output is decoded as UTF-8 (malformed bytes become U+FFFD); standard input is encoded as
 * UTF-8. A command killed by its timeout reports {@link ExecResult#timedOut()} and exit code
 * {@value #TIMEOUT_EXIT_CODE}, as timeout(1) does. Once a program has exited, output still held
 * open by a process it left running (a daemon that inherited the pipes) is waited for two more
 * seconds at most, then the result carries what was read so far and a WARN is logged.
 */
public final class LocalExecutor implements CommandExecutor {
  private static final Logger log = LoggerFactory.getLogger(LocalExecutor.class);

  /** The timeout of a command that sets none, unless the builder changes it: five minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** The exit code reported for a command killed by its timeout. */
  public static final int TIMEOUT_EXIT_CODE = 124;

  /** How long to wait for the pipes to close once the program has exited by itself. */
  private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

  /** How long to wait for the pipes to close once a timed-out process tree has been killed. */
  private static final Duration KILL_GRACE = Duration.ofSeconds(5);

  /**
   * Starts a process. The default uses {@link ProcessBuilder}; unit tests inject one that returns a
   * fake {@link Process} so they need no real program (Jib's {@code CliDockerClient} does the
   * same).
   */
  @FunctionalInterface
  interface ProcessFactory {
    /** Starts {@code argv} with {@code environment} added to the inherited environment. */
    Process start(List<String> argv, Map<String, String> environment) throws IOException;
  }

  private final Duration defaultTimeout;
  private final Optional<Path> directory;
  private final ProcessFactory processFactory;

  private LocalExecutor(Builder b) {
    this.defaultTimeout = b.defaultTimeout;
    this.directory = b.directory;
    this.processFactory = b.processFactory != null ? b.processFactory : processBuilder(directory);
  }

  /** Starts a builder; {@link CommandExecutors#local()} is the shortcut for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The timeout used for commands that set none. */
  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  @Override
  public ExecResult execute(Command command) {
    checkNotNull(command, "command");
    Duration timeout = command.timeout().orElse(defaultTimeout);
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Process process;
    try {
      process = processFactory.start(command.argv(), command.environment());
    } catch (IOException e) {
      throw startFailure(command, e);
    }
    Drain out = Drain.start(process.getInputStream(), command.program() + " stdout");
    Drain err = Drain.start(process.getErrorStream(), command.program() + " stderr");
    feedStdin(process, command);
    boolean timedOut = false;
    int exitCode;
    try {
      if (process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        exitCode = process.exitValue();
        // A daemon the command started may hold the pipes open for ever: jail(8) hands its own
        // stdout and stderr to exec.start and so to every service /etc/rc starts in the jail,
        // unless exec.consolelog is set (usr.sbin/jail/command.c, run_command: dup2 only for
        // consfd). Once the program has exited, wait for the rest of its output only briefly.
        long outputDeadline = Math.min(deadline, System.nanoTime() + OUTPUT_GRACE.toNanos());
        out.await(outputDeadline);
        err.await(outputDeadline);
        if (!out.finished() || !err.finished()) {
          log.warn(
              "\"{}\" exited but a process it left behind still holds its output open;"
                  + " returning the output read so far (redirect the background process's output"
                  + " to keep this from happening)",
              ShellQuoting.join(command.argv()));
        }
      } else {
        timedOut = true;
        log.debug(
            "\"{}\" ran past its timeout of {}; killing it and its children", command, timeout);
        killTree(process);
        process.waitFor(KILL_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        long graceDeadline = System.nanoTime() + KILL_GRACE.toNanos();
        out.await(graceDeadline);
        err.await(graceDeadline);
        exitCode = TIMEOUT_EXIT_CODE;
      }
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new VnetJailException(
          "interrupted while running \""
              + ShellQuoting.join(command.argv())
              + "\"; the process and its children were killed",
          e);
    }
    return ExecResult.builder()
        .command(command)
        .exitCode(exitCode)
        .stdout(out.text())
        .stderr(err.text())
        .duration(Duration.ofNanos(System.nanoTime() - start))
        .timedOut(timedOut)
        .build();
  }

  /**
   * Kills the process and every process below it. The descendants are listed before the parent dies
   * (afterwards they are re-parented and no longer findable), and each one's own descendants again
   * just before it is killed, so that a child forking at the last moment is caught too.
   */
  static void killTree(Process process) {
    List<ProcessHandle> descendants;
    try {
      descendants = process.descendants().collect(Collectors.toList());
    } catch (UnsupportedOperationException e) {
      descendants = List.of(); // a Process that is not an OS process (tests)
    }
    process.destroyForcibly();
    for (ProcessHandle child : descendants) {
      List<ProcessHandle> below = child.descendants().collect(Collectors.toList());
      child.destroyForcibly();
      below.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static void feedStdin(Process process, Command command) {
    OutputStream stdin = process.getOutputStream();
    if (command.stdin().isEmpty()) {
      closeQuietly(stdin); // a program that reads stdin sees end of file instead of waiting
      return;
    }
    byte[] bytes = command.stdin().get().getBytes(StandardCharsets.UTF_8);
    Thread feeder =
        new Thread(
            () -> {
              try (stdin) {
                stdin.write(bytes);
              } catch (IOException e) {
                // The program exited or closed its stdin without reading everything: its business.
                log.debug(
                    "\"{}\" did not read all of its standard input: {}", command, e.toString());
              }
            },
            "vnetjail-local " + command.program() + " stdin");
    feeder.setDaemon(true);
    feeder.start();
  }

  private static void closeQuietly(OutputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      log.debug("closing a process's stdin failed: {}", e.toString());
    }
  }

  private VnetJailException startFailure(Command command, IOException e) {
    String program = command.program();
    String detail = String.valueOf(e.getMessage());
    String line = ShellQuoting.join(command.argv());
    if (directory.isPresent() && !Files.isDirectory(directory.get())) {
      return new VnetJailException(
          "could not run \""
              + line
              + "\": the working directory "
              + directory.get()
              + " does not exist; create it or change LocalExecutor.builder().directory(...)",
          e);
    }
    if (detail.contains("error=2,")) {
      if (program.contains("/")) {
        return new ProgramNotFoundException(
            program,
            "could not run \""
                + line
                + "\": program "
                + program
                + " does not exist on this machine; check the path, or run the command on the"
                + " FreeBSD host it is meant for (an SSH executor) instead of locally",
            e);
      }
      String path = command.environment().getOrDefault("PATH", System.getenv("PATH"));
      return new ProgramNotFoundException(
          program,
          "could not run \""
              + line
              + "\": program "
              + program
              + " was not found on PATH ("
              + path
              + "); install it, or name it by its absolute path as the first word of the command",
          e);
    }
    if (detail.contains("error=13,")) {
      return new VnetJailException(
          "could not run \""
              + line
              + "\": permission denied for program "
              + program
              + "; make it executable (chmod +x) or run it through sh",
          e);
    }
    return new VnetJailException("could not run \"" + line + "\": " + detail, e);
  }

  private static ProcessFactory processBuilder(Optional<Path> directory) {
    return (argv, environment) -> {
      ProcessBuilder pb = new ProcessBuilder(argv);
      pb.environment().putAll(environment);
      directory.ifPresent(d -> pb.directory(d.toFile()));
      return pb.start();
    };
  }

  /** Reads one of a process's output streams to its end on a daemon thread. */
  private static final class Drain implements Runnable {
    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Thread thread;

    private Drain(InputStream in, String name) {
      this.in = in;
      this.thread = new Thread(this, "vnetjail-local " + name);
      this.thread.setDaemon(true);
    }

    static Drain start(InputStream in, String name) {
      Drain d = new Drain(in, name);
      d.thread.start();
      return d;
    }

    @Override
    public void run() {
      byte[] chunk = new byte[16 * 1024];
      try (in) {
        int n;
        while ((n = in.read(chunk)) >= 0) {
          synchronized (buffer) {
            buffer.write(chunk, 0, n);
          }
        }
      } catch (IOException e) {
        log.debug("reading a process's output stopped: {}", e.toString());
      }
    }

    /** Waits until the stream ends or {@code deadline} ({@link System#nanoTime()}) passes. */
    void await(long deadline) throws InterruptedException {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.timedJoin(thread, left);
      }
    }

    boolean finished() {
      return !thread.isAlive();
    }

    String text() {
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }
  }

  /** Builds a {@link LocalExecutor}. */
  public static final class Builder {
    private Duration defaultTimeout = DEFAULT_TIMEOUT;
    private Optional<Path> directory = Optional.empty();
    private ProcessFactory processFactory;

    private Builder() {}

    /** The timeout of commands that set none; {@link LocalExecutor#DEFAULT_TIMEOUT} if not set. */
    public Builder defaultTimeout(Duration timeout) {
      checkNotNull(timeout, "timeout");
      checkArgument(
          !timeout.isNegative() && !timeout.isZero(), "timeout must be positive: %s", timeout);
      this.defaultTimeout = timeout;
      return this;
    }

    /** The working directory of every command; the JVM's own if not set. */
    public Builder directory(Path directory) {
      this.directory = Optional.of(checkNotNull(directory, "directory"));
      return this;
    }

    /** Replaces how processes are started (unit tests). */
    Builder processFactory(ProcessFactory processFactory) {
      this.processFactory = checkNotNull(processFactory, "processFactory");
      return this;
    }

    /** Builds the executor. */
    public LocalExecutor build() {
      return new LocalExecutor(this);
    }
  }
}
