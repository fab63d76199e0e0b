package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostConfigTest {
  private static Bridge bridge0() {
    return Bridge.builder().name("bridge0").addMember("em0").build();
  }

  private static Bridge lan() {
    return Bridge.builder()
        .name("bridge0")
        .addMember("em0")
        .subnet("192.168.1.0/24")
        .gateway("192.168.1.1")
        .build();
  }

  private static VnetJail.Builder jail(String name) {
    return VnetJail.builder().name(name).bridge("bridge0");
  }

  private static List<Problem> problems(HostConfig.Builder b) {
    return catchThrowableOfType(ValidationException.class, b::build).problems();
  }

  private static Problem onlyProblem(HostConfig.Builder b) {
    List<Problem> ps = problems(b);
    assertThat(ps).hasSize(1);
    return ps.get(0);
  }

  @Test
  void hasDefaults() {
    HostConfig h = HostConfig.builder().build();
    assertThat(h.release()).isEqualTo(FreeBsdRelease.latest());
    assertThat(h.jails()).isEmpty();
    assertThat(h.allJails()).isEmpty();
    assertThat(h.warnings()).isEmpty();
  }

  // --- cross-jail rules ------------------------------------------------------------------

  @Test
  void rejectsTwoJailsWithOneName() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("web").id(1).build())
                .addJail(PlainJail.builder().name("web").build()));
    assertThat(p.field()).isEqualTo("jails[web].name");
    assertThat(p.message()).isEqualTo("two jails are named \"web\"");
  }

  @Test
  void rejectsMissingBridge() {
    Problem p = onlyProblem(HostConfig.builder().addJail(jail("web").id(1).build()));
    assertThat(p.field()).isEqualTo("jails[web].bridge");
    assertThat(p.message()).isEqualTo("bridge bridge0 of jail web is not defined on this host");
    assertThat(p.fix())
        .isEqualTo(
            "add it: HostConfig.builder().addBridge(Bridge.builder().name(\"bridge0\")...build())");
  }

  @Test
  void reportsADuplicateUnitOnceNotAgainAsInterfaceClashes() {
    List<Problem> ps =
        problems(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("a").id(7).build())
                .addJail(jail("b").id(7).build()));
    assertThat(ps)
        .extracting(Problem::message)
        .containsExactly("epair unit 7 is used by jails a and b");
    assertThat(ps.get(0).field()).isEqualTo("jails[b].id");
  }

  @Test
  void rejectsInterfaceNameClashesWithBridgesUplinksAndVlans() {
    List<Problem> ps =
        problems(
            HostConfig.builder()
                .addUplink("em0")
                .addBridge(Bridge.builder().name("em0").build())
                .addVlan(Vlan.builder().parent("em1").tag(10).name("em0").build()));
    assertThat(ps)
        .extracting(Problem::message)
        .containsExactly(
            "interface name em0 is used by uplink em0 and by bridge em0",
            "interface name em0 is used by uplink em0 and by VLAN em0");
  }

  @Test
  void rejectsJibNamesClashingAcrossJails() {
    // JIB names depend only on the jail name; epair names on the unit. Here an epair-named jail
    // and a bridge named like its host side clash.
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(bridge0())
                .addBridge(Bridge.builder().name("epair3a").build())
                .addJail(jail("web").id(3).build()));
    assertThat(p.message())
        .isEqualTo("interface name epair3a is used by bridge epair3a and by jail web");
  }

  @Test
  void rejectsDuplicateVlans() {
    Problem p = onlyProblem(HostConfig.builder().addVlans(Vlan.of("em0", 10), Vlan.of("em0", 10)));
    assertThat(p.message()).contains("VLAN tag 10 is defined twice on em0");
  }

  @Test
  void rejectsBadBridgeMembers() {
    List<Problem> ps =
        problems(
            HostConfig.builder()
                .addBridge(Bridge.builder().name("bridge0").addMembers("em0", "bridge1").build())
                .addBridge(Bridge.builder().name("bridge1").addMembers("em0", "epair1a").build())
                .addJail(jail("web").id(1).build()));
    assertThat(ps)
        .extracting(Problem::message)
        .containsExactly(
            "member bridge1 of bridge0 is itself a bridge",
            "em0 is a member of both bridge0 and bridge1; an interface can be in only one bridge",
            "member epair1a of bridge1 is a jail's epair side, which the SDK adds itself");
  }

  @Test
  void rejectsDuplicateAddresses() {
    List<Problem> ps =
        problems(
            HostConfig.builder()
                .addBridge(lan())
                .addJail(jail("a").id(1).ip("192.168.1.5/24").build())
                .addJail(jail("b").id(2).ip("192.168.1.5/24").build())
                .addJail(jail("c").id(3).ip("192.168.1.1/24").gateway("192.168.1.254").build())
                .addJail(PlainJail.builder().name("p").addAlias("em0|192.168.1.5/24").build()));
    assertThat(ps)
        .extracting(Problem::field, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "jails[b].ip", "address 192.168.1.5 of jail b is already jail a"),
            org.assertj.core.groups.Tuple.tuple(
                "jails[c].ip",
                "address 192.168.1.1 of jail c is already the gateway of bridge bridge0"),
            org.assertj.core.groups.Tuple.tuple(
                "jails[p].aliases[em0|192.168.1.5/24]",
                "address 192.168.1.5 of jail p is already jail a"));
  }

  @Test
  void rejectsExplicitAddressThatIsReservedOrTheBridgesOwn() {
    Bridge b = lan().toBuilder().address("192.168.1.10/24").addReserved("192.168.1.20").build();
    List<Problem> ps =
        problems(
            HostConfig.builder()
                .addBridge(b)
                .addJail(jail("a").id(1).ip("192.168.1.10/24").build())
                .addJail(jail("b").id(2).ip("192.168.1.20/24").build()));
    assertThat(ps)
        .extracting(Problem::message)
        .containsExactly(
            "address 192.168.1.10 of jail a is already bridge bridge0",
            "address 192.168.1.20 of jail b is already a reserved address of bridge bridge0");
  }

  @Test
  void rejectsAddressOutsideTheBridgeSubnet() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(lan())
                .addJail(jail("a").id(1).ip("10.0.0.5/24").gateway("10.0.0.1").build()));
    assertThat(p.field()).isEqualTo("jails[a].ip");
    assertThat(p.message())
        .isEqualTo("address 10.0.0.5/24 is outside the subnet 192.168.1.0/24 of bridge0");
  }

  @Test
  void rejectsGatewayWithoutAnyIpv4Address() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("a").id(1).gateway("192.168.1.1").build()));
    assertThat(p.field()).isEqualTo("jails[a].gateway");
    assertThat(p.message())
        .isEqualTo("gateway 192.168.1.1 is set, but the jail has no IPv4 address");
    Problem p6 =
        onlyProblem(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("a").id(1).ip6Gateway("fe80::1").build()));
    assertThat(p6.field()).isEqualTo("jails[a].ip6Gateway");
  }

  @Test
  void rejectsDuplicateMacs() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("a").id(1).hostMac("02:00:00:00:00:01").build())
                .addJail(jail("b").id(2).jailMac("02:00:00:00:00:01").build()));
    assertThat(p.field()).isEqualTo("jails[b].jailMac");
    assertThat(p.message()).startsWith("MAC 02:00:00:00:00:01 is used by jails a and b");
  }

  @Test
  void rejectsDependencyOnUnknownJail() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("a").id(1).addDepend("db").build()));
    assertThat(p.message()).isEqualTo("jail a depends on \"db\", which is not on this host");
    assertThat(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("a").id(1).addDepend("db").build())
                .addJail(PlainJail.builder().name("db").build())
                .build()
                .jails())
        .hasSize(1);
  }

  @Test
  void rejectsOneRulesetNumberWithTwoMeanings() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("a").id(1).devfsRuleset(DevfsRuleset.vnetWithBpf(10)).build())
                .addJail(
                    jail("b").id(2).devfsRuleset(DevfsRuleset.custom(10, true, false)).build()));
    assertThat(p.message()).startsWith("devfs ruleset number 10 is defined two ways on this host");
  }

  @Test
  void listsDistinctRulesetsInFirstUseOrder() {
    HostConfig h =
        HostConfig.builder()
            .addBridge(bridge0())
            .addJail(jail("a").id(1).devfsRuleset(DevfsRuleset.vnetWithBpf(10)).build())
            .addJail(jail("b").id(2).devfsRuleset(DevfsRuleset.jailVnet()).build())
            .addJail(jail("c").id(3).devfsRuleset(DevfsRuleset.vnetWithBpf(10)).build())
            .build();
    assertThat(h.devfsRulesets())
        .containsExactly(DevfsRuleset.vnetWithBpf(10), DevfsRuleset.jailVnet());
  }

  @Test
  void rejectsBadUplinksAndDefaults() {
    List<Problem> ps =
        problems(
            HostConfig.builder()
                .addUplink("em 0")
                .putDefault("exec.clean")
                .putDefault("bad name", "x")
                .putDefault("vnet.interface", "epair0b")
                .putDefault("exec.start", "a\0"));
    assertThat(ps)
        .extracting(Problem::field)
        .containsExactly(
            "defaults[bad name]", "defaults[vnet.interface]", "defaults[exec.start]", "uplinks[0]");
  }

  @Test
  void keepsDefaultsInOrder() {
    HostConfig h =
        HostConfig.builder()
            .putDefault("exec.start", "/bin/sh /etc/rc")
            .putDefault("exec.stop", "/bin/sh /etc/rc.shutdown")
            .putDefault("exec.clean")
            .release(FreeBsdRelease.V13)
            .build();
    assertThat(h.defaults())
        .containsExactly(
            Map.entry("exec.start", List.of("/bin/sh /etc/rc")),
            Map.entry("exec.stop", List.of("/bin/sh /etc/rc.shutdown")),
            Map.entry("exec.clean", List.of()));
    assertThat(h.release().supportsJailConfInclude()).isFalse();
  }

  @Test
  void rejectsPlainJailAliasOnAnEpair() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("a").id(1).build())
                .addJail(PlainJail.builder().name("p").addAlias("epair1a|10.0.0.5/24").build()));
    assertThat(p.message()).isEqualTo("interface epair1a is a VNET jail's epair side");
  }

  @Test
  void listsEveryHostProblemAtOnce() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                HostConfig.builder()
                    .addJail(jail("a").id(1).build())
                    .addJail(jail("a").id(1).bridge("bridge1").build())
                    .build());
    assertThat(e.subject()).isEqualTo("HostConfig");
    assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(e.getMessage()).contains("jails[a].name: two jails are named \"a\"");
  }

  @Test
  void findsJailsAndBridgesByName() {
    PlainJail p = PlainJail.builder().name("p").build();
    HostConfig h =
        HostConfig.builder()
            .addBridge(bridge0())
            .addBridge(Bridge.builder().name("bridge1").build())
            .addJail(jail("a").id(1).build())
            .addJail(jail("b").id(2).bridge("bridge1").build())
            .addJail(p)
            .build();
    assertThat(h.jail("a")).isPresent();
    assertThat(h.jail("p")).isEmpty();
    assertThat(h.plainJail("p")).contains(p);
    assertThat(h.bridge("bridge1")).isPresent();
    assertThat(h.bridge("bridge9")).isEmpty();
    assertThat(h.jailsOnBridge("bridge1")).extracting(VnetJail::name).containsExactly("b");
    assertThat(h.allJails()).extracting(Jail::name).containsExactly("a", "b", "p");
    assertThat(h.warnings())
        .containsExactly("bridge bridge1 has no members: its jails reach only each other");
  }

  @Test
  void prefixesJailWarningsWithTheJailName() {
    HostConfig h =
        HostConfig.builder()
            .addBridge(bridge0())
            .addJail(jail("pg").id(1).addAllow(Allow.SYSVIPC).build())
            .build();
    assertThat(h.warnings())
        .singleElement()
        .asString()
        .startsWith("jail pg: allow.sysvipc is deprecated");
  }

  @Test
  void rejectsBridgeMemberNamingAnUndefinedVlan() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(Bridge.builder().name("bridge10").addMember("em0.10").build()));
    assertThat(p.field()).isEqualTo("bridges[bridge10].members");
    assertThat(p.message()).contains("names a VLAN interface that this host does not define");
    assertThat(p.fix()).isEqualTo("add it: HostConfig.builder().addVlan(Vlan.of(\"em0\", 10))");
    HostConfig ok =
        HostConfig.builder()
            .addVlan(Vlan.of("em0", 10))
            .addVlan(Vlan.builder().parent("em0").tag(20).name("vlan20").build())
            .addVlan(Vlan.of("em1", 30))
            .addBridge(Bridge.builder().name("bridge10").addMember("em0.10").build())
            .addBridge(Bridge.builder().name("bridge20").addMember("vlan20").build())
            .build();
    assertThat(ok.vlansOn("em0"))
        .extracting(Vlan::interfaceName)
        .containsExactly("em0.10", "vlan20");
    assertThat(ok.vlansOn("em2")).isEmpty();
  }

  @Test
  void rejectsTwoBridgesWithOneName() {
    Problem p = onlyProblem(HostConfig.builder().addBridge(bridge0()).addBridge(bridge0()));
    assertThat(p.message()).isEqualTo("two bridges are named bridge0");
  }

  @Test
  void rejectsOneDnsNameForTwoJails() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("a").id(1).ip("10.0.0.2/24").dnsName("web.lan").build())
                .addJail(jail("b").id(2).ip("10.0.0.3/24").dnsName("WEB.lan").build()));
    assertThat(p.field()).isEqualTo("jails[b].dnsName");
    assertThat(p.message()).isEqualTo("DNS name WEB.lan is used by jails a and b");
  }

  @Test
  void warnsWhenAJailPrefixDiffersFromItsBridgeSubnet() {
    HostConfig h =
        HostConfig.builder()
            .addBridge(
                Bridge.builder().name("bridge0").addMember("em0").subnet("192.168.0.0/16").build())
            .addJail(jail("a").id(1).ip("192.168.1.5/24").build())
            .addJail(jail("b").id(2).ip("192.168.2.5/16").build())
            .build();
    assertThat(h.warnings())
        .containsExactly(
            "jail a: address 192.168.1.5/24 has another prefix length than its bridge's subnet"
                + " 192.168.0.0/16");
  }

  @Test
  void rejectsIpv6AddressOutsideTheBridgeSubnet() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(Bridge.builder().name("bridge0").subnet("2001:db8:1::/64").build())
                .addJail(jail("a").id(1).ip6("2001:db8:2::5/64").build()));
    assertThat(p.field()).isEqualTo("jails[a].ip6");
    assertThat(p.message())
        .isEqualTo("address 2001:db8:2::5/64 is outside the subnet 2001:db8:1::/64 of bridge0");
  }

  @Test
  void suggestsDefiningANonNumericVlanMember() {
    Problem p =
        onlyProblem(
            HostConfig.builder()
                .addBridge(Bridge.builder().name("bridge0").addMember("em0.lan").build()));
    assertThat(p.fix()).isEqualTo("define the VLAN with addVlan(...)");
  }

  @Test
  void reportsAFullIpv6Subnet() {
    List<Problem> ps =
        problems(
            HostConfig.builder()
                .addBridge(Bridge.builder().name("bridge0").subnet("2001:db8::/127").build())
                .addJail(jail("a").build())
                .addJail(jail("b").build()));
    assertThat(ps)
        .extracting(Problem::field, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "jails[b].ip6",
                "subnet 2001:db8::/127 of bridge bridge0 has no free address left for jail b"));
  }

  @Test
  void warnsWhenAllowMountLacksEnforceStatfsBelowTwo() {
    VnetJail mounting = jail("m").id(1).addAllow(Allow.MOUNT, Allow.MOUNT_NULLFS).build();
    HostConfig h = HostConfig.builder().addBridge(bridge0()).addJail(mounting).build();
    assertThat(h.warnings())
        .containsExactly(
            "jail m: allow.mount takes effect only with enforce_statfs below 2 (jail(8)'s default"
                + " is 2); add putRawParameter(\"enforce_statfs\", \"1\")");
    HostConfig viaDefaults = h.toBuilder().putDefault("enforce_statfs", "1").build();
    assertThat(viaDefaults.warnings()).isEmpty();
    HostConfig viaJail =
        HostConfig.builder()
            .addBridge(bridge0())
            .addJail(mounting.toBuilder().putRawParameter("enforce_statfs", "1").build())
            .build();
    assertThat(viaJail.warnings()).isEmpty();
  }

  @Test
  void requiresTheParentOfAHierarchicalJail() {
    Problem p =
        onlyProblem(
            HostConfig.builder().addBridge(bridge0()).addJail(jail("outer.inner").id(1).build()));
    assertThat(p.field()).isEqualTo("jails[outer.inner].name");
    assertThat(p.message())
        .isEqualTo("jail outer.inner is a child of jail outer, which is not on this host");
  }

  @Test
  void warnsWhenAParentJailAllowsNoChildren() {
    PlainJail outer = PlainJail.builder().name("outer").build();
    PlainJail inner = PlainJail.builder().name("outer.inner").build();
    HostConfig h = HostConfig.builder().addJail(outer).addJail(inner).build();
    assertThat(h.warnings())
        .containsExactly(
            "jail outer has child jails but no children.max (jail(8)'s default 0 forbids them);"
                + " add putRawParameter(\"children.max\", \"N\")");
    HostConfig ok =
        HostConfig.builder()
            .addJail(outer.toBuilder().putRawParameter("children.max", "4").build())
            .addJail(inner)
            .build();
    assertThat(ok.warnings()).isEmpty();
  }

  @Test
  void plainJailsTakeDnsNamesUniqueAcrossTheHost() {
    PlainJail p =
        PlainJail.builder().name("p").addAlias("em0|10.0.0.9/24").dnsName("web.lan").build();
    assertThat(p.dnsName()).contains("web.lan");
    Problem dup =
        onlyProblem(
            HostConfig.builder()
                .addBridge(bridge0())
                .addJail(jail("a").id(1).ip("10.0.0.2/24").dnsName("web.lan").build())
                .addJail(p));
    assertThat(dup.field()).isEqualTo("jails[p].dnsName");
    List<Problem> bad =
        catchThrowableOfType(
                ValidationException.class,
                () -> PlainJail.builder().name("q").dnsName("web lan").build())
            .problems();
    assertThat(bad).extracting(Problem::field).containsExactly("dnsName");
  }

  @Test
  void rejectsDependencyLoopsLikeJail8() {
    List<Problem> ps =
        problems(
            HostConfig.builder()
                .addJail(PlainJail.builder().name("a").addDepend("b").build())
                .addJail(PlainJail.builder().name("b").addDepend("c").build())
                .addJail(PlainJail.builder().name("c").addDepend("a").build())
                .addJail(PlainJail.builder().name("d").addDepend("a").build()));
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("jails[a].depend");
              assertThat(p.message())
                  .isEqualTo("jails a, b, c depend on each other in a loop, which jail(8) refuses");
            });
  }

  @Test
  void countsTheImpliedDependencyOnTheParentJail() {
    List<Problem> ps =
        problems(
            HostConfig.builder()
                .addJail(
                    PlainJail.builder()
                        .name("outer")
                        .addDepend("outer.inner")
                        .putRawParameter("children.max", "1")
                        .build())
                .addJail(PlainJail.builder().name("outer.inner").build()));
    assertThat(ps)
        .extracting(Problem::message)
        .containsExactly(
            "jails outer, outer.inner depend on each other in a loop, which jail(8) refuses");
    // Without the loop, dependencies are fine.
    assertThat(
            HostConfig.builder()
                .addJail(PlainJail.builder().name("a").addDepend("b").build())
                .addJail(PlainJail.builder().name("b").build())
                .build()
                .plainJails())
        .hasSize(2);
  }
}
