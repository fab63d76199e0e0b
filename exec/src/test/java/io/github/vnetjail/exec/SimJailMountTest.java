package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * jail(8)'s mount steps (usr.sbin/jail/command.c run_command IP_MOUNT, IP__MOUNT_FROM_FSTAB,
 * IP_MOUNT_DEVFS, IP_MOUNT_FDESCFS, IP_MOUNT_PROCFS and check_path; jail.c startcommands and
 * stopcommands) on the simulated host, with mount(8) and umount(8) on its mount table.
 */
class SimJailMountTest {
  private final ScriptedJailConf conf = new ScriptedJailConf();

  private final SimulatedHost host =
      SimulatedHost.builder()
          .withInterface("em0")
          .withDirectory("/jails/web")
          .withFile("/etc/jail.conf", "# scripted\n")
          .withFile("/etc/fstab.web", "# jail web\n/data /jails/web/data nullfs rw 0 0\n\n")
          .configReader(conf)
          .build();

  private ExecResult run(String... argv) {
    return host.execute(Command.of(List.of(argv)));
  }

  private static final String MNT = "/sbin/mount -t nullfs -o ro /src /jails/web/mnt";
  private static final String DATA = "/sbin/mount -t nullfs -o rw /data /jails/web/data";
  private static final String DEVFS = "/sbin/mount -t devfs -oruleset=10 . /jails/web/dev";
  private static final String FDESCFS = "/sbin/mount -t fdescfs . /jails/web/dev/fd";
  private static final String PROCFS = "/sbin/mount -t procfs . /jails/web/proc";

