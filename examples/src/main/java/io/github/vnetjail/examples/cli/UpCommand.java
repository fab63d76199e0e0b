package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.HostDriver;
import io.github.vnetjail.exec.CommandExecutor;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code vnetjail up}: installs the host's files and starts its jails, with progress. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Install the files, create the bridges and start the jails (already running: skipped).",
      "Progress goes to stderr, each jail's status to stdout."
    })
final class UpCommand extends LifecycleCommand {
  @Override
  public Integer call() {
    HostConfig host = hostOptions.host();
    List<VnetJail> jails = selected(host, names);
    try (CommandExecutor exec = open()) {
      HostDriver driver = driver(exec);
      err().println("installing " + String.join(", ", driver.install(host)));
      int i = 0;
      for (VnetJail j : jails) {
        i++;
        if (driver.status(j.name(), j.jailInterface()).running()) {
          progress(i, jails.size(), j.name(), "already running");
          continue;
        }
        progress(i, jails.size(), j.name(), "starting");
        driver.start(j.name());
        progress(i, jails.size(), j.name(), "started");
      }
      for (VnetJail j : jails) {
        out().println(driver.status(j.name(), j.jailInterface()));
      }
    }
    out().flush();
    return 0;
  }
}
