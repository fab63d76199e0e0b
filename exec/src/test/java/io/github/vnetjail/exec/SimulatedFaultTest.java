package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a {@link SimulatedFault} does to a command: no effect, or its effect with a lost result. */
class SimulatedFaultTest {
  private final SimulatedHost host = SimulatedHost.create();

  private ExecResult run(String... argv) {
    return host.execute(Command.of(List.of(argv)));
  }

  @Test
  void aFaultedCommandHasNoEffect() {
    host.inject(SimulatedFault.onCommand(1).timedOut().stderr("killed\n"));

    ExecResult r = run("ifconfig", "epair5", "create");

    assertThat(r.exitCode()).isEqualTo(124);
    assertThat(r.timedOut()).isTrue();
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).isEqualTo("killed\n");
    assertThat(host.state().host().interfaceNames()).containsExactly("lo0", "em0");
  }

  @Test
  void anAfterEffectFaultRunsTheCommandAndReportsOnlyTheFaultsResult() {
    host.inject(SimulatedFault.onCommand(1).timedOut().afterEffect().stderr("killed\n"));

    ExecResult r = run("ifconfig", "epair5", "create");

    assertThat(r.exitCode()).isEqualTo(124);
    assertThat(r.timedOut()).isTrue();
    assertThat(r.stdout()).as("ifconfig's own output (epair5a) is lost").isEmpty();
    assertThat(r.stderr()).isEqualTo("killed\n");
    assertThat(host.state().host().interfaceNames())
        .containsExactly("lo0", "em0", "epair5a", "epair5b");
    assertThat(host.processes())
        .containsExactly(
            new SimulatedHost.Process("host", List.of("ifconfig", "epair5", "create"), 124));
  }

  @Test
  void anAfterEffectFaultOnANestedProgramChangesTheHostAndFailsItsCaller() {
    host.inject(SimulatedFault.matching("^ifconfig bridge5 create$").exitCode(2).afterEffect());

    ExecResult r = run("sh", "-c", "ifconfig bridge5 create && ifconfig bridge5 up");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.timedOut()).isFalse();
    assertThat(host.state().host().find("bridge5"))
        .hasValueSatisfying(b -> assertThat(b.up()).isFalse());
    assertThat(host.processes())
        .extracting(SimulatedHost.Process::toString)
        .containsExactly(
            "host: sh -c ifconfig bridge5 create && ifconfig bridge5 up -> 2",
            "host: ifconfig bridge5 create -> 2");
  }

  @Test
  void aNestedTimedOutFaultDoesNotMakeTheReceivedCommandTimedOut() {
    host.inject(SimulatedFault.matching("^ifconfig bridge5 create$").timedOut());

    ExecResult r = run("sh", "-c", "ifconfig bridge5 create");

    assertThat(r.exitCode()).isEqualTo(124);
    assertThat(r.timedOut()).isFalse();
    assertThat(host.state().host().find("bridge5")).isEmpty();
  }

  @Test
  void describesItself() {
    assertThat(SimulatedFault.matching("^jail ").timedOut().afterEffect())
        .hasToString("SimulatedFault{matching /^jail /, exit 124, timed out, after effect}");
    assertThat(SimulatedFault.onCommand(3).exitCode(2))
        .hasToString("SimulatedFault{command #3, exit 2}");
  }

  @Test
  void aFaultWritesItsStdoutAndFiresAsOftenAsAsked() {
    host.inject(SimulatedFault.matching("^ifconfig -l$").times(2).exitCode(3).stdout("lo9\n"));

    ExecResult first = run("ifconfig", "-l");
    ExecResult second = run("ifconfig", "-l");
    ExecResult third = run("ifconfig", "-l");

    assertThat(List.of(first.exitCode(), second.exitCode(), third.exitCode()))
        .containsExactly(3, 3, 0);
    assertThat(first.stdout()).isEqualTo("lo9\n");
    assertThat(third.stdout()).isEqualTo("lo0 em0\n");
  }

  @Test
  void rejectsFaultsThatCannotBe() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SimulatedFault.onCommand(1).exitCode(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a fault must fail: exit code 0 is success");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatedFault.matching("x").times(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be at least 1, got 0");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatedFault.onCommand(1).times(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("times() applies to matching() faults only");
    assertThat(SimulatedFault.matching("x").times(1))
        .hasToString("SimulatedFault{matching /x/, exit 1}");
  }
}
