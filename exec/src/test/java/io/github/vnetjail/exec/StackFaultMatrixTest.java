package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.core.VnetJailException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault matrix across the stack for restart, install and apply (start and stop have theirs in
 * {@code JailManagerFaultTest}): each operation runs once cleanly on the simulated host, with files
 * read and written through sh commands as over SSH, to list the commands it sends and the programs
 * they start; then, for each of them, a fresh host gets a failure at exactly that one and the
 * operation runs again. Afterwards: the operation either threw an error naming the failed command,
 * its exit code and stderr, or (a tolerated step) reached the same host as the clean run; every
 * jail is either fully up or entirely gone (no leaked epair, no stray bridge member, no
 * half-started jail); every file holds its old or its new content, never a mix, and no temporary
 * file is left; and the same operation run again succeeds and reaches the clean run's host.
 */
class StackFaultMatrixTest {
  private static final String STDERR = "vnetjail-test: injected failure";

  private static VnetJail jail(String name, int id, int host, String... depend) {
    return VnetJail.builder()
        .name(name)
        .id(id)
        .bridge("bridge0")
        .ip("192.168.1." + host + "/24")
        .gateway("192.168.1.1")
        .addDepend(depend)
        .build();
  }

  private static HostConfig config(VnetJail... jails) {
    return HostConfig.builder()
        .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
        .addJails(jails)
        .build();
  }

  private static final HostConfig SEED = config(jail("my-vnet-jail", 154, 154));

  /** Three jails in a depend chain web -> app -> db, and one more that apply removes. */
  private static final HostConfig THREE_OLD =
      config(
          jail("db", 10, 10),
          jail("app", 11, 11, "db"),
          jail("web", 12, 12, "app"),
          jail("old", 13, 13));

  /** web gets a new address, old goes, cache comes. */
  private static final HostConfig THREE_NEW =
      config(
          jail("db", 10, 10),
          jail("app", 11, 11, "db"),
          jail("web", 12, 112, "app"),
          jail("cache", 14, 14));

