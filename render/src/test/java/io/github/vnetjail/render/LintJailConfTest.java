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
}
