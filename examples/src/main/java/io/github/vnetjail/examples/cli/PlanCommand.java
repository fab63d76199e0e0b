package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.Plan;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code vnetjail plan}: the files {@code up} would write (with a diff) and the commands it would
 * run, computed against the chosen host without changing it.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Print the files up would write (with a diff) and the commands it would run; the host"
            + " is only read.")
final class PlanCommand extends LifecycleCommand {
  @Override
  public Integer call() {
    HostConfig host = hostOptions.host();
    List<String> jailNames = new ArrayList<>();
    for (VnetJail j : selected(host, names)) {
      jailNames.add(j.name());
    }
    try (CommandExecutor exec = open()) {
      Plan plan =
          on(exec)
              .plan(
                  m -> {
                    m.install(host);
                    m.start(jailNames);
                  });
      out().print(plan.isEmpty() ? "nothing to do\n" : plan.toString());
    }
    out().flush();
    return 0;
  }
}
