package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.JailManager;
import io.github.vnetjail.exec.JailStatus;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code vnetjail status}: each jail's state, jid, interfaces and addresses. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show each jail: state, jid, its interface and addresses. Exit 3 if one is not running.")
final class StatusCommand extends LifecycleCommand {
  @Override
  public Integer call() {
    HostConfig host = hostOptions.host();
    List<VnetJail> jails = selected(host, names);
    boolean allRunning = true;
    try (CommandExecutor exec = open()) {
      JailManager manager = on(exec);
      for (VnetJail j : jails) {
        JailStatus s = manager.status(j.name());
        allRunning &= s.isRunning();
        out().println(describe(s));
      }
    }
    out().flush();
    return allRunning ? 0 : 3;
  }
}
