package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.core.VnetJailException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Crash consistency of file writes: a failure at any step of the atomic write (in particular
 * between writing the temporary file and renaming it) leaves the old file intact and readable,
 * leaves no temporary file, and the next write succeeds; the same holds for every file {@link
 * JailManager#install} writes.
 */
class CrashConsistencyTest {
  private static final String RC = "/etc/rc.conf";
  private static final String OLD = "hostname=\"old\"\n";
  private static final String NEW = "hostname=\"new\"\n";
  private static final String STDERR = "vnetjail-test: injected failure";

  /** The programs of one write of an existing file, in the order sh runs them. */
  private static final List<String> STEPS =
      List.of("dirname", "mkdir", "mktemp", "cp", "cp", "cat", "fsync", "mv");

  private static SimulatedHost hostWithOldFile() {
    return SimulatedHost.builder().withInterface("em0").withFile(RC, OLD).build();
  }

  /** The host's regular files the write script left behind as temporaries. */
  private static List<String> temporaries(SimulatedHost host) {
    return host.state().files().keySet().stream().filter(p -> p.contains("/.vnetjail.")).toList();
  }

  @Test
  void aWriteThroughShRunsTheScriptsProgramsInOrderAndKeepsABackup() {
    SimulatedHost host = hostWithOldFile();
    int before = host.processes().size();
    HostFiles.viaCommands(host).writeAtomically(RC, NEW);

    List<SimulatedHost.Process> ran = host.processes().subList(before, host.processes().size());
    assertThat(ran.get(0).argv().subList(0, 2)).containsExactly("sh", "-c");
    assertThat(ran.subList(1, ran.size()))
        .extracting(p -> p.argv().get(0))
        .containsExactlyElementsOf(STEPS);
    assertThat(ran).allMatch(p -> p.exitCode() == 0);
    assertThat(ran.get(ran.size() - 1).argv()).endsWith(RC);
    assertThat(host.files().read(RC)).contains(NEW);
    assertThat(host.files().read(RC + ".bak")).contains(OLD);
    assertThat(temporaries(host)).isEmpty();
  }

  @Test
  void aFailedRenameLeavesTheOldFileIntactAndReadable() {
    SimulatedHost host = hostWithOldFile();
    HostFiles viaSh = HostFiles.viaCommands(host);
    host.inject(
        SimulatedFault.matching("^mv -f -- ")
            .exitCode(1)
            .stderr("mv: rename /etc/.vnetjail.000001 to /etc/rc.conf: Read-only file system\n"));

    assertThatThrownBy(() -> viaSh.writeAtomically(RC, NEW))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("vnetjail-write " + RC)
        .hasMessageContaining("exited with code 1")
        .hasMessageContaining("Read-only file system");

    assertThat(host.files().read(RC)).contains(OLD);
    assertThat(viaSh.read(RC)).contains(OLD);
    assertThat(temporaries(host)).as("the EXIT trap removes the temporary file").isEmpty();
    viaSh.writeAtomically(RC, NEW);
    assertThat(viaSh.read(RC)).contains(NEW);
    assertThat(host.files().read(RC + ".bak")).contains(OLD);
  }

  @Test
  void aFailedRenameAndAFailedCleanupStillLeaveTheTargetIntact() {
    SimulatedHost host = hostWithOldFile();
    host.inject(SimulatedFault.matching("^mv -f -- ").stderr(STDERR + "\n"));
    host.inject(SimulatedFault.matching("^rm -f -- /etc/\\.vnetjail\\.").stderr(STDERR + "\n"));

    assertThatThrownBy(() -> HostFiles.viaCommands(host).writeAtomically(RC, NEW))
        .isInstanceOf(CommandFailedException.class);

    assertThat(host.files().read(RC)).contains(OLD);
    // only a hidden temporary file with the new content is left over
    assertThat(temporaries(host)).hasSize(1);
    assertThat(host.files().read(temporaries(host).get(0))).contains(NEW);
  }

  @Test
  void aRenameThatTookEffectButTimedOutLeavesTheCompleteNewFile() {
    SimulatedHost host = hostWithOldFile();
    host.inject(SimulatedFault.matching("^mv -f -- ").timedOut().afterEffect());

    assertThatThrownBy(() -> HostFiles.viaCommands(host).writeAtomically(RC, NEW))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("exited with code 124");

    // the caller cannot tell, but the file is a complete version: the new one
    assertThat(host.files().read(RC)).contains(NEW);
    assertThat(host.files().read(RC + ".bak")).contains(OLD);
    assertThat(temporaries(host)).isEmpty();
  }

  @Test
  void aWriteThatTookEffectButWhoseResultWasLostLeavesTheNewFile() {
    SimulatedHost host = hostWithOldFile();
    host.inject(SimulatedFault.onCommand(1).timedOut().afterEffect());

    assertThatThrownBy(() -> HostFiles.viaCommands(host).writeAtomically(RC, NEW))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("timed out");

    assertThat(host.files().read(RC)).contains(NEW);
    assertThat(temporaries(host)).isEmpty();
    assertThat(host.processes().get(0).exitCode())
        .as("the command's reported result")
        .isEqualTo(124);
    assertThat(host.processes().subList(1, host.processes().size()))
        .as("its steps ran")
        .allMatch(p -> p.exitCode() == 0)
        .hasSize(STEPS.size());
  }

  @TestFactory
  Stream<DynamicTest> aFailureAtAnyStepOfAWriteLeavesTheOldFileOrNoFile() {
    Map<String, String> common = new LinkedHashMap<>();
    common.put("dirname", "^dirname ");
    common.put("mkdir", "^mkdir -p ");
    common.put("mktemp", "^mktemp ");
    Map<String, String> existing = new LinkedHashMap<>(common);
    existing.put("cp to the backup", "^cp -p -- \\S+ \\S+\\.bak$");
    existing.put("cp to the temporary file", "^cp -p -- \\S+ \\S+/\\.vnetjail\\.");
    Map<String, String> created = new LinkedHashMap<>(common);
    created.put("chmod", "^chmod 644 ");
    for (Map<String, String> m : List.of(existing, created)) {
      m.put("cat", "^cat$");
      m.put("fsync", "^fsync ");
      m.put("mv", "^mv -f -- ");
    }
    List<DynamicTest> tests = new ArrayList<>();
    existing.forEach(
        (step, regex) ->
            tests.add(
                DynamicTest.dynamicTest(
                    "existing file: fail " + step, () -> failAtStep(true, regex))));
    created.forEach(
        (step, regex) ->
            tests.add(
                DynamicTest.dynamicTest("new file: fail " + step, () -> failAtStep(false, regex))));
    return tests.stream();
  }

  private void failAtStep(boolean exists, String regex) {
    SimulatedHost host =
        exists ? hostWithOldFile() : SimulatedHost.builder().withInterface("em0").build();
    host.inject(SimulatedFault.matching(regex).exitCode(3).stderr(STDERR + "\n"));
    HostFiles viaSh = HostFiles.viaCommands(host);
    int before = host.processes().size();

    assertThatThrownBy(() -> viaSh.writeAtomically(RC, NEW))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining(STDERR);

    assertThat(host.processes().subList(before, host.processes().size()))
        .as("the fault hit a step of the script")
        .anyMatch(p -> p.exitCode() == 3 && !p.argv().get(0).equals("sh"));
    assertThat(host.files().read(RC)).isEqualTo(exists ? Optional.of(OLD) : Optional.empty());
    assertThat(viaSh.read(RC)).isEqualTo(exists ? Optional.of(OLD) : Optional.empty());
    assertThat(temporaries(host)).isEmpty();
    viaSh.writeAtomically(RC, NEW);
    assertThat(viaSh.read(RC)).contains(NEW);
  }

  // ------------------------------------------------------------------ install

  private static VnetJail jail(String name, int id, String ip) {
    return VnetJail.builder()
        .name(name)
        .id(id)
        .bridge("bridge0")
        .ip(ip)
        .gateway("192.168.1.1")
        .build();
  }

  private static HostConfig config(VnetJail... jails) {
    return HostConfig.builder()
        .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
        .addJails(jails)
        .build();
  }

  private final HostConfig before =
      config(jail("web", 10, "192.168.1.10/24"), jail("db", 11, "192.168.1.11/24"));
  private final HostConfig after =
      config(
          jail("web", 10, "192.168.1.110/24"),
          jail("db", 11, "192.168.1.111/24"),
          jail("cache", 12, "192.168.1.12/24"));

  /** The simulated host, with files read and written through sh commands as over SSH. */
  private static CommandExecutor viaCommands(SimulatedHost host) {
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

  private SimulatedHost installed() {
    SimulatedHost.Builder b =
        SimulatedHost.builder()
            .withInterface("em0")
            .withBridge("bridge0", "em0")
            .withFile(RC, "# local settings\nsshd_enable=\"YES\"\n");
    for (String p : List.of("/usr/local/jails/web", "/usr/local/jails/db")) {
      b.withDirectory(p);
    }
    SimulatedHost host = b.build();
    JailManager.on(viaCommands(host)).install(before);
    return host;
  }

  /** Every file except backups. */
  private static Map<String, String> files(SimulatedHost host) {
    Map<String, String> m = new LinkedHashMap<>(host.state().files());
    m.keySet().removeIf(p -> p.endsWith(".bak"));
    return m;
  }

  /** The files install writes (target paths of the write scripts), in order. */
  private List<String> writtenByInstall() {
    SimulatedHost host = installed();
    int n = host.commands().size();
    JailManager.on(viaCommands(host)).install(after);
    return host.commands().subList(n, host.commands().size()).stream()
        .filter(c -> c.argv().size() == 5 && c.argv().get(3).equals("vnetjail-write"))
        .map(c -> c.argv().get(4))
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> aFailedRenameAtAnyWriteOfInstallLeavesEveryFileOldOrNew() {
    List<String> written = writtenByInstall();
    assertThat(written)
        .contains(RC, JailManagerManifest.PATH)
        .anyMatch(p -> p.endsWith("/cache.conf"))
        .doesNotHaveDuplicates();
    Map<String, String> old = files(installed());
    SimulatedHost reference = installed();
    JailManager.on(viaCommands(reference)).install(after);
    Map<String, String> fresh = files(reference);
    return written.stream()
        .map(
            path ->
                DynamicTest.dynamicTest(
                    "fail the rename of " + path,
                    () -> failRenameDuringInstall(written, path, old, fresh)));
  }

  private void failRenameDuringInstall(
      List<String> written, String path, Map<String, String> old, Map<String, String> fresh) {
    SimulatedHost host = installed();
    host.inject(
        SimulatedFault.matching("^mv -f -- \\S+ " + Pattern.quote(path) + "$")
            .stderr(STDERR + "\n"));
    JailManager m = JailManager.on(viaCommands(host));

    assertThatThrownBy(() -> m.install(after))
        .isInstanceOf(VnetJailException.class)
        .hasMessageContaining(path)
        .hasMessageContaining("exited with code 1")
        .hasMessageContaining(STDERR);

    Map<String, String> now = files(host);
    assertThat(now.keySet()).noneMatch(p -> p.contains("/.vnetjail."));
    int failed = written.indexOf(path);
    for (String p : written) {
      int i = written.indexOf(p);
      Optional<String> expected =
          Optional.ofNullable(i < failed ? fresh.get(p) : old.get(p)); // install stops at a failure
      assertThat(Optional.ofNullable(now.get(p)))
          .as("%s after a failed rename of %s", p, path)
          .isEqualTo(expected);
    }
    // recovery: the same install again brings every file to the new content
    m.install(after);
    assertThat(files(host)).isEqualTo(fresh);
  }
}
