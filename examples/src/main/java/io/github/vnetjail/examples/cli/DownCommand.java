package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.exec.Command;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.JailManager;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code vnetjail down}: stops the host's jails, dependents first, with progress. */
@CommandLine.Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = {
      "Stop the jails, dependents first (stopped ones are left alone); the epairs are released.",
      "Progress goes to stderr, each jail's status and the host's interfaces to stdout."
    })
final class DownCommand extends LifecycleCommand {
  @Override
  public Integer call() {
    HostConfig host = hostOptions.host();
    List<VnetJail> jails = selected(host, names);
    List<String> jailNames = new ArrayList<>();
    jails.forEach(j -> jailNames.add(j.name()));
    try (CommandExecutor exec = open()) {
      JailManager manager = manager(exec, jails.size());
      manager.stop(jailNames);
      for (String n : jailNames) {
        out().println(describe(manager.status(n)));
      }
      out()
          .println(
              "host interfaces: "
                  + exec.execute(Command.of("ifconfig", "-l")).requireSuccess().stdout().strip());
    }
    out().flush();
    return 0;
  }
}
