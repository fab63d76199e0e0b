package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's jail.conf (SEED-SUMMARY.md, verbatim) on the simulated host, through JailConf. */
class SimulatedSeedTest {
  static final String SEED =
      "my-vnet-jail {\n"
          + "# ...\n"
          + "# VNET/VIMAGE\n"
          + "  vnet;\n"
          + "  vnet.interface = \"${epair}b\";\n"
          + "# NETWORKS/INTERFACES\n"
          + "  $id = \"154\";\n"
          + "  $ip = \"192.168.1.${id}/24\";\n"
          + "  $gateway = \"192.168.1.1\";\n"
          + "  $bridge = \"bridge0\";\n"
          + "  $epair = \"epair${id}\";\n"
          + "# ADD TO bridge INTERFACE\n"
          + "  exec.prestart  = \"/sbin/ifconfig ${epair} create up\";\n"
          + "  exec.prestart += \"/sbin/ifconfig ${epair}a up descr jail:${name}\";\n"
          + "  exec.prestart += \"/sbin/ifconfig ${bridge} addm ${epair}a up\";\n"
          + "  exec.start    += \"/sbin/ifconfig ${epair}b ${ip} up\";\n"
          + "  exec.start    += \"/sbin/route add default ${gateway}\";\n"
          + "  exec.poststop = \"/sbin/ifconfig ${bridge} deletem ${epair}a\";\n"
          + "  exec.poststop += \"/sbin/ifconfig ${epair}a destroy\";\n"
          + "}\n";

  static final String FIX =
      "  exec.prestop += \"/sbin/ifconfig ${epair}b || /sbin/ifconfig ${epair}b -vnet $name\";\n";

  static String withFix() {
    return SEED.replace("  exec.poststop =", FIX + "  exec.poststop =");
  }

  private static SimulatedHost host(String conf) {
    SimulatedHost host =
        SimulatedHost.builder().withInterface("em0").withBridge("bridge0", "em0").build();
    host.files().writeAtomically("/etc/jail.conf", conf);
    return host;
  }

  private static ExecResult run(SimulatedHost host, String... argv) {
    return host.execute(Command.of(List.of(argv)));
  }

  @Test
  void seedJailStartsWithItsEpairOnTheBridgeAndItsAddressAndRouteInside() {
    SimulatedHost host = host(SEED);
    ExecResult r = run(host, "jail", "-f", "/etc/jail.conf", "-c", "my-vnet-jail");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .isEqualTo("epair154a\nmy-vnet-jail: created\nadd net default: gateway 192.168.1.1\n");
    SimulatedHost.State s = host.state();
    SimulatedHost.Interface a = s.host().find("epair154a").get();
    assertThat(a.up()).isTrue();
    assertThat(a.bridge()).contains("bridge0");
    assertThat(a.description()).contains("jail:my-vnet-jail");
    assertThat(s.host().find("epair154b")).isEmpty();
    SimulatedHost.Stack jail = s.stack("my-vnet-jail").get();
    assertThat(jail.find("epair154b").get().inet()).containsExactly("192.168.1.154/24");
    assertThat(jail.find("epair154b").get().up()).isTrue();
    assertThat(jail.routes())
        .containsExactly(new SimulatedHost.Route("default", "192.168.1.1", "epair154b"));
    assertThat(run(host, "jexec", "my-vnet-jail", "route", "-n", "get", "default").stdout())
        .contains("    gateway: 192.168.1.1\n")
        .contains("  interface: epair154b\n");
  }

