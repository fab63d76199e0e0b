package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rc.conf checks of the linter: exact findings, as printed. */
class LintRcConfTest {

  private static List<String> rc(String text) {
    return Lint.files().rcConf("/etc/rc.conf", text).check().stream()
        .map(Finding::toString)
        .toList();
  }

  private static List<String> jailRc(String text) {
    return Lint.files().jailRcConf("web", "/jails/web/etc/rc.conf", text).check().stream()
        .map(Finding::toString)
        .toList();
  }

  @Test
  void reportsCrlfOnTheFirstLineThatHasIt() {
    assertThat(rc("\r\na=1\n"))
        .containsExactly(
            "/etc/rc.conf:1: warning: the file has CRLF line endings; sh keeps the CR as part of"
                + " each unquoted value and after each closing quote [rc-crlf]; fix: convert the"
                + " file to LF line endings (tr -d '\\r')");
    assertThat(rc("a=1\nb=2\nc=3\r\n")).singleElement().asString().startsWith("/etc/rc.conf:3:");
  }

  @Test
  void reportsAnAssignmentLaterInALineThatOverridesALineSysrcEdits() {
    assertThat(
            rc("sshd_enable=YES\nntpd_enable=YES; sshd_enable=NO\nx=1; ntpd_sync_on_start=YES\n"))
        .containsExactly(
            "/etc/rc.conf:2: warning: sshd_enable is assigned again in the middle of this command"
                + " line, after line 1; sysrc sshd_enable=... edits line 1 only, and sh keeps this"
                + " value [rc-mid-line-assignment]; fix: put it on a line of its own, or merge it"
                + " into line 1: sshd_enable=NO");
    // the same line counts: sysrc edits its first word
    assertThat(rc("sshd_enable=YES sshd_enable='NO'\n"))
        .singleElement()
        .asString()
        .startsWith("/etc/rc.conf:1: warning: sshd_enable is assigned again in the middle")
        .endsWith("into line 1: sshd_enable='NO'");
    // one before the line sysrc edits is overridden by it: no finding
    assertThat(rc("x=1; sshd_enable=NO\nsshd_enable=YES\n")).isEmpty();
  }

  @Test
  void reportsASyntaxErrorWithItsLineAndNoOtherFinding() {
    assertThat(rc("cloned_interface=bridge0\nb=\"open\n"))
        .containsExactly(
            "/etc/rc.conf:2: error: rc.conf line 2: the value of b has an unterminated"
                + " double-quoted string; sh -n rejects this file; add a closing \" where the value"
                + " ends [rc-syntax]; fix: close the quote or substitution; sysrc and rc refuse a"
                + " file that sh -n rejects");
  }

  @Test
  void reportsEveryAssignmentButTheLastOfARepeatedVariable() {
    assertThat(rc("hostname=a\nhostname=b\nsshd_enable=YES\nhostname=c\n"))
        .containsExactly(
            "/etc/rc.conf:1: info: hostname is assigned again on line 4; only the last assignment"
                + " counts [rc-repeated-variable]; fix: delete this line, or merge its value into"
                + " line 4",
            "/etc/rc.conf:2: info: hostname is assigned again on line 4; only the last assignment"
                + " counts [rc-repeated-variable]; fix: delete this line, or merge its value into"
                + " line 4");
  }

  @Test
  void acceptsEveryValueCheckyesnoKnowsInAnyCase() {
    assertThat(
            rc(
                "a_enable=YES\nb_enable=no\nc_enable=True\nd_enable=FALSE\ne_enable=On\n"
                    + "f_enable=off\ng_enable=1\nh_enable=0\n"))
        .isEmpty();
    assertThat(rc("ntpd_enable=\"enabled\"\n"))
        .containsExactly(
            "/etc/rc.conf:1: warning: ntpd_enable=\"enabled\" is neither YES nor NO; rc.subr's"
                + " checkyesno warns that it is not set properly and treats it as NO"
                + " [rc-enable-value]; fix: set it to YES or NO: ntpd_enable=\"YES\"");
  }

  @Test
  void allowsInterfaceNamesOfFifteenCharacters() {
    assertThat(
            rc(
                "cloned_interfaces=\"verylongbridge1\"\n"
                    + "ifconfig_verylongbridge1=\"up\"\nifconfig_em0_name=\"uplink-to-isp-1\"\n"))
        .isEmpty();
    assertThat(rc("cloned_interfaces=\"verylongbridge12\"\n"))
        .containsExactly(
            "/etc/rc.conf:1: error: interface name verylongbridge12 has 16 characters; FreeBSD"
                + " allows at most 15 (IFNAMSIZ 16 with the NUL), so creating or renaming it fails"
                + " [ifname-too-long]; fix: use a name of at most 15 characters");
  }

  @Test
  void namesInterfacesAfterAddmDeletemNameAndVlandevButNotAfterOtherWords() {
    assertThat(
            rc(
                "cloned_interfaces=\"bridge0\"\n"
                    + "ifconfig_bridge0=\"up descr a-description-longer-than-15 deletem"
                    + " e0a_longer-than-15\"\n"
                    + "ifconfig_em0=\"vlandev a_parent_longer_than_15 name n_longer_than_15\"\n"
                    + "vlans_em1=\"a_vlan_name_over_15 7\"\n"))
        .extracting(s -> s.substring(0, s.indexOf(" has ")))
        .containsExactly(
            "/etc/rc.conf:2: error: interface name e0a_longer-than-15",
            "/etc/rc.conf:3: error: interface name a_parent_longer_than_15",
            "/etc/rc.conf:3: error: interface name n_longer_than_15",
            "/etc/rc.conf:4: error: interface name a_vlan_name_over_15");
  }

