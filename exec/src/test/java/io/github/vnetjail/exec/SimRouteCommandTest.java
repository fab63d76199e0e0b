package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimRouteCommandTest {
  private final SimulatedHost host =
      SimulatedHost.builder().withInterface("em0").withAddress("em0", "192.168.1.10/24").build();

  private ExecResult run(String... argv) {
    return host.execute(Command.of(List.of(argv)));
  }

  @Test
  void addsADefaultRouteThroughAConnectedGateway() {
    ExecResult r = run("/sbin/route", "add", "default", "192.168.1.1");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("add net default: gateway 192.168.1.1\n");
    assertThat(host.state().host().routes())
        .containsExactly(new SimulatedHost.Route("default", "192.168.1.1", "em0"));
  }

  @Test
  void refusesASecondDefaultRoute() {
    run("route", "add", "default", "192.168.1.1");
    ExecResult r = run("route", "add", "default", "192.168.1.2");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("route: message indicates error: File exists\n");
    assertThat(r.stdout())
        .isEqualTo("add net default: gateway 192.168.1.2 fib 0: route already in table\n");
  }

  @Test
  void refusesAnUnreachableGateway() {
    ExecResult r = run("route", "add", "default", "10.9.9.9");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("route: message indicates error: Network is unreachable\n");
    assertThat(r.stdout())
        .isEqualTo("add net default: gateway 10.9.9.9 fib 0: Network is unreachable\n");
  }

  @Test
  void deletesAndReportsMissingRoutes() {
    run("route", "add", "default", "192.168.1.1");
    assertThat(run("route", "delete", "default").stdout()).isEqualTo("delete net default\n");
    ExecResult again = run("route", "delete", "default");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).isEqualTo("route: route has not been found\n");
    assertThat(again.stdout()).isEqualTo("delete net default fib 0: not in table\n");
    ExecResult quiet = run("route", "-q", "delete", "default");
    assertThat(quiet.exitCode()).isEqualTo(1);
    assertThat(quiet.stdout()).isEmpty();
    assertThat(quiet.stderr()).isEqualTo("route: route has not been found\n");
  }

  @Test
  void addsNetworkRoutesAndGetsTheBestMatch() {
    run("route", "add", "default", "192.168.1.1");
    assertThat(run("route", "add", "-net", "10.8.0.0/16", "192.168.1.254").stdout())
        .isEqualTo("add net 10.8.0.0/16: gateway 192.168.1.254\n");
    assertThat(run("route", "-n", "get", "10.8.3.4").stdout())
        .contains("    gateway: 192.168.1.254\n");
    assertThat(run("route", "-n", "get", "default").stdout())
        .isEqualTo(
            "   route to: default\n"
                + "destination: default\n"
                + "       mask: default\n"
                + "    gateway: 192.168.1.1\n"
                + "        fib: 0\n"
                + "  interface: em0\n"
                + "      flags: <UP,GATEWAY,DONE,STATIC>\n"
                + " recvpipe  sendpipe  ssthresh  rtt,msec    mtu        weight    expire\n"
                + "       0         0         0         0      1500         1         0 \n");
  }

  @Test
  void getWithoutARouteExits255() {
    ExecResult r = run("route", "-n", "get", "default");
    assertThat(r.exitCode()).isEqualTo(255);
    assertThat(r.stderr()).isEqualTo("route: route has not been found\n");
  }

  @Test
  void routesVanishWhenTheirInterfaceLosesItsAddress() {
    run("route", "add", "default", "192.168.1.1");
    run("ifconfig", "em0", "inet", "192.168.1.10", "-alias");
    assertThat(host.state().host().routes()).isEmpty();
  }
}