  @Test
  void seedJailStopsWithoutLeavingAnEpairOrBridgeMember() {
    SimulatedHost host = host(SEED);
    run(host, "jail", "-f", "/etc/jail.conf", "-c", "my-vnet-jail").requireSuccess();
    ExecResult r = run(host, "jail", "-f", "/etc/jail.conf", "-r", "my-vnet-jail");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("my-vnet-jail: removed\n");
    SimulatedHost.State s = host.state();
    assertThat(s.host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
    assertThat(s.host().find("bridge0").get().members()).containsExactly("em0");
    assertThat(s.jails()).isEmpty();
    assertThat(s.stacks()).hasSize(1);
  }

  @Test
  void withTheSeedsBugTheSeedConfigLosesEpair154b() {
    SimulatedHost host = host(SEED).keepVnetInterfacesOnRemove(true);
    run(host, "jail", "-c", "my-vnet-jail").requireSuccess();
    run(host, "jail", "-r", "my-vnet-jail").requireSuccess();
    SimulatedHost.State s = host.state();
    assertThat(s.host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
    assertThat(s.stack("my-vnet-jail").get().interfaceNames()).containsExactly("lo0", "epair154b");
    assertThat(s.jail("my-vnet-jail").get().dying()).isTrue();
    assertThat(run(host, "ifconfig", "-l").stdout()).isEqualTo("lo0 em0 bridge0\n");
    // restarting the jail now fails: unit 154 is still taken by the lost epair154b
    ExecResult again = run(host, "jail", "-c", "my-vnet-jail");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr())
        .isEqualTo(
            "ifconfig: interface epair154 already exists\n"
                + "jail: my-vnet-jail: /sbin/ifconfig epair154 create up: failed\n");
  }

  @Test
  void withTheSeedsBugTheReleaseFixLosesNothing() {
    SimulatedHost host = host(withFix()).keepVnetInterfacesOnRemove(true);
    run(host, "jail", "-c", "my-vnet-jail").requireSuccess();
    ExecResult r = run(host, "jail", "-r", "my-vnet-jail");
    assertThat(r.exitCode()).isZero();
    assertThat(host.processes())
        .extracting(p -> String.join(" ", p.argv()))
        .contains(
            "/bin/sh -c /sbin/ifconfig epair154b || /sbin/ifconfig epair154b -vnet my-vnet-jail",
            "/sbin/ifconfig epair154b -vnet my-vnet-jail");
    SimulatedHost.State s = host.state();
    assertThat(s.host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
    assertThat(s.stack("my-vnet-jail").get().interfaceNames()).containsExactly("lo0");
    assertThat(run(host, "jail", "-c", "my-vnet-jail").exitCode()).isZero();
  }

  @Test
  void serviceJailStartsAndStopsTheSeedJail() {
    SimulatedHost host = host(SEED);
    run(host, "sysrc", "jail_enable=YES").requireSuccess();
    ExecResult start = run(host, "service", "jail", "start", "my-vnet-jail");
    assertThat(start.stdout()).isEqualTo("Starting jails: my-vnet-jail.\n");
    assertThat(host.files().read("/var/run/jail_my-vnet-jail.id")).contains("1\n");
    ExecResult again = run(host, "service", "jail", "start", "my-vnet-jail");
    assertThat(again.exitCode()).isZero();
    assertThat(again.stdout())
        .isEqualTo(
            "Starting jails: cannot start jail  \"my-vnet-jail\": \n"
                + "jail: \"my-vnet-jail\" already exists\n"
                + ".\n");
    assertThat(run(host, "service", "jail", "stop", "my-vnet-jail").stdout())
        .isEqualTo("Stopping jails: my-vnet-jail.\n");
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void parseErrorsAndBadVariablesAreReportedLikeJail8() {
    SimulatedHost host = host("web {\n  path = ;\n}\n");
    ExecResult r = run(host, "jail", "-c", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).startsWith("jail: /etc/jail.conf line 2: ");
    SimulatedHost bad = host("web {\n  path = \"/x/$nope\";\n}\n");
    ExecResult v = run(bad, "jail", "-c", "web");
    assertThat(v.exitCode()).isEqualTo(1);
    assertThat(v.stderr()).isEqualTo("jail: web: path: variable \"nope\" not found\n");
  }

  @Test
  void aLostEpair154bComesBackByJidAndCanBeDestroyed() {
    SimulatedHost host = host(SEED).keepVnetInterfacesOnRemove(true);
    run(host, "jail", "-c", "my-vnet-jail").requireSuccess();
    run(host, "jail", "-r", "my-vnet-jail").requireSuccess();
    assertThat(run(host, "ifconfig", "epair154b", "-vnet", "my-vnet-jail").stderr())
        .isEqualTo("ifconfig: jail \"my-vnet-jail\" is dying\n");
    assertThat(run(host, "jls", "-d", "-j", "my-vnet-jail", "jid").stdout()).isEqualTo("1\n");
    run(host, "ifconfig", "epair154b", "-vnet", "1").requireSuccess();
    run(host, "ifconfig", "epair154b", "destroy").requireSuccess();
    assertThat(host.state().stack("my-vnet-jail").get().interfaceNames()).containsExactly("lo0");
    assertThat(run(host, "jail", "-c", "my-vnet-jail").exitCode()).isZero();
    assertThat(host.state().jails())
        .extracting(SimulatedHost.Jail::jid, SimulatedHost.Jail::dying)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true),
            org.assertj.core.groups.Tuple.tuple(2, false));
  }

  @Test
  void aJailsEtcRcConfiguresItsInterfaceAndDefaultRouter() {
    String conf =
        "web {\n"
            + "  path = \"/jails/web\";\n"
            + "  vnet;\n"
            + "  vnet.interface = \"epair7b\";\n"
            + "  exec.prestart = \"/sbin/ifconfig epair7 create up\";\n"
            + "  exec.prestart += \"/sbin/ifconfig bridge0 addm epair7a\";\n"
            + "  exec.start = \"/bin/sh /etc/rc\";\n"
            + "  exec.stop = \"/bin/sh /etc/rc.shutdown jail\";\n"
            + "  exec.poststop = \"/sbin/ifconfig epair7a destroy\";\n"
            + "}\n";
    SimulatedHost host = host(conf);
    host.files()
        .writeAtomically(
            "/jails/web/etc/rc.conf",
            "ifconfig_epair7b=\"inet 192.168.1.7/24\"\ndefaultrouter=\"192.168.1.1\"\n");
    ExecResult r = run(host, "jail", "-c", "web");
    assertThat(r.exitCode()).isZero();
    SimulatedHost.Stack web = host.state().stack("web").get();
    assertThat(web.find("epair7b").get().inet()).containsExactly("192.168.1.7/24");
    assertThat(web.find("epair7b").get().up()).isTrue();
    assertThat(web.find("lo0").get().inet()).containsExactly("127.0.0.1/8");
    assertThat(web.routes())
        .containsExactly(new SimulatedHost.Route("default", "192.168.1.1", "epair7b"));
    assertThat(run(host, "jail", "-r", "web").exitCode()).isZero();
    assertThat(host.state().host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
  }
}
