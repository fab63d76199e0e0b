package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Allocation of epair units, addresses and gateways by {@link HostConfig#builder()}. */
class HostConfigAllocationTest {
  private static VnetJail.Builder jail(String name) {
    return VnetJail.builder().name(name).bridge("bridge0");
  }

  private static Bridge.Builder lan() {
    return Bridge.builder()
        .name("bridge0")
        .addMember("em0")
        .subnet("192.168.1.0/24")
        .gateway("192.168.1.1");
  }

  private static String ip(HostConfig h, String name) {
    return h.jail(name).orElseThrow().ip().map(Cidr::toString).orElse("-");
  }

  private static int unit(HostConfig h, String name) {
    return h.jail(name).orElseThrow().epairUnit();
  }

  @Test
  void allocatesLowestFreeUnitsAroundExplicitOnes() {
    HostConfig h =
        HostConfig.builder()
            .addBridge(Bridge.builder().name("bridge0").build())
            .addJail(jail("a").build())
            .addJail(jail("b").id(0).build())
            .addJail(jail("c").build())
            .addJail(jail("d").id(2).build())
            .addJail(jail("e").build())
            .build();
    assertThat(List.of(unit(h, "a"), unit(h, "b"), unit(h, "c"), unit(h, "d"), unit(h, "e")))
        .containsExactly(1, 0, 3, 2, 4);
    assertThat(h.jails()).allMatch(VnetJail::isResolved);
    assertThat(h.jail("a").orElseThrow().hostInterface()).isEqualTo("epair1a");
    // No subnet: no address is invented.
    assertThat(h.jail("a").orElseThrow().ip()).isEmpty();
  }

  @Test
  void allocatesLowestFreeAddressesSkippingGatewayReservedAndTaken() {
    HostConfig h =
        HostConfig.builder()
            .addBridge(lan().address("192.168.1.3/24").addReserved("192.168.1.2").build())
            .addJail(jail("x").build())
            .addJail(jail("fixed").id(9).ip("192.168.1.5/24").gateway("192.168.1.1").build())
            .addJail(jail("y").build())
            .addJail(jail("z").build())
            .build();
    assertThat(ip(h, "x")).isEqualTo("192.168.1.4/24");
    assertThat(ip(h, "fixed")).isEqualTo("192.168.1.5/24");
    assertThat(ip(h, "y")).isEqualTo("192.168.1.6/24");
    assertThat(ip(h, "z")).isEqualTo("192.168.1.7/24");
    assertThat(h.jail("y").orElseThrow().gateway().map(IpAddress::toString))
        .contains("192.168.1.1");
    assertThat(List.of(unit(h, "x"), unit(h, "y"), unit(h, "z"))).containsExactly(0, 1, 2);
  }

  @Test
  void skipsNetworkAndBroadcastAndReportsAFullSubnet() {
    Bridge tiny =
        Bridge.builder().name("bridge0").subnet("10.0.0.0/30").gateway("10.0.0.1").build();
    HostConfig h = HostConfig.builder().addBridge(tiny).addJail(jail("a").build()).build();
    assertThat(ip(h, "a")).isEqualTo("10.0.0.2/30"); // .0 network, .1 gateway, .3 broadcast

    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                HostConfig.builder()
                    .addBridge(tiny)
                    .addJail(jail("a").build())
                    .addJail(jail("b").build())
                    .build());
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("jails[b].ip");
              assertThat(p.message())
                  .isEqualTo(
                      "subnet 10.0.0.0/30 of bridge bridge0 has no free address left for jail b");
            });
  }

  @Test
  void usesBothAddressesOfA31() {
    Bridge p2p = Bridge.builder().name("bridge0").subnet("10.0.0.0/31").build();
    HostConfig h =
        HostConfig.builder()
            .addBridge(p2p)
            .addJail(jail("a").build())
            .addJail(jail("b").build())
            .build();
    assertThat(ip(h, "a")).isEqualTo("10.0.0.0/31");
    assertThat(ip(h, "b")).isEqualTo("10.0.0.1/31");
  }

  @Test
  void leavesDhcpAndExplicitJailsAlone() {
    HostConfig h =
        HostConfig.builder()
            .addBridge(lan().build())
            .addJail(jail("d").dhcp().devfsRuleset(DevfsRuleset.vnetWithBpf(10)).build())
            .addJail(jail("s").ip("192.168.1.200/24").build())
            .build();
    VnetJail d = h.jail("d").orElseThrow();
    assertThat(d.ip()).isEmpty();
    assertThat(d.gateway()).isEmpty();
    assertThat(d.ipv4Mode()).isEqualTo(AddressMode.DHCP);
    VnetJail s = h.jail("s").orElseThrow();
    assertThat(ip(h, "s")).isEqualTo("192.168.1.200/24");
    // An explicit address in the subnet inherits the bridge's gateway when it has none.
    assertThat(s.gateway().map(IpAddress::toString)).contains("192.168.1.1");
  }

  @Test
  void keepsAnExplicitGateway() {
    HostConfig h =
        HostConfig.builder()
            .addBridge(lan().build())
            .addJail(jail("a").gateway("192.168.1.254").build())
            .build();
    assertThat(h.jail("a").orElseThrow().gateway().map(IpAddress::toString))
        .contains("192.168.1.254");
    assertThat(ip(h, "a")).isEqualTo("192.168.1.2/24");
  }

  @Test
  void avoidsAddressesOfJailsOnOtherBridgesAndPlainJails() {
    HostConfig h =
        HostConfig.builder()
            .addBridge(lan().build())
            .addBridge(Bridge.builder().name("bridge1").build())
            .addJail(jail("other").bridge("bridge1").ip("192.168.1.2/24").build())
            .addJail(PlainJail.builder().name("p").addAlias("em0|192.168.1.3/24").build())
            .addJail(jail("a").build())
            .build();
    assertThat(ip(h, "a")).isEqualTo("192.168.1.4/24");
  }

  @Test
  void allocatesIpv6FromAnIpv6Subnet() {
    Bridge v6 =
        Bridge.builder().name("bridge0").subnet("2001:db8:1::/64").gateway("2001:db8:1::1").build();
    HostConfig h =
        HostConfig.builder()
            .addBridge(v6)
            .addJail(jail("a").build())
            .addJail(jail("b").ip("10.0.0.5/24").build())
            .addJail(jail("c").slaac().build())
            .build();
    VnetJail a = h.jail("a").orElseThrow();
    assertThat(a.ip6().map(Cidr::toString)).contains("2001:db8:1::2/64");
    assertThat(a.ip6Gateway().map(IpAddress::toString)).contains("2001:db8:1::1");
    assertThat(a.ip()).isEmpty();
    assertThat(h.jail("b").orElseThrow().ip6().map(Cidr::toString)).contains("2001:db8:1::3/64");
    assertThat(h.jail("b").orElseThrow().ip().map(Cidr::toString)).contains("10.0.0.5/24");
    assertThat(h.jail("c").orElseThrow().ip6()).isEmpty();
  }

  @Test
  void sameInputGivesSameOutputAndRebuildingChangesNothing() {
    HostConfig.Builder b =
        HostConfig.builder()
            .addBridge(lan().build())
            .addJail(jail("a").build())
            .addJail(jail("b").id(0).build())
            .addJail(jail("c").build());
    HostConfig first = b.build();
    HostConfig second = b.build();
    assertThat(second).isEqualTo(first);
    assertThat(first.toBuilder().build()).isEqualTo(first);
    assertThat(first.toString()).isEqualTo(second.toString());
  }

  @Test
  void reportsRulesThatAnAllocatedAddressBreaks() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                HostConfig.builder()
                    .addBridge(lan().build())
                    .addJail(jail("a").addRoute("10.8.0.0/24", "10.0.0.1").build())
                    .build());
    assertThat(e.subject()).isEqualTo("HostConfig");
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("jails[a].routes[10.8.0.0/24]");
              assertThat(p.message())
                  .isEqualTo(
                      "route to 10.8.0.0/24: gateway 10.0.0.1 is outside the jail's subnet"
                          + " 192.168.1.0/24");
            });
  }

  @Test
  void editingABuiltHostKeepsWhatWasAllocated() {
    HostConfig first =
        HostConfig.builder()
            .addBridge(lan().build())
            .addJail(jail("a").build())
            .addJail(jail("b").build())
            .build();
    HostConfig second =
        first.toBuilder()
            .jails(List.of(first.jail("b").orElseThrow()))
            .addJail(jail("c").build())
            .build();
    assertThat(unit(second, "b")).isEqualTo(unit(first, "b"));
    assertThat(ip(second, "b")).isEqualTo(ip(first, "b"));
    // a's unit and address were freed; c takes the lowest free ones.
    assertThat(unit(second, "c")).isEqualTo(0);
    assertThat(ip(second, "c")).isEqualTo("192.168.1.2/24");
  }

  @Test
  void explicitCollisionsAreReportedNotReallocated() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                HostConfig.builder()
                    .addBridge(lan().build())
                    .addJail(jail("a").id(1).ip("192.168.1.9/24").build())
                    .addJail(jail("b").id(1).ip("192.168.1.9/24").build())
                    .addJail(jail("c").build())
                    .build());
    assertThat(e.problems())
        .extracting(Problem::message)
        .containsExactly(
            "epair unit 1 is used by jails a and b",
            "address 192.168.1.9 of jail b is already jail a");
  }

  /**
   * Property: for random mixes of explicit and missing ids and addresses, allocation gives unique
   * units and addresses, never the network, broadcast, gateway or reserved addresses, always the
   * lowest free ones in jail order, and the same result every time.
   */
  @Test
  void randomHostsAllocateUniqueLowestFreeValuesDeterministically() {
    Random random = new Random(20261204L);
    for (int round = 0; round < 200; round++) {
      int prefix = 24 + random.nextInt(5); // /24 .. /28
      Cidr subnet = Cidr.parse("10.1.2.0/" + prefix);
      int hosts = (1 << (32 - prefix)) - 2;
      Set<Integer> reservedOffsets = new LinkedHashSet<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        reservedOffsets.add(2 + random.nextInt(hosts - 1));
      }
      Bridge.Builder bridge = Bridge.builder().name("bridge0").subnet(subnet).gateway("10.1.2.1");
      reservedOffsets.forEach(o -> bridge.addReserved(offset(subnet, o)));
      HostConfig.Builder hb = HostConfig.builder().addBridge(bridge.build());
      int jails = 1 + random.nextInt(Math.min(hosts - 1 - reservedOffsets.size(), 12));
      Set<Integer> explicitUnits = new HashSet<>();
      Set<Integer> explicitOffsets = new HashSet<>();
      for (int i = 0; i < jails; i++) {
        VnetJail.Builder j = jail("j" + i);
        if (random.nextInt(3) == 0) {
          int u = random.nextInt(20);
          if (explicitUnits.add(u)) {
            j.id(u);
          }
        }
        if (random.nextInt(3) == 0) {
          int o = 2 + random.nextInt(hosts - 1);
          if (!reservedOffsets.contains(o) && explicitOffsets.add(o)) {
            j.ip(Cidr.of(offset(subnet, o), prefix));
          }
        }
        hb.addJail(j.build());
      }
      HostConfig h;
      try {
        h = hb.build();
      } catch (ValidationException e) {
        // Only a full subnet may fail: every host address is then taken.
        assertThat(e.problems()).allMatch(p -> p.message().contains("has no free address left"));
        continue;
      }
      assertThat(hb.build()).isEqualTo(h);

      Set<Integer> units = new HashSet<>();
      Set<IpAddress> addresses = new HashSet<>();
      List<Integer> allocatedUnits = new ArrayList<>();
      List<IpAddress> allocatedAddresses = new ArrayList<>();
      Set<IpAddress> explicitAddresses = new HashSet<>();
      explicitOffsets.forEach(o -> explicitAddresses.add(offset(subnet, o)));
      for (VnetJail j : h.jails()) {
        assertThat(units.add(j.epairUnit())).isTrue();
        Cidr c = j.ip().orElseThrow();
        assertThat(c.prefixLength()).isEqualTo(prefix);
        assertThat(addresses.add(c.address())).isTrue();
        assertThat(subnet.contains(c.address())).isTrue();
        assertThat(c.address()).isNotEqualTo(subnet.networkAddress());
        assertThat(Optional.of(c.address())).isNotEqualTo(subnet.broadcast());
        assertThat(c.address()).isNotEqualTo(IpAddress.parse("10.1.2.1"));
        assertThat(j.gateway().map(IpAddress::toString)).contains("10.1.2.1");
        if (!explicitUnits.contains(j.epairUnit())) {
          allocatedUnits.add(j.epairUnit());
        }
        if (!explicitAddresses.contains(c.address())) {
          allocatedAddresses.add(c.address());
        }
      }
      // Lowest free, in jail order: the allocated values are exactly the lowest unused ones.
      List<Integer> expectedUnits = new ArrayList<>();
      for (int u = 0; expectedUnits.size() < allocatedUnits.size(); u++) {
        if (!explicitUnits.contains(u)) {
          expectedUnits.add(u);
        }
      }
      assertThat(allocatedUnits).containsExactlyElementsOf(expectedUnits);
      List<IpAddress> expectedAddresses = new ArrayList<>();
      for (int o = 2; expectedAddresses.size() < allocatedAddresses.size(); o++) {
        if (!explicitOffsets.contains(o) && !reservedOffsets.contains(o)) {
          expectedAddresses.add(offset(subnet, o));
        }
      }
      assertThat(allocatedAddresses).containsExactlyElementsOf(expectedAddresses);
    }
  }

  private static IpAddress offset(Cidr subnet, int o) {
    return subnet.addressAt(java.math.BigInteger.valueOf(o));
  }
}
