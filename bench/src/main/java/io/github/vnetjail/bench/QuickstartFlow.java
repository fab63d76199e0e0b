package io.github.vnetjail.bench;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.exec.JailManager;
import io.github.vnetjail.exec.SimulatedHost;

/**
 * The quickstart's flow through the whole stack in one fresh JVM, to time a cold run: build the
 * seed's jail, install it on a simulated host, start it, read its status, stop it. Run by {@code
 * bench/cold-quickstart.sh} under {@code /usr/bin/time}.
 *
 * <pre>{@code
 * bench/cold-quickstart.sh 5 io.github.vnetjail.bench.QuickstartFlow
 * }</pre>
 */
public final class QuickstartFlow {
  private QuickstartFlow() {}

  /** Runs the flow once and prints the jail's status while it runs. */
  public static void main(String[] args) {
    HostConfig config =
        HostConfig.builder()
            .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
            .addJail(
                VnetJail.builder()
                    .name("my-vnet-jail")
                    .id(154)
                    .bridge("bridge0")
                    .ip("192.168.1.154/24")
                    .gateway("192.168.1.1")
                    .build())
            .build();
    SimulatedHost host =
        SimulatedHost.builder()
            .withInterface("em0")
            .withBridge("bridge0", "em0")
            .withDirectory(config.jails().get(0).path())
            .build();
    JailManager jails = JailManager.on(host);
    jails.install(config);
    jails.start("my-vnet-jail");
    System.out.println(jails.status("my-vnet-jail"));
    jails.stop("my-vnet-jail");
    System.out.println(host.commands().size() + " commands");
  }
}
