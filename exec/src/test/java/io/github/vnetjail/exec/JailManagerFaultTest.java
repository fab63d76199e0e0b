package io.github.vnetjail.exec;

import static io.github.vnetjail.exec.JailManagerHosts.assertClean;
import static io.github.vnetjail.exec.JailManagerHosts.assertStarted;
import static io.github.vnetjail.exec.JailManagerHosts.config;
import static io.github.vnetjail.exec.JailManagerHosts.host;
import static io.github.vnetjail.exec.JailManagerHosts.seed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.core.HostConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault matrix: a failure injected at every command of start and of stop (the commands the
 * manager sends and every program they start: jail(8)'s hooks, its vnet.interface step, each part
 * of an sh line), with and without the seed's bug. Afterwards the host holds no leaked epair, no
 * bridge member and no half-started jail, and the error names the step, command, exit code and
 * stderr. A stop that fails before it changed anything (its first probes) leaves the jail running
 * exactly as it was; any later failure is completed by a forced teardown, so the host is clean.
 */
class JailManagerFaultTest {
  private static final String NAME = "my-vnet-jail";
  private static final String STDERR = "vnetjail-test: injected failure";
  private final HostConfig config = config(seed());

  private SimulatedHost fresh(boolean bug) {
    SimulatedHost host = host(config);
    host.keepVnetInterfacesOnRemove(bug);
    JailManager.on(host).install(config);
    return host;
  }

  /** A fresh host; for a stop, with the jail already started. */
  private SimulatedHost fresh(boolean bug, boolean stop) {
    SimulatedHost host = fresh(bug);
    if (stop) {
      JailManager.on(host).start(NAME);
    }
    return host;
  }

  /** The programs a clean start (or stop) runs, each once with its exit code, in order. */
  private Map<String, Integer> programs(boolean bug, boolean stop) {
    SimulatedHost host = fresh(bug, stop);
    JailManager m = JailManager.on(host);
    int before = host.processes().size();
    if (stop) {
      m.stop(NAME);
    } else {
      m.start(NAME);
    }
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (SimulatedHost.Process p : host.processes().subList(before, host.processes().size())) {
      lines.putIfAbsent(String.join(" ", p.argv()), p.exitCode());
    }
    return lines;
  }

  /** The exit codes of the commands a clean start (or stop) sends, in order. */
  private List<Integer> commandExits(boolean bug, boolean stop) {
    SimulatedHost host = fresh(bug, stop);
    RecordingExecutor rec = CommandExecutors.recording(host);
    JailManager m = JailManager.on(rec);
    rec.clear();
    if (stop) {
      m.stop(NAME);
    } else {
      m.start(NAME);
    }
    return rec.results().stream().map(ExecResult::exitCode).toList();
  }

  @TestFactory
  Stream<DynamicTest> aFailureAtAnyProgramOfStartLeavesACleanHostAndAClearError() {
    return matrix(false);
  }

  @TestFactory
  Stream<DynamicTest> aFailureAtAnyProgramOfStopLeavesACleanHostAndAClearError() {
    return matrix(true);
  }

  private Stream<DynamicTest> matrix(boolean stop) {
    List<DynamicTest> tests = new ArrayList<>();
    for (boolean bug : List.of(false, true)) {
      String label = (stop ? "stop" : "start") + (bug ? " (seed bug on)" : "");
      Map<String, Integer> programs = programs(bug, stop);
      assertThat(programs).hasSizeGreaterThan(5);
      programs.forEach(
          (line, exit) ->
              tests.add(
                  DynamicTest.dynamicTest(
                      label + ": fail " + line,
                      () ->
                          run(
                              bug,
                              stop,
                              SimulatedFault.matching("^" + Pattern.quote(line) + "$")
                                  .exitCode(1)
                                  .stderr(STDERR + "\n"),
                              exit != 0,
                              line))));
      List<Integer> exits = commandExits(bug, stop);
      for (int i = 1; i <= exits.size(); i++) {
        boolean failsAnyway = exits.get(i - 1) != 0;
        SimulatedFault fault = SimulatedFault.onCommand(i).exitCode(1).stderr(STDERR + "\n");
        tests.add(
            DynamicTest.dynamicTest(
                label + ": fail command " + i, () -> run(bug, stop, fault, failsAnyway, "")));
      }
    }
    return tests.stream();
  }

