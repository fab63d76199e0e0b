package io.github.vnetjail.examples.host;

import io.github.vnetjail.exec.Command;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.CommandExecutors;
import io.github.vnetjail.exec.ExecResult;
import io.github.vnetjail.render.ShellQuoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs commands on a remote host through this machine's OpenSSH client ({@code ssh -o
 * BatchMode=yes}: keys and known_hosts as the user has them, never a password prompt). The remote
 * side gets one sh line built with {@link ShellQuoting}; variables travel as {@code env
 * NAME=VALUE}.
 */
final class SshClientExecutor implements CommandExecutor {
  private final CommandExecutor local;
  private final List<String> prefix;

  private SshClientExecutor(CommandExecutor local, List<String> prefix) {
    this.local = local;
    this.prefix = List.copyOf(prefix);
  }

  static SshClientExecutor create(String user, String host, int port) {
    return new SshClientExecutor(
        CommandExecutors.local(),
        List.of(
            "ssh", "-o", "BatchMode=yes", "-p", Integer.toString(port), "-l", user, "--", host));
  }

  /** Returns the ssh argv that runs {@code command} remotely. */
  List<String> argv(Command command) {
    List<String> remote = new ArrayList<>();
    if (!command.environment().isEmpty()) {
      remote.add("env");
      for (Map.Entry<String, String> e : command.environment().entrySet()) {
        remote.add(e.getKey() + "=" + e.getValue());
      }
    }
    remote.addAll(command.argv());
    List<String> argv = new ArrayList<>(prefix);
    argv.add(ShellQuoting.join(remote));
    return argv;
  }

  @Override
  public ExecResult execute(Command command) {
    Command.Builder b = Command.builder().addAllArgv(argv(command));
    command.stdin().ifPresent(b::stdin);
    command.timeout().ifPresent(b::timeout);
    return local.execute(b.build());
  }

  @Override
  public void close() {
    local.close();
  }
}
