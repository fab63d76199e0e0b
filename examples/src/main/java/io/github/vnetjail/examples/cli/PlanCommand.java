package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.HostDriver;
import io.github.vnetjail.exec.Command;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.DryRunExecutor;
import io.github.vnetjail.exec.ExecResult;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code vnetjail plan}: what {@code up} would write and run, as one sh script, without touching
 * any host.
 */
@CommandLine.Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Print, as one sh script, the files and commands that up would write and run.")
final class PlanCommand extends LifecycleCommand {
  @Override
  public Integer call() {
    HostConfig host = hostOptions.host();
    List<VnetJail> jails = selected(host, names);
    // Files are read, and bridges probed, on the chosen host (the simulated one is fresh); nothing
    // is written or run there. Every other command is recorded and answered with success.
    try (CommandExecutor target = open()) {
      DryRunExecutor.Builder b = DryRunExecutor.builder().readFrom(target.files());
      for (Bridge bridge : host.bridges()) {
        Command probe = Command.of("ifconfig", bridge.name());
        ExecResult r = target.execute(probe);
        b.answer(probe::equals, r.exitCode(), r.stdout());
      }
      DryRunExecutor dry = b.build();
      HostDriver driver = driver(dry);
      driver.install(host);
      for (VnetJail j : jails) {
        driver.start(j.name());
      }
      out().print(dry.script());
      dry.close();
    }
    out().flush();
    return 0;
  }
}
