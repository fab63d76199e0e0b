package io.github.vnetjail.examples;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.DevfsRuleset;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.ValidationException;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.Executors;
import io.github.vnetjail.examples.host.Jails;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.JailManager;
import io.github.vnetjail.render.JailConf;
import io.github.vnetjail.render.JailConfRenderer;
import io.github.vnetjail.render.JailRcConfRenderer;
import java.io.PrintStream;

/**
 * A jail that takes its address by DHCP: {@code ifconfig_epair30b="SYNCDHCP"} in its own rc.conf,
 * and a devfs ruleset that unhides {@code bpf*}, which dhclient needs and which the stock VNET
 * ruleset 5 hides (the permission the seed's author forgot). Runs on the simulated host unless
 * {@code args[0]} names another executor.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=io.github.vnetjail.examples.DhcpJail
 * }</pre>
 */
public final class DhcpJail {
  private DhcpJail() {}

  /** Runs the example. */
  public static void main(String[] args) {
    try (CommandExecutor exec = Executors.parse(args.length > 0 ? args[0] : "simulated")) {
      run(exec, System.out);
    }
  }

  static void run(CommandExecutor exec, PrintStream out) {
    out.println("== DHCP with the stock VNET ruleset 5");
    try {
      VnetJail.builder()
          .name("dhcp")
          .id(30)
          .bridge("bridge0")
          .dhcp()
          .devfsRuleset(DevfsRuleset.jailVnet())
          .build();
      out.println("accepted (unexpected)");
    } catch (ValidationException e) {
      out.println(e.getMessage());
    }

    VnetJail jail =
        VnetJail.builder()
            .name("dhcp")
            .id(30)
            .bridge("bridge0")
            .dhcp()
            .devfsRuleset(DevfsRuleset.vnetWithBpf(10))
            .build();
    HostConfig host =
        HostConfig.builder()
            .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
            .addJail(jail)
            .build();

    out.println();
    out.println("== /etc/devfs.rules");
    out.print(Jails.generatedDevfsRules(host));
    out.println("== devfs_ruleset in /etc/jail.conf.d/dhcp.conf");
    out.println(
        "devfs_ruleset = "
            + JailConf.parse(JailConfRenderer.render(host))
                .effectiveParameters("dhcp")
                .get("devfs_ruleset"));
    out.println("== " + jail.path() + "/etc/rc.conf");
    out.print(JailRcConfRenderer.render(jail));

    out.println();
    out.println("== on the host");
    Jails.prepareSimulated(exec, host);
    JailManager jails = JailManager.on(exec);
    jails.install(host);
    out.println(
        "/etc/devfs.rules on the host unhides bpf: "
            + exec.files().read("/etc/devfs.rules").orElse("").contains("bpf*"));
    jails.start(jail.name());
    out.println(Jails.describe(jails.status(jail.name())));
    jails.stop(jail.name());
    out.println(Jails.describe(jails.status(jail.name())));
  }
}