  /** One operation of the matrix: the host before it, and the operation itself. */
  private record Scenario(
      String name, HostConfig before, HostConfig after, boolean bug, Consumer<JailManager> op) {
    /** A fresh host with {@code before} installed and started; the seed's bug on if {@code bug}. */
    SimulatedHost setUp() {
      SimulatedHost.Builder b =
          SimulatedHost.builder()
              .withInterface("em0")
              .withBridge("bridge0", "em0")
              .withFile("/etc/rc.conf", "# the host's own settings\nsshd_enable=\"YES\"\n");
      Set<String> paths = new LinkedHashSet<>();
      before.jails().forEach(j -> paths.add(j.path()));
      after.jails().forEach(j -> paths.add(j.path()));
      paths.forEach(b::withDirectory);
      SimulatedHost host = b.build();
      host.keepVnetInterfacesOnRemove(bug);
      JailManager m = manager(host);
      m.install(before);
      m.start(before.jails().stream().map(VnetJail::name).toList());
      return host;
    }

    /** Every jail either scenario config names. */
    List<VnetJail> jails() {
      Map<String, VnetJail> all = new LinkedHashMap<>();
      before.jails().forEach(j -> all.put(j.name(), j));
      after.jails().forEach(j -> all.put(j.name(), j));
      return List.copyOf(all.values());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario("restart", SEED, SEED, false, m -> m.restart("my-vnet-jail")),
          new Scenario("restart (seed bug on)", SEED, SEED, true, m -> m.restart("my-vnet-jail")),
          new Scenario(
              "install (jails running)", THREE_OLD, THREE_NEW, false, m -> m.install(THREE_NEW)),
          new Scenario(
              "apply (3 jails with depend)", THREE_OLD, THREE_NEW, false, m -> m.apply(THREE_NEW)),
          new Scenario(
              "restart (3 jails with depend)",
              THREE_NEW,
              THREE_NEW,
              false,
              m -> m.restart("web", "app", "db", "cache")));

  /** The simulated host, with files read and written through sh commands as over SSH. */
  private static CommandExecutor viaCommands(CommandExecutor host) {
    return new CommandExecutor() {
      @Override
      public ExecResult execute(Command command) {
        return host.execute(command);
      }

      @Override
      public HostFiles files() {
        return HostFiles.viaCommands(this);
      }
    };
  }

  /** One jail at a time, so that a run is deterministic and the i-th command is always the same. */
  private static JailManager manager(SimulatedHost host) {
    return JailManager.on(viaCommands(host)).withParallelism(1);
  }

  /** What a clean run of the scenario does. */
  private record Clean(
      Map<String, String> filesBefore,
      Map<String, Set<String>> written,
      Shape after,
      List<Command> commands,
      Map<String, Integer> programs) {}

  private static Clean clean(Scenario s) {
    SimulatedHost host = s.setUp();
    Map<String, String> before = host.state().files();
    int c = host.commands().size();
    int p = host.processes().size();
    s.op().accept(manager(host));
    Map<String, Integer> programs = new LinkedHashMap<>();
    for (SimulatedHost.Process pr : host.processes().subList(p, host.processes().size())) {
      programs.putIfAbsent(String.join(" ", pr.argv()), pr.exitCode());
    }
    Map<String, Set<String>> written = new LinkedHashMap<>();
    for (Command w : host.commands().subList(c, host.commands().size())) {
      if (w.argv().size() == 5 && w.argv().get(3).equals("vnetjail-write")) {
        written
            .computeIfAbsent(w.argv().get(4), k -> new LinkedHashSet<>())
            .add(w.stdin().orElse(""));
      }
    }
    return new Clean(
        before,
        written,
        Shape.of(host, s),
        host.commands().subList(c, host.commands().size()),
        programs);
  }

  @TestFactory
  Stream<DynamicNode> aFailureAtAnyCommandLeavesAConsistentHostAndTheOperationRecovers() {
    List<DynamicNode> out = new ArrayList<>();
    for (Scenario s : SCENARIOS) {
      Clean clean = clean(s);
      assertThat(clean.commands()).as("%s sends commands", s).hasSizeGreaterThan(3);
      List<DynamicTest> tests = new ArrayList<>();
      for (int i = 1; i <= clean.commands().size(); i++) {
        Command c = clean.commands().get(i - 1);
        if (knownIssue(c.argv()).isPresent()) {
          continue;
        }
        SimulatedFault f =
            SimulatedFault.onCommand(i).exitCode(exitCode(c.argv())).stderr(STDERR + "\n");
        Fired fired = fired(i);
        tests.add(
            DynamicTest.dynamicTest(
                "fail command " + i + ": " + c,
                () -> run(s, clean, f, Optional.of(c), fired, false)));
      }
      out.add(DynamicContainer.dynamicContainer(s.name(), tests));
    }
    return out.stream();
  }

  @TestFactory
  Stream<DynamicNode> aFailureAtAnyProgramLeavesAConsistentHostAndTheOperationRecovers() {
    List<DynamicNode> out = new ArrayList<>();
    for (Scenario s : SCENARIOS) {
      Clean clean = clean(s);
      List<DynamicTest> tests = new ArrayList<>();
      clean
          .programs()
          .forEach(
              (line, exit) -> {
                List<String> argv = List.of(line.split(" "));
                if (knownIssue(argv).isPresent()) {
                  return;
                }
                int code = exitCode(argv);
                SimulatedFault f =
                    SimulatedFault.matching("^" + Pattern.quote(line) + "$")
                        .exitCode(code)
                        .stderr(STDERR + "\n");
                Fired fired = fired(line, code);
                // hook lines name programs by absolute path; the robust hooks and the jail's rc
                // tolerate some failures by design ("2>/dev/null;", "|| true", rc's lo0 step)
                boolean hook = argv.get(0).startsWith("/");
                tests.add(
                    DynamicTest.dynamicTest(
                        "fail " + line, () -> run(s, clean, f, Optional.empty(), fired, hook)));
              });
      out.add(DynamicContainer.dynamicContainer(s.name(), tests));
    }
    return out.stream();
  }

  @TestFactory
  Stream<DynamicNode> aLostConnectionAtAnyCommandIsRecoveredByRunningTheOperationAgain() {
    List<DynamicNode> out = new ArrayList<>();
    for (Scenario s : SCENARIOS) {
      Clean clean = clean(s);
      List<DynamicTest> tests = new ArrayList<>();
      for (int i = 1; i <= clean.commands().size(); i++) {
        int n = i;
        tests.add(
            DynamicTest.dynamicTest(
                "lose the connection at command " + i + ": " + clean.commands().get(i - 1),
                () -> loseConnection(s, clean, n)));
      }
      out.add(DynamicContainer.dynamicContainer(s.name(), tests));
    }
    return out.stream();
  }

  /**
   * The connection drops at the {@code n}-th command: the manager cannot roll back (nothing reaches
   * the host any more), so the host may hold a half-done step; the files are still complete
   * versions, and the same operation over a new connection finishes the job.
   */
  private void loseConnection(Scenario s, Clean clean, int n) {
    SimulatedHost host = s.setUp();
    FaultInjectingExecutor faults = CommandExecutors.faultInjecting(host).throwOnNth(n);
    JailManager m = JailManager.on(viaCommands(faults)).withParallelism(1);

    RuntimeException error = failure(() -> s.op().accept(m));

    assertThat(faults.injected()).isEqualTo(1);
    assertThat(error).isInstanceOf(VnetJailException.class);
    assertThat(chain(error)).contains("lost its connection");
    Shape.of(host, s).assertFilesComplete(clean);
    s.op().accept(manager(host));
    assertThat(Shape.of(host, s)).isEqualTo(clean.after());
  }

  private static String chain(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      b.append(c.getMessage()).append('\n');
    }
    return b.toString();
  }

