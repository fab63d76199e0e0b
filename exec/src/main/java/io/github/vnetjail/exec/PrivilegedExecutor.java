package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every command through a privilege tool such as {@code doas -n} or {@code sudo -n}. Both
 * tools reset the environment, so the command's variables travel in argv as {@code env NAME=VALUE}.
 */
final class PrivilegedExecutor implements CommandExecutor {
  private final CommandExecutor delegate;
  private final List<String> prefix;

  PrivilegedExecutor(CommandExecutor delegate, List<String> prefix) {
    this.delegate = checkNotNull(delegate, "delegate");
    this.prefix = List.copyOf(prefix);
    checkArgument(!this.prefix.isEmpty(), "the privilege prefix must name a program");
  }

  @Override
  public ExecResult execute(Command command) {
    return delegate.execute(wrap(command));
  }

  Command wrap(Command command) {
    List<String> argv = new ArrayList<>(prefix);
    if (!command.environment().isEmpty()) {
      // env(1) takes the first word without '=' as the program; a program word with '=' would be
      // read as one more variable.
      checkArgument(
          !command.program().contains("="),
          "program %s holds '=' and cannot follow env NAME=VALUE; rename it",
          command.program());
      argv.add("env");
      command.environment().forEach((name, value) -> argv.add(name + "=" + value));
    }
    argv.addAll(command.argv());
    Command.Builder b = Command.builder().addAllArgv(argv);
    command.stdin().ifPresent(b::stdin);
    command.timeout().ifPresent(b::timeout);
    return b.build();
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
