package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.HostDriver;
import io.github.vnetjail.exec.CommandExecutor;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code vnetjail status}: whether each jail runs, its address and its default route. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show each jail: running or not, jid, addresses, default route. Exit 3 if one is not running.")
final class StatusCommand extends LifecycleCommand {
  @Override
  public Integer call() {
    HostConfig host = hostOptions.host();
    List<VnetJail> jails = selected(host, names);
    boolean allRunning = true;
    try (CommandExecutor exec = open()) {
      HostDriver driver = driver(exec);
      for (VnetJail j : jails) {
        HostDriver.JailState s = driver.status(j.name(), j.jailInterface());
        allRunning &= s.running();
        out().println(s);
      }
    }
    out().flush();
    return allRunning ? 0 : 3;
  }
}
