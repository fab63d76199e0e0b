package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountTest {
  @Test
  void parsesAnFstabLineLikeJail8() {
    Mount m = Mount.parse("  /usr/ports\t/jails/web/usr/ports  nullfs ro  0 0 ");
    assertThat(m.source()).isEqualTo("/usr/ports");
    assertThat(m.mountPoint()).isEqualTo("/jails/web/usr/ports");
    assertThat(m.type()).isEqualTo("nullfs");
    assertThat(m.options()).contains("ro");
    assertThat(m.fstabLine()).isEqualTo("/usr/ports /jails/web/usr/ports nullfs ro");
    assertThat(m).isEqualTo(Mount.of("/usr/ports", "/jails/web/usr/ports", "nullfs", "ro"));
    assertThat(m.hashCode())
        .isEqualTo(Mount.of("/usr/ports", "/jails/web/usr/ports", "nullfs", "ro").hashCode());
  }

  @Test
  void defaultsOptionsToRw() {
    Mount m = Mount.of("tmpfs", "/jails/web/tmp", "tmpfs");
    assertThat(m.options()).isEmpty();
    assertThat(m).hasToString("tmpfs /jails/web/tmp tmpfs rw");
    assertThat(Mount.parse("zroot/data /jails/web/data zfs rw,noatime").source())
        .isEqualTo("zroot/data");
    assertThat(Mount.parse("tmpfs /jails/web/tmp tmpfs rw,mode=1777,size=1g").options())
        .contains("rw,mode=1777,size=1g");
  }

  @Test
  void needsThreeToSixFields() {
    assertThatThrownBy(() -> Mount.parse("/usr/ports /jails/web/usr/ports"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("has 2 fields; jail(8) needs SOURCE MOUNTPOINT TYPE [OPTIONS]");
    assertThatThrownBy(() -> Mount.parse("")).hasMessageContaining("has 0 fields");
    assertThatThrownBy(() -> Mount.parse("a /b c d 0 0 x")).hasMessageContaining("has 7 fields");
  }

  @Test
  void rejectsRelativeMountPointsAndHostileFields() {
    assertThatThrownBy(() -> Mount.parse("/a b nullfs"))
        .hasMessageContaining("\"b\" is not an absolute path");
    List<Problem> ps =
        catchThrowableOfType(
                ValidationException.class, () -> Mount.parse("/a$x /j/$y null;fs ro`x`"))
            .problems();
    assertThat(ps)
        .extracting(Problem::message)
        .containsExactly(
            "mount source \"/a$x\" contains '$': allowed are ASCII letters, digits and _.-+,@:%=~/",
            "\"/j/$y\" contains '$': paths may contain only ASCII letters, digits and _ . - + , @ :"
                + " % = ~ /",
            "mount type \"null;fs\" contains ';': file system types are ASCII letters and digits",
            "mount options \"ro`x`\" contains '`': allowed are ASCII letters, digits and _.-,=/:");
    assertThatThrownBy(() -> Mount.parse("/a /b nullfs\nro"))
        .hasMessageContaining("contains a NUL or newline character");
  }

  @Test
  void jailsCarryMountsAndCheckThem() {
    VnetJail j =
        VnetJail.builder()
            .name("web")
            .id(1)
            .bridge("bridge0")
            .addMount("/usr/ports /jails/web/usr/ports nullfs ro")
            .mountProcfs(true)
            .mountFdescfs(true)
            .mountFstab("/etc/fstab.web")
            .build();
    assertThat(j.mounts())
        .extracting(Mount::fstabLine)
        .containsExactly("/usr/ports /jails/web/usr/ports nullfs ro");
    assertThat(j.mountProcfs()).isTrue();
    assertThat(j.mountFdescfs()).isTrue();
    assertThat(j.mountFstab()).contains("/etc/fstab.web");
    assertThat(j.warnings()).isEmpty();

    VnetJail.Builder b = VnetJail.builder().name("web").id(1).bridge("bridge0");
    List<Problem> ps =
        catchThrowableOfType(
                ValidationException.class,
                () ->
                    b.addMount("/usr/ports /jails/web/usr/ports")
                        .addMount(Mount.parse("/a /jails/web/x nullfs"))
                        .addMount(Mount.parse("/b /jails/web/x nullfs"))
                        .mountFstab("fstab")
                        .putRawParameter("mount.procfs")
                        .build())
            .problems();
    assertThat(ps)
        .extracting(Problem::field)
        .containsExactly(
            "mounts[/usr/ports /jails/web/usr/ports]",
            "mountFstab",
            "mounts[1]",
            "rawParameters[mount.procfs]");
  }

  @Test
  void warnsAboutMountPointsOutsideTheJail() {
    PlainJail j = PlainJail.builder().name("p").addMount("/a /mnt/a nullfs").build();
    assertThat(j.warnings())
        .singleElement()
        .asString()
        .isEqualTo(
            "mount point /mnt/a is outside the jail's path /jails/p; jail mounts normally go"
                + " inside it");
  }
}
