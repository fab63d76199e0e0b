package io.github.vnetjail.exec;

import static io.github.vnetjail.exec.JailManagerHosts.assertClean;
import static io.github.vnetjail.exec.JailManagerHosts.config;
import static io.github.vnetjail.exec.JailManagerHosts.host;
import static io.github.vnetjail.exec.JailManagerHosts.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.HostConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class JailManagerTest {
  private final HostConfig config = config(seed());
  private final SimulatedHost host = host(config);
  private final List<JailEvent> events = new CopyOnWriteArrayList<>();
  private final JailManager jails = JailManager.on(host).withListener(events::add);

  @Test
  void startsTheSeedJailWithEpairOnBridgeInterfaceInJailAndRoute() {
    jails.install(config);
    jails.start("my-vnet-jail");

    SimulatedHost.State s = host.state();
    assertThat(s.jail("my-vnet-jail").get().dying()).isFalse();
    assertThat(s.host().find("epair154a").get().bridge()).contains("bridge0");
    SimulatedHost.Stack in = s.stack("my-vnet-jail").get();
    assertThat(in.find("epair154b").get().inet()).containsExactly("192.168.1.154/24");
    assertThat(in.routes()).extracting(SimulatedHost.Route::gateway).containsExactly("192.168.1.1");
    assertThat(events)
        .filteredOn(e -> e.kind() == JailEvent.Kind.CHECK_PASSED)
        .extracting(JailEvent::message)
        .containsExactly(
            "epair154a is on bridge0", "epair154b is in the jail", "default route via 192.168.1.1");
  }

  @Test
  void statusReportsStateJidInterfacesAndAddresses() {
    jails.install(config);
    assertThat(jails.status("my-vnet-jail").state()).isEqualTo(JailStatus.State.STOPPED);
    jails.start("my-vnet-jail");

    JailStatus st = jails.status("my-vnet-jail");
    assertThat(st.state()).isEqualTo(JailStatus.State.RUNNING);
    assertThat(st.jid()).hasValue(host.state().jail("my-vnet-jail").get().jid());
    assertThat(st.managed()).isTrue();
    assertThat(st.iface("epair154a").get().location()).isEqualTo(JailStatus.Location.BRIDGE);
    assertThat(st.iface("epair154b").get().location()).isEqualTo(JailStatus.Location.JAIL);
    assertThat(st.addresses()).containsExactly("192.168.1.154/24");
    assertThat(jails.list()).extracting(JailStatus::name).containsExactly("my-vnet-jail");
  }

  @Test
  void stopLeavesNothingOfTheJailOnTheHost() {
    jails.install(config);
    jails.start("my-vnet-jail");
    jails.stop("my-vnet-jail");

    assertClean(host);
    assertThat(jails.status("my-vnet-jail").state()).isEqualTo(JailStatus.State.STOPPED);
  }

  @Test
  void startingARunningJailAndStoppingAStoppedOneRunOnlyProbes() {
    jails.install(config);
    RecordingExecutor rec = CommandExecutors.recording(host);
    JailManager recorded = JailManager.on(rec);
    recorded.start("my-vnet-jail");
    rec.clear();
    SimulatedHost.State before = host.state();

    recorded.start("my-vnet-jail");
    assertThat(rec.commandLines()).containsExactly("jls -d -v --libxo json", "ifconfig -l");
    assertThat(host.state()).isEqualTo(before);

    recorded.stop("my-vnet-jail");
    rec.clear();
    SimulatedHost.State stopped = host.state();
    recorded.stop("my-vnet-jail");
    assertThat(rec.commandLines()).containsExactly("jls -d -v --libxo json", "ifconfig -l");
    assertThat(host.state()).isEqualTo(stopped);
  }

  @Test
  void startAndStopCostOneJailCommandEachPlusProbesAndChecks() {
    jails.install(config);
    RecordingExecutor rec = CommandExecutors.recording(host);
    JailManager recorded = JailManager.on(rec);

    recorded.start("my-vnet-jail");
    assertThat(rec.commandLines())
        .containsExactly(
            "jls -d -v --libxo json",
            "ifconfig -l",
            "jail -f /etc/jail.conf.d/my-vnet-jail.conf -c my-vnet-jail",
            "ifconfig bridge0",
            "jexec my-vnet-jail ifconfig epair154b",
            "jexec my-vnet-jail route -n get default");
    rec.clear();

    recorded.stop("my-vnet-jail");
    assertThat(rec.commandLines())
        .containsExactly(
            "jls -d -v --libxo json",
            "ifconfig -l",
            "jail -f /etc/jail.conf.d/my-vnet-jail.conf -r my-vnet-jail",
            "jls -d -v --libxo json",
            "ifconfig -l");
  }

  @Test
  void restartGivesANewJid() {
    jails.install(config);
    jails.start("my-vnet-jail");
    int jid = host.state().jail("my-vnet-jail").get().jid();
    jails.restart("my-vnet-jail");
    assertThat(host.state().jail("my-vnet-jail").get().jid()).isGreaterThan(jid);
    assertThat(host.state().host().find("epair154a").get().bridge()).contains("bridge0");
  }

  @Test
  void aStaleEpairLeftByACrashDoesNotBlockTheNextStart() {
    jails.install(config);
    host.execute(Command.of("ifconfig", "epair154", "create", "up")).requireSuccess();
    host.execute(Command.of("ifconfig", "bridge0", "addm", "epair154a")).requireSuccess();

    jails.start("my-vnet-jail");

    assertThat(events)
        .filteredOn(e -> e.kind() == JailEvent.Kind.STALE_INTERFACE_DESTROYED)
        .extracting(JailEvent::message)
        .containsExactly("destroyed stale epair154a");
    assertThat(host.state().stack("my-vnet-jail").get().find("epair154b")).isPresent();
  }

  @Test
  void createsTheBridgeWithItsMembersWhenTheHostLacksIt() {
    SimulatedHost bare =
        SimulatedHost.builder().withInterface("em0").withDirectory("/jails/my-vnet-jail").build();
    JailManager m = JailManager.on(bare).withListener(events::add);
    m.install(config);
    m.start("my-vnet-jail");

    assertThat(bare.state().host().find("bridge0").get().members())
        .containsExactly("epair154a", "em0");
    assertThat(events).anyMatch(e -> e.kind() == JailEvent.Kind.BRIDGE_CREATED);
  }

  @Test
  void withTheSeedsBugAndTheSeedsHooksStopReclaimsTheInterfaceFromTheDyingJail() {
    jails.install(config);
    // the seed's jail.conf without its exec.prestop fix: the dying jail keeps epair154b
    String conf = host.files().read("/etc/jail.conf.d/my-vnet-jail.conf").get();
    host.files()
        .writeAtomically(
            "/etc/jail.conf.d/my-vnet-jail.conf",
            conf.lines()
                .filter(l -> !l.contains("exec.prestop"))
                .reduce("", (a, b) -> a + b + "\n"));
    host.keepVnetInterfacesOnRemove(true);
    jails.start("my-vnet-jail");

    jails.stop("my-vnet-jail");

    assertClean(host);
    assertThat(events)
        .filteredOn(e -> e.kind() == JailEvent.Kind.INTERFACE_RECLAIMED)
        .extracting(JailEvent::message)
        .singleElement()
        .asString()
        .startsWith("epair154b taken back from dying jail");
    // and the next start is not blocked by the unit the dying jail held
    jails.start("my-vnet-jail");
    assertThat(host.state().stack("my-vnet-jail").get().find("epair154b")).isPresent();
  }

  @Test
  void withTheSeedsBugStopLeavesACleanHost() {
    host.keepVnetInterfacesOnRemove(true);
    jails.install(config);
    jails.start("my-vnet-jail");
    jails.stop("my-vnet-jail");
    assertClean(host);
    jails.start("my-vnet-jail");
    jails.stop("my-vnet-jail");
    assertClean(host);
  }

  @Test
  void aJailNotInstalledIsRefusedWithTheFix() {
    assertThatThrownBy(() -> jails.start("nope"))
        .isInstanceOf(LifecycleException.class)
        .hasMessageContaining("jail nope: look up failed")
        .hasMessageContaining("install(host) or apply(host)");
  }

  @Test
  void installKeepsTheUsersRcConfLinesAndWritesOnlyWhatChanged() {
    host.files().writeAtomically("/etc/rc.conf", "# mine\nhostname=\"box\"\nsshd_enable=\"YES\"\n");
    jails.install(config);

    String rc = host.files().read("/etc/rc.conf").get();
    assertThat(rc)
        .startsWith("# mine\nhostname=\"box\"\nsshd_enable=\"YES\"\n")
        .contains(
            "cloned_interfaces=\"bridge0\"", "jail_enable=\"YES\"", "jail_list=\"my-vnet-jail\"");
    assertThat(host.files().read("/etc/rc.conf.bak"))
        .contains("# mine\nhostname=\"box\"\nsshd_enable=\"YES\"\n");
    assertThat(host.files().read("/etc/jail.conf.d/my-vnet-jail.conf").get())
        .contains("vnet.interface = \"${epair}b\";", "$id = \"154\";");
    assertThat(host.files().read(JailManagerManifest.PATH).get())
        .contains("my-vnet-jail\tepair154a");

    events.clear();
    jails.install(config);
    assertThat(events).noneMatch(e -> e.kind() == JailEvent.Kind.FILE_WRITTEN);
  }

  @Test
  void reportsEveryStepOfAStartToTheListenerInOrder() {
    jails.install(config);
    events.clear();
    jails.start("my-vnet-jail");

    assertThat(events)
        .allMatch(e -> e.jail().equals("my-vnet-jail") && e.operation().equals("start"));
    assertThat(events)
        .extracting(JailEvent::kind)
        .containsExactly(
            JailEvent.Kind.BEGIN,
            JailEvent.Kind.COMMAND,
            JailEvent.Kind.COMMAND,
            JailEvent.Kind.COMMAND,
            JailEvent.Kind.COMMAND,
            JailEvent.Kind.CHECK_PASSED,
            JailEvent.Kind.COMMAND,
            JailEvent.Kind.CHECK_PASSED,
            JailEvent.Kind.COMMAND,
            JailEvent.Kind.CHECK_PASSED,
            JailEvent.Kind.DONE);
    assertThat(events.get(3).result().get().command().argv())
        .containsExactly("jail", "-f", "/etc/jail.conf.d/my-vnet-jail.conf", "-c", "my-vnet-jail");
  }

  @Test
  void listShowsJailsTheSdkDidNotInstallAsUnmanaged() {
    jails.install(config);
    host.execute(Command.of("jail", "-c", "name=other", "path=/", "persist")).requireSuccess();

    assertThat(jails.list())
        .extracting(JailStatus::name, JailStatus::state, JailStatus::managed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("my-vnet-jail", JailStatus.State.STOPPED, true),
            org.assertj.core.groups.Tuple.tuple("other", JailStatus.State.RUNNING, false));
  }

  @Test
  void aFailedCheckRollsBackAndNamesTheCheck() {
    jails.install(config);
    host.inject(SimulatedFault.matching("^jexec my-vnet-jail route -n get default$").stderr("x\n"));

    assertThatThrownBy(() -> jails.start("my-vnet-jail"))
        .isInstanceOf(LifecycleException.class)
        .hasMessageStartingWith(
            "jail my-vnet-jail: start: check: default route via 192.168.1.1 failed: command"
                + " \"jexec my-vnet-jail route -n get default\" exited with code 1, stderr: x;"
                + " rolled back: nothing of the jail is left on the host");
    assertClean(host);
    assertThat(events)
        .extracting(JailEvent::kind)
        .contains(JailEvent.Kind.CHECK_FAILED, JailEvent.Kind.ROLLBACK, JailEvent.Kind.FAILED);
  }
}
