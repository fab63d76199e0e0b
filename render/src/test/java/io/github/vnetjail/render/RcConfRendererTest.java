package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.DevfsRuleset;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.Vlan;
import io.github.vnetjail.core.VnetJail;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RcConfRendererTest {

  /** The seed's host: bridge0 on em0 and my-vnet-jail. */
  static HostConfig seedHost() {
    VnetJail web =
        VnetJail.builder()
            .name("my-vnet-jail")
            .id(154)
            .bridge("bridge0")
            .ip("192.168.1.154/24")
            .gateway("192.168.1.1")
            .build();
    return HostConfig.builder()
        .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
        .addJail(web)
        .build();
  }

  /** A host with the host's address on a bridge, VLANs bridged per VLAN, and several jails. */
  static HostConfig richHost() {
    Vlan v10 = Vlan.of("em0", 10);
    Vlan v20 = Vlan.builder().parent("em0").tag(20).name("vlan20").build();
    return HostConfig.builder()
        .addVlan(v10)
        .addVlan(v20)
        .addBridge(
            Bridge.builder()
                .name("bridge0")
                .addMember("em0")
                .address("192.168.1.10/24")
                .subnet("192.168.1.0/24")
                .build())
        .addBridge(Bridge.builder().name("bridge10").addMember(v10.interfaceName()).build())
        .addBridge(Bridge.builder().name("bridge20").addMember("vlan20").build())
        .addJail(
            VnetJail.builder()
                .name("web")
                .id(1)
                .bridge("bridge0")
                .ip("192.168.1.21/24")
                .gateway("192.168.1.10")
                .dnsName("web.lan")
                .build())
        .addJail(
            VnetJail.builder()
                .name("db")
                .id(2)
                .bridge("bridge10")
                .dhcp()
                .devfsRuleset(DevfsRuleset.vnetWithBpf(10))
                .dnsName("db.lan")
                .build())
        .addJail(
            VnetJail.builder()
                .name("vpn-client")
                .id(3)
                .bridge("bridge20")
                .ip("10.20.0.5/24")
                .gateway("10.20.0.1")
                .ip6("2001:db8:20::5/64")
                .ip6Gateway("2001:db8:20::1")
                .addRoute("10.8.0.0/24", "10.20.0.2")
                .addRoute("2001:db8:8::/48", "2001:db8:20::2")
                .pf()
                .devfsRuleset(DevfsRuleset.jailVnet())
                .dnsName("vpn.lan")
                .build())
        .build();
  }

  @Test
  void rendersTheSeedLayoutWithPluralClonedInterfaces() {
    assertThat(RcConfRenderer.render(seedHost()))
        .isEqualTo(
            "cloned_interfaces=\"bridge0\"\n"
                + "ifconfig_bridge0=\"addm em0 up\"\n"
                + "jail_enable=\"YES\"\n"
                + "jail_list=\"my-vnet-jail\"\n");
  }

  @Test
  void rendersBridgesVlansRoutingAndJails() {
    assertThat(RcConfRenderer.render(richHost()))
        .isEqualTo(
            "cloned_interfaces=\"bridge0 bridge10 bridge20\"\n"
                + "ifconfig_bridge0=\"inet 192.168.1.10/24 addm em0 up\"\n"
                + "ifconfig_em0=\"up\"\n"
                + "ifconfig_bridge10=\"addm em0.10 up\"\n"
                + "ifconfig_bridge20=\"addm vlan20 up\"\n"
                + "vlans_em0=\"10 vlan20\"\n"
                + "ifconfig_em0_10=\"up\"\n"
                + "create_args_vlan20=\"vlan 20\"\n"
                + "ifconfig_vlan20=\"up\"\n"
                + "gateway_enable=\"YES\"\n"
                + "jail_enable=\"YES\"\n"
                + "jail_list=\"web db vpn-client\"\n");
  }

  @Test
  void aRealShSeesEveryRenderedVariable() throws Exception {
    for (HostConfig host : List.of(seedHost(), richHost())) {
      String text = RcConfRenderer.render(host);
      Map<String, Optional<String>> expected = new LinkedHashMap<>();
      for (RcConf.Assignment a : RcConf.parse(text).assignments()) {
        expected.put(a.name(), RcConf.parse(text).get(a.name()));
      }
      assertThat(expected).isNotEmpty();
      assertThat(RcConfShell.source(text, new ArrayList<>(expected.keySet()))).isEqualTo(expected);
    }
    Map<String, Optional<String>> seed =
        RcConfShell.source(
            RcConfRenderer.render(seedHost()),
            List.of("cloned_interfaces", "ifconfig_bridge0", "jail_enable", "jail_list"));
    assertThat(seed.values())
        .containsExactly(
            Optional.of("bridge0"),
            Optional.of("addm em0 up"),
            Optional.of("YES"),
            Optional.of("my-vnet-jail"));
  }

  @Test
  void editsAnExistingRcConfKeepingEveryOtherLineAndListEntry() throws Exception {
    String rich = RcConfTest.rich();
    String edited = RcConf.parse(rich).apply(RcConfRenderer.edits(seedHost())).render();
    List<String> before = Arrays.asList(rich.split("\n", -1));
    List<String> after = Arrays.asList(edited.split("\n", -1));
    // jail_list gains the jail; cloned_interfaces and ifconfig_bridge0 already say it all
    List<String> expected = new ArrayList<>(before);
    expected.set(
        expected.indexOf("jail_list=\"web db mail\""), "jail_list=\"web db mail my-vnet-jail\"");
    assertThat(after).containsExactlyElementsOf(expected);
    // applying them again changes nothing
    assertThat(RcConf.parse(edited).apply(RcConfRenderer.edits(seedHost())).render())
        .isEqualTo(edited);
  }

  @Test
  void editsUseWordsForListsAndSetForTheRest() {
    assertThat(RcConfRenderer.edits(seedHost()))
        .extracting(RcConfEdit::toString)
        .containsExactly(
            "cloned_interfaces+=bridge0",
            "ifconfig_bridge0=addm em0 up",
            "jail_enable=YES",
            "jail_list+=my-vnet-jail");
  }

  /** Jails a, b (depends on c) and c, in that order, on bridge0. */
  static HostConfig dependingHost() {
    HostConfig.Builder b =
        HostConfig.builder().addBridge(Bridge.builder().name("bridge0").addMember("em0").build());
    int id = 1;
    for (String name : List.of("a", "b", "c")) {
      VnetJail.Builder j = VnetJail.builder().name(name).id(id++).bridge("bridge0");
      if (name.equals("b")) {
        j.addDepend("c");
      }
      b.addJail(j.build());
    }
    return b.build();
  }

  @Test
  void listsDependenciesFirstInJailListAndStopsInReverse() {
    // rc.d/jail starts jail_list in order and, with jail_reverse_stop, stops it in reverse
    // (libexec/rc/rc.d/jail jail_start/jail_stop); the per-jail files it reads have no depend
    RcConf rc = RcConf.parse(RcConfRenderer.render(dependingHost()));

    assertThat(rc.get("jail_list")).hasValue("a c b");
    assertThat(rc.get("jail_reverse_stop")).hasValue("YES");
    assertThat(RcConf.parse(RcConfRenderer.render(seedHost())).get("jail_reverse_stop")).isEmpty();
  }

  @Test
  void movesADependentJailAfterItsDependencyInAnExistingJailList() {
    RcConf rc =
        RcConf.parse("jail_list=\"b old c\"\n").apply(RcConfRenderer.edits(dependingHost()));

    // the host's jails follow the other words, in dependency order: a, then c before b
    assertThat(rc.get("jail_list")).hasValue("old a c b");
    // whatever order an earlier or interrupted run left, the result is the same
    assertThat(
            RcConf.parse("jail_list=\"c b old a\"\n")
                .apply(RcConfRenderer.edits(dependingHost()))
                .get("jail_list"))
        .hasValue("old a c b");
    // applying again changes nothing
    assertThat(rc.apply(RcConfRenderer.edits(dependingHost())).render()).isEqualTo(rc.render());
  }

  @Test
  void ordersChainsOfDependenciesWhateverTheHostsOrder() {
    HostConfig.Builder b =
        HostConfig.builder().addBridge(Bridge.builder().name("bridge0").addMember("em0").build());
    // d depends on e, e on f, f on nothing; g on d and f
    b.addJail(VnetJail.builder().name("g").id(1).bridge("bridge0").addDepend("d", "f").build());
    b.addJail(VnetJail.builder().name("d").id(2).bridge("bridge0").addDepend("e").build());
    b.addJail(VnetJail.builder().name("e").id(3).bridge("bridge0").addDepend("f").build());
    b.addJail(VnetJail.builder().name("f").id(4).bridge("bridge0").build());

    assertThat(RcConf.parse(RcConfRenderer.render(b.build())).get("jail_list")).hasValue("f e d g");
  }

  @Test
  void putsTheHostsIpv6AddressOnTheBridgeAndRoutesForJailsThatUseIt() throws Exception {
    Vlan v30 = Vlan.of("em1", 30);
    HostConfig host =
        HostConfig.builder()
            .addVlan(v30)
            .addBridge(
                Bridge.builder()
                    .name("bridge0")
                    .addMember("em0")
                    .addMember(v30.interfaceName())
                    .address("2001:db8::10/64")
                    .build())
            .addJail(
                VnetJail.builder()
                    .name("v6")
                    .id(1)
                    .bridge("bridge0")
                    .ip6("2001:db8::21/64")
                    .ip6Gateway("2001:db8::10")
                    .build())
            .build();
    String text = RcConfRenderer.render(host);
    // the VLAN member is set up by its own VLAN line, once, not as a bridge member
    assertThat(text)
        .isEqualTo(
            "cloned_interfaces=\"bridge0\"\n"
                + "ifconfig_bridge0=\"addm em0 addm em1.30 up\"\n"
                + "ifconfig_bridge0_ipv6=\"inet6 2001:db8::10/64\"\n"
                + "ifconfig_em0=\"up\"\n"
                + "vlans_em1=\"30\"\n"
                + "ifconfig_em1_30=\"up\"\n"
                + "ipv6_gateway_enable=\"YES\"\n"
                + "jail_enable=\"YES\"\n"
                + "jail_list=\"v6\"\n");
    assertThat(RcConfShell.source(text, List.of("ifconfig_bridge0_ipv6", "gateway_enable")))
        .containsExactly(
            Map.entry("ifconfig_bridge0_ipv6", Optional.of("inet6 2001:db8::10/64")),
            Map.entry("gateway_enable", Optional.empty()));
  }

  @Test
  void routesOnlyWhenAJailsGatewayIsTheHostsOwnAddress() {
    for (String gateway : List.of("192.168.1.1", "192.168.1.10")) {
      HostConfig host =
          HostConfig.builder()
              .addBridge(
                  Bridge.builder()
                      .name("bridge0")
                      .addMember("em0")
                      .address("192.168.1.10/24")
                      .build())
              .addJail(
                  VnetJail.builder()
                      .name("web")
                      .id(1)
                      .bridge("bridge0")
                      .ip("192.168.1.21/24")
                      .gateway(gateway)
                      .ip6("2001:db8::21/64")
                      .ip6Gateway("2001:db8::1")
                      .build())
              .build();
      RcConf rc = RcConf.parse(RcConfRenderer.render(host));
      assertThat(rc.get("gateway_enable"))
          .as(gateway)
          .isEqualTo(gateway.endsWith(".10") ? Optional.of("YES") : Optional.empty());
      // the host has no IPv6 address on the bridge: it routes no IPv6
      assertThat(rc.get("ipv6_gateway_enable")).isEmpty();
    }
  }

  @Test
  void aHostWithoutJailsOrBridgesRendersNothing() {
    assertThat(RcConfRenderer.render(HostConfig.builder().build())).isEmpty();
  }
}
