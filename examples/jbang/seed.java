///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.github.vnetjail:vnetjail-exec:0.1.0-SNAPSHOT

// The seed's VNET jail on the simulated FreeBSD host: build it, render its jail.conf, start it,
// print its status, stop it and check that nothing leaked. Run: jbang examples/jbang/seed.java

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.exec.Command;
import io.github.vnetjail.exec.CommandExecutors;
import io.github.vnetjail.exec.SimulatedHost;
import io.github.vnetjail.render.JailConfRenderOptions;
import io.github.vnetjail.render.JailConfRenderer;

class seed {
  public static void main(String... args) {
    VnetJail jail =
        VnetJail.builder()
            .name("my-vnet-jail")
            .id(154)
            .bridge("bridge0")
            .ip("192.168.1.154/24")
            .gateway("192.168.1.1")
            .build();
    HostConfig host =
        HostConfig.builder()
            .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
            .addJail(jail)
            .build();
    // The seed's own hooks plus its exec.prestop release fix.
    String jailConf =
        JailConfRenderer.render(
            host,
            JailConfRenderOptions.builder().hooks(JailConfRenderOptions.Hooks.SEED).build());
    System.out.print(jailConf);

    try (SimulatedHost freebsd = CommandExecutors.simulated()) {
      freebsd.execute(Command.of("ifconfig", "bridge0", "create")).requireSuccess();
      freebsd.execute(Command.of("ifconfig", "bridge0", "addm", "em0", "up")).requireSuccess();
      freebsd.execute(Command.of("mkdir", "-p", jail.path())).requireSuccess();
      freebsd.files().writeAtomically("/etc/jail.conf", jailConf);

      freebsd.execute(Command.of("jail", "-f", "/etc/jail.conf", "-c", jail.name())).requireSuccess();
      SimulatedHost.State s = freebsd.state();
      System.out.println("started " + jail.name() + " (jid " + s.jail(jail.name()).get().jid() + ")");
      SimulatedHost.Stack inside = s.stack(jail.name()).get();
      System.out.println(
          "status: "
              + jail.jailInterface()
              + " "
              + String.join(" ", inside.find(jail.jailInterface()).get().inet())
              + ", default via "
              + inside.routes().stream()
                  .filter(r -> r.destination().equals("default"))
                  .findFirst()
                  .get()
                  .gateway());

      freebsd.execute(Command.of("jail", "-f", "/etc/jail.conf", "-r", jail.name())).requireSuccess();
      System.out.println(
          "stopped "
              + jail.name()
              + "; host interfaces: "
              + String.join(" ", freebsd.state().host().interfaceNames()));
    }
  }
}
