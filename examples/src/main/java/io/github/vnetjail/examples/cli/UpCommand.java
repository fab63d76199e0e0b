package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.Jails;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.JailManager;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code vnetjail up}: installs the host's files and starts its jails, with progress. */
@CommandLine.Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Install the files and start the jails (running ones are left alone); a failed start is"
          + " rolled back.",
      "Progress goes to stderr, each jail's status to stdout."
    })
final class UpCommand extends LifecycleCommand {
  @Override
  public Integer call() {
    HostConfig host = hostOptions.host();
    List<VnetJail> jails = selected(host, names);
    List<String> jailNames = new ArrayList<>();
    jails.forEach(j -> jailNames.add(j.name()));
    try (CommandExecutor exec = open()) {
      Jails.prepareSimulated(exec, host);
      JailManager manager = manager(exec, jails.size());
      manager.install(host);
      manager.start(jailNames);
      for (String n : jailNames) {
        out().println(describe(manager.status(n)));
      }
    }
    out().flush();
    return 0;
  }
}
