package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class LintTest {
  /** The rc.conf of the seed blog post, typo included. */
  static final String SEED_RC_CONF =
      "cloned_interface=\"bridge0\"\nifconfig_bridge0=\"addm em0 up\"\n";

  private static List<Finding> rc(String text) {
    return Lint.files().rcConf("/etc/rc.conf", text).check();
  }

  @Test
  void reportsTheSeedsClonedInterfaceTypoWithTheFix() {
    List<Finding> findings = rc(SEED_RC_CONF);
    assertThat(findings)
        .extracting(Finding::location, Finding::severity, Finding::code)
        .containsExactly(
            tuple("/etc/rc.conf:1", Finding.Severity.WARNING, "rc-misspelt-variable"),
            tuple("/etc/rc.conf:2", Finding.Severity.ERROR, "rc-bridge-not-cloned"));
    Finding typo = findings.get(0);
    assertThat(typo.message())
        .contains("cloned_interface is not an rc.conf variable")
        .contains("did you mean cloned_interfaces?");
    assertThat(typo.fix()).isEqualTo("rename it: cloned_interfaces=\"bridge0\"");
    assertThat(findings.get(1).fix())
        .isEqualTo("add it to cloned_interfaces: sysrc cloned_interfaces+=bridge0");
    assertThat(typo.toString())
        .startsWith("/etc/rc.conf:1: warning: cloned_interface is not an rc.conf variable")
        .endsWith("[rc-misspelt-variable]; fix: rename it: cloned_interfaces=\"bridge0\"");
  }

  @Test
  void aCorrectHostRcConfHasNoFindings() {
    assertThat(
            rc(
                "hostname=\"vm01\"\ncloned_interfaces=\"bridge0\"\n"
                    + "ifconfig_bridge0=\"addm em0 up inet 192.168.1.2/24\"\nifconfig_em0=\"up\"\n"
                    + "defaultrouter=\"192.168.1.1\"\njail_enable=\"YES\"\njail_list=\"web db\"\n"
                    + "nginx_enable=YES\nvlans_em0=\"10 20\"\nifconfig_em0_10=\"up\"\n"))
        .isEmpty();
  }

  @Test
  void findsEveryProblemOfTheRichFileAndNothingElse() throws Exception {
    assertThat(rc(RcConfTest.rich()))
        .extracting(Finding::line, Finding::code)
        .containsExactly(
            tuple(6, "rc-address-on-bridge-member"), tuple(20, "rc-repeated-variable"));
  }

  @Test
  void suggestsKnownNamesForSwappedAndMissingLetters() {
    assertThat(rc("sshd_enabel=YES\njail_lsit=\"a\"\ngateway_enabled=YES\nmy_thing=1\n"))
        .extracting(Finding::line, Finding::message)
        .containsExactly(
            tuple(
                1,
                "sshd_enabel is not an rc.conf variable, and rc.conf ignores unknown variables silently; did you mean sshd_enable?"),
            tuple(
                2,
                "jail_lsit is not an rc.conf variable, and rc.conf ignores unknown variables silently; did you mean jail_list?"),
            tuple(
                3,
                "gateway_enabled is not an rc.conf variable, and rc.conf ignores unknown variables silently; did you mean gateway_enable?"));
  }

  @Test
  void reportsInterfaceNamesOverFifteenCharacters() {
    assertThat(
            rc(
                "cloned_interfaces=\"bridge0 verylongbridge16\"\nvlans_ix0longname=\"4094\"\n"
                    + "ifconfig_bridge0=\"addm e0a_my-vnet-jail-x up\"\n"
                    + "ifconfig_em1_name=\"uplink-to-the-isp\"\n"))
        .filteredOn(f -> f.code().equals("ifname-too-long"))
        .extracting(Finding::line, Finding::message)
        .containsExactly(
            tuple(
                1,
                "interface name verylongbridge16 has 16 characters; FreeBSD allows at most 15 (IFNAMSIZ 16 with the NUL), so creating or renaming it fails"),
            tuple(
                2,
                "interface name ix0longname.4094 has 16 characters; FreeBSD allows at most 15 (IFNAMSIZ 16 with the NUL), so creating or renaming it fails"),
            tuple(
                3,
                "interface name e0a_my-vnet-jail-x has 18 characters; FreeBSD allows at most 15 (IFNAMSIZ 16 with the NUL), so creating or renaming it fails"),
            tuple(
                4,
                "interface name uplink-to-the-isp has 17 characters; FreeBSD allows at most 15 (IFNAMSIZ 16 with the NUL), so creating or renaming it fails"));
  }

  @Test
  void reportsAStaticAddressWithoutMask() {
    List<Finding> findings =
        rc(
            "ifconfig_epair154b=\"inet 192.168.1.154\"\nifconfig_em1=\"inet 10.0.0.1 netmask 255.0.0.0\"\n"
                + "ifconfig_lo0=\"inet 127.0.0.1\"\nifconfig_em2=\"inet 10.1.0.1/16\"\n");
    assertThat(findings)
        .extracting(Finding::line, Finding::code)
        .containsExactly(tuple(1, "inet-without-mask"));
    assertThat(findings.get(0).fix()).contains("inet 192.168.1.154/24");
  }

  @Test
  void reportsEnableValuesCheckyesnoRejects() {
    assertThat(rc("sshd_enable=\"yes\"\nntpd_enable=\"enabled\"\n"))
        .extracting(Finding::line, Finding::code)
        .containsExactly(tuple(2, "rc-enable-value"));
  }

  @Test
  void reportsCrlfLineEndingsAndSyntaxErrors() {
    assertThat(rc("a=1\nb=2\r\n"))
        .extracting(Finding::line, Finding::code)
        .containsExactly(tuple(2, "rc-crlf"));
    assertThat(rc("a=1\nb=\"open\n"))
        .extracting(Finding::line, Finding::severity, Finding::code)
        .containsExactly(tuple(2, Finding.Severity.ERROR, "rc-syntax"));
  }

  @Test
  void reportsDevfsRulesetsThatClashOrCannotLoad() {
    String rules =
        "[mine=10]\nadd include $devfsrules_jail_vnet\n"
            + "[other=10]\nadd include $nope\n"
            + "[devfsrules_jail=4]\nadd hide\n"
            + "[broken]\n";
    assertThat(Lint.files().devfsRules("/etc/devfs.rules", rules).check())
        .extracting(Finding::line, Finding::code)
        .containsExactly(
            tuple(3, "devfs-duplicate-number"),
            tuple(3, "devfs-unknown-include"),
            tuple(5, "devfs-stock-number"),
            tuple(7, "devfs-bad-header"));
    assertThat(Lint.files().devfsRules("/etc/defaults/devfs.rules", DevfsRules.STOCK_TEXT).check())
        .isEmpty();
  }

  @Test
  void spellingDistanceCountsASwapAsOneEdit() {
    assertThat(LintSpelling.distance("enabel", "enable")).isEqualTo(1);
    assertThat(LintSpelling.distance("cloned_interface", "cloned_interfaces")).isEqualTo(1);
    assertThat(LintSpelling.closest("motd", LintRcConf.KNOWN)).isEmpty();
  }

  @Test
  void reportsJailConfDJailsThatRcDJailWouldNotStart() {
    String listed = "jail_enable=\"YES\"\njail_list=\"web\"\n";
    assertThat(
            Lint.files()
                .rcConf("/etc/rc.conf", listed)
                .jailConf("/etc/jail.conf.d/web.conf", "web { persist; }\n")
                .jailConf("/etc/jail.conf.d/db.conf", "db { persist; }\n")
                .check())
        .extracting(Finding::location, Finding::code, Finding::fix)
        .containsExactly(tuple("/etc/rc.conf:2", "rc-jail-not-listed", "sysrc jail_list+=db"));
    assertThat(
            Lint.files()
                .rcConf("/etc/rc.conf", "jail_enable=YES\n")
                .jailConf("/etc/jail.conf.d/db.conf", "db { persist; }\n")
                .check())
        .extracting(Finding::code, Finding::message)
        .containsExactly(
            tuple(
                "rc-jail-not-listed",
                "jail_list is empty, so rc.d/jail starts only the jails of /etc/jail.conf, and jail"
                    + " db (/etc/jail.conf.d/db.conf) is never started at boot"));
    assertThat(
            Lint.files()
                .rcConf("/etc/rc.conf", "jail_enable=YES\n")
                .jailConf("/etc/jail.conf", ".include \"/etc/jail.conf.d/*.conf\";\n")
                .jailConf("/etc/jail.conf.d/db.conf", "db { persist; }\n")
                .check())
        .isEmpty();
  }

  @Test
  void reportsPlainDhcpInsideAJail() {
    assertThat(
            Lint.files()
                .jailRcConf("web", "/jails/web/etc/rc.conf", "ifconfig_epair154b=\"DHCP\"\n")
                .check())
        .extracting(Finding::code, Finding::fix)
        .containsExactly(
            tuple("jail-dhcp-not-sync", "use SYNCDHCP: ifconfig_epair154b=\"SYNCDHCP\""));
    assertThat(
            Lint.files()
                .jailRcConf("web", "/jails/web/etc/rc.conf", "ifconfig_epair154b=\"SYNCDHCP\"\n")
                .check())
        .isEmpty();
  }

  /** The seed blog post's jail.conf (the shared test resource), without its later release fix. */
  static final String SEED_JAIL_CONF = JailConfTest.resource("seed.jail.conf");

  @Test
  void lintsTheSeedHostAcrossRcConfAndJailConf() {
    List<Finding> findings =
        Lint.files()
            .rcConf("/etc/rc.conf", SEED_RC_CONF)
            .jailConf("/etc/jail.conf", SEED_JAIL_CONF)
            .check();
    assertThat(findings)
        .extracting(Finding::location, Finding::code)
        .containsExactly(
            // the post never sets jail_enable: its jail would not start at boot
            tuple("/etc/rc.conf", "rc-jail-not-enabled"),
            tuple("/etc/rc.conf:1", "rc-misspelt-variable"),
            tuple("/etc/rc.conf:2", "rc-bridge-not-cloned"),
            tuple("/etc/jail.conf:5", "jail-missing-release-fix"));
    assertThat(SEED_JAIL_CONF.split("\n")[4]).isEqualTo("  vnet.interface = \"${epair}b\";");
    String fixed =
        SEED_JAIL_CONF.replace(
            "}\n",
            "  exec.prestop += \"/sbin/ifconfig ${epair}b || /sbin/ifconfig ${epair}b -vnet"
                + " $name\";\n}\n");
    assertThat(
            Lint.files()
                .rcConf(
                    "/etc/rc.conf",
                    SEED_RC_CONF.replace("interface=", "interfaces=") + "jail_enable=\"YES\"\n")
                .jailConf("/etc/jail.conf", fixed)
                .check())
        .isEmpty();
  }

  @Test
  void lintsJailConfDFilesAgainstEachOtherAndTheDevfsRules() {
    String web =
        "web {\n  vnet;\n  vnet.interface = epair5b;\n  exec.startt = \"/bin/sh /etc/rc\";\n"
            + "  exec.prestop = \"ifconfig epair5b -vnet web\";\n  mount.devfs;\n"
            + "  devfs_ruleset = 5;\n  allow.sysvipc;\n}\n";
    String db =
        "db {\n  vnet;\n  vnet.interface = epair5b;\n"
            + "  exec.prestop = \"ifconfig epair5b -vnet db\";\n}\n";
    List<Finding> findings =
        Lint.files()
            .rcConf("/etc/rc.conf", "jail_enable=YES\njail_list=\"web db\"\n")
            .jailConf("/etc/jail.conf.d/web.conf", web)
            .jailConf("/etc/jail.conf.d/db.conf", db)
            .jailRcConf("web", "/jails/web/etc/rc.conf", "ifconfig_epair5b=\"SYNCDHCP\"\n")
            .devfsRules("/etc/devfs.rules", "")
            .check();
    assertThat(findings)
        .extracting(Finding::location, Finding::code)
        .containsExactly(
            tuple("/etc/jail.conf.d/web.conf:4", "jail-unknown-parameter"),
            tuple("/etc/jail.conf.d/web.conf:7", "jail-dhcp-without-bpf"),
            tuple("/etc/jail.conf.d/web.conf:8", "jail-deprecated-sysvipc"),
            tuple("/etc/jail.conf.d/db.conf:3", "jail-duplicate"));
  }

  @Test
  void reportsJailConfSyntaxAndExpansionErrorsWithTheirLine() {
    assertThat(Lint.files().jailConf("/etc/jail.conf", "a {\n  path = ;\n}\n").check())
        .extracting(Finding::location, Finding::severity, Finding::code)
        .containsExactly(tuple("/etc/jail.conf:2", Finding.Severity.ERROR, "jail-syntax"));
    assertThat(Lint.files().jailConf("/etc/jail.conf", "a {\n  path = \"$nope\";\n}\n").check())
        .extracting(Finding::location, Finding::code, Finding::message)
        .containsExactly(
            tuple(
                "/etc/jail.conf:1",
                "jail-expansion",
                "jail: a: path: variable \"nope\" not found"));
  }

  @Test
  void acceptsTheNoFormsOfBooleanJailParameters() {
    assertThat(
            Lint.files()
                .jailConf(
                    "/etc/jail.conf",
                    "a {\n  path = /a;\n  nopersist;\n  allow.nomount;\n  mount.nodevfs;\n"
                        + "  exec.start = \"/bin/sh /etc/rc\";\n}\n")
                .check())
        .isEmpty();
  }

  @Test
  void reportsJailsThatBootWouldNotStartForLackOfJailEnable() {
    assertThat(rc("jail_list=\"web\"\n"))
        .extracting(Finding::location, Finding::code, Finding::fix)
        .containsExactly(tuple("/etc/rc.conf:1", "rc-jail-not-enabled", "sysrc jail_enable=YES"));
    assertThat(rc("jail_enable=\"NO\"\njail_list=\"web\"\n"))
        .extracting(Finding::location)
        .containsExactly("/etc/rc.conf:1");
    assertThat(rc("jail_enable=\"YES\"\njail_list=\"web\"\n")).isEmpty();
  }

  @Test
  void listsFindingsFileByFileInTheOrderAddedEachByLine() {
    assertThat(
            Lint.files()
                .devfsRules("/etc/devfs.rules", "add hide\n")
                .rcConf("/etc/rc.conf", "ifconfig_bridge0=\"up\"\nsshd_enabel=YES\n")
                .rcConf("/etc/rc.conf.local", "jail_lsit=\"web\"\n")
                .rcConf("/etc/rc.conf", "hostname=a\nhostname=b\n")
                .check())
        .extracting(Finding::location, Finding::code)
        .containsExactly(
            tuple("/etc/devfs.rules:1", "devfs-rule-outside-ruleset"),
            tuple("/etc/rc.conf:1", "rc-bridge-not-cloned"),
            tuple("/etc/rc.conf:1", "rc-repeated-variable"),
            tuple("/etc/rc.conf:2", "rc-misspelt-variable"),
            tuple("/etc/rc.conf.local:1", "rc-misspelt-variable"));
  }

  @Test
  void acceptsEveryYesFormOfJailEnable() {
    for (String yes : List.of("YES", "yes", "TRUE", "true", "On", "1")) {
      assertThat(rc("jail_enable=\"" + yes + "\"\njail_list=\"web\"\n")).as(yes).isEmpty();
    }
    for (String no : List.of("NO", "0", "off", "enabled")) {
      assertThat(rc("jail_enable=\"" + no + "\"\njail_list=\"web\"\n"))
          .as(no)
          .extracting(Finding::code)
          .contains("rc-jail-not-enabled");
    }
  }
}
