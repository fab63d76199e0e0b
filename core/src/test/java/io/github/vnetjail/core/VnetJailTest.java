package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VnetJailTest {
  /** A valid jail to vary. */
  private static VnetJail.Builder web() {
    return VnetJail.builder()
        .name("web")
        .id(5)
        .bridge("bridge0")
        .ip("192.168.1.5/24")
        .gateway("192.168.1.1");
  }

  private static List<Problem> problems(VnetJail.Builder b) {
    return catchThrowableOfType(ValidationException.class, b::build).problems();
  }

  private static Problem onlyProblem(VnetJail.Builder b) {
    List<Problem> ps = problems(b);
    assertThat(ps).hasSize(1);
    return ps.get(0);
  }

  @Test
  void buildsWithDefaults() {
    VnetJail j = web().build();
    assertThat(j.path()).isEqualTo("/jails/web");
    assertThat(j.persist()).isTrue();
    assertThat(j.mountDevfs()).isTrue();
    assertThat(j.dhcp()).isFalse();
    assertThat(j.slaac()).isFalse();
    assertThat(j.interfaceNaming()).isEqualTo(InterfaceNaming.EPAIR);
    assertThat(j.isVnet()).isTrue();
    assertThat(j.isResolved()).isTrue();
    assertThat(j.hostname()).isEmpty();
    assertThat(j.devfsRuleset()).isEmpty();
    assertThat(j.allow()).isEmpty();
    assertThat(j.rawParameters()).isEmpty();
    assertThat(j.permissionParameters()).isEmpty();
  }

  @Test
  void emptyBuilderReportsNameAndBridgeAtOnce() {
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> VnetJail.builder().build());
    assertThat(e.problems()).extracting(Problem::field).containsExactly("name", "bridge");
    assertThat(e.getMessage())
        .contains("invalid VnetJail: 2 problems")
        .contains("name: name must be set; use VnetJail.builder().name(\"my-jail\")")
        .contains(
            "bridge: bridge must be set for a VNET jail; use VnetJail.builder().bridge(\"bridge0\")");
  }

  @Test
  void listsEveryProblemAtOnceIncludingUnparseableStrings() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                VnetJail.builder()
                    .name("my jail")
                    .bridge("bridge;0")
                    .ip("192.168.1.300/24")
                    .gateway("gw")
                    .hostMac("ff:ff:ff:ff:ff:ff")
                    .hostname("web_1")
                    .id(40000)
                    .build());
    assertThat(e.problems())
        .extracting(Problem::field)
        .containsExactly("ip", "gateway", "hostMac", "name", "hostname", "bridge", "id");
    assertThat(e.subject()).isEqualTo("VnetJail \"my jail\"");
    assertThat(e.getMessage()).startsWith("invalid VnetJail \"my jail\": 7 problems");
  }

  @Test
  void unparseableStringAloneIsReported() {
    Problem p = onlyProblem(web().ip("192.168.1.5"));
    assertThat(p.field()).isEqualTo("ip");
    assertThat(p.value()).isEqualTo("192.168.1.5");
    assertThat(p.message()).contains("has no prefix length");
  }

  @Test
  void aLaterValidStringReplacesAnEarlierInvalidOne() {
    VnetJail j = web().ip("nonsense").ip("192.168.1.6/24").build();
    assertThat(j.ip().orElseThrow()).hasToString("192.168.1.6/24");
  }

  // --- name, bridge, id -------------------------------------------------------------------

  @Test
  void rejectsHostileNameWithFieldName() {
    for (String hostile : List.of("we b", "web\"", "web$x", "web;reboot", "web\n", "wéb", "")) {
      Problem p = onlyProblem(web().name(hostile));
      assertThat(p.field()).isEqualTo("name");
      assertThat(p.value()).isEqualTo(hostile);
    }
    assertThat(onlyProblem(web().name("web;reboot")).message())
        .contains("\"web;reboot\" contains ';'");
  }

  @Test
  void rejectsInvalidBridgeName() {
    Problem p = onlyProblem(web().bridge("bridge 0"));
    assertThat(p.field()).isEqualTo("bridge");
    assertThat(p.message()).contains("\"bridge 0\" contains ' ' (space)");
    assertThat(onlyProblem(web().bridge("bridge0123456789")).message())
        .contains("is 16 characters long");
  }

  @Test
  void rejectsEpairUnitOutOfRange() {
    assertThat(onlyProblem(web().id(-1)).message())
        .isEqualTo("epair unit -1 is out of range: FreeBSD accepts 0 to 32767");
    assertThat(onlyProblem(web().id(32768)).field()).isEqualTo("id");
    assertThat(web().id(32767).build().hostInterface()).isEqualTo("epair32767a");
    assertThat(web().id(0).build().jailInterface()).isEqualTo("epair0b");
  }

  // --- addressing ---------------------------------------------------------------------------

  @Test
  void rejectsIpv6InIpAndIpv4InIp6() {
    Problem p = onlyProblem(web().ip("2001:db8::5/64").gateway(java.util.Optional.empty()));
    assertThat(p.message()).isEqualTo("ip 2001:db8::5/64 is IPv6; ip(...) takes the IPv4 address");
    assertThat(p.fix()).isEqualTo("use ip6(\"2001:db8::5/64\")");
    assertThat(onlyProblem(web().ip6("10.0.0.5/24")).message()).contains("is IPv4; ip6(...)");
  }

  @Test
  void rejectsNetworkBroadcastAndZeroPrefixAddresses() {
    assertThat(onlyProblem(web().ip("192.168.1.0/24")).message())
        .isEqualTo("ip 192.168.1.0/24 is the network address of 192.168.1.0/24");
    assertThat(onlyProblem(web().ip("192.168.1.255/24")).message())
        .isEqualTo("ip 192.168.1.255/24 is the broadcast address of 192.168.1.0/24");
    assertThat(onlyProblem(web().ip("192.168.1.5/0").gateway(java.util.Optional.empty())).message())
        .contains("has prefix length 0");
    // /31 has no network or broadcast address (RFC 3021).
    assertThat(web().ip("10.0.0.0/31").gateway("10.0.0.1").build().ip()).isPresent();
  }

  @Test
  void rejectsTheIpv6SubnetRouterAnycastAddress() {
    Problem p = onlyProblem(web().ip6("2001:db8::/64"));
    assertThat(p.message())
        .isEqualTo("ip6 2001:db8::/64 is the subnet-router anycast address of 2001:db8::/64");
    assertThat(p.fix()).isEqualTo("use a host address inside 2001:db8::/64, e.g. 2001:db8::1");
  }

  @Test
  void rejectsStaticIpTogetherWithDhcp() {
    Problem p =
        onlyProblem(
            web()
                .gateway(java.util.Optional.empty())
                .dhcp()
                .devfsRuleset(DevfsRuleset.vnetWithBpf(10)));
    assertThat(p.field()).isEqualTo("dhcp");
    assertThat(p.message()).isEqualTo("a static ip 192.168.1.5/24 and dhcp() are both set");
  }

  @Test
  void rejectsStaticIp6TogetherWithSlaac() {
    Problem p = onlyProblem(web().ip6("2001:db8::5/64").slaac());
    assertThat(p.field()).isEqualTo("slaac");
    assertThat(p.message()).contains("static ip6 2001:db8::5/64 and slaac() are both set");
  }

  @Test
  void rejectsGatewayOutsideSubnet() {
    Problem p = onlyProblem(web().gateway("192.168.2.1"));
    assertThat(p.field()).isEqualTo("gateway");
    assertThat(p.message())
        .isEqualTo("gateway 192.168.2.1 is outside the jail's subnet 192.168.1.0/24");
  }

  @Test
  void rejectsGatewayEqualToOwnAddress() {
    assertThat(onlyProblem(web().gateway("192.168.1.5")).message())
        .isEqualTo("gateway 192.168.1.5 is the jail's own address");
  }

  @Test
  void rejectsIpv6Gateway() {
    assertThat(onlyProblem(web().gateway("2001:db8::1")).message())
        .contains("is IPv6; gateway(...) takes the IPv4 default route");
  }

  @Test
  void rejectsGatewayWithDhcp() {
    Problem p =
        onlyProblem(
            web().ip(java.util.Optional.empty()).dhcp().devfsRuleset(DevfsRuleset.vnetWithBpf(10)));
    assertThat(p.field()).isEqualTo("gateway");
    assertThat(p.message()).contains("with dhcp() the DHCP server supplies the default route");
  }

  @Test
  void checksIp6Gateway() {
    VnetJail.Builder v6 = web().ip6("2001:db8::5/64");
    assertThat(v6.ip6Gateway("2001:db8::1").build().ip6Gateway().orElseThrow())
        .hasToString("2001:db8::1");
    assertThat(web().ip6("2001:db8::5/64").ip6Gateway("fe80::1").build().ip6Gateway()).isPresent();
    assertThat(onlyProblem(web().ip6("2001:db8::5/64").ip6Gateway("2001:db9::1")).message())
        .contains("is outside the jail's subnet 2001:db8::/64");
    assertThat(onlyProblem(web().ip6("2001:db8::5/64").ip6Gateway("192.168.1.1")).message())
        .contains("is IPv4; ip6Gateway(...)");
    assertThat(onlyProblem(web().slaac().ip6Gateway("fe80::1")).message())
        .contains("with slaac() the default route comes from router advertisements");
  }

  @Test
  void addressModesFollowTheSettings() {
    assertThat(web().build().ipv4Mode()).isEqualTo(AddressMode.STATIC);
    VnetJail dhcp =
        web()
            .ip(java.util.Optional.empty())
            .gateway(java.util.Optional.empty())
            .dhcp()
            .slaac()
            .devfsRuleset(DevfsRuleset.vnetWithBpf(10))
            .build();
    assertThat(dhcp.ipv4Mode()).isEqualTo(AddressMode.DHCP);
    assertThat(dhcp.ipv6Mode()).isEqualTo(AddressMode.SLAAC);
    assertThat(web().ip6("2001:db8::5/64").build().ipv6Mode()).isEqualTo(AddressMode.STATIC);
    VnetJail none = VnetJail.builder().name("n").bridge("bridge0").build();
    assertThat(none.ipv4Mode()).isEqualTo(AddressMode.NONE);
    assertThat(none.ipv6Mode()).isEqualTo(AddressMode.NONE);
  }

  // --- routes ------------------------------------------------------------------------------

  @Test
  void acceptsRoutesViaGatewaysInTheSubnet() {
    VnetJail j = web().addRoute("10.8.0.0/24", "192.168.1.2").build();
    assertThat(j.routes()).containsExactly(Route.of("10.8.0.0/24", "192.168.1.2"));
  }

  @Test
  void rejectsRouteWithHostBitsOrBadGateway() {
    Problem p = onlyProblem(web().addRoute("10.8.0.1/24", "192.168.1.2"));
    assertThat(p.field()).isEqualTo("routes[10.8.0.1/24].destination");
    assertThat(p.message()).contains("has host bits set; a route destination is a network");
    assertThat(p.fix()).isEqualTo("use \"10.8.0.0/24\"");
    assertThat(onlyProblem(web().addRoute("10.8.0.0/24", "vpn")).field())
        .isEqualTo("routes[10.8.0.0/24].gateway");
  }

  @Test
  void rejectsRouteGatewayOutsideSubnet() {
    Problem p = onlyProblem(web().addRoute("10.8.0.0/24", "172.16.0.1"));
    assertThat(p.field()).isEqualTo("routes[10.8.0.0/24]");
    assertThat(p.message()).contains("172.16.0.1 is outside the jail's subnet 192.168.1.0/24");
  }

  @Test
  void rejectsTwoRoutesToOneDestination() {
    Problem p =
        onlyProblem(
            web().addRoute("10.8.0.0/24", "192.168.1.2").addRoute("10.8.0.0/24", "192.168.1.3"));
    assertThat(p.message()).isEqualTo("two routes for destination 10.8.0.0/24");
  }

  @Test
  void rejectsRouteMixingFamilies() {
    assertThatThrownBy(() -> Route.of("10.8.0.0/24", "2001:db8::1"))
        .hasMessageContaining("are of different address families");
  }

  // --- devfs, dhcp, pf ------------------------------------------------------------------------

  private static VnetJail.Builder dhcpJail() {
    return VnetJail.builder().name("d").id(1).bridge("bridge0").dhcp();
  }

  @Test
  void dhcpNeedsBpfInTheDevfsRuleset() {
    Problem p = onlyProblem(dhcpJail());
    assertThat(p.field()).isEqualTo("devfsRuleset");
    assertThat(p.message())
        .isEqualTo(
            "dhcp() needs /dev/bpf in the jail, but devfs ruleset 4 (jail(8)'s default) hides it"
                + " (stock rulesets 4 and 5 do not unhide bpf)");
    assertThat(p.fix()).contains("DevfsRuleset.vnetWithBpf(10)");
    assertThat(onlyProblem(dhcpJail().devfsRuleset(DevfsRuleset.jailVnet())).message())
        .contains("devfs ruleset 5 (devfsrules_jail_vnet) hides it");
    assertThat(dhcpJail().devfsRuleset(DevfsRuleset.vnetWithBpf(10)).build().dhcp()).isTrue();
    assertThat(dhcpJail().devfsRuleset(DevfsRuleset.custom(12, false, true)).build().dhcp())
        .isTrue();
  }

  @Test
  void dhcpNeedsMountDevfs() {
    Problem p =
        onlyProblem(dhcpJail().devfsRuleset(DevfsRuleset.vnetWithBpf(10)).mountDevfs(false));
    assertThat(p.field()).isEqualTo("mountDevfs");
    assertThat(p.message()).isEqualTo("dhcp() needs /dev/bpf in the jail, but mount.devfs is off");
  }

  @Test
  void pfNeedsDevPf() {
    Problem p = onlyProblem(web().pf());
    assertThat(p.field()).isEqualTo("devfsRuleset");
    assertThat(p.message()).contains("pf in the jail needs /dev/pf");
    VnetJail ok = web().pf().devfsRuleset(DevfsRuleset.jailVnet()).build();
    assertThat(ok.pfRules()).contains("/etc/pf.conf");
    assertThat(
            web()
                .pfRules("/etc/pf.rules")
                .devfsRuleset(DevfsRuleset.vnetWithBpf(9))
                .build()
                .pfRules())
        .contains("/etc/pf.rules");
    assertThat(onlyProblem(web().pf().devfsRuleset(DevfsRuleset.custom(9, false, true))).field())
        .isEqualTo("devfsRuleset");
    assertThat(
            onlyProblem(web().pf().devfsRuleset(DevfsRuleset.jailVnet()).mountDevfs(false))
                .message())
        .isEqualTo("pf in the jail needs /dev/pf, but mount.devfs is off");
    assertThat(onlyProblem(web().pfRules("pf.conf").devfsRuleset(DevfsRuleset.jailVnet())).field())
        .isEqualTo("pfRules");
  }

  // --- names, paths, permissions, hooks, raw parameters ----------------------------------------

  @Test
  void rejectsBadPaths() {
    assertThat(onlyProblem(web().path("jails/web")).message())
        .isEqualTo("\"jails/web\" is not an absolute path");
    assertThat(onlyProblem(web().path("/jails/my web")).message())
        .contains("contains ' ' (space): paths may contain only");
    assertThat(onlyProblem(web().path("/jails/$HOME")).message()).contains("contains '$'");
    assertThat(onlyProblem(web().path("/jails/a\"b")).message()).contains("double quote");
    assertThat(onlyProblem(web().path("/jails/a\nb")).message()).contains("U+000A");
    assertThat(onlyProblem(web().path("/usr//local/jails")).fix())
        .isEqualTo("write single slashes: \"/usr/local/jails\"");
    assertThat(onlyProblem(web().path("/jails/../etc")).message())
        .contains("contains a \"..\" component");
    assertThat(onlyProblem(web().path("/" + "a".repeat(1023))).message())
        .contains("path is 1024 characters long");
    assertThat(web().path("/usr/local/jails/containers/web").build().path())
        .isEqualTo("/usr/local/jails/containers/web");
  }

  @Test
  void checksHostnameAndDnsName() {
    assertThat(onlyProblem(web().hostname("web lan")).field()).isEqualTo("hostname");
    assertThat(onlyProblem(web().dnsName("web;lan")).field()).isEqualTo("dnsName");
    VnetJail j = web().hostname("web.example.org").dnsName("web.lan").build();
    assertThat(j.hostname()).contains("web.example.org");
    assertThat(j.dnsName()).contains("web.lan");
  }

  @Test
  void rejectsPermissionBothAllowedAndDenied() {
    Problem p = onlyProblem(web().addAllow(Allow.RAW_SOCKETS).addDeny(Allow.RAW_SOCKETS));
    assertThat(p.message()).isEqualTo("allow.raw_sockets is both allowed and denied");
  }

  @Test
  void rejectsSysvipcTogetherWithPerModuleModes() {
    Problem p = onlyProblem(web().addAllow(Allow.SYSVIPC).sysvshm(SysvIpc.NEW));
    assertThat(p.message()).contains("allow.sysvipc (deprecated) conflicts with the per-module");
  }

  @Test
  void warnsThatSysvipcIsDeprecated() {
    VnetJail j = web().addAllow(Allow.SYSVIPC).build();
    assertThat(j.warnings()).singleElement().asString().startsWith("allow.sysvipc is deprecated");
  }

  @Test
  void rendersPermissionsAsJailParametersInCanonicalOrder() {
    VnetJail j =
        web()
            .addAllow(Allow.MOUNT_NULLFS, Allow.MOUNT, Allow.RAW_SOCKETS)
            .addDeny(Allow.SET_HOSTNAME)
            .sysvmsg(SysvIpc.NEW)
            .sysvsem(SysvIpc.INHERIT)
            .sysvshm(SysvIpc.DISABLE)
            .build();
    assertThat(j.permissionParameters())
        .containsExactly(
            Map.entry("allow.raw_sockets", List.of()),
            Map.entry("allow.mount", List.of()),
            Map.entry("allow.mount.nullfs", List.of()),
            Map.entry("allow.noset_hostname", List.of()),
            Map.entry("sysvmsg", List.of("new")),
            Map.entry("sysvsem", List.of("inherit")),
            Map.entry("sysvshm", List.of("disable")));
    assertThat(j.warnings()).isEmpty();
  }

  @Test
  void warnsThatMountPermissionsNeedAllowMount() {
    assertThat(web().addAllow(Allow.MOUNT_NULLFS).build().warnings())
        .singleElement()
        .asString()
        .contains("only together with allow.mount");
  }

  @Test
  void checksDependencies() {
    assertThat(web().addDepend("db", "dns").build().depend()).containsExactly("db", "dns");
    Problem self = onlyProblem(web().addDepend("web"));
    assertThat(self.field()).isEqualTo("depend[0]");
    assertThat(self.message()).isEqualTo("a jail cannot depend on itself");
    assertThat(onlyProblem(web().addDepend("db;x")).field()).isEqualTo("depend[0]");
  }

  @Test
  void keepsHooksInOrderPerKind() {
    VnetJail j =
        web()
            .addHook(Hook.POSTSTART, "/usr/local/bin/a")
            .addHook(Hook.PRESTOP, "/usr/local/bin/b")
            .addHook(Hook.POSTSTART, "echo 'c' > /tmp/x")
            .build();
    assertThat(j.hookCommands(Hook.POSTSTART))
        .containsExactly("/usr/local/bin/a", "echo 'c' > /tmp/x");
    assertThat(j.hookCommands(Hook.PRESTOP)).containsExactly("/usr/local/bin/b");
    assertThat(j.hookCommands(Hook.START)).isEmpty();
  }

  @Test
  void rejectsEmptyAndNulHookCommands() {
    assertThat(onlyProblem(web().addHook(Hook.START, " ")).message())
        .isEqualTo("exec.start command is empty");
    Problem nul = onlyProblem(web().addHook(Hook.STOP, "a\0b"));
    assertThat(nul.field()).isEqualTo("hooks[0]");
    assertThat(nul.message()).contains("contains a NUL character");
  }

  @Test
  void acceptsRawParametersWithAnyValueButNul() {
    VnetJail j =
        web()
            .putRawParameter("enforce_statfs", "1")
            .putRawParameter("exec.clean")
            .putRawParameter("exec.consolelog", "/var/log/jail \"web\" $x\n;")
            .build();
    assertThat(j.rawParameters())
        .containsExactly(
            Map.entry("enforce_statfs", List.of("1")),
            Map.entry("exec.clean", List.of()),
            Map.entry("exec.consolelog", List.of("/var/log/jail \"web\" $x\n;")));
    Problem nul = onlyProblem(web().putRawParameter("exec.consolelog", "a\0b"));
    assertThat(nul.field()).isEqualTo("rawParameters[exec.consolelog]");
    assertThat(nul.message()).contains("contains a NUL character");
  }

  @Test
  void rejectsRawParameterNamesThatJailConfUsesAsVariables() {
    // jail(8) refuses a parameter named like a variable ("$id" ... "cannot have the same name as
    // a parameter"), also with "no" in front; found by the 100,000-value hostile-input run
    for (String v : List.of("id", "ip", "gateway", "ip6", "gateway6", "bridge", "epair")) {
      for (String name : List.of(v, "no" + v)) {
        Problem p = onlyProblem(web().putRawParameter(name, "1"));
        assertThat(p.field()).isEqualTo("rawParameters[" + name + "]");
        assertThat(p.value()).isEqualTo(name);
        assertThat(p.message())
            .isEqualTo(
                "\""
                    + name
                    + "\" is not a jail(8) parameter, and vnetjail's jail.conf uses $"
                    + v
                    + " as a variable of each VNET jail: jail(8) refuses a parameter named like"
                    + " a variable");
        assertThat(p.fix())
            .isEqualTo(
                "use the jail(8) parameter's own name (see jail(8)), e.g. ip4.addr, jid or"
                    + " exec.start");
      }
    }
    ValidationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ValidationException.class,
            () ->
                HostConfig.builder()
                    .addBridge(Bridge.builder().name("bridge0").build())
                    .putDefault("epair", "x")
                    .addJail(web().build())
                    .build());
    assertThat(e.problems()).extracting(Problem::field).contains("defaults[epair]");
    // names that merely contain a variable's name are parameters like any other
    assertThat(web().putRawParameter("ipv4", "1").putRawParameter("idle", "1").build()).isNotNull();
  }

  @Test
  void rejectsRawParameterNamesThatAreNotJailParameterSyntax() {
    for (String bad : List.of("a b", "a;b", "a..b", ".a", "a.", "a=b", "$a", "a\"b", "ä", "")) {
      Problem p = onlyProblem(web().putRawParameter(bad, "1"));
      assertThat(p.field()).isEqualTo("rawParameters[" + bad + "]");
      assertThat(p.message()).contains("is not valid: names are words of ASCII letters");
    }
  }

  @Test
  void rejectsRawParametersTheTypedApiCovers() {
    Problem p = onlyProblem(web().putRawParameter("vnet.interface", "epair9b"));
    assertThat(p.message())
        .isEqualTo("parameter vnet.interface is set by the typed API, not as a raw parameter");
    assertThat(onlyProblem(web().putRawParameter("allow.raw_sockets")).fix())
        .isEqualTo("use VnetJail.builder().addAllow(Allow.RAW_SOCKETS)");
    assertThat(onlyProblem(web().putRawParameter("allow.mount.nodevfs")).fix())
        .isEqualTo("use VnetJail.builder().addDeny(Allow.MOUNT_DEVFS)");
    assertThat(onlyProblem(web().putRawParameter("exec.prestart", "x")).fix())
        .contains("addHook(Hook.PRESTART, ...)");
    for (String managed :
        List.of(
            "name",
            "jid",
            "path",
            "host.hostname",
            "persist",
            "mount.devfs",
            "devfs_ruleset",
            "depend",
            "sysvshm",
            "vnet",
            "ip4.addr",
            "ip6.addr")) {
      assertThat(problems(web().putRawParameter(managed, "x"))).hasSize(1);
    }
  }

  // --- interfaces and MACs -----------------------------------------------------------------

  @Test
  void epairNamingUsesTheUnit() {
    VnetJail j = web().id(154).build();
    assertThat(j.epairUnit()).isEqualTo(154);
    assertThat(j.epair()).isEqualTo("epair154");
    assertThat(j.hostInterface()).isEqualTo("epair154a");
    assertThat(j.jailInterface()).isEqualTo("epair154b");
  }

  @Test
  void unresolvedJailRefusesEpairAccessors() {
    VnetJail j = VnetJail.builder().name("web").bridge("bridge0").build();
    assertThat(j.isResolved()).isFalse();
    assertThat(j.id()).isEmpty();
    assertThatThrownBy(j::epairUnit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jail web has no epair unit yet");
    assertThatThrownBy(j::hostInterface).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void jibNamingUsesTheJailName() {
    VnetJail j = web().interfaceNaming(InterfaceNaming.JIB).build();
    assertThat(j.hostInterface()).isEqualTo("e0a_web");
    assertThat(j.jailInterface()).isEqualTo("e0b_web");
    VnetJail unresolved =
        VnetJail.builder().name("web").bridge("b0").interfaceNaming(InterfaceNaming.JIB).build();
    assertThat(unresolved.hostInterface()).isEqualTo("e0a_web");
  }

  @Test
  void jibNamingRefusesNamesThatDoNotFitInsteadOfTruncating() {
    assertThat(
            web().name("abcdefghijk").interfaceNaming(InterfaceNaming.JIB).build().hostInterface())
        .isEqualTo("e0a_abcdefghijk");
    Problem p = onlyProblem(web().name("abcdefghijkl").interfaceNaming(InterfaceNaming.JIB));
    assertThat(p.field()).isEqualTo("interfaceNaming");
    assertThat(p.value()).isEqualTo("e0a_abcdefghijkl");
    assertThat(p.message())
        .isEqualTo(
            "jib interface name \"e0a_abcdefghijkl\" is 16 characters long: FreeBSD interface"
                + " names have at most 15, so jib naming fits jail names of at most 11 characters");
    assertThat(p.fix()).contains("never truncated");
    assertThat(onlyProblem(web().name("a.b").interfaceNaming(InterfaceNaming.JIB)).message())
        .isEqualTo(
            "jib naming needs a jail name of letters, digits and '_' only (as jib does), but"
                + " \"a.b\" contains '.'");
    Problem dash = onlyProblem(web().name("my-web").interfaceNaming(InterfaceNaming.JIB));
    assertThat(dash.fix())
        .isEqualTo("rename the jail, e.g. \"my_web\", or use InterfaceNaming.EPAIR");
  }

  @Test
  void checksMacAddresses() {
    VnetJail j = web().hostMac("02:00:00:00:05:0a").jailMac("02:00:00:00:05:0b").build();
    assertThat(j.hostMac().orElseThrow()).hasToString("02:00:00:00:05:0a");
    assertThat(j.jailMac().orElseThrow()).hasToString("02:00:00:00:05:0b");
    assertThat(j.warnings()).isEmpty();
    assertThat(
            onlyProblem(web().hostMac("02:00:00:00:05:0a").jailMac("02:00:00:00:05:0a")).message())
        .isEqualTo("hostMac and jailMac are the same address 02:00:00:00:05:0a");
    assertThat(onlyProblem(web().jailMac("01:00:5e:00:00:01")).field()).isEqualTo("jailMac");
    assertThat(web().hostMac("58:9c:fc:00:00:01").build().warnings())
        .singleElement()
        .asString()
        .contains("hostMac 58:9c:fc:00:00:01 is not locally administered");
  }

  @Test
  void warnsAboutDnsNameWithoutStaticAddress() {
    VnetJail j =
        VnetJail.builder()
            .name("d")
            .bridge("bridge0")
            .dhcp()
            .devfsRuleset(DevfsRuleset.vnetWithBpf(10))
            .dnsName("d.lan")
            .build();
    assertThat(j.warnings())
        .singleElement()
        .asString()
        .contains("dnsName d.lan has no static address");
  }

  @Test
  void warnsAboutUnusedDevfsRuleset() {
    assertThat(web().devfsRuleset(DevfsRuleset.jailVnet()).mountDevfs(false).build().warnings())
        .singleElement()
        .asString()
        .contains("has no effect: mount.devfs is off");
  }

  @Test
  void toBuilderMakesAChangedCopy() {
    VnetJail j = web().addAllow(Allow.RAW_SOCKETS).build();
    VnetJail k = j.toBuilder().id(6).ip("192.168.1.6/24").build();
    assertThat(k.id()).hasValue(6);
    assertThat(k.ip().orElseThrow()).hasToString("192.168.1.6/24");
    assertThat(k.allow()).containsExactly(Allow.RAW_SOCKETS);
    assertThat(j.toBuilder().build()).isEqualTo(j);
    assertThat(j.toString()).contains("web");
  }
}
