package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainJailTest {
  private static List<Problem> problems(PlainJail.Builder b) {
    return catchThrowableOfType(ValidationException.class, b::build).problems();
  }

  @Test
  void buildsWithAliasesAndDefaults() {
    PlainJail j =
        PlainJail.builder()
            .name("legacy")
            .addAlias("em0|192.168.1.50/24")
            .addAlias("2001:db8::50/64")
            .hostname("legacy.lan")
            .addAllow(Allow.RAW_SOCKETS)
            .addHook(Hook.START, "/bin/sh /etc/rc")
            .putRawParameter("enforce_statfs", "1")
            .build();
    assertThat(j.isVnet()).isFalse();
    assertThat(j.path()).isEqualTo("/jails/legacy");
    assertThat(j.persist()).isTrue();
    assertThat(j.mountDevfs()).isTrue();
    assertThat(j.ip4Aliases()).extracting(IpAlias::toString).containsExactly("em0|192.168.1.50/24");
    assertThat(j.ip6Aliases()).extracting(IpAlias::toString).containsExactly("2001:db8::50/64");
    assertThat(j.ip6Aliases().get(0).iface()).isEmpty();
    assertThat(j.hookCommands(Hook.START)).containsExactly("/bin/sh /etc/rc");
    assertThat(j.permissionParameters()).containsExactly(Map.entry("allow.raw_sockets", List.of()));
    assertThat(j.warnings()).isEmpty();
    assertThat(j.toBuilder().build()).isEqualTo(j);
  }

  @Test
  void listsEveryProblemAtOnce() {
    List<Problem> ps =
        problems(
            PlainJail.builder()
                .name("a b")
                .addAlias("em 0|192.168.1.5/24")
                .addAlias("em0|192.168.1.5")
                .addAlias("em0|192.168.1.0/24")
                .hostname("x_y"));
    assertThat(ps)
        .extracting(Problem::field)
        .containsExactly(
            "aliases[em 0|192.168.1.5/24].interface",
            "aliases[em0|192.168.1.5].address",
            "name",
            "hostname",
            "aliases[em0|192.168.1.0/24]");
  }

  @Test
  void rejectsDuplicateAliasAddress() {
    List<Problem> ps =
        problems(
            PlainJail.builder()
                .name("p")
                .addAlias("em0|192.168.1.5/24")
                .addAlias("em1|192.168.1.5/24"));
    assertThat(ps)
        .extracting(Problem::message)
        .containsExactly("address 192.168.1.5 is listed twice");
  }

  @Test
  void rejectsVnetAndAddressParametersAsRaw() {
    List<Problem> ps =
        problems(
            PlainJail.builder()
                .name("p")
                .putRawParameter("ip4.addr", "10.0.0.1")
                .putRawParameter("vnet"));
    assertThat(ps)
        .extracting(Problem::fix)
        .containsExactly(
            "use PlainJail.builder().addAlias(...)", "use VnetJail.builder() for a VNET jail");
  }

  @Test
  void requiresName() {
    assertThat(problems(PlainJail.builder()))
        .extracting(Problem::message)
        .containsExactly("name must be set");
  }

  @Test
  void parsesAliasesLikeJail8() {
    IpAlias a = IpAlias.parse("em0|192.168.1.50/24");
    assertThat(a.iface()).contains("em0");
    assertThat(a.address()).isEqualTo(Cidr.parse("192.168.1.50/24"));
    assertThat(IpAlias.of("em0", "192.168.1.50/24")).isEqualTo(a);
    assertThat(a.hashCode()).isEqualTo(IpAlias.of("em0", "192.168.1.50/24").hashCode());
    assertThatThrownBy(() -> IpAlias.parse("em0|")).hasMessageContaining("has no prefix length");
    assertThatThrownBy(() -> IpAlias.parse("em$0|10.0.0.1/8")).hasMessageContaining("contains '$'");
  }

  @Test
  void takesMountsFromFstabLines() {
    PlainJail j = PlainJail.builder().name("p").addMount("tmpfs /jails/p/tmp tmpfs rw").build();
    assertThat(j.mounts()).containsExactly(Mount.parse("tmpfs /jails/p/tmp tmpfs rw"));
    List<Problem> ps = problems(PlainJail.builder().name("p").addMount("tmpfs tmp tmpfs"));
    assertThat(ps).extracting(Problem::field).containsExactly("mounts[tmpfs tmp tmpfs]");
  }
}
