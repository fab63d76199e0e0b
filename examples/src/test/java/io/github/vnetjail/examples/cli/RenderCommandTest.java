package io.github.vnetjail.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.render.JailConf;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  static final String SPEC =
      "{\"bridges\": [{\"name\": \"bridge0\", \"members\": [\"em0\"]}],\n"
          + " \"jails\": [\n"
          + "  {\"name\": \"web\", \"id\": 10, \"bridge\": \"bridge0\","
          + " \"ip\": \"192.168.1.10/24\", \"gateway\": \"192.168.1.1\"},\n"
          + "  {\"name\": \"db\", \"id\": 11, \"bridge\": \"bridge0\","
          + " \"ip\": \"192.168.1.11/24\", \"gateway\": \"192.168.1.1\", \"sysvshm\": \"new\"}]}\n";

  @TempDir Path dir;

  String spec(String text) throws Exception {
    Path p = dir.resolve("host.json");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p.toString();
  }

  @Test
  void rendersTheSeedJailFromOptionsAsAJailConfThatJailReads() {
    CliRun r =
        CliRun.of(
            "render",
            "--name",
            "my-vnet-jail",
            "--id",
            "154",
            "--ip",
            "192.168.1.154/24",
            "--gateway",
            "192.168.1.1");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("my-vnet-jail {").contains("$id = \"154\";");
    assertThat(JailConf.parse(r.out()).effectiveParameters("my-vnet-jail"))
        .containsEntry("vnet.interface", List.of("epair154b"));
  }

  @Test
  void rendersTheHostsRcConfFromASpecFile() throws Exception {
    CliRun r = CliRun.of("render", "--spec", spec(SPEC), "--what", "rc.conf");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "cloned_interfaces=\"bridge0\"\n"
                + "ifconfig_bridge0=\"addm em0 up\"\n"
                + "jail_enable=\"YES\"\n"
                + "jail_list=\"web db\"\n");
  }

  @Test
  void rendersEachJailsOwnRcConfUnderItsPath() throws Exception {
    CliRun r = CliRun.of("render", "--spec", spec(SPEC), "--what", "jail-rc.conf");

    assertThat(r.out())
        .contains("# ==> /jails/web/etc/rc.conf <==\nifconfig_epair10b=\"inet 192.168.1.10/24\"\n")
        .contains("# ==> /jails/db/etc/rc.conf <==\nifconfig_epair11b=\"inet 192.168.1.11/24\"\n");
  }

  @Test
  void rendersOneFilePerJailForJailConfD() throws Exception {
    CliRun r = CliRun.of("render", "--spec", spec(SPEC), "--per-jail", "--expanded");

    assertThat(r.out())
        .contains("# ==> /etc/jail.conf.d/web.conf <==\n")
        .contains("# ==> /etc/jail.conf.d/db.conf <==\n")
        .contains("sysvshm = \"new\";")
        .doesNotContain("$id");
  }

  @Test
  void refusesAnUnknownKeyInTheSpec() throws Exception {
    CliRun r = CliRun.of("render", "--spec", spec("{\"jails\": [{\"nmae\": \"x\"}]}"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("unknown key \"nmae\" in a jail");
  }

  @Test
  void reportsEveryValidationProblemOfTheSpec() throws Exception {
    CliRun r =
        CliRun.of(
            "render",
            "--spec",
            spec(
                "{\"bridges\": [{\"name\": \"bridge0\", \"members\": [\"em0\"]}],"
                    + " \"jails\": [{\"name\": \"a\", \"id\": 1, \"bridge\": \"bridge0\","
                    + " \"ip\": \"10.0.0.300/24\"}]}"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("vnetjail: invalid").contains("10.0.0.300");
  }
}
