package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** mount(8) and umount(8) on the simulated host's mount table: options, listing, errors. */
class SimMountCommandsTest {
  private static final String MOUNT_USAGE =
      "usage: mount [-adflpruvw] [-F fstab] [-o options] [-t [no]type[,type ...]]\n"
          + "       mount [-dfpruvw] special | node\n"
          + "       mount [-dfpruvw] [-o options] [-t [no]type[,type ...]] special node\n";
  private static final String UMOUNT_USAGE =
      "usage: umount [-fNnv] special ... | node ... | fsid ...\n"
          + "       umount -a | -A [-F fstab] [-fnv] [-h host] [-t type]\n";

  private final SimulatedHost host =
      SimulatedHost.builder().withInterface("em0").withDirectory("/mnt").build();

  private ExecResult run(String... argv) {
    return host.execute(Command.of(List.of(argv)));
  }

  private List<String> mounts() {
    return host.state().mounts().stream().map(SimulatedHost.Mount::toString).toList();
  }

  @Test
  void mountsWithTheTypeAndOptionsGivenInEitherForm() {
    run("mount", "/dev/ada1p1", "/mnt/a").requireSuccess();
    run("mount", "-t", "nullfs", "-o", "ro", "/src", "/mnt/b").requireSuccess();
    run("/sbin/mount", "-tnullfs", "-onoexec", "-r", "/src", "/mnt//c/").requireSuccess();
    run("mount", "-vw", "-t", "tmpfs", "--", "tmpfs", "/mnt/d").requireSuccess();
    run("mount", "-rtnullfs", "/src", "/mnt/e").requireSuccess();

    assertThat(mounts())
        .containsExactly(
            "mount /dev/ada1p1 on /mnt/a type ufs",
            "mount /src on /mnt/b type nullfs (ro)",
            "mount /src on /mnt/c type nullfs (noexec,ro)",
            "mount tmpfs on /mnt/d type tmpfs",
            "mount /src on /mnt/e type nullfs (ro)");
  }

  @Test
  void mountRejectsWhatItCannotParseWithItsUsage() {
    for (List<String> argv :
        List.of(
            List.of("mount", "-x", "a", "/mnt/a"),
            List.of("mount", "-rx", "a", "/mnt/a"),
            List.of("mount", "a"),
            List.of("mount", "a", "/mnt/a", "/mnt/b"),
            List.of("mount"))) {
      ExecResult r = host.execute(Command.of(argv));
      assertThat(r.exitCode()).as("%s", argv).isEqualTo(1);
      assertThat(r.stderr()).as("%s", argv).isEqualTo(MOUNT_USAGE);
    }
    ExecResult missing = run("mount", "a", "/mnt/a", "-t");
    assertThat(missing.stderr()).isEqualTo(MOUNT_USAGE);
    ExecResult noValue = run("mount", "-t");
    assertThat(noValue.stderr())
        .isEqualTo("mount: option requires an argument -- t\n" + MOUNT_USAGE);
    ExecResult noOption = run("mount", "-o");
    assertThat(noOption.stderr())
        .isEqualTo("mount: option requires an argument -- o\n" + MOUNT_USAGE);
    assertThat(mounts()).isEmpty();
  }

  @Test
  void mountDashPPadsLikePutfsent() {
    run("mount", "-t", "nullfs", "abcdefg", "/mnt/abc").requireSuccess();
    run("mount", "-t", "nullfs", "abcdefgh", "/mnt/abcd").requireSuccess();
    run("mount", "-t", "nullfs", "abcdefghijklmno", "/mnt/abcdefghijk").requireSuccess();
    run("mount", "-t", "nullfs", "abcdefghijklmnop", "/mnt/abcdefghijkl").requireSuccess();
    run("mount", "-t", "nullfs", "-o", "ro", "abcdefghijklmnopqrstuvw", "/mnt/abcdefghijklmnopqrs")
        .requireSuccess();
    run("mount", "-t", "nullfs", "abcdefghijklmnopqrstuvwx", "/mnt/abcdefghijklmnopqrst")
        .requireSuccess();

    assertThat(run("mount", "-p").stdout())
        .isEqualTo(
            "abcdefg\t\t\t/mnt/abc\t\tnullfs\trw\t\t0 0\n"
                + "abcdefgh\t\t/mnt/abcd\t\tnullfs\trw\t\t0 0\n"
                + "abcdefghijklmno\t\t/mnt/abcdefghijk\tnullfs\trw\t\t0 0\n"
                + "abcdefghijklmnop\t/mnt/abcdefghijkl\tnullfs\trw\t\t0 0\n"
                + "abcdefghijklmnopqrstuvw\t/mnt/abcdefghijklmnopqrs nullfs\tro\t\t0 0\n"
                + "abcdefghijklmnopqrstuvwx /mnt/abcdefghijklmnopqrst nullfs\trw\t\t0 0\n");
  }

  @Test
  void umountTakesTheLastMountOfEachNodeAndSaysWhatIsNotMounted() {
    run("mount", "-t", "devfs", ".", "/mnt/dev").requireSuccess();
    run("mount", "-t", "tmpfs", "tmpfs", "/mnt/dev").requireSuccess();
    run("mount", "-t", "procfs", ".", "/mnt/proc").requireSuccess();

    ExecResult r = run("/sbin/umount", "-f", "-v", "/mnt/dev", "/mnt", "/nowhere", "/mnt/proc");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .isEqualTo(
            "umount: /mnt: not a file system root directory\n"
                + "umount: /nowhere: stat: No such file or directory\n"
                + "umount: /nowhere: unknown file system\n");
    assertThat(mounts()).containsExactly("mount . on /mnt/dev type devfs");
    assertThat(run("umount", "-tdevfs", "/mnt/dev").exitCode()).isZero();
    assertThat(mounts()).isEmpty();
  }

  @Test
  void umountRejectsWhatItCannotParseWithItsUsage() {
    assertThat(run("umount").stderr()).isEqualTo(UMOUNT_USAGE);
    assertThat(run("umount", "-a").stderr()).isEqualTo(UMOUNT_USAGE);
    assertThat(run("umount", "-t").stderr())
        .isEqualTo("umount: option requires an argument -- t\n" + UMOUNT_USAGE);
    ExecResult r = run("umount", "--", "/mnt");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("umount: /mnt: not a file system root directory\n");
  }
}
