package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.render.ShellQuoting;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps every command and its result, for tests and for counting commands.
 *
 * <pre>{@code
 * RecordingExecutor rec = CommandExecutors.recording(CommandExecutors.simulated());
 * JailManager.on(rec).start("web");
 * assertThat(rec.commandLines()).contains("/sbin/ifconfig epair154 create up");
 * }</pre>
 */
public final class RecordingExecutor implements CommandExecutor {
  private final CommandExecutor delegate;
  private final List<Command> commands = new ArrayList<>();
  private final List<ExecResult> results = new ArrayList<>();

  RecordingExecutor(CommandExecutor delegate) {
    this.delegate = checkNotNull(delegate, "delegate");
  }

  @Override
  public ExecResult execute(Command command) {
    synchronized (this) {
      commands.add(command);
    }
    ExecResult r = delegate.execute(command);
    synchronized (this) {
      results.add(r);
    }
    return r;
  }

  /** Every command executed, in order, including those that could not run at all. */
  public synchronized List<Command> commands() {
    return List.copyOf(commands);
  }

  /** Every command as one sh line ({@link ShellQuoting#join}), in order. */
  public synchronized List<String> commandLines() {
    return commands.stream()
        .map(c -> ShellQuoting.join(c.argv()))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Every result returned, in order; a command that threw has none. */
  public synchronized List<ExecResult> results() {
    return List.copyOf(results);
  }

  /** How many commands were executed. */
  public synchronized int count() {
    return commands.size();
  }

  /** Forgets every recorded command and result. */
  public synchronized void clear() {
    commands.clear();
    results.clear();
  }

  @Override
  public HostFiles files() {
    return CommandExecutors.filesThrough(this, delegate);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