  /** The commands a clean start (or stop) sends, in order. */
  private List<Command> commands(boolean bug, boolean stop) {
    SimulatedHost host = fresh(bug, stop);
    JailManager m = JailManager.on(host);
    int before = host.commands().size();
    if (stop) {
      m.stop(NAME);
    } else {
      m.start(NAME);
    }
    return host.commands().subList(before, host.commands().size());
  }

  @TestFactory
  Stream<DynamicTest> aTimeoutAtAnyCommandOfStartOrStopIsReportedAsATimeoutAndLeavesNoHalfJail() {
    List<DynamicTest> tests = new ArrayList<>();
    for (boolean stop : List.of(false, true)) {
      for (boolean bug : List.of(false, true)) {
        String label = (stop ? "stop" : "start") + (bug ? " (seed bug on)" : "");
        List<Command> commands = commands(bug, stop);
        List<Integer> exits = commandExits(bug, stop);
        for (int i = 1; i <= commands.size(); i++) {
          Command c = commands.get(i - 1);
          boolean failsAnyway = exits.get(i - 1) != 0;
          for (boolean effect : List.of(false, true)) {
            SimulatedFault f = SimulatedFault.onCommand(i).timedOut().stderr(STDERR + "\n");
            tests.add(
                DynamicTest.dynamicTest(
                    label
                        + ": command "
                        + i
                        + " times out"
                        + (effect ? " after effect" : "")
                        + ": "
                        + c,
                    () -> timeout(bug, stop, effect ? f.afterEffect() : f, c, failsAnyway)));
          }
        }
      }
    }
    return tests.stream();
  }

  /**
   * The {@code n}-th command times out, before or after it took effect: the operation fails with a
   * LifecycleException that names the operation's step and says that the command timed out; the
   * host holds the jail fully started (a stop that failed before it changed anything) or nothing of
   * it, never half.
   */
  private void timeout(
      boolean bug, boolean stop, SimulatedFault fault, Command command, boolean failsAnyway) {
    SimulatedHost host = fresh(bug, stop);
    JailManager m = JailManager.on(host);
    SimulatedHost.State before = host.state();
    host.inject(fault);

    LifecycleException e = failure(m, stop);

    if (e == null) {
      // only a command whose failure the manager tolerates (it fails in a clean run too: the
      // reclaim of an interface the dying jail no longer holds) may time out unnoticed; the
      // manager's own check afterwards vouches for the result
      assertThat(failsAnyway)
          .as("the operation succeeded although %s was injected", fault)
          .isTrue();
      if (stop) {
        assertClean(host);
      } else {
        assertStarted(host, NAME);
      }
      return;
    }
    assertThat(e.jail()).isEqualTo(NAME);
    assertThat(e.step()).startsWith(stop ? "stop: " : "start: ");
    assertThat(e.command()).contains(command);
    assertThat(e.result().get().timedOut()).isTrue();
    assertThat(e.getMessage())
        .startsWith(
            "jail " + NAME + ": " + e.step() + " failed: command \"" + command + "\" timed out")
        .contains(STDERR);
    if (stop && host.state().equals(before)) {
      return; // failed before it changed anything: the jail runs as it did
    }
    assertClean(host);
  }

  private static LifecycleException failure(JailManager m, boolean stop) {
    try {
      if (stop) {
        m.stop(NAME);
      } else {
        m.start(NAME);
      }
      return null;
    } catch (LifecycleException ex) {
      return ex;
    }
  }

  @TestFactory
  Stream<DynamicTest> aTimeoutAtAnyProgramOfStartOrStopLeavesTheJailFullyStartedOrGone() {
    List<DynamicTest> tests = new ArrayList<>();
    for (boolean stop : List.of(false, true)) {
      for (boolean bug : List.of(false, true)) {
        String label = (stop ? "stop" : "start") + (bug ? " (seed bug on)" : "");
        programs(bug, stop)
            .forEach(
                (line, exit) -> {
                  for (boolean effect : List.of(false, true)) {
                    SimulatedFault f =
                        SimulatedFault.matching("^" + Pattern.quote(line) + "$")
                            .timedOut()
                            .stderr(STDERR + "\n");
                    tests.add(
                        DynamicTest.dynamicTest(
                            label
                                + ": "
                                + line
                                + " times out"
                                + (effect ? " after taking effect" : ""),
                            () ->
                                programTimeout(
                                    bug, stop, effect ? f.afterEffect() : f, line, exit != 0)));
                  }
                });
      }
    }
    return tests.stream();
  }

