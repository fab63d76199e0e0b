package io.github.vnetjail.exec;

import static io.github.vnetjail.exec.JailManagerHosts.host;
import static io.github.vnetjail.exec.JailManagerHosts.many;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault matrix of JailManager's bounded parallel start and stop: four independent jails run at
 * once, and a failure is injected at one program of one jail's steps (every program of a clean run
 * that names that jail, its epair or its path: the manager's {@code jail -c}/{@code jail -r} and
 * checks, jail(8)'s hooks, mounts and vnet.interface step, each part of a hook's sh line).
 * Afterwards every other jail is exactly as after a clean run (fully started, or fully stopped),
 * the faulted one is fully started (a failure its hooks absorb by design) or gone without a trace,
 * and the error is a LifecycleException that names the faulted jail.
 */
class JailManagerParallelFaultTest {
  private static final String STDERR = "vnetjail-test: injected failure";
  private static final HostConfig CONFIG = many(4);
  private static final List<String> NAMES = CONFIG.jails().stream().map(VnetJail::name).toList();
  private static final VnetJail FAULTED = CONFIG.jails().get(1);

  private static SimulatedHost fresh(boolean started) {
    SimulatedHost host = host(CONFIG);
    JailManager m = JailManager.on(host);
    m.install(CONFIG);
    if (started) {
      m.start(NAMES);
    }
    return host;
  }

  private static void operate(SimulatedHost host, boolean stop) {
    JailManager m = JailManager.on(host).withParallelism(4);
    if (stop) {
      m.stop(NAMES);
    } else {
      m.start(NAMES);
    }
  }

  /** What the host holds of one jail, comparable across runs (jids and timing may differ). */
  private static List<String> describe(SimulatedHost.State s, VnetJail j) {
    List<String> d = new ArrayList<>();
    SimulatedHost.Jail running =
        s.jails().stream()
            .filter(x -> x.name().equals(j.name()) && !x.dying())
            .findFirst()
            .orElse(null);
    if (running != null) {
      SimulatedHost.Stack stack =
          s.stacks().stream().filter(x -> x.jid() == running.jid()).findFirst().orElseThrow();
      Set<String> inside = new TreeSet<>();
      stack
          .interfaces()
          .forEach(i -> inside.add(i.name() + (i.up() ? " up " : " down ") + i.inet()));
      stack.routes().forEach(r -> inside.add(r.toString()));
      d.add("running: " + inside);
    }
    s.host()
        .find(j.hostInterface())
        .ifPresent(i -> d.add("host side " + i.name() + " on " + i.bridge().orElse("nothing")));
    s.host().find(j.jailInterface()).ifPresent(i -> d.add("jail side on the host: " + i.name()));
    s.mounts().stream()
        .filter(m -> m.mountPoint().startsWith(j.path() + "/"))
        .forEach(m -> d.add(m.toString()));
    for (SimulatedHost.Jail dying : s.jails()) {
      if (dying.dying() && dying.name().equals(j.name())) {
        SimulatedHost.Stack stack =
            s.stacks().stream().filter(x -> x.jid() == dying.jid()).findFirst().orElseThrow();
        assertThat(stack.interfaceNames())
            .as("dying %s holds nothing", j.name())
            .containsOnly("lo0");
      }
    }
    return d;
  }

  /** The programs of a clean parallel start (or stop) that belong to the faulted jail alone. */
  private static Map<String, Integer> faultedJailsPrograms(boolean stop) {
    SimulatedHost host = fresh(stop);
    int before = host.processes().size();
    operate(host, stop);
    String epair = FAULTED.hostInterface().substring(0, FAULTED.hostInterface().length() - 1);
    Pattern own =
        Pattern.compile(
            "(^|[^\\w.-])("
                + Pattern.quote(FAULTED.name())
                + "|"
                + Pattern.quote(epair)
                + "[ab]?)([^\\w.-]|$)");
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (SimulatedHost.Process p : host.processes().subList(before, host.processes().size())) {
      String line = String.join(" ", p.argv());
      if (own.matcher(line).find()) {
        lines.putIfAbsent(line, p.exitCode());
      }
    }
    return lines;
  }

  @TestFactory
  Stream<DynamicTest> aFailureInOneJailOfAParallelStartLeavesTheOthersStartedAndItGone() {
    return matrix(false);
  }

  @TestFactory
  Stream<DynamicTest> aFailureInOneJailOfAParallelStopLeavesTheOthersStoppedAndItGone() {
    return matrix(true);
  }

  private Stream<DynamicTest> matrix(boolean stop) {
    SimulatedHost clean = fresh(stop);
    operate(clean, stop);
    SimulatedHost.State after = clean.state();
    SimulatedHost.State gone = fresh(false).state();
    Map<String, Integer> programs = faultedJailsPrograms(stop);
    assertThat(programs).as("the faulted jail's own programs").hasSizeGreaterThan(5);
    List<DynamicTest> tests = new ArrayList<>();
    programs.forEach(
        (line, exit) ->
            tests.add(
                DynamicTest.dynamicTest(
                    (stop ? "stop: " : "start: ") + "fail " + line,
                    () -> run(stop, line, exit != 0, after, gone))));
    return tests.stream();
  }

  private void run(
      boolean stop,
      String line,
      boolean failsAnyway,
      SimulatedHost.State clean,
      SimulatedHost.State gone) {
    SimulatedHost host = fresh(stop);
    int before = host.processes().size();
    host.inject(SimulatedFault.matching("^" + Pattern.quote(line) + "$").stderr(STDERR + "\n"));

    LifecycleException e = null;
    try {
      operate(host, stop);
    } catch (LifecycleException ex) {
      e = ex;
    }

    SimulatedHost.State s = host.state();
    assertThat(host.processes().subList(before, host.processes().size()))
        .as("the fault hit %s", line)
        .anyMatch(p -> String.join(" ", p.argv()).equals(line) && p.exitCode() == 1);
    for (VnetJail j : CONFIG.jails()) {
      if (j != FAULTED) {
        assertThat(describe(s, j))
            .as("%s is as after a clean run\n%s", j.name(), s)
            .isEqualTo(describe(clean, j));
      }
    }
    List<String> faulted = describe(s, FAULTED);
    if (e == null) {
      // only a program that fails in a clean run too, or one of a hook line that tolerates its
      // failure by design (absolute paths: the jail.conf hooks), may fail unnoticed
      assertThat(failsAnyway || line.startsWith("/"))
          .as("the operation succeeded although %s failed", line)
          .isTrue();
      assertThat(faulted)
          .as("%s is as after a clean run\n%s", FAULTED.name(), s)
          .isEqualTo(describe(clean, FAULTED));
      return;
    }
    assertThat(faulted)
        .as("nothing of %s is left\n%s", FAULTED.name(), s)
        .isEqualTo(describe(gone, FAULTED));
    assertThat(e.jail()).isEqualTo(FAULTED.name());
    assertThat(e.step()).startsWith(stop ? "stop: " : "start: ");
    assertThat(e.getMessage()).startsWith("jail " + FAULTED.name() + ": ").contains(STDERR);
    assertThat(e.getSuppressed()).as("the other jails did not fail").isEmpty();
  }
}
