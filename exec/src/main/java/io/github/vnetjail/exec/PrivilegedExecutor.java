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
    argv.addAll(withEnvironment(command));
    Command.Builder b = Command.builder().addAllArgv(argv);
    command.stdin().ifPresent(b::stdin);
    command.timeout().ifPresent(b::timeout);
    return b.build();
  }

  /**
   * The command's argv, preceded by {@code env NAME=VALUE ...} when it sets variables.
   *
   * @throws IllegalArgumentException when env(1) would misread a word: a variable name starting
   *     with {@code -} (an option to env's getopt, usr.bin/env/env.c) or a program name holding
   *     {@code =} (env takes every leading word with {@code =} as a variable)
   */
  static List<String> withEnvironment(Command command) {
    if (command.environment().isEmpty()) {
      return command.argv();
    }
    checkArgument(
        !command.program().contains("="),
        "program %s holds '=' and cannot follow env NAME=VALUE; rename it",
        command.program());
    List<String> words = new ArrayList<>();
    words.add("env");
    command
        .environment()
        .forEach(
            (name, value) -> {
              checkArgument(
                  !name.startsWith("-"),
                  "environment variable %s starts with '-', which env would read as an option",
                  name);
              words.add(name + "=" + value);
            });
    words.addAll(command.argv());
    return words;
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