  /** Whether the fault fired, given the host and where its records stood before the operation. */
  private interface Fired {
    boolean test(SimulatedHost host, int commands, int processes);
  }

  private static Fired fired(int nth) {
    return (host, c, p) -> host.commands().size() - c >= nth;
  }

  private static Fired fired(String line, int code) {
    return (host, c, p) ->
        host.processes().subList(p, host.processes().size()).stream()
            .anyMatch(x -> String.join(" ", x.argv()).equals(line) && x.exitCode() == code);
  }

  private void run(
      Scenario s,
      Clean clean,
      SimulatedFault fault,
      Optional<Command> command,
      Fired fired,
      boolean hookProgram) {
    SimulatedHost host = s.setUp();
    int c = host.commands().size();
    int p = host.processes().size();
    host.inject(fault);
    JailManager m = manager(host);
    RuntimeException error = failure(() -> s.op().accept(m));
    // every command and program of the clean run can be failed, jail(8)'s mounts included
    assertThat(fired.test(host, c, p)).as("the fault %s fired", fault).isTrue();
    Shape shape = Shape.of(host, s);

    // 1. a clear error, or the clean run's result
    if (error == null && hookProgram) {
      // a hook program whose failure the hooks absorb: every jail must still be where the clean
      // run put it, with its interfaces, addresses and routes; only the jail's loopback (set by
      // its own rc, which goes on after a failed step) may differ
      assertThat(shape.withoutLoopback())
          .as(
              "%s succeeded although %s was injected, so every jail must be as after a clean run",
              s, fault)
          .isEqualTo(clean.after().withoutLoopback());
    } else if (error == null) {
      assertThat(shape)
          .as(
              "%s succeeded although %s was injected, so the host must be as after a clean run",
              s, fault)
          .isEqualTo(clean.after());
    } else {
      assertThat(error).isInstanceOf(VnetJailException.class);
      assertThat(error.getMessage()).contains("exited with code", STDERR);
      command.ifPresent(
          cmd ->
              assertThat(error.getMessage())
                  .as("names the failed command")
                  .contains(cmd.toString()));
      if (error instanceof LifecycleException le) {
        assertThat(le.step()).isNotBlank();
        assertThat(le.getMessage()).contains(le.step());
      }
    }
    // 2. consistent: each jail fully up or gone, files old or new
    shape.assertConsistent(s, clean);

    // 3. recovery: the same operation again succeeds and reaches the clean result
    assertThat(host.commands().size() - c).isPositive();
    s.op().accept(manager(host));
    if (error == null && hookProgram) {
      // the jail started despite its rc's failed loopback step; a second apply leaves a healthy
      // running jail alone, so only the loopback may still differ
      assertThat(Shape.of(host, s).withoutLoopback()).isEqualTo(clean.after().withoutLoopback());
    } else {
      assertThat(Shape.of(host, s)).isEqualTo(clean.after());
    }
  }

  /**
   * Failures that currently break the invariants, left out of the matrix until fixed (reported to
   * the lead with a reproducing test): {@code ShellHostFiles.exists} takes any failure of {@code
   * test -e} (exit 2, an error) for "absent", so install rewrites /etc/rc.conf from nothing and
   * apply forgets every managed jail.
   */
  private static Optional<String> knownIssue(List<String> argv) {
    // ShellHostFiles.exists used to read a failing "test -e" (exit 2) as "absent"; fixed, so no
    // failure is left out of the matrix any more
    return Optional.empty();
  }

  /**
   * The exit code of an injected failure: 1, but 2 for {@code test} (test(1): 1 is the answer
   * "false", above 1 an error), so that a fault is never an answer the caller may trust.
   */
  private static int exitCode(List<String> argv) {
    return argv.get(0).equals("test") || argv.get(0).equals("[") ? 2 : 1;
  }

  private static RuntimeException failure(Runnable r) {
    try {
      r.run();
      return null;
    } catch (RuntimeException ex) {
      return ex;
    }
  }

