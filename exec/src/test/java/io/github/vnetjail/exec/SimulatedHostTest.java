package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SimulatedHostTest {
  private static ExecResult run(SimulatedHost host, String... argv) {
    return host.execute(Command.of(List.of(argv)));
  }

  private static final Map<String, Map<String, List<String>>> SEED = new LinkedHashMap<>();

  /** The seed's jail as effective parameters; the JailConf-based test is in SimulatedSeedTest. */
  private static Map<String, List<String>> seed(boolean withFix) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("vnet", List.of());
    p.put("vnet.interface", List.of("epair5b"));
    p.put(
        "exec.prestart",
        List.of("/sbin/ifconfig epair5 create up", "/sbin/ifconfig bridge0 addm epair5a up"));
    p.put("exec.start", List.of("/sbin/ifconfig epair5b 10.0.0.5/24 up"));
    if (withFix) {
      p.put("exec.prestop", List.of("/sbin/ifconfig epair5b || /sbin/ifconfig epair5b -vnet web"));
    }
    p.put(
        "exec.poststop",
        List.of("/sbin/ifconfig bridge0 deletem epair5a", "/sbin/ifconfig epair5a destroy"));
    return p;
  }

  private static SimulatedHost hostWith(Map<String, List<String>> params) {
    SimJailConfigReader reader =
        (file, text, fs) ->
            new SimJailConfigReader.Config() {
              @Override
              public List<String> jailNames() {
                return List.of("web");
              }

              @Override
              public Map<String, List<String>> parameters(String jail) {
                return params;
              }
            };
    return SimulatedHost.builder()
        .withInterface("em0")
        .withBridge("bridge0", "em0")
        .withFile("/etc/jail.conf", "web {}\n")
        .configReader(reader)
        .build();
  }

  @Test
  void unknownProgramsAreNotFoundWith127() {
    SimulatedHost host = SimulatedHost.create();
    ExecResult r = run(host, "/usr/local/bin/frob", "x");
    assertThat(r.exitCode()).isEqualTo(127);
    assertThat(r.stderr()).isEqualTo("sh: /usr/local/bin/frob: not found\n");
    assertThat(run(host, "/usr/bin/ifconfig", "-l").exitCode()).isEqualTo(127);
    assertThat(run(host, "/sbin/ifconfig", "-l").stdout()).isEqualTo("lo0 em0\n");
  }

  @Test
  void recordsTheCommandsItReceived() {
    SimulatedHost host = SimulatedHost.create();
    Command a = Command.of("ifconfig", "-l");
    Command b = Command.of("jls");
    host.execute(a);
    host.execute(b);
    assertThat(host.commands()).containsExactly(a, b);
  }

  @Test
  void failsTheNthCommandWithoutRunningIt() {
    SimulatedHost host = SimulatedHost.create();
    host.inject(SimulatedFault.onCommand(2).exitCode(3).stderr("boom\n"));
    assertThat(run(host, "ifconfig", "epair0", "create").exitCode()).isZero();
    ExecResult failed = run(host, "ifconfig", "epair1", "create");
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.stderr()).isEqualTo("boom\n");
    assertThat(host.state().host().find("epair1a")).isEmpty();
    assertThat(run(host, "ifconfig", "epair1", "create").exitCode()).isZero();
  }

  @Test
  void failsMatchingProgramsInsideJailSteps() {
    SimulatedHost host = hostWith(seed(true));
    host.inject(
        SimulatedFault.matching("ifconfig epair5b vnet")
            .stderr("ifconfig: SIOCSIFVNET: Device busy\n"));
    ExecResult r = run(host, "jail", "-c", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .isEqualTo(
            "ifconfig: SIOCSIFVNET: Device busy\n"
                + "jail: web: /sbin/ifconfig epair5b vnet web: failed\n");
    assertThat(r.stdout()).isEqualTo("epair5a\nweb: created\nweb: removed\n");
    assertThat(host.state().jails()).isEmpty();
    // fired once: the next start works
    run(host, "ifconfig", "epair5a", "destroy");
    assertThat(run(host, "jail", "-c", "web").exitCode()).isZero();
  }

  @Test
  void matchingFaultsFireAsOftenAsAsked() {
    SimulatedHost host = SimulatedHost.create();
    host.inject(SimulatedFault.matching("^jls").times(2));
    assertThat(run(host, "jls").exitCode()).isEqualTo(1);
    assertThat(run(host, "jls").exitCode()).isEqualTo(1);
    assertThat(run(host, "jls").exitCode()).isZero();
    host.inject(SimulatedFault.matching("-l$").always().exitCode(9));
    for (int i = 0; i < 5; i++) {
      assertThat(run(host, "ifconfig", "-l").exitCode()).isEqualTo(9);
    }
    assertThatThrownBy(() -> SimulatedFault.onCommand(1).always())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatedFault.onCommand(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSeedsBugLeavesTheJailSideInTheDyingJail() {
    SimulatedHost host = hostWith(seed(false)).keepVnetInterfacesOnRemove(true);
    run(host, "jail", "-c", "web");
    ExecResult r = run(host, "jail", "-r", "web");
    assertThat(r.exitCode()).isZero();
    SimulatedHost.State s = host.state();
    assertThat(s.host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
    assertThat(s.host().find("bridge0").get().members()).containsExactly("em0");
    assertThat(s.jail("web").get().dying()).isTrue();
    assertThat(s.stack("web").get().interfaceNames()).containsExactly("lo0", "epair5b");
    assertThat(run(host, "ifconfig", "epair5b").stderr())
        .isEqualTo("ifconfig: interface epair5b does not exist\n");
    assertThat(run(host, "jls").stdout())
        .isEqualTo("   JID  IP Address      Hostname                      Path\n");
    assertThat(run(host, "jls", "-d", "name", "dying").stdout()).isEqualTo("web true\n");
    // the unit is still held: the next start of the same jail fails in exec.prestart
    assertThat(run(host, "ifconfig", "epair5", "create").stderr())
        .isEqualTo("ifconfig: interface epair5 already exists\n");
    assertThat(run(host, "ifconfig", "epair5b", "-vnet", "web").stderr())
        .isEqualTo("ifconfig: jail \"web\" is dying\n");
    host.releaseDyingJails();
    assertThat(host.state().host().interfaceNames())
        .containsExactly("lo0", "em0", "bridge0", "epair5b");
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void theReleaseFixLosesNothingEvenWithTheBug() {
    SimulatedHost host = hostWith(seed(true)).keepVnetInterfacesOnRemove(true);
    run(host, "jail", "-c", "web");
    ExecResult r = run(host, "jail", "-r", "web");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr()).isEqualTo("ifconfig: interface epair5b does not exist\n");
    assertThat(host.state().host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
    assertThat(host.state().stack("web").get().interfaceNames()).containsExactly("lo0");
    assertThat(run(host, "ifconfig", "epair5", "create").exitCode()).isZero();
  }

  @Test
  void aLeakedInterfaceCanBeReclaimedByJid() {
    SimulatedHost host = hostWith(seed(false)).keepVnetInterfacesOnRemove(true);
    run(host, "jail", "-c", "web");
    host.keepVnetInterfacesOnRemove(true);
    // remove without poststop so both sides survive
    run(host, "jail", "-R", "web");
    ExecResult r = run(host, "ifconfig", "epair5b", "-vnet", "1");
    assertThat(r.exitCode()).isZero();
    assertThat(host.state().host().interfaceNames()).contains("epair5a", "epair5b");
  }

  @Test
  void removedJailsStayDyingForTheGivenNumberOfCommands() {
    SimulatedHost host = hostWith(seed(true)).leaveJailsDying(2);
    run(host, "jail", "-c", "web");
    run(host, "jail", "-r", "web");
    assertThat(run(host, "jls", "-d", "-v").stdout())
        .contains("        web                           DYING\n");
    assertThat(run(host, "jexec", "web", "true").stderr())
        .isEqualTo("jexec: jail \"web\" is dying\n");
    assertThat(run(host, "jls", "-d").stdout())
        .isEqualTo("   JID  IP Address      Hostname                      Path\n");
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void dyingJailsGoAwayOnTick() {
    SimulatedHost host = hostWith(seed(true)).leaveJailsDying(1);
    run(host, "jail", "-c", "web");
    run(host, "jail", "-r", "web");
    host.tick();
    assertThat(host.state().jail("web").get().dying()).isTrue();
    host.tick();
    assertThat(host.state().jails()).isEmpty();
    // a new jail with the dying one's name gets a new jid meanwhile
    SimulatedHost other = hostWith(seed(true)).leaveJailsDying(5);
    run(other, "jail", "-c", "web");
    run(other, "jail", "-r", "web");
    run(other, "jail", "-c", "web");
    assertThat(other.state().jails()).extracting(SimulatedHost.Jail::jid).containsExactly(1, 2);
  }

  @Test
  void snapshotsCompareByValueAndPrint() {
    SimulatedHost a = hostWith(seed(false));
    SimulatedHost b = hostWith(seed(false));
    run(a, "jail", "-c", "web");
    run(b, "jail", "-c", "web");
    assertThat(a.state()).isEqualTo(b.state());
    run(b, "ifconfig", "epair5a", "down");
    assertThat(a.state()).isNotEqualTo(b.state());
    assertThat(a.state().toString())
        .contains("stack host\n  lo0 up")
        .contains("bridge0 up ether 58:9c:fc:")
        .contains("members [epair5a, em0]")
        .contains("stack web (jid 1)\n  lo0 down\n  epair5b up ether 02:")
        .contains("inet 10.0.0.5/24")
        .contains("jail 1 web ACTIVE vnet path / host.hostname simhost")
        .contains("/etc/jail.conf (7 chars)");
    assertThatThrownBy(() -> a.state().jails().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void filesWriteAtomicallyWithABackup() {
    SimulatedHost host = SimulatedHost.create();
    HostFiles files = host.files();
    assertThat(files.exists("/etc/rc.conf")).isFalse();
    files.writeAtomically("/usr/local/etc/jail.conf.d/web.conf", "one\n");
    files.writeAtomically("/usr/local/etc/jail.conf.d/web.conf", "two\n");
    assertThat(files.read("/usr/local/etc/jail.conf.d/web.conf")).contains("two\n");
    assertThat(files.read("/usr/local/etc/jail.conf.d/web.conf.bak")).contains("one\n");
    assertThat(run(host, "cat", "/usr/local/etc/jail.conf.d/web.conf").stdout()).isEqualTo("two\n");
    assertThat(host.commands()).hasSize(1);
  }

  @Test
  void shellHostFilesWorkAgainstTheSimulatedHostToo() {
    SimulatedHost host = SimulatedHost.create();
    HostFiles viaSh = HostFiles.viaCommands(host);
    viaSh.writeAtomically("/etc/rc.conf", "a=1\n");
    viaSh.writeAtomically("/etc/rc.conf", "a=2\n");
    assertThat(viaSh.read("/etc/rc.conf")).contains("a=2\n");
    assertThat(viaSh.exists("/etc/rc.conf.bak")).isTrue();
    assertThat(viaSh.read("/nope")).isEmpty();
    assertThat(host.files().read("/etc/rc.conf.bak")).contains("a=1\n");
  }

  @Test
  void builderRejectsBadSetups() {
    assertThatThrownBy(() -> SimulatedHost.builder().withBridge("bridge0", "em9").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("em9");
    assertThatThrownBy(() -> SimulatedHost.builder().withBridge("br0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SimulatedHost.builder().withInterface("em0").withInterface("em0").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void startsTwoHundredJailsFromEightThreads() throws Exception {
    SimulatedHost host =
        SimulatedHost.builder().withInterface("em0").withBridge("bridge0", "em0").build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                for (int k = 0; k < 25; k++) {
                  int id = thread * 25 + k;
                  run(host, "ifconfig", "epair" + id, "create", "up").requireSuccess();
                  run(host, "ifconfig", "bridge0", "addm", "epair" + id + "a").requireSuccess();
                  run(
                          host,
                          "jail",
                          "-c",
                          "name=j" + id,
                          "vnet",
                          "persist",
                          "vnet.interface=epair" + id + "b")
                      .requireSuccess();
                  run(
                          host,
                          "jexec",
                          "j" + id,
                          "ifconfig",
                          "epair" + id + "b",
                          "inet",
                          "10.1." + (id / 250) + "." + (id % 250 + 1) + "/16",
                          "up")
                      .requireSuccess();
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    SimulatedHost.State s = host.state();
    assertThat(s.jails()).hasSize(200);
    assertThat(s.jails()).extracting(SimulatedHost.Jail::jid).doesNotHaveDuplicates();
    assertThat(s.host().find("bridge0").get().members()).hasSize(201);
    assertThat(s.stacks()).hasSize(201);
    futures.clear();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                for (int k = 0; k < 25; k++) {
                  int id = thread * 25 + k;
                  run(host, "jail", "-r", "j" + id).requireSuccess();
                  run(host, "ifconfig", "epair" + id + "a", "destroy").requireSuccess();
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(host.state().jails()).isEmpty();
    assertThat(host.state().host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
    assertThat(host.commands()).hasSize(1200);
  }

  @Test
  void timedOutFaultsLookLikeAKilledCommand() {
    SimulatedHost host = SimulatedHost.create();
    host.inject(SimulatedFault.matching("^jls").timedOut());
    ExecResult r = run(host, "jls");
    assertThat(r.timedOut()).isTrue();
    assertThat(r.exitCode()).isEqualTo(124);
    assertThat(r.isSuccess()).isFalse();
    host.inject(SimulatedFault.matching("^ifconfig -l").timedOut());
    ExecResult nested = run(host, "sh", "-c", "ifconfig -l");
    assertThat(nested.timedOut()).isFalse();
    assertThat(nested.exitCode()).isEqualTo(124);
    host.inject(SimulatedFault.onCommand(1).timedOut());
    assertThat(run(host, "true").timedOut()).isTrue();
    assertThat(run(host, "true").timedOut()).isFalse();
  }
}
