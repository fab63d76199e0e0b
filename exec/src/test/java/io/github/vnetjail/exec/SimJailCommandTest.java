package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** jail(8) hook order and failure rules, with a scripted jail.conf reader. */
class SimJailCommandTest {
  private final ScriptedJailConf conf = new ScriptedJailConf();

  private final SimulatedHost host =
      SimulatedHost.builder()
          .withInterface("em0")
          .withBridge("bridge0", "em0")
          .withFile("/etc/jail.conf", "# scripted\n")
          .configReader(conf)
          .build();

  private ExecResult run(String... argv) {
    return host.execute(Command.of(List.of(argv)));
  }

  /** The seed's jail, fully expanded, in effective-parameter form. */
  private Map<String, List<String>> seed(boolean withFix) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("name", List.of("web"));
    p.put("vnet", List.of());
    p.put("vnet.interface", List.of("epair5b"));
    p.put(
        "exec.prestart",
        List.of(
            "/sbin/ifconfig epair5 create up",
            "/sbin/ifconfig epair5a up descr jail:web",
            "/sbin/ifconfig bridge0 addm epair5a up"));
    p.put(
        "exec.start",
        List.of("/sbin/ifconfig epair5b 10.0.0.5/24 up", "/sbin/route add default 10.0.0.1"));
    if (withFix) {
      p.put("exec.prestop", List.of("/sbin/ifconfig epair5b || /sbin/ifconfig epair5b -vnet web"));
    }
    p.put(
        "exec.poststop",
        List.of("/sbin/ifconfig bridge0 deletem epair5a", "/sbin/ifconfig epair5a destroy"));
    return p;
  }

  private List<String> ran() {
    List<String> out = new ArrayList<>();
    for (SimulatedHost.Process p : host.processes()) {
      out.add(p.where() + ": " + String.join(" ", p.argv()));
    }
    return out;
  }

  @Test
  void failsAJailWhoseDependencyTheFileDoesNotDefine() {
    // usr.sbin/jail/state.c dep_setup: a per-jail file with depend fails, before any hook
    Map<String, List<String>> web = seed(false);
    web.put("depend", List.of("db"));
    web.put("persist", List.of());
    conf.put("web", web);
    ExecResult r = run("jail", "-f", "/etc/jail.conf", "-c", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("jail: web: depends on undefined jail \"db\"\n");
    assertThat(r.stdout()).isEmpty();
    assertThat(host.state().jails()).isEmpty();
    assertThat(host.state().host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");

    Map<String, List<String>> db = new LinkedHashMap<>();
    db.put("name", List.of("db"));
    db.put("persist", List.of());
    conf.put("db", db);
    ExecResult defined = run("jail", "-f", "/etc/jail.conf", "-c", "web");
    assertThat(defined.stderr()).isEmpty();
    assertThat(defined.exitCode()).isZero();
  }

  @Test
  void createRunsTheHooksInJailOrder() {
    conf.put("web", seed(false));
    ExecResult r = run("jail", "-f", "/etc/jail.conf", "-c", "web");
    assertThat(r.stderr()).isEmpty();
    // the hooks inherit jail(8)'s stdout: ifconfig's new name and route's note show up
    assertThat(r.stdout()).isEqualTo("epair5a\nweb: created\nadd net default: gateway 10.0.0.1\n");
    assertThat(r.exitCode()).isZero();
    assertThat(ran())
        .containsExactly(
            "host: jail -f /etc/jail.conf -c web",
            "host: /sbin/ifconfig epair5 create up",
            "host: /sbin/ifconfig epair5a up descr jail:web",
            "host: /sbin/ifconfig bridge0 addm epair5a up",
            "host: /sbin/ifconfig epair5b vnet web",
            "web: /sbin/ifconfig epair5b 10.0.0.5/24 up",
            "web: /sbin/route add default 10.0.0.1");
    SimulatedHost.State s = host.state();
    assertThat(s.host().find("bridge0").get().members()).containsExactly("epair5a", "em0");
    assertThat(s.host().find("epair5a").get().description()).contains("jail:web");
    assertThat(s.host().find("epair5b")).isEmpty();
    SimulatedHost.Stack web = s.stack("web").get();
    assertThat(web.interfaceNames()).containsExactly("lo0", "epair5b");
    assertThat(web.find("epair5b").get().inet()).containsExactly("10.0.0.5/24");
    assertThat(web.routes())
        .containsExactly(new SimulatedHost.Route("default", "10.0.0.1", "epair5b"));
  }

  @Test
  void removeRunsPrestopThenPoststopAndReleasesTheInterface() {
    conf.put("web", seed(false));
    run("jail", "-c", "web");
    ExecResult r = run("jail", "-r", "web");
    assertThat(r.stdout()).isEqualTo("web: removed\n");
    assertThat(r.exitCode()).isZero();
    assertThat(host.state().host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
    assertThat(host.state().host().find("bridge0").get().members()).containsExactly("em0");
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void createOfARunningJailSaysAlreadyExistsEvenQuiet() {
    conf.put("web", seed(false));
    run("jail", "-c", "web");
    ExecResult r = run("jail", "-q", "-c", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("jail: \"web\" already exists\n");
  }

  @Test
  void unknownJailsAndMissingFilesAreReported() {
    ExecResult r = run("jail", "-c", "nope");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("jail: \"nope\" not found\n");
    ExecResult missing = run("jail", "-f", "/etc/other.conf", "-c", "web");
    assertThat(missing.stderr()).isEqualTo("jail: /etc/other.conf: No such file or directory\n");
    ExecResult remove = run("jail", "-r", "nope");
    assertThat(remove.stderr()).isEqualTo("jail: \"nope\" not found\n");
    assertThat(run("jail").stderr()).startsWith("usage: jail [-dhilqv]");
  }

  @Test
  void failingPrestartLeavesNoJailAndRunsNoStopHooks() {
    Map<String, List<String>> p = seed(true);
    p.put(
        "exec.prestart",
        List.of("/sbin/ifconfig epair5 create up", "/sbin/ifconfig bridge9 addm epair5a"));
    conf.put("web", p);
    ExecResult r = run("jail", "-c", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("epair5a\n");
    assertThat(r.stderr())
        .isEqualTo(
            "ifconfig: interface bridge9 does not exist\n"
                + "jail: web: /sbin/ifconfig bridge9 addm epair5a: failed\n");
    assertThat(host.state().jails()).isEmpty();
    // jail(8) does not undo exec.prestart: the epair stays behind
    assertThat(host.state().host().interfaceNames()).contains("epair5a", "epair5b");
    assertThat(ran()).noneMatch(l -> l.contains("-vnet") || l.contains("deletem"));
  }

  @Test
  void failingStartCreatesThenRemovesTheJailAndReclaimsTheInterface() {
    Map<String, List<String>> p = seed(true);
    p.put(
        "exec.start",
        List.of("/sbin/ifconfig epair5b 10.0.0.5/24 up", "/sbin/route add default 10.9.9.1"));
    conf.put("web", p);
    ExecResult r = run("jail", "-c", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout())
        .isEqualTo(
            "epair5a\nweb: created\n"
                + "add net default: gateway 10.9.9.1 fib 0: Network is unreachable\n"
                + "web: removed\n");
    assertThat(r.stderr())
        .isEqualTo(
            "route: message indicates error: Network is unreachable\n"
                + "jail: web: /sbin/route add default 10.9.9.1: failed\n");
    assertThat(ran())
        .containsSubsequence(
            "host: /sbin/ifconfig epair5b vnet web", "host: /sbin/ifconfig epair5b -vnet web");
    assertThat(ran()).noneMatch(l -> l.contains("deletem") || l.contains("||"));
    assertThat(host.state().jails()).isEmpty();
    assertThat(host.state().host().interfaceNames()).contains("epair5a", "epair5b");
  }

  @Test
  void failingVnetMoveRollsBackWithRemoved() {
    Map<String, List<String>> p = seed(false);
    p.put("vnet.interface", List.of("epair6b"));
    conf.put("web", p);
    ExecResult r = run("jail", "-c", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("epair5a\nweb: created\nweb: removed\n");
    assertThat(r.stderr())
        .isEqualTo(
            "ifconfig: interface epair6b does not exist\n"
                + "jail: web: /sbin/ifconfig epair6b vnet web: failed\n");
  }

  @Test
  void failingPrestopKeepsTheJailRunning() {
    Map<String, List<String>> p = seed(false);
    p.put("exec.prestop", List.of("/usr/bin/false"));
    conf.put("web", p);
    run("jail", "-c", "web");
    ExecResult r = run("jail", "-r", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("jail: web: /usr/bin/false: failed\n");
    assertThat(host.state().jail("web").get().dying()).isFalse();
    assertThat(ran()).noneMatch(l -> l.contains("deletem"));
  }

  @Test
  void failingPoststopStillRunsTheRestAndExitsOne() {
    Map<String, List<String>> p = seed(false);
    p.put(
        "exec.poststop",
        List.of("/sbin/ifconfig bridge0 deletem epair9a", "/sbin/ifconfig epair5a destroy"));
    conf.put("web", p);
    run("jail", "-c", "web");
    ExecResult r = run("jail", "-r", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("web: removed\n");
    assertThat(host.state().jails()).isEmpty();
    assertThat(r.stderr()).contains("jail: web: /sbin/ifconfig bridge0 deletem epair9a: failed\n");
    // after removal a failure does not stop the rest: epair5a destroy still ran
    assertThat(ran()).contains("host: /sbin/ifconfig epair5a destroy");
    assertThat(host.state().host().interfaceNames()).doesNotContain("epair5a", "epair5b");
  }

  @Test
  void unknownProgramsInHooksFailAsExec() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("exec.prestart", List.of("/usr/local/bin/nothing here"));
    conf.put("web", p);
    ExecResult r = run("jail", "-c", "web");
    assertThat(r.stderr())
        .isEqualTo(
            "jail: web: exec /usr/local/bin/nothing: No such file or directory\n"
                + "jail: web: /usr/local/bin/nothing here: failed\n");
  }

  @Test
  void unknownParametersFailBeforeAnyHook() {
    Map<String, List<String>> p = seed(false);
    p.put("bogus.param", List.of("1"));
    p.put("persist", List.of());
    p.put("allow.raw_sockets", List.of());
    conf.put("web", p);
    ExecResult r = run("jail", "-c", "web");
    assertThat(r.stderr()).isEqualTo("jail: web: unknown parameter: bogus.param\n");
    assertThat(ran()).hasSize(1);
  }

  @Test
  void restartPrintsOnlyCreated() {
    conf.put("web", seed(true));
    run("jail", "-c", "web");
    ExecResult r = run("jail", "-rc", "web");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("epair5a\nweb: created\nadd net default: gateway 10.0.0.1\n");
    assertThat(host.state().jail("web").get().jid()).isEqualTo(2);
    assertThat(run("jail", "-rc", "other").stderr()).isEqualTo("jail: \"other\" not found\n");
  }

  @Test
  void printsTheJidWithDashI() {
    conf.put("web", seed(false));
    assertThat(run("jail", "-i", "-c", "web").stdout())
        .isEqualTo("epair5a\n1\nweb: created\nadd net default: gateway 10.0.0.1\n");
    assertThat(run("jail", "-q", "-r", "web").stdout()).isEmpty();
  }

  @Test
  void verboseShowsEveryCommand() {
    conf.put("web", seed(false));
    String out = run("jail", "-v", "-c", "web").stdout();
    assertThat(out)
        .contains("web: run command: /sbin/ifconfig epair5 create up\n")
        .contains("web: run command: /sbin/ifconfig epair5b vnet web\n")
        .contains("web: run command in jail: /sbin/ifconfig epair5b 10.0.0.5/24 up\n");
  }

  @Test
  void commandLineJailPrintsNothingAndMayBeModified() {
    ExecResult r = run("jail", "-c", "name=cli", "path=/", "vnet", "persist");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEmpty();
    assertThat(host.state().jail("cli").get().vnet()).isTrue();
    assertThat(run("jail", "-c", "name=cli", "persist").stderr())
        .isEqualTo("jail: \"cli\" already exists\n");
  }

  @Test
  void missingPathFailsTheCreate() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("path", List.of("/jails/web"));
    conf.put("web", p);
    ExecResult r = run("jail", "-c", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("jail: web: path /jails/web: No such file or directory\n");
    run("mkdir", "-p", "/jails/web");
    assertThat(run("jail", "-c", "web").exitCode()).isZero();
  }

  @Test
  void plainJailGetsItsAliasesAndLosesThemOnRemove() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("ip4.addr", List.of("em0|192.168.7.5/24"));
    p.put("persist", List.of());
    conf.put("plain", p);
    run("jail", "-c", "plain");
    assertThat(host.state().host().find("em0").get().inet()).containsExactly("192.168.7.5/24");
    assertThat(host.state().jail("plain").get().ip4()).containsExactly("192.168.7.5");
    assertThat(ran()).contains("host: /sbin/ifconfig em0 inet 192.168.7.5/24 alias");
    run("jail", "-r", "plain");
    assertThat(host.state().host().find("em0").get().inet()).isEmpty();
  }

  @Test
  void shellSpecialCharactersRunUnderShAndTrailingAmpersandRunsInBackground() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("exec.prestart", List.of("/usr/bin/true && /usr/bin/true", "/usr/bin/false &"));
    conf.put("web", p);
    ExecResult r = run("jail", "-c", "web");
    assertThat(r.exitCode()).isZero();
    assertThat(ran())
        .containsSubsequence(
            "host: /bin/sh -c /usr/bin/true && /usr/bin/true",
            "host: /usr/bin/true",
            "host: /usr/bin/true",
            "host: /usr/bin/false");
  }
}