  /** A jail with every kind of mount, the hooks around them, and persist. */
  private Map<String, List<String>> web() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("name", List.of("web"));
    p.put("path", List.of("/jails/web"));
    p.put("persist", List.of());
    p.put("mount", List.of("/src /jails/web/mnt nullfs ro 0 0"));
    p.put("mount.fstab", List.of("/etc/fstab.web"));
    p.put("mount.devfs", List.of());
    p.put("devfs_ruleset", List.of("10"));
    p.put("mount.fdescfs", List.of());
    p.put("mount.procfs", List.of());
    p.put("exec.prepare", List.of("/usr/bin/true prepare"));
    p.put("exec.prestart", List.of("/usr/bin/true prestart"));
    p.put("exec.poststop", List.of("/usr/bin/true poststop"));
    p.put("exec.release", List.of("/usr/bin/true release"));
    return p;
  }

  /** The programs jail(8) started (not the jail command itself), from {@code from} on. */
  private List<String> started(int from) {
    List<String> out = new ArrayList<>();
    for (SimulatedHost.Process p : host.processes().subList(from, host.processes().size())) {
      if (!p.argv().get(0).equals("jail")) {
        out.add(String.join(" ", p.argv()) + " -> " + p.exitCode());
      }
    }
    return out;
  }

  private List<String> mounts() {
    return host.state().mounts().stream().map(SimulatedHost.Mount::toString).toList();
  }

  @Test
  void createMountsInStartcommandsOrderAndRemoveUnmountsInReverse() {
    conf.put("web", web());

    ExecResult c = run("jail", "-f", "/etc/jail.conf", "-c", "web");

    assertThat(c.exitCode()).as(c.stderr()).isZero();
    assertThat(started(0))
        .containsExactly(
            "/usr/bin/true prepare -> 0",
            MNT + " -> 0",
            DATA + " -> 0",
            DEVFS + " -> 0",
            FDESCFS + " -> 0",
            PROCFS + " -> 0",
            "/usr/bin/true prestart -> 0");
    assertThat(mounts())
        .containsExactly(
            "mount /src on /jails/web/mnt type nullfs (ro)",
            "mount /data on /jails/web/data type nullfs (rw)",
            "mount . on /jails/web/dev type devfs (ruleset=10)",
            "mount . on /jails/web/dev/fd type fdescfs",
            "mount . on /jails/web/proc type procfs");
    assertThat(run("mount", "-p").stdout())
        .isEqualTo(
            "/src\t\t\t/jails/web/mnt\t\tnullfs\tro\t\t0 0\n"
                + "/data\t\t\t/jails/web/data\t\tnullfs\trw\t\t0 0\n"
                + "devfs\t\t\t/jails/web/dev\t\tdevfs\trw\t\t0 0\n"
                + "fdescfs\t\t\t/jails/web/dev/fd\tfdescfs\trw\t\t0 0\n"
                + "procfs\t\t\t/jails/web/proc\t\tprocfs\trw\t\t0 0\n");

    int before = host.processes().size();
    ExecResult r = run("jail", "-f", "/etc/jail.conf", "-r", "web");

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).isEqualTo("web: removed\n");
    assertThat(started(before))
        .containsExactly(
            "/usr/bin/true poststop -> 0",
            "/sbin/umount /jails/web/proc -> 0",
            "/sbin/umount /jails/web/dev/fd -> 0",
            "/sbin/umount /jails/web/dev -> 0",
            "/sbin/umount -t nullfs /jails/web/data -> 0",
            "/sbin/umount -t nullfs /jails/web/mnt -> 0",
            "/usr/bin/true release -> 0");
    assertThat(mounts()).isEmpty();
  }

  @Test
  void aFailedMountUndoesTheEarlierMountsInReverseAndCreatesNoJail() {
    conf.put("web", web());
    host.inject(
        SimulatedFault.matching("^/sbin/mount -t fdescfs ")
            .stderr("mount: /jails/web/dev/fd: Operation not supported by device\n"));

    ExecResult c = run("jail", "-f", "/etc/jail.conf", "-c", "web");

    assertThat(c.exitCode()).isEqualTo(1);
    assertThat(c.stderr())
        .isEqualTo(
            "mount: /jails/web/dev/fd: Operation not supported by device\n"
                + "jail: web: "
                + FDESCFS
                + ": failed\n");
    assertThat(c.stdout()).as("no jail was created, so none was removed").isEmpty();
    assertThat(started(0))
        .containsExactly(
            "/usr/bin/true prepare -> 0",
            MNT + " -> 0",
            DATA + " -> 0",
            DEVFS + " -> 0",
            FDESCFS + " -> 1",
            "/sbin/umount /jails/web/dev -> 0",
            "/sbin/umount -t nullfs /jails/web/data -> 0",
            "/sbin/umount -t nullfs /jails/web/mnt -> 0");
    assertThat(mounts()).isEmpty();
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void aFailedStepAfterCreationUnmountsAfterRemovingTheJail() {
    Map<String, List<String>> web = web();
    web.put("exec.created", List.of("/usr/bin/false"));
    conf.put("web", web);

    ExecResult c = run("jail", "-f", "/etc/jail.conf", "-c", "web");

    assertThat(c.exitCode()).isEqualTo(1);
    assertThat(c.stdout()).isEqualTo("web: created\nweb: removed\n");
    assertThat(c.stderr()).isEqualTo("jail: web: /usr/bin/false: failed\n");
    assertThat(started(0))
        .endsWith(
            "/usr/bin/false -> 1",
            "/sbin/umount /jails/web/proc -> 0",
            "/sbin/umount /jails/web/dev/fd -> 0",
            "/sbin/umount /jails/web/dev -> 0",
            "/sbin/umount -t nullfs /jails/web/data -> 0",
            "/sbin/umount -t nullfs /jails/web/mnt -> 0");
    assertThat(mounts()).isEmpty();
  }

  @Test
  void aFailedUmountAtRemovalGoesOnWithTheRemainingStepsAndLeavesThatMount() {
    conf.put("web", web());
    run("jail", "-f", "/etc/jail.conf", "-c", "web").requireSuccess();
    host.inject(
        SimulatedFault.matching("^/sbin/umount /jails/web/dev$")
            .stderr("umount: unmount of /jails/web/dev failed: Device busy\n"));
    int before = host.processes().size();

    ExecResult r = run("jail", "-f", "/etc/jail.conf", "-r", "web");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("web: removed\n");
    assertThat(r.stderr())
        .isEqualTo(
            "umount: unmount of /jails/web/dev failed: Device busy\n"
                + "jail: web: /sbin/umount /jails/web/dev: failed\n");
    assertThat(started(before))
        .containsExactly(
            "/usr/bin/true poststop -> 0",
            "/sbin/umount /jails/web/proc -> 0",
            "/sbin/umount /jails/web/dev/fd -> 0",
            "/sbin/umount /jails/web/dev -> 1",
            "/sbin/umount -t nullfs /jails/web/data -> 0",
            "/sbin/umount -t nullfs /jails/web/mnt -> 0",
            "/usr/bin/true release -> 0");
    assertThat(mounts()).containsExactly("mount . on /jails/web/dev type devfs (ruleset=10)");
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void removalChecksThatEachMountPointIsStillAMountOfItsType() {
    Map<String, List<String>> plain = new LinkedHashMap<>();
    plain.put("name", List.of("web"));
    plain.put("path", List.of("/jails/web"));
    plain.put("persist", List.of());
    conf.put("web", plain);
    run("jail", "-f", "/etc/jail.conf", "-c", "web").requireSuccess();
    host.files().writeAtomically("/jails/web/proc/.keep", "");
    Map<String, List<String>> mounts = new LinkedHashMap<>(plain);
    mounts.put("mount.devfs", List.of());
    mounts.put("mount.procfs", List.of());
    mounts.put("mount", List.of("/src /jails/web/mnt nullfs ro"));
    conf.put("web", mounts);
    run("mount", "-t", "tmpfs", "tmpfs", "/jails/web/mnt").requireSuccess();
    int before = host.processes().size();

    ExecResult r = run("jail", "-f", "/etc/jail.conf", "-r", "web");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .isEqualTo(
            "jail: web: mount.procfs: /jails/web/proc: not a mount point\n"
                + "jail: web: mount.devfs: /jails/web/dev: No such file or directory\n"
                + "jail: web: mount: /jails/web/mnt: not a nullfs mount\n");
    assertThat(started(before)).isEmpty();
    assertThat(host.state().jails()).isEmpty();
    assertThat(mounts()).containsExactly("mount tmpfs on /jails/web/mnt type tmpfs");
  }

  @Test
  void aMissingFstabFileFailsTheJailBeforeAnyStep() {
    Map<String, List<String>> web = web();
    web.put("mount.fstab", List.of("/etc/fstab.none"));
    conf.put("web", web);

    ExecResult c = run("jail", "-f", "/etc/jail.conf", "-c", "web");

    assertThat(c.exitCode()).isEqualTo(1);
    assertThat(c.stderr())
        .isEqualTo("jail: web: mount.fstab: /etc/fstab.none: No such file or directory\n");
    assertThat(started(0)).isEmpty();
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void aMountLineNeedsThreeFieldsAndAnAbsoluteMountPoint() {
    Map<String, List<String>> web = web();
    web.put("mount", List.of("/src /jails/web/mnt"));
    conf.put("web", web);
    ExecResult shortLine = run("jail", "-f", "/etc/jail.conf", "-c", "web");
    assertThat(shortLine.stderr())
        .isEqualTo("jail: web: mount: /src /jails/web/mnt: missing information\n");

    web.put("mount", List.of("/src mnt nullfs"));
    ExecResult relative = run("jail", "-f", "/etc/jail.conf", "-c", "web");
    assertThat(relative.stderr()).isEqualTo("jail: web: mount: mnt: not an absolute pathname\n");

    assertThat(relative.exitCode()).isEqualTo(1);
    assertThat(started(0))
        .containsExactly("/usr/bin/true prepare -> 0", "/usr/bin/true prepare -> 0");
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void umountSaysWhatIsNotMounted() {
    ExecResult missing = run("umount", "/jails/web/dev");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr())
        .isEqualTo(
            "umount: /jails/web/dev: stat: No such file or directory\n"
                + "umount: /jails/web/dev: unknown file system\n");

    ExecResult notRoot = run("umount", "/jails/web");
    assertThat(notRoot.exitCode()).isEqualTo(1);
    assertThat(notRoot.stderr())
        .isEqualTo("umount: /jails/web: not a file system root directory\n");

    run("mount", "-t", "devfs", ".", "/jails/web/dev").requireSuccess();
    run("mount", "-t", "tmpfs", "tmpfs", "/jails/web/dev").requireSuccess();
    ExecResult wrongType = run("umount", "-t", "devfs", "/jails/web/dev");
    assertThat(wrongType.exitCode()).isEqualTo(1);
    assertThat(wrongType.stderr()).isEmpty();
    run("umount", "/jails/web/dev").requireSuccess();
    assertThat(mounts()).containsExactly("mount . on /jails/web/dev type devfs");
  }

  @Test
  void removalUnmountsTheMountLinesAndFstabLinesInReverse() {
    host.files()
        .writeAtomically(
            "/etc/fstab.two", "/d1 /jails/web/d1 nullfs ro\n/d2 /jails/web/d2 nullfs ro");
    host.files().writeAtomically("/etc/fstab.empty", "");
    Map<String, List<String>> web = new LinkedHashMap<>();
    web.put("name", List.of("web"));
    web.put("path", List.of("/jails/web"));
    web.put("persist", List.of());
    web.put("mount", List.of("/m1 /jails/web/m1 nullfs", "/m2 /jails/web/m2 nullfs"));
    web.put("mount.fstab", List.of("/etc/fstab.two", "", "/etc/fstab.empty"));
    conf.put("web", web);

    run("jail", "-f", "/etc/jail.conf", "-c", "web").requireSuccess();
    int before = host.processes().size();
    run("jail", "-f", "/etc/jail.conf", "-r", "web").requireSuccess();

    assertThat(started(0).subList(0, 4))
        .containsExactly(
            "/sbin/mount -t nullfs /m1 /jails/web/m1 -> 0",
            "/sbin/mount -t nullfs /m2 /jails/web/m2 -> 0",
            "/sbin/mount -t nullfs -o ro /d1 /jails/web/d1 -> 0",
            "/sbin/mount -t nullfs -o ro /d2 /jails/web/d2 -> 0");
    assertThat(started(before))
        .containsExactly(
            "/sbin/umount -t nullfs /jails/web/d2 -> 0",
            "/sbin/umount -t nullfs /jails/web/d1 -> 0",
            "/sbin/umount -t nullfs /jails/web/m2 -> 0",
            "/sbin/umount -t nullfs /jails/web/m1 -> 0");
    assertThat(mounts()).isEmpty();
  }

  @Test
  void onlyTheFileSystemsAskedForAreMountedAndUnmounted() {
    Map<String, List<String>> web = new LinkedHashMap<>();
    web.put("name", List.of("web"));
    web.put("path", List.of("/jails/web"));
    web.put("persist", List.of());
    web.put("mount.devfs", List.of("false"));
    web.put("mount.procfs", List.of("1"));
    conf.put("web", web);

    run("jail", "-f", "/etc/jail.conf", "-c", "web").requireSuccess();
    run("jail", "-f", "/etc/jail.conf", "-r", "web").requireSuccess();

    assertThat(started(0))
        .containsExactly(
            "/sbin/mount -t procfs . /jails/web/proc -> 0", "/sbin/umount /jails/web/proc -> 0");
  }

  @Test
  void aSpecialMountNeedsAPath() {
    Map<String, List<String>> web = new LinkedHashMap<>();
    web.put("name", List.of("web"));
    web.put("mount.fdescfs", List.of());
    conf.put("web", web);

    ExecResult c = run("jail", "-f", "/etc/jail.conf", "-c", "web");

    assertThat(c.exitCode()).isEqualTo(1);
    assertThat(c.stderr()).isEqualTo("jail: web: mount.fdescfs: no path\n");
    assertThat(started(0)).isEmpty();
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void aRemovalWhoseOnlyProblemIsOneMountPointFails() {
    Map<String, List<String>> web = new LinkedHashMap<>();
    web.put("name", List.of("web"));
    web.put("path", List.of("/jails/web"));
    web.put("persist", List.of());
    conf.put("web", web);
    run("jail", "-f", "/etc/jail.conf", "-c", "web").requireSuccess();
    web.put("mount.devfs", List.of());
    ExecResult devfs = run("jail", "-f", "/etc/jail.conf", "-r", "web");
    assertThat(devfs.exitCode()).isEqualTo(1);
    assertThat(devfs.stderr())
        .isEqualTo("jail: web: mount.devfs: /jails/web/dev: No such file or directory\n");

    web.remove("mount.devfs");
    run("jail", "-f", "/etc/jail.conf", "-c", "web").requireSuccess();
    web.put("mount", List.of("/src /jails/web/mnt nullfs ro"));
    ExecResult line = run("jail", "-f", "/etc/jail.conf", "-r", "web");
    assertThat(line.exitCode()).isEqualTo(1);
    assertThat(line.stderr())
        .isEqualTo("jail: web: mount: /jails/web/mnt: No such file or directory\n");
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void aFailedMountLineFailsTheCreateAndAFailedUmountLineTheRemoval() {
    conf.put("web", web());
    host.inject(SimulatedFault.matching("^/sbin/mount -t nullfs -o ro /src "));
    ExecResult c = run("jail", "-f", "/etc/jail.conf", "-c", "web");
    assertThat(c.exitCode()).isEqualTo(1);
    assertThat(c.stderr()).isEqualTo("jail: web: " + MNT + ": failed\n");
    assertThat(host.state().jails()).isEmpty();
    assertThat(mounts()).isEmpty();

    run("jail", "-f", "/etc/jail.conf", "-c", "web").requireSuccess();
    host.inject(SimulatedFault.matching("^/sbin/umount -t nullfs /jails/web/mnt$"));
    ExecResult r = run("jail", "-f", "/etc/jail.conf", "-r", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("jail: web: /sbin/umount -t nullfs /jails/web/mnt: failed\n");
    assertThat(mounts()).containsExactly("mount /src on /jails/web/mnt type nullfs (ro)");
  }
}
