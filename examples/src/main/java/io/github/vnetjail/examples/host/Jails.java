package io.github.vnetjail.examples.host;

import io.github.vnetjail.core.DevfsRuleset;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.Jail;
import io.github.vnetjail.exec.Command;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.JailStatus;
import io.github.vnetjail.exec.SimulatedHost;
import io.github.vnetjail.render.DevfsRules;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Small things the examples and the CLI share around {@link io.github.vnetjail.exec.JailManager}.
 *
 * <pre>{@code
 * Jails.prepareSimulated(exec, host);                 // only on a SimulatedHost
 * jails.start("web");
 * System.out.println(Jails.describe(jails.status("web")));
 * }</pre>
 */
public final class Jails {
  private Jails() {}

  /**
   * On a {@link SimulatedHost}, creates an empty directory at each jail's path, standing in for the
   * userland a real host must have there; on any other executor does nothing.
   */
  public static void prepareSimulated(CommandExecutor exec, HostConfig host) {
    if (exec instanceof SimulatedHost) {
      for (Jail j : host.allJails()) {
        exec.execute(Command.of("mkdir", "-p", j.path())).requireSuccess();
      }
    }
  }

  /** Returns the host's interfaces ({@code ifconfig -l}), in creation order. */
  public static List<String> interfaces(CommandExecutor exec) {
    return Arrays.asList(
        exec.execute(Command.of("ifconfig", "-l")).requireSuccess().stdout().strip().split(" "));
  }

  /**
   * Returns one line for a jail: {@code web: running, jid 1, epair10a on bridge, epair10b on jail,
   * 192.168.1.10/24}.
   */
  public static String describe(JailStatus s) {
    StringBuilder b = new StringBuilder(s.name()).append(": ");
    b.append(s.state().name().toLowerCase(Locale.ROOT));
    s.jid().ifPresent(j -> b.append(", jid ").append(j));
    if (s.isRunning()) {
      for (JailStatus.InterfaceStatus i : s.interfaces()) {
        b.append(", ")
            .append(i.name())
            .append(" on ")
            .append(i.location().name().toLowerCase(Locale.ROOT));
      }
      s.addresses().forEach(a -> b.append(", ").append(a));
    }
    return b.toString();
  }

  /** Returns the devfs.rules text of the host's generated rulesets (bpf for DHCP), or "". */
  public static String generatedDevfsRules(HostConfig host) {
    StringBuilder text = new StringBuilder();
    for (DevfsRuleset r : host.devfsRulesets()) {
      if (r.isGenerated()) {
        text.append(
            DevfsRules.render(
                r.name().orElseThrow(),
                r.number(),
                DevfsRules.vnetRules(r.exposesBpf(), r.exposesPf())));
      }
    }
    return text.toString();
  }
}
