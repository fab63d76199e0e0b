package io.github.vnetjail.exec;

import static io.github.vnetjail.exec.JailManagerHosts.assertClean;
import static io.github.vnetjail.exec.JailManagerHosts.config;
import static io.github.vnetjail.exec.JailManagerHosts.host;
import static io.github.vnetjail.exec.JailManagerHosts.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class JailManagerApplyTest {
  private static final String READ_ONLY =
      "jls -d -v --libxo json|ifconfig -l|ifconfig bridge\\d+|test -e \\S+|cat -- \\S+";

  private static VnetJail jail(String name, int id, String... depend) {
    return VnetJail.builder()
        .name(name)
        .id(id)
        .bridge("bridge0")
        .ip("192.168.1." + id + "/24")
        .gateway("192.168.1.1")
        .addDepend(depend)
        .build();
  }

  private final HostConfig two = config(jail("web", 10), jail("db", 11));
  private final SimulatedHost host = host(two);
  private final RecordingExecutor rec = CommandExecutors.recording(host);

  /** The recording executor, with files read and written through sh commands as over SSH. */
  private final CommandExecutor viaCommands =
      new CommandExecutor() {
        @Override
        public ExecResult execute(Command command) {
          return rec.execute(command);
        }

        @Override
        public HostFiles files() {
          return HostFiles.viaCommands(this);
        }
      };

  private final List<JailEvent> events = new CopyOnWriteArrayList<>();
  private final JailManager jails = JailManager.on(viaCommands).withListener(events::add);

  @Test
  void applyingTheSameConfigTwiceRunsOnlyReadOnlyCommandsTheSecondTime() {
    jails.apply(two);
    assertThat(rec.commandLines()).anyMatch(l -> l.startsWith("jail -f"));
    assertThat(host.state().jail("web").get().dying()).isFalse();
    assertThat(host.state().jail("db").get().dying()).isFalse();
    SimulatedHost.State after = host.state();
    rec.clear();
    events.clear();

    jails.apply(two);

    assertThat(rec.commandLines()).isNotEmpty().allMatch(l -> l.matches(READ_ONLY));
    assertThat(events).noneMatch(e -> e.kind() == JailEvent.Kind.FILE_WRITTEN);
    assertThat(host.state()).isEqualTo(after);
  }

  @Test
  void applyingARunningFleetAgainProbesTheHostOnceNotOncePerJail() {
    VnetJail[] many = new VnetJail[30];
    for (int i = 0; i < many.length; i++) {
      many[i] = jail("j" + i, 20 + i);
    }
    HostConfig fleet = config(many);
    SimulatedHost big = host(fleet);
    RecordingExecutor r = CommandExecutors.recording(big);
    List<JailEvent> seen = new CopyOnWriteArrayList<>();
    JailManager m = JailManager.on(r).withListener(seen::add);
    m.apply(fleet);
    r.clear();
    seen.clear();

    m.apply(fleet);

    assertThat(r.commandLines()).filteredOn(l -> l.startsWith("jls ")).hasSize(1);
    assertThat(r.commandLines()).filteredOn(l -> l.equals("ifconfig -l")).hasSize(1);
    assertThat(r.commandLines()).allMatch(l -> l.matches(READ_ONLY));
    // every jail still reports its own begin and "unchanged", as when it probes for itself
    assertThat(seen)
        .filteredOn(e -> e.jail().equals("j7") && e.operation().equals("start"))
        .extracting(JailEvent::kind, JailEvent::message)
        .containsExactly(
            tuple(JailEvent.Kind.BEGIN, "starting"),
            tuple(
                JailEvent.Kind.UNCHANGED,
                "already running as jid " + big.state().jail("j7").get().jid()));
    assertThat(seen).filteredOn(e -> e.kind() == JailEvent.Kind.UNCHANGED).hasSize(30);

    m.stop(fleet.jails().stream().map(j -> j.name()).toList());
    r.clear();
    m.stop(fleet.jails().stream().map(j -> j.name()).toList());

    // stopping a stopped fleet: one probe, nothing else
    assertThat(r.commandLines()).containsExactly("jls -d -v --libxo json", "ifconfig -l");
    assertClean(big);
  }

  @Test
  void applyStopsAndUninstallsAJailNoLongerInTheConfigAndLeavesTheOthersRunning() {
    jails.apply(two);
    int webJid = host.state().jail("web").get().jid();

    jails.apply(config(jail("web", 10)));

    SimulatedHost.State s = host.state();
    assertThat(s.jail("web").get().jid()).isEqualTo(webJid);
    assertThat(s.jail("db")).isEmpty();
    assertThat(s.host().find("epair11a")).isEmpty();
    assertThat(s.files()).doesNotContainKey("/etc/jail.conf.d/db.conf");
    assertThat(s.files().get("/etc/rc.conf")).contains("jail_list=\"web\"");
    assertThat(s.files().get(JailManagerManifest.PATH)).contains("web").doesNotContain("db");
  }

  @Test
  void applyRestartsAJailWhoseConfigChangedWithItsNewAddress() {
    jails.apply(two);
    int dbJid = host.state().jail("db").get().jid();
    VnetJail moved =
        VnetJail.builder()
            .name("db")
            .id(12)
            .bridge("bridge0")
            .ip("192.168.1.12/24")
            .gateway("192.168.1.1")
            .build();

    jails.apply(config(jail("web", 10), moved));

    SimulatedHost.State s = host.state();
    assertThat(s.jail("db").get().jid()).isGreaterThan(dbJid);
    assertThat(s.stack("db").get().find("epair12b").get().inet())
        .containsExactly("192.168.1.12/24");
    assertThat(s.host().find("epair11a")).isEmpty();
    assertThat(s.host().find("epair12a").get().bridge()).contains("bridge0");
  }

  @Test
  void planListsTheWritesAndCommandsOfApplyWithoutMakingThem() {
    SimulatedHost.State before = host.state();

    Plan plan = jails.plan(two);

    assertThat(host.state()).isEqualTo(before);
    assertThat(plan.files())
        .extracting(Plan.FileChange::path)
        .containsExactly(
            "/etc/jail.conf.d/web.conf",
            "/etc/jail.conf.d/db.conf",
            "/etc/rc.conf",
            JailManagerManifest.PATH);
    assertThat(plan.commandLines())
        .containsExactly(
            "jail -f /etc/jail.conf.d/web.conf -c web", "jail -f /etc/jail.conf.d/db.conf -c db");
    assertThat(plan.toString())
        .contains(
            "# write /etc/jail.conf.d/web.conf (new)",
            "+  vnet;",
            "jail -f /etc/jail.conf.d/db.conf -c db");

    jails.apply(two);
    assertThat(jails.plan(two).isEmpty()).isTrue();
    assertThat(jails.plan(two).toString()).isEqualTo("# nothing to do\n");
  }

  @Test
  void planOfAStopNamesTheJailCommandOnly() {
    jails.apply(two);
    SimulatedHost.State before = host.state();
    Plan plan = jails.plan(m -> m.stop("web"));
    assertThat(plan.commandLines()).containsExactly("jail -f /etc/jail.conf.d/web.conf -r web");
    assertThat(host.state()).isEqualTo(before);
  }

  @Test
  void dependenciesStartFirstAndStopLast() {
    HostConfig chain = config(jail("c", 23, "b"), jail("b", 22, "a"), jail("a", 21));
    SimulatedHost h = host(chain);
    RecordingExecutor r = CommandExecutors.recording(h);
    JailManager m = JailManager.on(r).withParallelism(4);
    m.install(chain);

    m.start("c", "b", "a");
    assertThat(r.commandLines())
        .filteredOn(l -> l.startsWith("jail -f"))
        .containsExactly(
            "jail -f /etc/jail.conf.d/a.conf -c a",
            "jail -f /etc/jail.conf.d/b.conf -c b",
            "jail -f /etc/jail.conf.d/c.conf -c c");
    r.clear();

    m.stop("a", "b", "c");
    assertThat(r.commandLines())
        .filteredOn(l -> l.startsWith("jail -f"))
        .containsExactly(
            "jail -f /etc/jail.conf.d/c.conf -r c",
            "jail -f /etc/jail.conf.d/b.conf -r b",
            "jail -f /etc/jail.conf.d/a.conf -r a");
    assertClean(h);
  }

  @Test
  void atBootRcdJailStartsDependenciesFirstAndStopsThemLast() {
    // rc.d/jail reads each per-jail file alone: the order comes from jail_list and
    // jail_reverse_stop, since a depend line would fail the jail there
    HostConfig chain = config(jail("b", 22, "a"), jail("a", 21));
    SimulatedHost h = host(chain);
    JailManager.on(h).install(chain);

    ExecResult start = h.execute(Command.of("service", "jail", "start"));
    assertThat(start.stdout()).isEqualTo("Starting jails: a b.\n");
    assertThat(h.state().jails()).extracting(SimulatedHost.Jail::name).containsExactly("a", "b");
    ExecResult stop = h.execute(Command.of("service", "jail", "stop"));
    assertThat(stop.stdout()).isEqualTo("Stopping jails: b a.\n");
    assertClean(h);
  }

  @Test
  void theInstalledJailConfHasNoDependLineSinceJailReadsOneFile() {
    HostConfig chain = config(jail("b", 22, "a"), jail("a", 21));
    jails.install(chain);
    String b = host.files().read("/etc/jail.conf.d/b.conf").get();
    assertThat(io.github.vnetjail.render.JailConf.parse(b).effectiveParameters("b"))
        .doesNotContainKey("depend");
    assertThat(b).contains("# depends on: a\n");
    assertThat(host.files().read(JailManagerManifest.PATH).get()).contains("\ta\n");
    // at boot rc.d/jail starts jail_list in order: the dependency first
    assertThat(host.files().read(JailManager.RC_CONF).get())
        .contains("jail_list=\"a b\"", "jail_reverse_stop=\"YES\"");
  }

  @Test
  void theSeedJailAppliesOnAHostWithUserFilesKept() {
    host.files().writeAtomically("/etc/jail.conf", "# the user's own\nold { path = /old; }\n");
    host.execute(Command.of("mkdir", "-p", "/jails/my-vnet-jail")).requireSuccess();
    HostConfig seed = config(seed());
    jails.apply(seed);
    assertThat(host.files().read("/etc/jail.conf"))
        .contains("# the user's own\nold { path = /old; }\n");
    assertThat(jails.status("my-vnet-jail").isRunning()).isTrue();
  }
}
