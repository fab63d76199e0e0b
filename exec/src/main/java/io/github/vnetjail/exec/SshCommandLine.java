package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.vnetjail.render.ShellQuoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a {@link Command} into the one line an SSH exec request carries. The remote login shell
 * parses it, so every word goes through {@link ShellQuoting}. The environment is passed as {@code
 * env NAME=VALUE} words rather than SSH "env" requests, which sshd drops unless its {@code
 * AcceptEnv} lists the name.
 */
final class SshCommandLine {
  /** Names env(1) and sh accept as variables; anything else would be read as the program. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private SshCommandLine() {}

  /** The argv run remotely: privilege prefix, then {@code env NAME=VALUE...}, then the command. */
  static List<String> argv(Command command, SshPrivilege privilege) {
    List<String> words = new ArrayList<>(privilege.prefix());
    if (!command.environment().isEmpty()) {
      words.add("env");
      for (Map.Entry<String, String> e : command.environment().entrySet()) {
        checkArgument(
            NAME.matcher(e.getKey()).matches(),
            "environment variable name \"%s\" of command \"%s\" is not a valid name"
                + " ([A-Za-z_][A-Za-z0-9_]*)",
            e.getKey(),
            command);
        words.add(e.getKey() + "=" + e.getValue());
      }
    }
    words.addAll(command.argv());
    return words;
  }

  /** The quoted sh line for {@link #argv}. */
  static String line(Command command, SshPrivilege privilege) {
    return ShellQuoting.join(argv(command, privilege));
  }
}
