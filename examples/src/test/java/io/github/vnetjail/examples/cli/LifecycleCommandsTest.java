package io.github.vnetjail.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.exec.SimulatedHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleCommandsTest {
  /** The header line of jail.conf with the leak-safe hooks (JailConfRenderer). */
  static final String ROBUST = "No epair outlives a failed start";

  /** The header line of jail.conf with the seed's hooks. */
  static final String SEED = "The seed's hooks plus its exec.prestop release fix.";

  @TempDir Path dir;
  String spec;
  SimulatedHost host = SimulatedHost.create();

  @BeforeEach
  void writeSpec() throws Exception {
    Path p = dir.resolve("host.json");
    Files.writeString(p, RenderCommandTest.SPEC, StandardCharsets.UTF_8);
    spec = p.toString();
  }

  @Test
  void upInstallsAndStartsEveryJailWithProgressAndPrintsTheirStatus() {
    CliRun r = CliRun.on(host, "up", "--spec", spec);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("      *: wrote /etc/jail.conf.d/web.conf\n")
        .contains("      *: wrote /etc/rc.conf\n")
        .containsPattern("\\[[01]/2\\] web: starting\n")
        .containsPattern("\\[[01]/2\\] db: starting\n")
        .containsPattern("\\[[12]/2\\] web: started\n")
        .containsPattern("\\[[12]/2\\] db: started\n");
    assertThat(r.out())
        .matches(
            "web: running, jid \\d, epair10a on bridge, epair10b on jail, 192.168.1.10/24\n"
                + "db: running, jid \\d, epair11a on bridge, epair11b on jail, 192.168.1.11/24\n");
    assertThat(host.state().jails()).hasSize(2);
    // The manager's default: the renderer's leak-safe hooks.
    assertThat(host.files().read("/etc/jail.conf.d/web.conf"))
        .hasValueSatisfying(t -> assertThat(t).contains(ROBUST).doesNotContain(SEED));
  }

  @Test
  void upWithSeedHooksInstallsTheSeedsHooksAndDownLeavesNoInterface() {
    CliRun up = CliRun.on(host, "up", "--spec", spec, "--seed-hooks");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out())
        .matches(
            "web: running, jid \\d, epair10a on bridge, epair10b on jail, 192.168.1.10/24\n"
                + "db: running, jid \\d, epair11a on bridge, epair11b on jail, 192.168.1.11/24\n");
    assertThat(host.files().read("/etc/jail.conf.d/web.conf"))
        .hasValueSatisfying(t -> assertThat(t).contains(SEED).doesNotContain(ROBUST));

    CliRun down = CliRun.on(host, "down", "--spec", spec, "--seed-hooks");

    assertThat(down.exitCode()).as(down.err()).isZero();
    assertThat(down.out())
        .isEqualTo("web: stopped\ndb: stopped\nhost interfaces: lo0 em0 bridge0\n");
  }

  @Test
  void upLeavesARunningJailAloneAndDownStopsAllLeavingNoInterface() {
    CliRun.on(host, "up", "--spec", spec, "web");
    CliRun up = CliRun.on(host, "up", "--spec", spec);
    assertThat(up.err())
        .contains("web: unchanged: already running as jid 1\n")
        .contains("db: started\n");

    CliRun down = CliRun.on(host, "down", "--spec", spec);

    assertThat(down.exitCode()).as(down.err()).isZero();
    assertThat(down.err()).contains("web: stopped\n").contains("db: stopped\n");
    assertThat(down.out())
        .isEqualTo("web: stopped\ndb: stopped\nhost interfaces: lo0 em0 bridge0\n");
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void statusExitsThreeWhenAJailIsNotRunning() {
    CliRun.on(host, "up", "--spec", spec, "db");

    CliRun r = CliRun.on(host, "status", "--spec", spec);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out())
        .isEqualTo(
            "web: stopped\ndb: running, jid 1, epair11a on bridge, epair11b on jail, 192.168.1.11/24\n");
  }

  @Test
  void downRefusesJailsThatVnetjailDidNotInstall() {
    // Each --executor simulated run is a fresh host: nothing there was installed by vnetjail.
    CliRun r = CliRun.of("down", "--spec", spec, "--executor", "simulated");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("the jail is not installed by vnetjail (not in /var/db/vnetjail/managed)");
  }

  @Test
  void downOfAnInstalledButStoppedJailChangesNothing() {
    CliRun.on(host, "up", "--spec", spec, "db");

    CliRun r = CliRun.on(host, "down", "--spec", spec, "web");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("[1/1] web: unchanged: not running\n");
    assertThat(host.state().jails()).hasSize(1);
  }

  @Test
  void planShowsFilesAndCommandsWithoutChangingTheHost() {
    CliRun r = CliRun.on(host, "plan", "--spec", spec, "web");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("# write /etc/jail.conf.d/web.conf (new)\n")
        .contains("+web {")
        .contains(ROBUST)
        .contains("jail -f /etc/jail.conf.d/web.conf -c web")
        .doesNotContain("-c db");
    assertThat(host.state().jails()).isEmpty();
    assertThat(host.files().exists("/etc/jail.conf.d/web.conf")).isFalse();
  }

  @Test
  void refusesAJailThatIsNotInTheSpec() {
    CliRun r = CliRun.on(host, "up", "--spec", spec, "nope");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no jail \"nope\" in the spec; jails: [web, db]");
  }

  @Test
  void refusesAnUnknownExecutor() {
    CliRun r = CliRun.of("status", "--spec", spec, "--executor", "telnet://x");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("unknown executor \"telnet://x\"; use one of simulated|local");
  }
}
