package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimIfconfigTest {
  private final SimulatedHost host = SimulatedHost.create();

  private ExecResult run(String... argv) {
    return host.execute(Command.of(java.util.List.of(argv)));
  }

  @Test
  void createsEpairWithWildcardUnitAndPrintsTheASide() {
    ExecResult r = run("/sbin/ifconfig", "epair", "create");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("epair0a\n");
    assertThat(run("ifconfig", "epair", "create", "up").stdout()).isEqualTo("epair1a\n");
    assertThat(run("ifconfig", "-l").stdout())
        .isEqualTo("lo0 em0 epair0a epair0b epair1a epair1b\n");
    assertThat(host.state().host().find("epair1a").get().up()).isTrue();
    assertThat(host.state().host().find("epair1b").get().up()).isFalse();
  }

  @Test
  void createsEpairWithExplicitUnitAndRefusesItTwice() {
    assertThat(run("ifconfig", "epair154", "create", "up").stdout()).isEqualTo("epair154a\n");
    ExecResult again = run("ifconfig", "epair154", "create");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stdout()).isEmpty();
    assertThat(again.stderr()).isEqualTo("ifconfig: interface epair154 already exists\n");
  }

  @Test
  void rejectsCloneNamesNoClonerMatches() {
    assertThat(run("ifconfig", "epair3a", "create").stderr())
        .isEqualTo("ifconfig: SIOCIFCREATE2 (epair3a): Invalid argument\n");
    assertThat(run("ifconfig", "foo0", "create").stderr())
        .isEqualTo("ifconfig: SIOCIFCREATE2 (foo0): Invalid argument\n");
    assertThat(run("ifconfig", "epair01", "create").stderr())
        .isEqualTo("ifconfig: SIOCIFCREATE2 (epair01): Invalid argument\n");
    assertThat(run("ifconfig", "epair0123456789012", "create").stderr())
        .isEqualTo("ifconfig: epair0123456789012: cloning name too long\n");
    assertThat(run("ifconfig", "epair99999", "create").stderr())
        .isEqualTo("ifconfig: SIOCIFCREATE2 (epair99999): No space left on device\n");
  }

  @Test
  void bridgeCreatePrintsOnlyWhenTheNameChanged() {
    ExecResult named = run("ifconfig", "bridge0", "create");
    assertThat(named.exitCode()).isZero();
    assertThat(named.stdout()).isEmpty();
    assertThat(run("ifconfig", "bridge", "create").stdout()).isEqualTo("bridge1\n");
    ExecResult exists = run("ifconfig", "bridge0", "create");
    assertThat(exists.exitCode()).isEqualTo(1);
    assertThat(exists.stderr()).isEqualTo("ifconfig: interface bridge0 already exists\n");
  }

  @Test
  void reportsMissingInterfaces() {
    for (String word : new String[] {"up", "destroy", "addm", "vnet"}) {
      ExecResult r = run("ifconfig", "epair154b", word);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).isEqualTo("ifconfig: interface epair154b does not exist\n");
    }
    assertThat(run("ifconfig", "epair154b").stderr())
        .isEqualTo("ifconfig: interface epair154b does not exist\n");
  }

  @Test
  void addmAndDeletemFollowIfBridgeErrors() {
    run("ifconfig", "bridge0", "create");
    run("ifconfig", "bridge1", "create");
    run("ifconfig", "epair0", "create");
    assertThat(run("ifconfig", "bridge0", "addm", "epair0a", "up").exitCode()).isZero();
    assertThat(run("ifconfig", "bridge0", "addm", "epair0a").stderr())
        .isEqualTo("ifconfig: BRDGADD epair0a: File exists\n");
    assertThat(run("ifconfig", "bridge1", "addm", "epair0a").stderr())
        .isEqualTo("ifconfig: BRDGADD epair0a: Device busy\n");
    assertThat(run("ifconfig", "bridge0", "addm", "epair9a").stderr())
        .isEqualTo("ifconfig: BRDGADD epair9a: No such file or directory\n");
    assertThat(run("ifconfig", "bridge0", "addm", "lo0").stderr())
        .isEqualTo("ifconfig: BRDGADD lo0: Invalid argument\n");
    assertThat(run("ifconfig", "bridge0", "deletem", "epair0b").stderr())
        .isEqualTo("ifconfig: BRDGDEL epair0b: No such file or directory\n");
    assertThat(run("ifconfig", "bridge9", "addm", "epair0a").stderr())
        .isEqualTo("ifconfig: interface bridge9 does not exist\n");
    assertThat(run("ifconfig", "bridge0", "deletem", "epair0a").exitCode()).isZero();
    assertThat(host.state().host().find("bridge0").get().members()).isEmpty();
  }

  @Test
  void newestBridgeMemberComesFirst() {
    run("ifconfig", "bridge0", "create", "up");
    run("ifconfig", "epair0", "create");
    run("ifconfig", "epair1", "create");
    run("ifconfig", "bridge0", "addm", "epair0a");
    run("ifconfig", "bridge0", "addm", "epair1a");
    assertThat(host.state().host().find("bridge0").get().members())
        .containsExactly("epair1a", "epair0a");
    String block = run("ifconfig", "bridge0").stdout();
    assertThat(block)
        .startsWith(
            "bridge0: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0"
                + " mtu 1500\n\toptions=0\n\tether 58:9c:fc:")
        .contains(
            "\tid 00:00:00:00:00:00 priority 32768 hellotime 2 fwddelay 15\n"
                + "\tmaxage 20 holdcnt 6 proto rstp maxaddr 2000 timeout 1200\n"
                + "\troot id 00:00:00:00:00:00 priority 32768 ifcost 0 port 0\n"
                + "\tmember: epair1a flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>\n"
                + "\t        ifmaxaddr 0 port 6 priority 128 path cost 2000\n"
                + "\tmember: epair0a flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>\n"
                + "\t        ifmaxaddr 0 port 4 priority 128 path cost 2000\n"
                + "\tgroups: bridge\n"
                + "\tnd6 options=9<PERFORMNUD,IFDISABLED>\n");
  }

  @Test
  void listsAnEpairBlockLikeFreeBsd14() {
    run("ifconfig", "bridge0", "create", "up");
    run("ifconfig", "epair0", "create", "up");
    run("ifconfig", "epair0a", "descr", "jail web uplink");
    run("ifconfig", "bridge0", "addm", "epair0a");
    String block = run("ifconfig", "epair0a").stdout();
    assertThat(block)
        .matches(
            "epair0a: flags=1008943<UP,BROADCAST,RUNNING,PROMISC,SIMPLEX,MULTICAST,LOWER_UP>"
                + " metric 0 mtu 1500\n"
                + "\tdescription: jail web uplink\n"
                + "\toptions=8<VLAN_MTU>\n"
                + "\tether 02:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}:0a\n"
                + "\tgroups: epair\n"
                + "\tmedia: Ethernet 10Gbase-T \\(10Gbase-T <full-duplex>\\)\n"
                + "\tstatus: active\n"
                + "\tnd6 options=29<PERFORMNUD,IFDISABLED,AUTO_LINKLOCAL>\n");
    String a = host.state().host().find("epair0a").get().ether();
    String b = host.state().host().find("epair0b").get().ether();
    assertThat(b).isEqualTo(a.substring(0, 15) + "0b");
  }

  @Test
  void inetWithoutAliasReplacesTheFirstAddressAndAliasAdds() {
    run("ifconfig", "epair0", "create");
    run("ifconfig", "epair0b", "inet", "10.0.0.1/24", "up");
    run("ifconfig", "epair0b", "10.0.0.2/24");
    assertThat(host.state().host().find("epair0b").get().inet()).containsExactly("10.0.0.2/24");
    run("ifconfig", "epair0b", "inet", "10.0.1.1", "netmask", "255.255.0.0", "alias");
    assertThat(host.state().host().find("epair0b").get().inet())
        .containsExactly("10.0.0.2/24", "10.0.1.1/16");
    assertThat(run("ifconfig", "epair0b").stdout())
        .contains(
            "\tinet 10.0.0.2 netmask 0xffffff00 broadcast 10.0.0.255\n"
                + "\tinet 10.0.1.1 netmask 0xffff0000 broadcast 10.0.255.255\n");
    run("ifconfig", "epair0b", "inet", "10.0.0.2", "-alias");
    assertThat(host.state().host().find("epair0b").get().inet()).containsExactly("10.0.1.1/16");
    assertThat(run("ifconfig", "epair0b", "inet", "10.9.9.9", "-alias").stderr())
        .isEqualTo("ifconfig: ioctl (SIOCDIFADDR): Can't assign requested address\n");
  }

  @Test
  void reportsBadAddressesAndMissingMasks() {
    run("ifconfig", "epair0", "create");
    assertThat(run("ifconfig", "epair0a", "inet", "10.0.0.1/33").stderr())
        .isEqualTo("ifconfig: 10.0.0.1/33: bad value (width too large)\n");
    assertThat(run("ifconfig", "epair0a", "inet", "10.0.0.1/x").stderr())
        .isEqualTo("ifconfig: 10.0.0.1/x: bad value (width invalid)\n");
    assertThat(run("ifconfig", "epair0a", "inet", "foo").stderr())
        .isEqualTo("ifconfig: foo: bad value\n");
    ExecResult noMask = run("ifconfig", "epair0a", "inet", "192.168.5.5");
    assertThat(noMask.exitCode()).isZero();
    assertThat(noMask.stderr())
        .isEqualTo(
            "ifconfig: WARNING: setting interface address without mask is deprecated,\n"
                + "default mask may not be correct.\n");
    assertThat(host.state().host().find("epair0a").get().inet()).containsExactly("192.168.5.5/24");
    assertThat(run("ifconfig", "epair0a", "descr").stderr())
        .isEqualTo("ifconfig: 'descr' requires argument\n");
  }

  @Test
  void inet6AddsWithDefaultPrefix64() {
    run("ifconfig", "epair0", "create");
    run("ifconfig", "epair0a", "inet6", "2001:db8:0:0::1");
    run("ifconfig", "epair0a", "inet6", "2001:db8::2/48");
    assertThat(host.state().host().find("epair0a").get().inet6())
        .containsExactly("2001:db8::1/64", "2001:db8::2/48");
    assertThat(run("ifconfig", "epair0a").stdout())
        .contains("\tinet6 2001:db8::1 prefixlen 64\n\tinet6 2001:db8::2 prefixlen 48\n");
    assertThat(run("ifconfig", "epair0a", "inet6", "2001:db8::3/129").stderr())
        .isEqualTo("ifconfig: 129: bad value\n");
  }

  @Test
  void renamePrintsTheNewNameAndChecksIt() {
    run("ifconfig", "epair0", "create");
    ExecResult r = run("ifconfig", "epair0a", "name", "web0");
    assertThat(r.stdout()).isEqualTo("web0\n");
    assertThat(run("ifconfig", "web0", "name", "epair0b").stderr())
        .isEqualTo("ifconfig: ioctl SIOCSIFNAME (set name): File exists\n");
    assertThat(run("ifconfig", "web0", "name", "abcdefghijklmnop").stderr())
        .isEqualTo("ifconfig: ioctl SIOCSIFNAME (set name): File name too long\n");
    ExecResult created = run("ifconfig", "epair", "create", "name", "web1");
    assertThat(created.stdout()).isEqualTo("web1\n");
  }

  @Test
  void etherChangesTheMacAndShowsTheHardwareAddress() {
    run("ifconfig", "epair0", "create");
    assertThat(run("ifconfig", "epair0a", "ether", "02:00:00:00:01:0A").exitCode()).isZero();
    assertThat(host.state().host().find("epair0a").get().ether()).isEqualTo("02:00:00:00:01:0a");
    assertThat(run("ifconfig", "epair0a").stdout())
        .contains("\tether 02:00:00:00:01:0a\n\thwaddr 02:");
    assertThat(run("ifconfig", "epair0a", "ether", "01:00:00:00:00:01").stderr())
        .isEqualTo("ifconfig: ioctl (SIOCAIFADDR): Invalid argument\n");
  }

  @Test
  void destroyingOneEpairSideDestroysBothAndFreesTheUnit() {
    run("ifconfig", "bridge0", "create");
    run("ifconfig", "epair7", "create");
    run("ifconfig", "bridge0", "addm", "epair7a");
    assertThat(run("ifconfig", "epair7b", "destroy").exitCode()).isZero();
    assertThat(host.state().host().interfaceNames()).containsExactly("lo0", "em0", "bridge0");
    assertThat(host.state().host().find("bridge0").get().members()).isEmpty();
    assertThat(run("ifconfig", "epair7", "create").stdout()).isEqualTo("epair7a\n");
    assertThat(run("ifconfig", "em0", "destroy").stderr())
        .isEqualTo("ifconfig: SIOCIFDESTROY: Invalid argument\n");
  }

  @Test
  void wildcardCreateSkipsTakenUnits() {
    run("ifconfig", "epair0", "create");
    run("ifconfig", "epair2", "create");
    assertThat(run("ifconfig", "epair", "create").stdout()).isEqualTo("epair1a\n");
    assertThat(run("ifconfig", "epair", "create").stdout()).isEqualTo("epair3a\n");
  }

  @Test
  void filtersTheListByStateAndGroup() {
    run("ifconfig", "epair0", "create", "up");
    assertThat(run("ifconfig", "-l", "-u").stdout()).isEqualTo("lo0 em0 epair0a\n");
    assertThat(run("ifconfig", "-l", "-d").stdout()).isEqualTo("epair0b\n");
    assertThat(run("ifconfig", "-g", "epair").stdout()).isEqualTo("epair0a\nepair0b\n");
    assertThat(run("ifconfig", "-l", "-a").exitCode()).isEqualTo(1);
  }

  @Test
  void loopbackBlockHasItsAddresses() {
    assertThat(run("ifconfig", "lo0").stdout())
        .isEqualTo(
            "lo0: flags=1008049<UP,LOOPBACK,RUNNING,MULTICAST,LOWER_UP> metric 0 mtu 16384\n"
                + "\toptions=680003<RXCSUM,TXCSUM,LINKSTATE,RXCSUM_IPV6,TXCSUM_IPV6>\n"
                + "\tinet 127.0.0.1 netmask 0xff000000\n"
                + "\tinet6 ::1 prefixlen 128\n"
                + "\tinet6 fe80::1%lo0 prefixlen 64 scopeid 0x1\n"
                + "\tgroups: lo\n"
                + "\tnd6 options=21<PERFORMNUD,AUTO_LINKLOCAL>\n");
  }

  @Test
  void vnetAndMinusVnetReportJailAndKernelErrors() {
    run("ifconfig", "epair0", "create");
    run("ifconfig", "bridge0", "create");
    run("ifconfig", "bridge0", "addm", "epair0b");
    assertThat(run("ifconfig", "epair0b", "vnet", "web").stderr())
        .isEqualTo("ifconfig: jail \"web\" not found\n");
    assertThat(run("ifconfig", "epair0b", "vnet", "42").stderr())
        .isEqualTo("ifconfig: SIOCSIFVNET: Device not configured\n");
    run("jail", "-c", "name=plain", "persist");
    assertThat(run("ifconfig", "epair0b", "vnet", "plain").stderr())
        .isEqualTo("ifconfig: SIOCSIFVNET: File exists\n");
    run("jail", "-c", "name=web", "vnet", "persist");
    run("ifconfig", "epair0b", "inet", "10.0.0.2/24");
    assertThat(run("ifconfig", "epair0b", "vnet", "web").exitCode()).isZero();
    // the move takes it off the bridge and flushes its addresses
    assertThat(host.state().host().find("bridge0").get().members()).isEmpty();
    assertThat(host.state().stack("web").get().find("epair0b").get().inet()).isEmpty();
    assertThat(run("ifconfig", "epair0a", "-vnet", "web").stderr())
        .isEqualTo("ifconfig: SIOCSIFRVNET(2, epair0a): Device not configured\n");
    assertThat(run("ifconfig", "epair0b", "-vnet", "nope").stderr())
        .isEqualTo("ifconfig: jail \"nope\" not found\n");
    // if_vmove_reclaim looks the name up in the plain jail's vnet (the host's) first
    assertThat(run("ifconfig", "epair0b", "-vnet", "plain").stderr())
        .isEqualTo("ifconfig: SIOCSIFRVNET(1, epair0b): Device not configured\n");
    assertThat(run("ifconfig", "epair0a", "-vnet", "plain").stderr())
        .isEqualTo("ifconfig: SIOCSIFRVNET(1, epair0a): File exists\n");
    assertThat(run("ifconfig", "epair0b", "-vnet", "web").exitCode()).isZero();
    assertThat(host.state().host().interfaceNames()).contains("epair0b");
    assertThat(run("ifconfig", "abcdefghijklmnop", "-vnet", "web").stderr())
        .isEqualTo("ifconfig: abcdefghijklmnop: interface name too long\n");
  }

  @Test
  void destroyingTheHostSideAlsoDestroysTheSideInsideAJail() {
    run("jail", "-c", "name=web", "vnet", "persist");
    run("ifconfig", "epair0", "create");
    run("ifconfig", "epair0b", "vnet", "web");
    run("ifconfig", "epair0a", "destroy");
    assertThat(host.state().stack("web").get().interfaceNames()).containsExactly("lo0");
    assertThat(run("ifconfig", "epair0", "create").exitCode()).isZero();
  }

  @Test
  void jailsCountEpairUnitsOnTheirOwn() {
    run("jail", "-c", "name=web", "vnet", "persist");
    run("ifconfig", "epair", "create");
    assertThat(run("jexec", "web", "ifconfig", "epair", "create").stdout()).isEqualTo("epair0a\n");
    run("jail", "-r", "web");
    // the pair made inside the jail is destroyed with the jail's stack
    assertThat(host.state().host().interfaceNames())
        .containsExactly("lo0", "em0", "epair0a", "epair0b");
  }
}
