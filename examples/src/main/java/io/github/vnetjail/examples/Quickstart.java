package io.github.vnetjail.examples;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.Executors;
import io.github.vnetjail.examples.host.Jails;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.JailEvent;
import io.github.vnetjail.exec.JailManager;
import io.github.vnetjail.render.JailConfRenderOptions;
import io.github.vnetjail.render.JailConfRenderer;
import io.github.vnetjail.render.JailRcConfRenderer;
import io.github.vnetjail.render.RcConfRenderer;
import java.io.PrintStream;
import java.util.List;

/**
 * The quickstart: the seed's jail ({@code my-vnet-jail}, epair154, 192.168.1.154/24 on bridge0) end
 * to end on a simulated FreeBSD host: render its files, install them, start it, show its status,
 * stop it, and check that no interface leaked.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -pl examples -am package -DskipTests exec:java
 * }</pre>
 *
 * <p>The first argument picks another executor ({@code local} on a FreeBSD host as root, {@code
 * dry-run}, {@code ssh://root@host}).
 */
public final class Quickstart {
  private Quickstart() {}

  /** The seed's jail, as the blog post configures it. */
  static VnetJail seedJail() {
    return VnetJail.builder()
        .name("my-vnet-jail")
        .id(154)
        .bridge("bridge0")
        .ip("192.168.1.154/24")
        .gateway("192.168.1.1")
        .build();
  }

  /** The seed's host: bridge0 over em0, and the jail. */
  static HostConfig seedHost() {
    return HostConfig.builder()
        .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
        .addJail(seedJail())
        .build();
  }

  /** Runs the quickstart on the simulated host, or on the executor named by {@code args[0]}. */
  public static void main(String[] args) {
    try (CommandExecutor exec = Executors.parse(args.length > 0 ? args[0] : "simulated")) {
      run(exec, System.out);
    }
  }

  static void run(CommandExecutor exec, PrintStream out) {
    HostConfig host = seedHost();
    VnetJail jail = host.jails().get(0);
    // The seed's own hooks plus its exec.prestop release fix.
    JailConfRenderOptions seedHooks =
        JailConfRenderOptions.builder().hooks(JailConfRenderOptions.Hooks.SEED).build();
    out.println("vnetjail quickstart: the seed's VNET jail, end to end");
    out.println();
    out.println("== /etc/jail.conf.d/" + jail.name() + ".conf");
    out.print(JailConfRenderer.render(host, seedHooks));
    out.println("== /etc/rc.conf (the host's part)");
    out.print(RcConfRenderer.render(host));
    out.println("== " + jail.path() + "/etc/rc.conf (inside the jail)");
    out.print(JailRcConfRenderer.render(jail));
    out.println();

    List<String> before = Jails.interfaces(exec);
    Jails.prepareSimulated(exec, host);
    JailManager jails =
        JailManager.on(exec)
            .withRenderOptions(seedHooks)
            .withListener(
                e -> {
                  if (e.kind() != JailEvent.Kind.COMMAND) {
                    out.println("  " + e.jail() + " " + e.operation() + ": " + e.message());
                  }
                });
    out.println("== install");
    jails.install(host);
    out.println("== start");
    jails.start(jail.name());
    out.println("status: " + Jails.describe(jails.status(jail.name())));
    out.println("host interfaces: " + String.join(" ", Jails.interfaces(exec)));
    out.println("== stop");
    jails.stop(jail.name());
    out.println("status: " + Jails.describe(jails.status(jail.name())));
    List<String> after = Jails.interfaces(exec);
    out.println("host interfaces: " + String.join(" ", after));
    List<String> leaked =
        after.stream().filter(i -> !before.contains(i) && i.startsWith(jail.epair())).toList();
    out.println(
        leaked.isEmpty()
            ? "nothing leaked: "
                + jail.hostInterface()
                + " and "
                + jail.jailInterface()
                + " are gone"
            : "LEAKED: " + leaked);
  }
}
