package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.HostDriver;
import io.github.vnetjail.exec.CommandExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code vnetjail down}: stops the host's jails in reverse order, with progress. */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = {
      "Stop the jails, last first (not running: skipped).",
      "Progress goes to stderr, each jail's status and the host's interfaces to stdout."
    })
final class DownCommand extends LifecycleCommand {
  @Override
  public Integer call() {
    HostConfig host = hostOptions.host();
    List<VnetJail> jails = new ArrayList<>(selected(host, names));
    Collections.reverse(jails);
    try (CommandExecutor exec = open()) {
      HostDriver driver = driver(exec);
      int i = 0;
      for (VnetJail j : jails) {
        i++;
        if (!driver.status(j.name(), j.jailInterface()).running()) {
          progress(i, jails.size(), j.name(), "not running");
          continue;
        }
        progress(i, jails.size(), j.name(), "stopping");
        driver.stop(j.name());
        progress(i, jails.size(), j.name(), "stopped");
      }
      for (VnetJail j : jails) {
        out().println(driver.status(j.name(), j.jailInterface()));
      }
      out().println("host interfaces: " + String.join(" ", driver.hostInterfaces()));
    }
    out().flush();
    return 0;
  }
}
