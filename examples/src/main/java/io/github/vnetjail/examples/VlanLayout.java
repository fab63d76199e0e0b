package io.github.vnetjail.examples;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.Vlan;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.Jails;
import io.github.vnetjail.exec.Command;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.JailManager;
import io.github.vnetjail.exec.SimulatedHost;
import io.github.vnetjail.render.RcConfRenderer;
import java.io.PrintStream;

/**
 * Jails in two VLANs, as the seed's author runs them so that traffic between them must cross the
 * router: VLANs 10 and 20 on {@code em0}, a bridge per VLAN, and a jail on each whose epair unit
 * and address the SDK allocates from the bridge's subnet. Prints the host's rc.conf that makes this
 * at boot, then starts both jails on the simulated host.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=io.github.vnetjail.examples.VlanLayout
 * }</pre>
 */
public final class VlanLayout {
  private VlanLayout() {}

  static HostConfig host() {
    // Named vlan10/vlan20 (rc.conf: vlans_em0="vlan10 vlan20", create_args_vlan10="vlan 10");
    // Vlan.of("em0", 10) would give the default name em0.10.
    Vlan v10 = Vlan.builder().parent("em0").tag(10).name("vlan10").build();
    Vlan v20 = Vlan.builder().parent("em0").tag(20).name("vlan20").build();
    return HostConfig.builder()
        .addVlan(v10)
        .addVlan(v20)
        .addBridge(
            Bridge.builder()
                .name("bridge10")
                .addMember(v10.interfaceName())
                .subnet("10.0.10.0/24")
                .gateway("10.0.10.1")
                .build())
        .addBridge(
            Bridge.builder()
                .name("bridge20")
                .addMember(v20.interfaceName())
                .subnet("10.0.20.0/24")
                .gateway("10.0.20.1")
                .build())
        .addJail(VnetJail.builder().name("web").bridge("bridge10").build())
        .addJail(VnetJail.builder().name("db").bridge("bridge20").build())
        .build();
  }

  /** Runs the example on a simulated host whose em0 carries VLANs 10 and 20 (vlan10, vlan20). */
  public static void main(String[] args) {
    try (SimulatedHost exec =
        SimulatedHost.builder()
            .withInterface("em0")
            .withInterface("vlan10")
            .withInterface("vlan20")
            .build()) {
      run(exec, System.out);
    }
  }

  static void run(CommandExecutor exec, PrintStream out) {
    HostConfig host = host();
    out.println("== /etc/rc.conf (the host's part)");
    out.print(RcConfRenderer.render(host));
    out.println();
    out.println("== allocated");
    for (VnetJail j : host.jails()) {
      out.println(
          j.name()
              + ": "
              + j.bridge()
              + ", "
              + j.hostInterface()
              + "/"
              + j.jailInterface()
              + ", "
              + j.ip().map(Object::toString).orElse("-")
              + " via "
              + j.gateway().map(Object::toString).orElse("-"));
    }
    out.println();
    out.println("== on the host");
    Jails.prepareSimulated(exec, host);
    JailManager jails = JailManager.on(exec);
    jails.install(host);
    jails.start("web", "db");
    for (VnetJail j : host.jails()) {
      out.println(Jails.describe(jails.status(j.name())));
    }
    for (Bridge b : host.bridges()) {
      StringBuilder members = new StringBuilder();
      String shown = exec.execute(Command.of("ifconfig", b.name())).stdout();
      for (String line : shown.split("\n")) {
        if (line.strip().startsWith("member: ")) {
          members.append(' ').append(line.strip().split(" ")[1]);
        }
      }
      out.println(b.name() + " members:" + members);
    }
    jails.stop("web", "db");
    // Sorted: the jails start in parallel, so the bridges are created in either order.
    out.println(
        "after stop: " + String.join(" ", Jails.interfaces(exec).stream().sorted().toList()));
  }
}