  /**
   * One program of start or stop (a command the manager sends, a hook or step of jail(8), a part of
   * an sh line) times out, before or after taking effect: the jail is fully started or gone, never
   * half; jail(8) reports a timed-out step of its own as "timed out", never as "failed"; a command
   * the manager sent is reported as timed out.
   */
  private void programTimeout(
      boolean bug, boolean stop, SimulatedFault fault, String program, boolean failsAnyway) {
    SimulatedHost host = fresh(bug, stop);
    JailManager m = JailManager.on(host);
    SimulatedHost.State before = host.state();
    int processes = host.processes().size();
    host.inject(fault);

    LifecycleException e = failure(m, stop);

    assertThat(host.processes().subList(processes, host.processes().size()))
        .as("the fault hit %s", program)
        .anyMatch(p -> String.join(" ", p.argv()).equals(program) && p.exitCode() == 124);
    if (stop && host.state().equals(before)) {
      assertThat(e).as("stop changed nothing, so it must have failed").isNotNull();
    } else if (!stop && e == null) {
      assertStarted(host, NAME);
    } else {
      assertClean(host);
    }
    if (e == null) {
      // only a program whose failure the hooks absorb by design (see run) may time out unnoticed
      assertThat(failsAnyway || program.startsWith("/"))
          .as("the operation succeeded although %s was injected", fault)
          .isTrue();
      return;
    }
    assertThat(e.step()).startsWith(stop ? "stop: " : "start: ");
    assertThat(e.stderr())
        .as("jail(8) reports its own timed-out step as timed out")
        .doesNotContain("jail: " + NAME + ": " + program + ": failed");
    if (e.command().map(Command::toString).equals(java.util.Optional.of(program))) {
      assertThat(e.getMessage()).contains("\"" + program + "\" timed out");
    }
  }

  @TestFactory
  Stream<DynamicTest> aConnectionLostAfterAnyCommandTookEffectIsRecoveredByRunningAgain() {
    List<DynamicTest> tests = new ArrayList<>();
    for (boolean stop : List.of(false, true)) {
      for (boolean bug : List.of(false, true)) {
        String label = (stop ? "stop" : "start") + (bug ? " (seed bug on)" : "");
        List<Command> commands = commands(bug, stop);
        for (int i = 1; i <= commands.size(); i++) {
          int n = i;
          tests.add(
              DynamicTest.dynamicTest(
                  label + ": connection lost after command " + i + " ran: " + commands.get(i - 1),
                  () -> loseConnectionAfter(bug, stop, n, commands.get(n - 1))));
        }
      }
    }
    return tests.stream();
  }

  /**
   * The {@code n}-th command runs on the host, then the connection drops before its result comes
   * back: the manager cannot roll back (nothing reaches the host any more) and says the connection
   * was lost; the same operation over a new connection brings the jail fully up (start) or leaves
   * nothing of it (stop).
   */
  private void loseConnectionAfter(boolean bug, boolean stop, int n, Command expected) {
    SimulatedHost host = fresh(bug, stop);
    List<Command> sent = new ArrayList<>();
    CommandExecutor dropping =
        new CommandExecutor() {
          @Override
          public ExecResult execute(Command command) {
            ExecResult r = host.execute(command);
            sent.add(command);
            if (sent.size() == n) {
              throw new SshConnectionException(
                  "connection to the host lost after \"" + command + "\" was sent");
            }
            return r;
          }

          @Override
          public HostFiles files() {
            return host.files();
          }
        };
    JailManager m = JailManager.on(dropping);

    RuntimeException error = null;
    try {
      if (stop) {
        m.stop(NAME);
      } else {
        m.start(NAME);
      }
    } catch (RuntimeException ex) {
      error = ex;
    }

    assertThat(error)
        .isInstanceOf(SshConnectionException.class)
        .hasMessage("connection to the host lost after \"" + expected + "\" was sent");
    JailManager again = JailManager.on(host);
    if (stop) {
      again.stop(NAME);
      assertClean(host);
    } else {
      again.start(NAME);
      assertStarted(host, NAME);
    }
  }