  /**
   * What matters of a host, comparable across runs (jids and interface order may differ): the
   * host's interfaces, the bridge's members, each running jail's interfaces, addresses and routes,
   * the dying jails' stacks, and every file but backups.
   */
  private record Shape(
      Set<String> hostInterfaces,
      Set<String> bridgeMembers,
      Map<String, Set<String>> running,
      Map<String, String> files,
      List<String> mounts) {

    static Shape of(SimulatedHost host, Scenario s) {
      SimulatedHost.State st = host.state();
      Map<String, Set<String>> running = new TreeMap<>();
      for (SimulatedHost.Jail j : st.jails()) {
        SimulatedHost.Stack stack =
            st.stacks().stream().filter(x -> x.jid() == j.jid()).findFirst().orElseThrow();
        Set<String> what = new TreeSet<>();
        for (SimulatedHost.Interface i : stack.interfaces()) {
          what.add(i.name() + (i.up() ? " up" : " down") + " " + i.inet());
        }
        stack.routes().forEach(r -> what.add(r.toString()));
        if (j.dying()) {
          // a dying jail may linger (the seed's bug) but must hold no interface of a jail
          assertThat(what)
              .as("dying jail %s holds only lo0\n%s", j.name(), st)
              .allMatch(l -> l.startsWith("lo0 "));
        } else {
          running.put(j.name(), what);
        }
      }
      Map<String, String> files = new TreeMap<>(st.files());
      files.keySet().removeIf(p -> p.endsWith(".bak"));
      return new Shape(
          new TreeSet<>(st.host().interfaceNames()),
          new TreeSet<>(st.host().find("bridge0").orElseThrow().members()),
          running,
          files,
          st.mounts().stream().map(SimulatedHost.Mount::toString).sorted().toList());
    }

    Shape withoutLoopback() {
      Map<String, Set<String>> r = new TreeMap<>();
      running.forEach(
          (jail, what) -> {
            Set<String> w = new TreeSet<>(what);
            w.removeIf(l -> l.startsWith("lo0 "));
            r.put(jail, w);
          });
      return new Shape(hostInterfaces, bridgeMembers, r, files, mounts);
    }

    void assertConsistent(Scenario s, Clean clean) {
      Set<String> expectedHost = new TreeSet<>(Set.of("lo0", "em0", "bridge0"));
      Set<String> expectedMembers = new TreeSet<>(Set.of("em0"));
      Set<String> expectedMounts = new TreeSet<>();
      for (VnetJail j : s.jails()) {
        if (running.containsKey(j.name())) {
          expectedMounts.add("mount . on " + j.path() + "/dev type devfs (ruleset=4)");
          expectedHost.add(j.hostInterface());
          expectedMembers.add(j.hostInterface());
          Set<String> inJail = running.get(j.name());
          // fully up with the address of either config (an interrupted change may run the old)
          assertThat(inJail)
              .as("jail %s is fully up: %s", j.name(), this)
              .anyMatch(l -> l.startsWith(j.jailInterface() + " up [192.168.1."))
              .anyMatch(l -> l.startsWith("route default via 192.168.1.1 (" + j.jailInterface()));
        }
      }
      assertThat(hostInterfaces)
          .as("no leaked interface on the host: %s", this)
          .isEqualTo(expectedHost);
      assertThat(bridgeMembers).as("no stray bridge member: %s", this).isEqualTo(expectedMembers);
      assertThat(mounts)
          .as("devfs mounted for each running jail, nothing else: %s", this)
          .containsExactlyElementsOf(expectedMounts);
      assertFilesComplete(clean);
    }

    void assertFilesComplete(Clean clean) {
      Map<String, String> before = clean.filesBefore();
      Map<String, String> after = clean.after().files();
      Set<String> paths = new TreeSet<>(before.keySet());
      paths.addAll(after.keySet());
      paths.addAll(files.keySet());
      for (String p : paths) {
        if (p.endsWith(".bak")) {
          continue;
        }
        // apply writes some files twice (uninstall, then install): an interrupted apply may leave
        // the complete intermediate version, never a partial one
        Set<Optional<String>> versions = new LinkedHashSet<>();
        versions.add(Optional.ofNullable(before.get(p)));
        versions.add(Optional.ofNullable(after.get(p)));
        clean.written().getOrDefault(p, Set.of()).forEach(v -> versions.add(Optional.of(v)));
        assertThat(Optional.ofNullable(files.get(p)))
            .as("%s holds its old, new or a complete intermediate content", p)
            .isIn(versions);
      }
    }
  }
}
