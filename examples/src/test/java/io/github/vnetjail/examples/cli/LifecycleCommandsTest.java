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
  void upStartsEveryJailWithProgressAndPrintsTheirStatus() {
    CliRun r = CliRun.on(host, "up", "--spec", spec, "--seed-hooks");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("installing /etc/jail.conf, /etc/rc.conf")
        .contains(
            "[1/2] web: starting\n[1/2] web: started\n[2/2] db: starting\n[2/2] db: started\n");
    assertThat(r.out())
        .isEqualTo(
            "web: running, jid 1, epair10b 192.168.1.10/24, default via 192.168.1.1\n"
                + "db: running, jid 2, epair11b 192.168.1.11/24, default via 192.168.1.1\n");
    assertThat(host.state().jails()).hasSize(2);
  }

  @Test
  void upSkipsARunningJailAndDownStopsInReverseLeavingNothing() {
    CliRun.on(host, "up", "--spec", spec, "--seed-hooks", "web");
    CliRun up = CliRun.on(host, "up", "--spec", spec, "--seed-hooks");
    assertThat(up.err()).contains("[1/2] web: already running").contains("[2/2] db: started");

    CliRun down = CliRun.on(host, "down", "--spec", spec, "--seed-hooks");

    assertThat(down.exitCode()).as(down.err()).isZero();
    assertThat(down.err())
        .contains(
            "[1/2] db: stopping\n[1/2] db: stopped\n[2/2] web: stopping\n[2/2] web: stopped\n");
    assertThat(down.out())
        .isEqualTo("db: not running\nweb: not running\nhost interfaces: lo0 em0 bridge0\n");
    assertThat(host.state().jails()).isEmpty();
  }

  @Test
  void statusExitsThreeWhenAJailIsNotRunning() {
    CliRun.on(host, "up", "--spec", spec, "--seed-hooks", "db");

    CliRun r = CliRun.on(host, "status", "--spec", spec);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out())
        .isEqualTo(
            "web: not running\n"
                + "db: running, jid 1, epair11b 192.168.1.11/24, default via 192.168.1.1\n");
  }

  @Test
  void downOnAFreshSimulatedHostSaysNothingRuns() {
    CliRun r = CliRun.of("down", "--spec", spec, "--executor", "simulated");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("[1/2] db: not running").contains("[2/2] web: not running");
  }

  @Test
  void planPrintsTheScriptForAFreshHostWithoutRunningIt() {
    CliRun r = CliRun.on(host, "plan", "--spec", spec, "web");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("/etc/jail.conf")
        .contains("ifconfig bridge0 create")
        .contains("ifconfig bridge0 addm em0")
        .contains("jail -f /etc/jail.conf -c web")
        .doesNotContain("-c db");
    assertThat(host.state().jails()).isEmpty();
    assertThat(host.files().exists("/etc/jail.conf")).isFalse();
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