  @Test
  void aVnetInterfaceStepThatTimesOutIsReportedInJailsWordsAndRolledBack() {
    SimulatedHost host = fresh(false);
    JailManager m = JailManager.on(host);
    host.inject(
        SimulatedFault.matching("^/sbin/ifconfig epair154b vnet my-vnet-jail$")
            .timedOut()
            .afterEffect());

    LifecycleException e = failure(m, false);

    assertThat(e.step()).isEqualTo("start: jail -c");
    assertThat(e.exitCode()).hasValue(1);
    assertThat(e.stderr())
        .isEqualTo("jail: my-vnet-jail: /sbin/ifconfig epair154b vnet my-vnet-jail: timed out\n");
    assertThat(e.result().get().stdout())
        .isEqualTo("epair154a\nmy-vnet-jail: created\nmy-vnet-jail: removed\n");
    assertClean(host);
    m.start(NAME);
    assertStarted(host, NAME);
  }

  @Test
  void aDevfsThatJailCouldNotUnmountIsUnmountedByTheForcedTeardown() {
    SimulatedHost host = fresh(false);
    JailManager m = JailManager.on(host);
    m.start(NAME);
    host.inject(
        SimulatedFault.matching("^/sbin/umount /jails/my-vnet-jail/dev$")
            .stderr("umount: unmount of /jails/my-vnet-jail/dev failed: Device busy\n"));
    int before = host.commands().size();

    LifecycleException e = null;
    try {
      m.stop(NAME);
    } catch (LifecycleException ex) {
      e = ex;
    }

    assertThat(e).isNotNull();
    assertThat(e.step()).isEqualTo("stop: jail -r");
    assertThat(e.stderr())
        .isEqualTo(
            "umount: unmount of /jails/my-vnet-jail/dev failed: Device busy\n"
                + "jail: my-vnet-jail: /sbin/umount /jails/my-vnet-jail/dev: failed\n");
    assertThat(e.getMessage())
        .endsWith("; forced teardown: nothing of the jail is left on the host");
    assertThat(host.commands().subList(before, host.commands().size()))
        .map(Command::toString)
        .containsSubsequence(
            "jail -f /etc/jail.conf.d/my-vnet-jail.conf -r my-vnet-jail",
            "mount -p",
            "umount /jails/my-vnet-jail/dev");
    assertClean(host);
    m.start(NAME);
    assertStarted(host, NAME);
  }

  private void run(
      boolean bug, boolean stop, SimulatedFault fault, boolean mayPass, String program) {
    SimulatedHost host = fresh(bug, stop);
    JailManager m = JailManager.on(host);
    SimulatedHost.State before = host.state();
    int processes = host.processes().size();
    host.inject(fault);
    LifecycleException e = null;
    try {
      if (stop) {
        m.stop(NAME);
      } else {
        m.start(NAME);
      }
    } catch (LifecycleException ex) {
      e = ex;
    }

    if (!program.isEmpty()) {
      // every program of the clean run can be failed, jail(8)'s mount and umount steps included
      assertThat(host.processes().subList(processes, host.processes().size()))
          .as("the fault hit %s", program)
          .anyMatch(p -> String.join(" ", p.argv()).equals(program) && p.exitCode() != 0);
    }
    if (stop && host.state().equals(before)) {
      // a failure before stop changed anything (a probe) leaves the jail running as it was:
      // consistent, nothing half-done
      assertThat(e).as("stop changed nothing, so it must have failed").isNotNull();
    } else if (!stop && e == null) {
      // a start that reports success has really started the jail
      assertStarted(host, NAME);
    } else {
      assertClean(host);
    }
    if (e == null) {
      // Only a program that fails anyway (the seed's "ifconfig epair154b ||" test) may be faulted
      // without effect, or a program of a hook line that tolerates its failure by design (the
      // robust hooks' "destroy a stale pair 2>/dev/null;", "... || true"; rc's own steps). Hooks
      // name programs by absolute path (jail.conf), the manager by bare name; either way the
      // result was checked above: started for real, or nothing left.
      assertThat(mayPass || program.startsWith("/"))
          .as("the operation succeeded although %s was injected", fault)
          .isTrue();
      return;
    }
    assertThat(e.jail()).isEqualTo(NAME);
    assertThat(e.step()).startsWith(stop ? "stop: " : "start: ");
    assertThat(e.command()).isPresent();
    assertThat(e.exitCode()).hasValue(1);
    assertThat(e.stderr()).contains(STDERR);
    assertThat(e.getMessage())
        .contains(e.step(), "\"" + e.command().get() + "\"", "exited with code 1", STDERR);
  }
}