  @Test
  void ignoresAnInterfaceWordThatEndsTheValue() {
    assertThat(rc("cloned_interfaces=\"bridge0\"\nifconfig_bridge0=\"up addm\"\n")).isEmpty();
    assertThat(rc("ifconfig_em0=\"up name\"\n")).isEmpty();
  }

  @Test
  void reportsAMissingMaskOnlyForAnIpv4AddressAfterInet() {
    assertThat(rc("ifconfig_em0=\"inet\"\n")).isEmpty();
    assertThat(rc("ifconfig_em0=\"up inet\"\n")).isEmpty();
    assertThat(rc("ifconfig_em0=\"inet6 fd00::1 prefixlen 64\"\n")).isEmpty();
    assertThat(rc("ifconfig_lo1=\"inet 127.0.0.2\"\n")).isEmpty();
    assertThat(rc("ipv4_addrs_em0=\"10.0.0.1\"\n")).isEmpty();
    assertThat(rc("ifconfig_em0_alias0=\"up inet 10.0.0.2\"\n"))
        .containsExactly(
            "/etc/rc.conf:1: warning: ifconfig_em0_alias0 gives 10.0.0.2 no netmask; ifconfig then"
                + " assumes the old classful mask, which is rarely the subnet meant"
                + " [inet-without-mask]; fix: write the prefix length: inet 10.0.0.2/24 (or the"
                + " subnet's real prefix)");
  }

  @Test
  void reportsABridgeMemberThatCarriesAnAddress() {
    assertThat(
            rc(
                "cloned_interfaces=\"bridge0\"\nifconfig_em0=\"DHCP\"\n"
                    + "ifconfig_bridge0=\"addm em0 addm em1 addm em2 addm bad.name! up\"\n"
                    + "ifconfig_em1=\"up\"\nifconfig_em2=\"inet 10.0.0.2/24\"\n"))
        .containsExactly(
            "/etc/rc.conf:2: warning: em0 is a member of bridge0 but carries the host's address;"
                + " on a bridge member it stops working for traffic that crosses the bridge"
                + " [rc-address-on-bridge-member]; fix: move the address words of ifconfig_em0"
                + " into ifconfig_bridge0 and set ifconfig_em0=\"up\"",
            "/etc/rc.conf:5: warning: em2 is a member of bridge0 but carries the host's address;"
                + " on a bridge member it stops working for traffic that crosses the bridge"
                + " [rc-address-on-bridge-member]; fix: move the address words of ifconfig_em2"
                + " into ifconfig_bridge0 and set ifconfig_em2=\"up\"");
  }

  @Test
  void reportsABridgeNeverCloned() {
    assertThat(rc("cloned_interfaces=\"bridge1\"\nifconfig_bridge0=\"up\"\nifconfig_bridge1=up\n"))
        .containsExactly(
            "/etc/rc.conf:2: error: ifconfig_bridge0 configures bridge0, but cloned_interfaces"
                + " does not create it, so the bridge never exists at boot [rc-bridge-not-cloned];"
                + " fix: add it to cloned_interfaces: sysrc cloned_interfaces+=bridge0");
  }

  @Test
  void leavesDynamicAndServiceVariablesAlone() {
    assertThat(
            rc(
                "ifconfig_em0_alias0=\"inet 10.0.0.3/32\"\njail_web_rootdir=\"/j\"\n"
                    + "route_net1=\"-net 10.1.0.0/16 10.0.0.1\"\nmyservice_enable=YES\n"
                    + "jail_lsit=\"web\"\n"))
        .containsExactly(
            "/etc/rc.conf:5: warning: jail_lsit is not an rc.conf variable, and rc.conf ignores"
                + " unknown variables silently; did you mean jail_list? [rc-misspelt-variable];"
                + " fix: rename it: jail_list=\"web\"");
  }

  @Test
  void acceptsPlainDhcpInAJailThatAsksForSynchronousDhclient() {
    assertThat(jailRc("synchronous_dhclient=\"YES\"\nifconfig_epair5b=\"DHCP\"\n")).isEmpty();
    assertThat(jailRc("synchronous_dhclient=\"NO\"\nifconfig_epair5b=\"dhcp up\"\n"))
        .containsExactly(
            "/jails/web/etc/rc.conf:2: warning: ifconfig_epair5b asks for DHCP, which rc starts"
                + " through devd on link up; devd does not run in a jail, so the interface never"
                + " gets an address [jail-dhcp-not-sync]; fix: use SYNCDHCP:"
                + " ifconfig_epair5b=\"SYNCDHCP\"");
    assertThat(jailRc("ifconfig_epair5b_ipv6=\"inet6 accept_rtadv DHCP\"\n")).isEmpty();
  }

  @Test
  void findsDhcpJailsByTheirIfconfigVariables() {
    assertThat(usesDhcp("ifconfig_epair5b=\"SYNCDHCP\"\n")).isTrue();
    assertThat(usesDhcp("ifconfig_epair5b=\"dhcp\"\n")).isTrue();
    assertThat(usesDhcp("ifconfig_epair5b=\"inet 10.0.0.5/24\"\nhostname=DHCP\n")).isFalse();
    assertThat(usesDhcp("ifconfig_epair5b=\"NODHCP\"\n")).isFalse();
  }

  private static boolean usesDhcp(String text) {
    return LintRcConf.usesDhcp(LintRcConf.read("f", text, new java.util.ArrayList<>()).get());
  }
}
