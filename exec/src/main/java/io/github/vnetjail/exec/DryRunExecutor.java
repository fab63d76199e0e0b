package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.VnetJailException;
import io.github.vnetjail.render.ShellQuoting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs nothing: records every command and file write, answers with success (or a canned result),
 * and renders what it recorded as one sh script that would do the same thing on the host.
 *
 * <pre>{@code
 * DryRunExecutor dry = CommandExecutors.dryRun();
 * JailManager.on(dry).install(host);
 * Files.writeString(Path.of("install.sh"), dry.script());   // review it, or run it with sh
 * }</pre>
 *
 * <p>The script starts with {@code #!/bin/sh} and {@code set -e}, runs the commands in the order
 * they were executed, passes environment variables with {@code env NAME=VALUE}, feeds standard
 * input and file content through here-documents with a quoted delimiter (or {@code printf '%s'}
 * when the text does not end with a newline or is not ASCII, so that every byte is kept on every
 * sh), and writes files with the same atomic sh routine as {@link HostFiles#viaCommands}. All
 * quoting goes through {@link ShellQuoting}.
 */
public final class DryRunExecutor implements CommandExecutor {
  /** A file that was written through {@link #files()}: its path and its full new content. */
  public record FileWrite(String path, String content) {
    /** Checks that neither part is null. */
    public FileWrite {
      checkNotNull(path, "path");
      checkNotNull(content, "content");
    }
  }

  /** The sh function that the script uses for file writes. */
  static final String WRITE_FUNCTION = "vnetjail_write";

  private static final String DELIMITER = "VNETJAIL_EOF";

  /** Words sh reads as syntax when unquoted in command position (POSIX 2.4 plus common ones). */
  private static final Set<String> RESERVED =
      Set.of(
          "!",
          "{",
          "}",
          "case",
          "do",
          "done",
          "elif",
          "else",
          "esac",
          "fi",
          "for",
          "if",
          "in",
          "then",
          "until",
          "while",
          "[[",
          "]]",
          "function",
          "select");

  private final List<Answer> answers;
  private final boolean stopOnError;
  private final Optional<HostFiles> readFrom;
  private final Object lock = new Object();
  private final List<Object> steps = new ArrayList<>(); // Command or FileWrite, in order
  private final Map<String, String> written = new HashMap<>();
  private final HostFiles files = new DryRunFiles();

  private DryRunExecutor(Builder b) {
    this.answers = List.copyOf(b.answers);
    this.stopOnError = b.stopOnError;
    this.readFrom = b.readFrom;
  }

  /** Starts a builder; {@link CommandExecutors#dryRun()} is the shortcut for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ExecResult execute(Command command) {
    checkNotNull(command, "command");
    synchronized (lock) {
      steps.add(command);
    }
    for (Answer a : answers) {
      if (a.when.test(command)) {
        return ExecResult.builder().command(command).exitCode(a.exitCode).stdout(a.stdout).build();
      }
    }
    return ExecResult.builder().command(command).exitCode(0).build();
  }

  /**
   * Records file writes instead of making them; reads see what was written during this dry run,
   * then the files given to {@link Builder#readFrom}, and otherwise find nothing.
   */
  @Override
  public HostFiles files() {
    return files;
  }

  /** Every command executed so far, in order. */
  public List<Command> commands() {
    synchronized (lock) {
      return steps.stream()
          .filter(Command.class::isInstance)
          .map(Command.class::cast)
          .collect(Collectors.toUnmodifiableList());
    }
  }

  /** Every file write so far, in order. */
  public List<FileWrite> writes() {
    synchronized (lock) {
      return steps.stream()
          .filter(FileWrite.class::isInstance)
          .map(FileWrite.class::cast)
          .collect(Collectors.toUnmodifiableList());
    }
  }

  /** Forgets every recorded command and write. */
  public void clear() {
    synchronized (lock) {
      steps.clear();
      written.clear();
    }
  }

  /**
   * Renders the recorded commands and file writes as one sh script.
   *
   * @throws VnetJailException if a recorded text holds a NUL byte (sh cannot carry one), or a
   *     program name holds {@code =} while the command also sets environment variables
   */
  public String script() {
    List<Object> snapshot;
    synchronized (lock) {
      snapshot = List.copyOf(steps);
    }
    long commands = snapshot.stream().filter(Command.class::isInstance).count();
    long writes = snapshot.size() - commands;
    StringBuilder out = new StringBuilder();
    out.append("#!/bin/sh\n");
    out.append("# Recorded by a vnetjail dry run: ")
        .append(commands)
        .append(commands == 1 ? " command" : " commands")
        .append(" and ")
        .append(writes)
        .append(writes == 1 ? " file write" : " file writes")
        .append(", in the order they were requested.\n");
    if (stopOnError) {
      out.append("set -e\n");
    }
    if (writes > 0) {
      out.append('\n')
          .append("# ")
          .append(WRITE_FUNCTION)
          .append(" PATH: replaces PATH with standard input atomically, keeping PATH.bak.\n")
          .append(WRITE_FUNCTION)
          .append("() {\n  ")
          .append(
              ShellQuoting.join(List.of("sh", "-c", ShellHostFiles.WRITE_SCRIPT, WRITE_FUNCTION)))
          .append(" \"$1\"\n}\n");
    }
    out.append('\n');
    for (Object step : snapshot) {
      if (step instanceof Command) {
        Command c = (Command) step;
        withInput(out, commandLine(c), c.stdin());
      } else {
        FileWrite w = (FileWrite) step;
        String line = WRITE_FUNCTION + " " + ShellQuoting.quote(w.path());
        withInput(out, line, Optional.of(w.content()));
      }
    }
    return out.toString();
  }

  private static String commandLine(Command c) {
    String program = c.program();
    if (c.environment().isEmpty()) {
      String line = ShellQuoting.join(c.argv());
      // An unquoted first word NAME=VALUE is an assignment, `if` is syntax and vnetjail_write is
      // the script's function; `command` makes each a program name again.
      boolean syntax =
          RESERVED.contains(program) || program.contains("=") || program.equals(WRITE_FUNCTION);
      return syntax ? "command " + line : line;
    }
    try {
      return ShellQuoting.join(PrivilegedExecutor.withEnvironment(c));
    } catch (IllegalArgumentException e) {
      throw new VnetJailException(
          "cannot render \"" + ShellQuoting.join(c.argv()) + "\" for a script: " + e.getMessage(),
          e);
    }
  }

  /** Appends {@code line}, feeding {@code input} to it exactly, byte for byte. */
  private static void withInput(StringBuilder out, String line, Optional<String> input) {
    if (input.isEmpty()) {
      out.append(line).append('\n');
      return;
    }
    String text = input.get();
    if (text.indexOf('\0') >= 0) {
      throw new VnetJailException(
          "cannot render \""
              + line
              + "\" for a script: its input holds a NUL byte, which sh cannot carry");
    }
    if (!text.endsWith("\n") || !isAscii(text)) {
      // A here-document always ends with a newline; printf keeps the text exactly. Non-ASCII text
      // goes through printf too: dash 0.5.12 (Debian's /bin/sh) drops a byte >= 0x80 that follows
      // a partial match of the delimiter at the start of a line, so that the line "EOF\x81" ends
      // the here-document "<<'EOF'" early and the lines after it run as commands.
      out.append("printf '%s' ").append(ShellQuoting.quote(text)).append(" | ").append(line);
      out.append('\n');
      return;
    }
    // The delimiter is our own [A-Z0-9_] word, not data: the quotes around it are syntax that
    // turns off expansion in the body (POSIX 2.7.4), which ShellQuoting.quote would leave out.
    String delimiter = delimiterFor(text);
    out.append(line).append(" <<'").append(delimiter).append("'\n");
    out.append(text).append(delimiter).append('\n');
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** A here-document delimiter that is not a line of {@code text}. */
  static String delimiterFor(String text) {
    // sh ends a here-document line at \n only.
    List<String> lines = List.of(text.split("\n", -1));
    String delimiter = DELIMITER;
    for (int i = 1; lines.contains(delimiter); i++) {
      delimiter = DELIMITER + "_" + i;
    }
    return delimiter;
  }

  private final class DryRunFiles implements HostFiles {
    @Override
    public Optional<String> read(String path) {
      checkNotNull(path, "path");
      synchronized (lock) {
        if (written.containsKey(path)) {
          return Optional.of(written.get(path));
        }
      }
      return readFrom.flatMap(f -> f.read(path));
    }

    @Override
    public boolean exists(String path) {
      checkNotNull(path, "path");
      synchronized (lock) {
        if (written.containsKey(path)) {
          return true;
        }
      }
      return readFrom.map(f -> f.exists(path)).orElse(false);
    }

    @Override
    public void writeAtomically(String path, String content) {
      FileWrite w = new FileWrite(path, content);
      checkArgument(!path.isEmpty(), "path must not be empty");
      synchronized (lock) {
        steps.add(w);
        written.put(path, content);
      }
    }
  }

  private static final class Answer {
    final Predicate<Command> when;
    final int exitCode;
    final String stdout;

    Answer(Predicate<Command> when, int exitCode, String stdout) {
      this.when = when;
      this.exitCode = exitCode;
      this.stdout = stdout;
    }
  }

  /** Builds a {@link DryRunExecutor}. */
  public static final class Builder {
    private final List<Answer> answers = new ArrayList<>();
    private boolean stopOnError = true;
    private Optional<HostFiles> readFrom = Optional.empty();

    private Builder() {}

    /**
     * Answers the commands that match {@code when} with this exit code and standard output instead
     * of plain success; the first matching answer wins.
     *
     * <pre>{@code
     * DryRunExecutor.builder().answer(c -> c.program().equals("jls"), 0, "web\n").build();
     * }</pre>
     */
    public Builder answer(Predicate<Command> when, int exitCode, String stdout) {
      answers.add(new Answer(checkNotNull(when, "when"), exitCode, checkNotNull(stdout, "stdout")));
      return this;
    }

    /** Whether the script starts with {@code set -e} (stop at the first failing command); true. */
    public Builder stopOnError(boolean stopOnError) {
      this.stopOnError = stopOnError;
      return this;
    }

    /**
     * Reads files that this dry run has not written from {@code files} (for example a real host's
     * {@code executor.files()}), so that a plan can edit the host's current rc.conf. Writes are
     * still only recorded.
     */
    public Builder readFrom(HostFiles files) {
      this.readFrom = Optional.of(checkNotNull(files, "files"));
      return this;
    }

    /** Builds the executor. */
    public DryRunExecutor build() {
      return new DryRunExecutor(this);
    }
  }
}
