package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random command sequences (seeded) keep the simulated kernel's invariants. */
class SimulatedHostPropertyTest {
  private static final String[] JAILS = {"a", "b", "c"};

  @Test
  void randomInterfaceAndJailOperationsKeepTheModelConsistent() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      SimulatedHost host =
          SimulatedHost.builder().withInterface("em0").withBridge("bridge0", "em0").build();
      host.keepVnetInterfacesOnRemove(random.nextBoolean());
      List<String> log = new ArrayList<>();
      for (int step = 0; step < 300; step++) {
        List<String> argv = randomCommand(random);
        ExecResult r = host.execute(Command.of(argv));
        log.add(String.join(" ", argv) + " -> " + r.exitCode());
        if (random.nextInt(40) == 0) {
          host.releaseDyingJails();
          log.add("release");
        }
        check(host, "seed " + seed + " after:\n" + String.join("\n", log));
      }
    }
  }

  private static List<String> randomCommand(Random r) {
    int unit = r.nextInt(4);
    String jail = JAILS[r.nextInt(JAILS.length)];
    String side = r.nextBoolean() ? "a" : "b";
    switch (r.nextInt(11)) {
      case 0:
        return List.of("ifconfig", "epair" + unit, "create", "up");
      case 1:
        return List.of("ifconfig", "epair" + unit + side, "destroy");
      case 2:
        return List.of("ifconfig", "bridge0", "addm", "epair" + unit + side);
      case 3:
        return List.of("ifconfig", "bridge0", "deletem", "epair" + unit + side);
      case 4:
        return List.of("ifconfig", "epair" + unit + side, "vnet", jail);
      case 5:
        return List.of("ifconfig", "epair" + unit + side, "-vnet", jail);
      case 6:
        return List.of("jail", "-c", "name=" + jail, "vnet", "persist");
      case 7:
        return List.of("jail", "-r", jail);
      case 8:
        return List.of(
            "jexec",
            jail,
            "ifconfig",
            "epair" + unit + side,
            "inet",
            "10.0." + unit + ".1/24",
            "up");
      case 9:
        return List.of("jexec", jail, "route", "add", "default", "10.0." + unit + ".254");
      default:
        return List.of("jexec", jail, "ifconfig", "epair" + unit + side, "destroy");
    }
  }

  private static void check(SimulatedHost host, String context) {
    SimulatedHost.State s = host.state();
    Set<String> everywhere = new HashSet<>();
    for (SimulatedHost.Stack stack : s.stacks()) {
      List<String> names = stack.interfaceNames();
      assertThat(new HashSet<>(names)).as(context).hasSameSizeAs(names);
      for (SimulatedHost.Interface i : stack.interfaces()) {
        if (!i.name().equals("lo0")) {
          assertThat(everywhere.add(i.name()))
              .as("%s in two stacks; %s", i.name(), context)
              .isTrue();
        }
        for (String m : i.members()) {
          assertThat(stack.find(m)).as(context).isPresent();
          assertThat(stack.find(m).get().bridge()).as(context).contains(i.name());
        }
        i.bridge()
            .ifPresent(
                b -> assertThat(stack.find(b).get().members()).as(context).contains(i.name()));
      }
      for (SimulatedHost.Route route : stack.routes()) {
        assertThat(stack.find(route.interfaceName())).as(context).isPresent();
      }
    }
    String listed = host.execute(Command.of("ifconfig", "-l")).stdout().trim();
    assertThat(listed).as(context).isEqualTo(String.join(" ", s.host().interfaceNames()));
    for (SimulatedHost.Jail j : s.jails()) {
      assertThat(s.stack(j.name())).as(context).isPresent();
    }
  }
}
