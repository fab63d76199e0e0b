package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LintJailConfTest {
  static final String SEED_TEXT =
      "my-vnet-jail {\n"
          + "  vnet;\n"
          + "  vnet.interface = \"${epair}b\";\n"
          + "  $id = \"154\";\n"
          + "  exec.prestart  = \"/sbin/ifconfig ${epair} create up\";\n"
          + "  exec.start    += \"/sbin/ifconfig ${epair}b ${ip} up\";\n"
          + "  exec.poststop = \"/sbin/ifconfig ${bridge} deletem ${epair}a\";\n"
          + "  exec.poststop += \"/sbin/ifconfig ${epair}a destroy\";\n"
          + "}\n";

  /** The seed's jail as jail(8) would evaluate it. */
  static Map<String, List<String>> seedParams() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("name", List.of("my-vnet-jail"));
    p.put("vnet", List.of());
    p.put("vnet.interface", List.of("epair154b"));
    p.put(
        "exec.prestart",
        List.of(
            "/sbin/ifconfig epair154 create up",
            "/sbin/ifconfig epair154a up descr jail:my-vnet-jail",
            "/sbin/ifconfig bridge0 addm epair154a up"));
    p.put(
        "exec.start",
        List.of(
            "/sbin/ifconfig epair154b 192.168.1.154/24 up", "/sbin/route add default 192.168.1.1"));
    p.put(
        "exec.poststop",
        List.of("/sbin/ifconfig bridge0 deletem epair154a", "/sbin/ifconfig epair154a destroy"));
    return p;
  }

  private static List<Finding> lint(LintJailConf.JailFacts... jails) {
    List<Finding> out = new ArrayList<>();
    LintJailConf.check(List.of(jails), out);
    return out;
  }

  @Test
  void theSeedJailLacksOnlyTheReleaseFix() {
    List<Finding> findings =
        lint(new LintJailConf.JailFacts("/etc/jail.conf", SEED_TEXT, "my-vnet-jail", seedParams()));
    assertThat(findings)
        .extracting(Finding::line, Finding::code)
        .containsExactly(tuple(3, "jail-missing-release-fix"));
    assertThat(findings.get(0).fix())
        .isEqualTo(
            "release it before removal: exec.prestop += \"/sbin/ifconfig epair154b -vnet ${name}\";");
  }

  @Test
  void theSeedWithTheReleaseFixIsClean() {
    Map<String, List<String>> p = seedParams();
    p.put(
        "exec.prestop",
        List.of("/sbin/ifconfig epair154b || /sbin/ifconfig epair154b -vnet my-vnet-jail"));
    assertThat(lint(new LintJailConf.JailFacts("/etc/jail.conf", SEED_TEXT, "my-vnet-jail", p)))
        .isEmpty();
  }

  @Test
  void reportsTyposLeaksSysvipcMasksAndLongNames() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("name", List.of("db"));
    p.put("exec.startt", List.of("/bin/sh /etc/rc"));
    p.put("allow.sysvipc", List.of());
    p.put("nopersist", List.of());
    p.put("allow.nomount", List.of());
    p.put("frobnicate", List.of("1"));
    p.put("vnet", List.of("new"));
    p.put("vnet.interface", List.of("e0b_database-server"));
    p.put("exec.prestart", List.of("ifconfig epair7 create"));
    p.put("exec.start", List.of("ifconfig e0b_database-server inet 10.0.0.7"));
    p.put("exec.prestop", List.of("ifconfig e0b_database-server -vnet db"));
    List<Finding> findings =
        lint(new LintJailConf.JailFacts("/etc/jail.conf.d/db.conf", "", "db", p));
    assertThat(findings)
        .extracting(Finding::severity, Finding::code)
        .containsExactlyInAnyOrder(
            tuple(Finding.Severity.ERROR, "jail-unknown-parameter"),
            tuple(Finding.Severity.WARNING, "jail-unknown-parameter"),
            tuple(Finding.Severity.WARNING, "jail-deprecated-sysvipc"),
            tuple(Finding.Severity.WARNING, "jail-epair-leak"),
            tuple(Finding.Severity.ERROR, "ifname-too-long"),
            tuple(Finding.Severity.WARNING, "inet-without-mask"));
    assertThat(findings)
        .filteredOn(
            f ->
                f.severity() == Finding.Severity.ERROR && f.code().equals("jail-unknown-parameter"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).contains("exec.startt").contains("did you mean exec.start?");
              assertThat(f.fix()).isEqualTo("rename it to exec.start");
            });
  }

  @Test
  void reportsDuplicateEpairUnitsAndAddressesAcrossJails() {
    Map<String, List<String>> other = new LinkedHashMap<>(seedParams());
    other.put("name", List.of("twin"));
    other.put("exec.prestop", List.of("/sbin/ifconfig epair154b -vnet twin"));
    Map<String, List<String>> seed = seedParams();
    seed.put("exec.prestop", List.of("/sbin/ifconfig epair154b -vnet my-vnet-jail"));
    assertThat(
            lint(
                new LintJailConf.JailFacts("/etc/jail.conf", SEED_TEXT, "my-vnet-jail", seed),
                new LintJailConf.JailFacts("/etc/jail.conf.d/twin.conf", "", "twin", other)))
        .extracting(Finding::file, Finding::code, Finding::message)
        .containsExactly(
            tuple(
                "/etc/jail.conf.d/twin.conf",
                "jail-duplicate",
                "jail twin uses epair unit 154, already used by jail my-vnet-jail (/etc/jail.conf); the second one to start fails or takes the network down"),
            tuple(
                "/etc/jail.conf.d/twin.conf",
                "jail-duplicate",
                "jail twin uses address 192.168.1.154, already used by jail my-vnet-jail (/etc/jail.conf); the second one to start fails or takes the network down"));
  }

  @Test
  void findsTheLineOfAParameterInsideItsJailBlock() {
    String text =
        "* {\n  exec.clean;\n}\na {\n  path = /a;\n}\nb {\n  path = /b;\n  exec.clean;\n}\n";
    assertThat(LintJailConf.line(text, "b", "path")).isEqualTo(8);
    assertThat(LintJailConf.line(text, "a", "exec.clean")).isEqualTo(2);
    assertThat(LintJailConf.line(text, "a", "nothing")).isEqualTo(4);
  }

  @Test
  void reportsADhcpJailWhoseRulesetHidesBpf() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("name", List.of("dhcp"));
    p.put("mount.devfs", List.of());
    p.put("devfs_ruleset", List.of("5"));
    String text = "dhcp {\n  mount.devfs;\n  devfs_ruleset = 5;\n}\n";
    LintJailConf.JailFacts jail = new LintJailConf.JailFacts("/etc/jail.conf", text, "dhcp", p);
    List<Finding> out = new ArrayList<>();
    LintJailConf.checkDhcpBpf(List.of(jail), DevfsRules.empty(), java.util.Set.of("dhcp"), out);
    assertThat(out)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.location()).isEqualTo("/etc/jail.conf:3");
              assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
              assertThat(f.message())
                  .isEqualTo(
                      "jail dhcp gets its address by DHCP, but devfs ruleset 5 hides bpf; dhclient needs /dev/bpf and fails");
              assertThat(f.fix())
                  .isEqualTo(
                      "add to /etc/devfs.rules: [vnetjail_dhcp=10] / add include $devfsrules_jail_vnet / add path 'bpf*' unhide / add path pf unhide, and set devfs_ruleset = 10; in the jail");
            });
    // with a ruleset that unhides bpf, or without DHCP, nothing to report
    DevfsRules withBpf = DevfsRules.empty().withVnetRuleset("vnetjail_dhcp", true, true);
    p.put("devfs_ruleset", List.of("10"));
    out.clear();
    LintJailConf.checkDhcpBpf(List.of(jail), withBpf, java.util.Set.of("dhcp"), out);
    LintJailConf.checkDhcpBpf(List.of(jail), DevfsRules.empty(), java.util.Set.of(), out);
    assertThat(out).isEmpty();
  }

  @Test
  void readsBooleansAsJailDoes() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("mount.devfs", List.of("0"));
    p.put("persist", List.of("true"));
    p.put("allow.nomount", List.of());
    LintJailConf.JailFacts j = new LintJailConf.JailFacts("f", "", "j", p);
    assertThat(LintJailConf.isTrue(j, "mount.devfs")).isFalse();
    assertThat(LintJailConf.isTrue(j, "persist")).isTrue();
    assertThat(LintJailConf.isTrue(j, "allow.mount")).isFalse();
    assertThat(LintJailConf.isTrue(j, "exec.clean")).isFalse();
  }

  private static LintJailConf.JailFacts jail(String name, Map<String, List<String>> params) {
    return new LintJailConf.JailFacts("/etc/jail.conf", "", name, params);
  }

  private static Map<String, List<String>> vnetJail(List<String> vnet, String iface) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("name", List.of("j"));
    if (vnet != null) {
      p.put("vnet", vnet);
    }
    p.put("vnet.interface", List.of(iface));
    return p;
  }

  @Test
  void asksForTheReleaseFixOnlyOfJailsWithTheirOwnVnet() {
    assertThat(lint(jail("j", vnetJail(List.of(), "epair5b"))))
        .extracting(Finding::code)
        .containsExactly("jail-missing-release-fix");
    assertThat(lint(jail("j", vnetJail(List.of("inherit", "new"), "epair5b"))))
        .extracting(Finding::code)
        .containsExactly("jail-missing-release-fix");
    assertThat(lint(jail("j", vnetJail(List.of("new", "inherit"), "epair5b")))).isEmpty();
    assertThat(lint(jail("j", vnetJail(List.of("inherit"), "epair5b")))).isEmpty();
    assertThat(lint(jail("j", vnetJail(null, "epair5b")))).isEmpty();
  }

  @Test
  void acceptsAReleaseByMinusVnetOrDestroyOfThatInterfaceInPrestopOrStop() {
    Map<String, List<String>> p = vnetJail(List.of(), "epair5b");
    p.put("exec.stop", List.of("/bin/sh /etc/rc.shutdown", "/sbin/ifconfig epair5b destroy"));
    assertThat(lint(jail("j", p))).isEmpty();
    p.remove("exec.stop");
    p.put("exec.prestop", List.of("/sbin/ifconfig epair5b -vnet j"));
    assertThat(lint(jail("j", p))).isEmpty();
    p.put("exec.prestop", List.of("/sbin/ifconfig epair5b down", "/sbin/ifconfig epair6b -vnet j"));
    p.put("exec.poststop", List.of("/sbin/ifconfig epair5a destroy"));
    List<Finding> findings = lint(jail("j", p));
    assertThat(findings)
        .extracting(Finding::toString)
        .containsExactly(
            "/etc/jail.conf: warning: jail j: epair5b returns to the host only when the jail's"
                + " network stack is destroyed, which can take minutes while the jail is dying;"
                + " meanwhile it is lost to the host [jail-missing-release-fix]; fix: release it"
                + " before removal: exec.prestop += \"/sbin/ifconfig epair5b -vnet ${name}\";");
  }

  @Test
  void allowsInterfaceNamesOfFifteenCharactersButNotSixteen() {
    Map<String, List<String>> p = vnetJail(List.of(), "e0b_fifteen_chr");
    p.put("exec.prestop", List.of("ifconfig e0b_fifteen_chr -vnet j"));
    assertThat(lint(jail("j", p))).isEmpty();
    p = vnetJail(List.of(), "e0b_sixteen_char");
    p.put("exec.prestop", List.of("ifconfig e0b_sixteen_char -vnet j"));
    assertThat(lint(jail("j", p)))
        .extracting(Finding::severity, Finding::code, Finding::message, Finding::fix)
        .containsExactly(
            tuple(
                Finding.Severity.ERROR,
                "ifname-too-long",
                "jail j: interface name e0b_sixteen_char has 16 characters; FreeBSD allows at most"
                    + " 15 (IFNAMSIZ 16 with the NUL)",
                "use a shorter name, such as epair<N>b"));
  }

  @Test
  void reportsAnEpairCreatedButNeverDestroyed() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("exec.prestart", List.of("/sbin/ifconfig bridge0 up", "ifconfig  epair9 create up"));
    p.put("exec.poststop", List.of("ifconfig epair9a down", "echo destroy"));
    assertThat(lint(jail("j", p)))
        .extracting(Finding::severity, Finding::code, Finding::message, Finding::fix)
        .containsExactly(
            tuple(
                Finding.Severity.WARNING,
                "jail-epair-leak",
                "jail j: exec.prestart creates epair9 but exec.poststop never destroys it, so every"
                    + " stop leaves an epair behind (a failed start leaves one too: jail(8) undoes"
                    + " only its own mounts and aliases)",
                "add exec.poststop += \"/sbin/ifconfig epair9a destroy\";"));
    p.put("exec.poststop", List.of("ifconfig epair9a destroy"));
    assertThat(lint(jail("j", p))).isEmpty();
  }

  @Test
  void reportsEachHookThatGivesAnAddressWithoutMask() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("exec.start", List.of("ifconfig -j web epair3b inet 10.0.0.3 up"));
    p.put("exec.created", List.of("ifconfig epair4b 10.0.0.4"));
    p.put("exec.poststart", List.of("ifconfig epair5b 10.0.0.5 netmask 255.255.255.0"));
    p.put("exec.prestart", List.of("ifconfig epair6b inet 10.0.0.6/28"));
    assertThat(lint(jail("j", p)))
        .extracting(Finding::code, Finding::message, Finding::fix)
        .containsExactly(
            tuple(
                "inet-without-mask",
                "jail j: exec.start gives 10.0.0.3 no netmask; ifconfig then assumes the old"
                    + " classful mask",
                "write the prefix length: 10.0.0.3/24 (or the subnet's real prefix)"),
            tuple(
                "inet-without-mask",
                "jail j: exec.created gives 10.0.0.4 no netmask; ifconfig then assumes the old"
                    + " classful mask",
                "write the prefix length: 10.0.0.4/24 (or the subnet's real prefix)"));
  }

  @Test
  void reportsTheDeprecatedSysvipcInBothForms() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("allow.nosysvipc", List.of());
    assertThat(lint(jail("j", p)))
        .extracting(Finding::code, Finding::message, Finding::fix)
        .containsExactly(
            tuple(
                "jail-deprecated-sysvipc",
                "jail j: allow.nosysvipc is deprecated; it equals sysvmsg, sysvsem and sysvshm all"
                    + " set to inherit, sharing the host's System V IPC",
                "replace it with sysvmsg = new; sysvsem = new; sysvshm = new; (the jail's own"
                    + " namespace, enough for PostgreSQL), or inherit to keep sharing"));
  }

  @Test
  void reportsAnUnknownParameterWithoutSuggestionAsAWarning() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("frobnicate", List.of("1"));
    assertThat(lint(jail("j", p)))
        .extracting(Finding::severity, Finding::message, Finding::fix)
        .containsExactly(
            tuple(
                Finding.Severity.WARNING,
                "jail j: jail(8) does not know parameter frobnicate and fails with \"unknown"
                    + " parameter: frobnicate\" at start",
                "remove it, or load the kernel module that adds it"));
    assertThat(LintJailConf.isKnown("nopersist")).isTrue();
    assertThat(LintJailConf.isKnown("allow.nomount.devfs")).isFalse();
    assertThat(LintJailConf.isKnown("allow.mount.nodevfs")).isTrue();
    assertThat(LintJailConf.isKnown("noname")).isTrue();
    assertThat(LintJailConf.isKnown("nothing")).isFalse();
    assertThat(LintJailConf.isKnown("allow.nothing")).isFalse();
  }

  @Test
  void namesTheDuplicateKindInTheFix() {
    Map<String, List<String>> a = new LinkedHashMap<>();
    a.put("vnet.interface", List.of("epair3b"));
    a.put("ip4.addr", List.of("em0|10.0.0.3/24"));
    Map<String, List<String>> b = new LinkedHashMap<>();
    b.put("vnet.interface", List.of("epair3b", "epair3a"));
    b.put("ip6.addr", List.of("fd00::3"));
    b.put("exec.poststart", List.of("ifconfig epair3b inet 10.0.0.3/24"));
    Map<String, List<String>> c = new LinkedHashMap<>();
    c.put("ip6.addr", List.of("fd00::3/64"));
    assertThat(
            lint(
                new LintJailConf.JailFacts("/a.conf", "", "a", a),
                new LintJailConf.JailFacts("/b.conf", "", "b", b),
                new LintJailConf.JailFacts("/c.conf", "", "c", c)))
        .extracting(Finding::file, Finding::severity, Finding::code, Finding::message, Finding::fix)
        .containsExactly(
            tuple(
                "/b.conf",
                Finding.Severity.ERROR,
                "jail-duplicate",
                "jail b uses epair unit 3, already used by jail a (/a.conf); the second one to"
                    + " start fails or takes the network down",
                "give each jail its own epair unit"),
            tuple(
                "/b.conf",
                Finding.Severity.ERROR,
                "jail-duplicate",
                "jail b uses address 10.0.0.3, already used by jail a (/a.conf); the second one to"
                    + " start fails or takes the network down",
                "give each jail its own address"),
            tuple(
                "/c.conf",
                Finding.Severity.ERROR,
                "jail-duplicate",
                "jail c uses address fd00::3, already used by jail b (/b.conf); the second one to"
                    + " start fails or takes the network down",
                "give each jail its own address"));
  }

  @Test
  void findsTheLineInsideTheRightBlockEvenWithNestedBraces() {
    String text =
        "* {\n  path = /j;\n  exec.clean;\n}\n"
            + "a {\n  persist;\n  exec.start = \"sh -c '{ true; }'\";\n}\n"
            + "b {\n  path = /b;\n  exec.clean;\n}\n";
    assertThat(LintJailConf.line(text, "a", "path")).isEqualTo(2); // a's block ends on line 8
    assertThat(LintJailConf.line(text, "b", "path")).isEqualTo(10);
    assertThat(LintJailConf.line(text, "b", "exec.clean")).isEqualTo(11);
    assertThat(LintJailConf.line(text, "a", "exec.start")).isEqualTo(7);
    assertThat(LintJailConf.line(text, "c", "exec.clean")).isEqualTo(3);
    assertThat(LintJailConf.line(text, "c", "nothing")).isZero();
  }

  @Test
  void findsTheLineWhenTheBlockIsNeverClosedOrStartsTheFile() {
    assertThat(LintJailConf.line("a {\n  persist;\n", "a", "path")).isEqualTo(1);
    assertThat(LintJailConf.line("a {\n  persist;\n", "a", "persist")).isEqualTo(2);
    assertThat(LintJailConf.line("\"a\" {\n  'persist' ;\n}\n", "a", "persist")).isEqualTo(2);
  }

  @Test
  void theHeaderOfAJailNamedLikeTheParameterIsNotItsAssignment() {
    String text = "path = /x;\npath {\n  persist;\n}\n";
    assertThat(LintJailConf.line(text, "path", "path")).isEqualTo(1);
    assertThat(LintJailConf.line("path {\n  path = /p;\n}\n", "path", "path")).isEqualTo(2);
  }

  @Test
  void findsADhcpJailByDhclientInExecStart() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("mount.devfs", List.of());
    p.put("exec.start", List.of("/bin/sh /etc/rc", "/sbin/dhclient epair3b"));
    String text = "web {\n  mount.devfs;\n  exec.start += \"/sbin/dhclient epair3b\";\n}\n";
    List<Finding> out = new ArrayList<>();
    LintJailConf.checkDhcpBpf(
        List.of(new LintJailConf.JailFacts("/etc/jail.conf", text, "web", p)),
        DevfsRules.empty(),
        java.util.Set.of(),
        out);
    assertThat(out)
        .extracting(Finding::location, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "/etc/jail.conf:2",
                Finding.Severity.ERROR,
                "jail web gets its address by DHCP, but devfs ruleset 4 hides bpf; dhclient needs"
                    + " /dev/bpf and fails"));
  }

  @Test
  void skipsDhcpJailsWithoutDevfsOrWithARulesetJailRejects() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("exec.start", List.of("/sbin/dhclient epair3b"));
    List<Finding> out = new ArrayList<>();
    LintJailConf.checkDhcpBpf(List.of(jail("web", p)), DevfsRules.empty(), java.util.Set.of(), out);
    p.put("mount.devfs", List.of());
    p.put("devfs_ruleset", List.of("vnet"));
    LintJailConf.checkDhcpBpf(List.of(jail("web", p)), DevfsRules.empty(), java.util.Set.of(), out);
    assertThat(out).isEmpty();
    p.put("devfs_ruleset", List.of("vnet", "42"));
    LintJailConf.checkDhcpBpf(List.of(jail("web", p)), DevfsRules.empty(), java.util.Set.of(), out);
    assertThat(out)
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                Finding.Severity.WARNING,
                "jail web gets its address by DHCP, but devfs ruleset 42 is not defined in the"
                    + " devfs.rules given; dhclient needs /dev/bpf and fails"));
  }

  @Test
  void readsBooleanValuesAsJailsBoolParam() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("persist", List.of("TRUE"));
    p.put("exec.clean", List.of(" 2 "));
    p.put("mount.devfs", List.of("yes"));
    p.put("allow.mount", List.of("1", "0"));
    p.put("mount.procfs", List.of("false"));
    LintJailConf.JailFacts j = jail("j", p);
    assertThat(LintJailConf.isTrue(j, "persist")).isTrue();
    assertThat(LintJailConf.isTrue(j, "exec.clean")).isTrue();
    assertThat(LintJailConf.isTrue(j, "mount.devfs")).isFalse();
    assertThat(LintJailConf.isTrue(j, "allow.mount")).isFalse();
    assertThat(LintJailConf.isTrue(j, "mount.procfs")).isFalse();
    p.put("mount.nodevfs", List.of("0"));
    assertThat(LintJailConf.isTrue(j, "mount.devfs")).isTrue();
  }

  @Test
  void findsTheLineOfAOneLineBlockOrOfAParameterOnTheHeaderLine() {
    // a's block ends on its own line: b's path is not a's, the top-level default is
    String oneLine = "path = /j;\na { persist; }\nb {\n  path = /b;\n}\n";
    assertThat(LintJailConf.line(oneLine, "a", "path")).isEqualTo(1);
    assertThat(LintJailConf.line(oneLine, "a", "persist")).isEqualTo(2);
    assertThat(LintJailConf.line(oneLine, "b", "path")).isEqualTo(4);
    String inline = "* {\n  path = /j;\n}\na { path = /a; persist; }\n";
    assertThat(LintJailConf.line(inline, "a", "path")).isEqualTo(4);
    assertThat(LintJailConf.line(inline, "a", "persist")).isEqualTo(4);
    String header = "path = /j;\na { path = /a;\n  persist;\n}\n";
    assertThat(LintJailConf.line(header, "a", "path")).isEqualTo(2);
    assertThat(LintJailConf.line(header, "a", "persist")).isEqualTo(3);
    assertThat(LintJailConf.line("a {path=/a;}\n", "a", "path")).isEqualTo(1);
    assertThat(LintJailConf.line("a { mypath = /a; }\npath = /j;\n", "a", "path")).isEqualTo(2);
  }
}
