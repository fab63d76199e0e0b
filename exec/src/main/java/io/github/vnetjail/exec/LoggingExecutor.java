package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.render.ShellQuoting;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every command at DEBUG with its exit code and duration. Standard input and environment
 * values may hold secrets: only the size of the input and the names of the variables are logged.
 */
final class LoggingExecutor implements CommandExecutor {
  private static final Logger log = LoggerFactory.getLogger(LoggingExecutor.class);

  private final CommandExecutor delegate;
  private final Logger logger;

  LoggingExecutor(CommandExecutor delegate) {
    this(delegate, log);
  }

  LoggingExecutor(CommandExecutor delegate, Logger logger) {
    this.delegate = checkNotNull(delegate, "delegate");
    this.logger = checkNotNull(logger, "logger");
  }

  @Override
  public ExecResult execute(Command command) {
    ExecResult r = delegate.execute(command);
    if (logger.isDebugEnabled()) {
      logger.debug(
          "\"{}\"{}{} {} in {} ms",
          ShellQuoting.join(command.argv()),
          command.environment().isEmpty() ? "" : " env " + command.environment().keySet(),
          command.stdin().map(s -> " stdin " + s.length() + " chars").orElse(""),
          r.timedOut() ? "timed out" : "exit " + r.exitCode(),
          r.duration().toMillis());
    }
    return r;
  }

  @Override
  public HostFiles files() {
    HostFiles files = CommandExecutors.filesThrough(this, delegate);
    // Through this executor, file operations are commands and logged as such; otherwise log here.
    return files instanceof ShellHostFiles ? files : new LoggingFiles(files);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private final class LoggingFiles implements HostFiles {
    private final HostFiles files;

    LoggingFiles(HostFiles files) {
      this.files = files;
    }

    @Override
    public Optional<String> read(String path) {
      Optional<String> text = files.read(path);
      logger.debug("read {}: {}", path, text.map(t -> t.length() + " chars").orElse("absent"));
      return text;
    }

    @Override
    public boolean exists(String path) {
      boolean exists = files.exists(path);
      logger.debug("exists {}: {}", path, exists);
      return exists;
    }

    @Override
    public void writeAtomically(String path, String content) {
      files.writeAtomically(path, content);
      logger.debug("wrote {}: {} chars", path, content.length());
    }
  }
}
