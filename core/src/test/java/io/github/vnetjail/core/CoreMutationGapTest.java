package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Behaviour the other core tests left unchecked, found by PIT's surviving mutants: value equality
 * and hashing, and the exact limits of the validators.
 */
class CoreMutationGapTest {

  /** Two builds of {@code a} are equal with equal hashes; {@code a} differs from each other. */
  private static void assertValueSemantics(Supplier<Object> a, List<Object> others) {
    Object x = a.get();
    Object y = a.get();
    assertThat(x).isEqualTo(y).hasSameHashCodeAs(y).isNotEqualTo(null).isNotEqualTo("text");
    Set<Integer> hashes = new HashSet<>();
    hashes.add(x.hashCode());
    for (Object o : others) {
      assertThat(x).as("%s vs %s", x, o).isNotEqualTo(o);
      assertThat(o).as("%s vs %s", o, x).isNotEqualTo(x);
      hashes.add(o.hashCode());
    }
    // distinct values spread over hash buckets
    assertThat(hashes).hasSizeGreaterThan(1);
  }

  @Test
  void valueTypesCompareByValue() {
    assertValueSemantics(() -> JailName.of("web"), List.of(JailName.of("db")));
    assertValueSemantics(() -> Hostname.of("web.lan"), List.of(Hostname.of("db.lan")));
    assertValueSemantics(
        () -> IpAddress.parse("192.168.1.1"), List.of(IpAddress.parse("192.168.1.2")));
    assertValueSemantics(() -> InterfaceName.of("em0"), List.of(InterfaceName.of("em1")));
    assertValueSemantics(
        () -> MacAddress.parse("02:00:00:00:00:0a"),
        List.of(MacAddress.parse("02:00:00:00:00:0b")));
    assertValueSemantics(
        () -> Cidr.parse("10.0.0.1/24"),
        List.of(Cidr.parse("10.0.0.2/24"), Cidr.parse("10.0.0.1/25")));
    assertValueSemantics(
        () -> Route.of("10.8.0.0/24", "192.168.1.1"),
        List.of(Route.of("10.9.0.0/24", "192.168.1.1"), Route.of("10.8.0.0/24", "192.168.1.2")));
    assertValueSemantics(
        () -> IpAlias.parse("em0|192.168.1.9/24"),
        List.of(IpAlias.parse("em1|192.168.1.9/24"), IpAlias.parse("em0|192.168.1.8/24")));
    assertValueSemantics(
        () -> HookCommand.of(Hook.START, "/bin/true"),
        List.of(HookCommand.of(Hook.STOP, "/bin/true"), HookCommand.of(Hook.START, "/bin/false")));
    assertValueSemantics(() -> VlanTag.of(10), List.of(VlanTag.of(11)));
    assertValueSemantics(
        () -> DevfsRuleset.custom(10, true, false),
        List.of(
            DevfsRuleset.custom(11, true, false),
            DevfsRuleset.custom(10, false, false),
            DevfsRuleset.custom(10, true, true)));
    assertValueSemantics(
        () -> Problem.of("f", "v", "m", "x"),
        List.of(
            Problem.of("g", "v", "m", "x"),
            Problem.of("f", "w", "m", "x"),
            Problem.of("f", "v", "n", "x"),
            Problem.of("f", "v", "m", "y")));
    assertValueSemantics(
        () -> Mount.of("/a", "/jails/web/a", "nullfs", "ro"),
        List.of(
            Mount.of("/b", "/jails/web/a", "nullfs", "ro"),
            Mount.of("/a", "/jails/web/b", "nullfs", "ro"),
            Mount.of("/a", "/jails/web/a", "tmpfs", "ro"),
            Mount.of("/a", "/jails/web/a", "nullfs", "rw"),
            Mount.of("/a", "/jails/web/a", "nullfs")));
  }

  @Test
  void prefixLengthsStopAtTheAddressWidth() {
    assertThat(Cidr.parse("10.0.0.1/32").prefixLength()).isEqualTo(32);
    assertThat(Cidr.parse("10.0.0.0/0").prefixLength()).isZero();
    assertThatThrownBy(() -> Cidr.parse("10.0.0.1/33"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("prefixes are 0 to 32");
    assertThat(Cidr.parse("fd00::1/128").prefixLength()).isEqualTo(128);
    assertThatThrownBy(() -> Cidr.parse("fd00::1/129"))
        .hasMessageContaining("prefixes are 0 to 128");
    assertThatThrownBy(() -> Cidr.parse("/24")).isInstanceOf(ValidationException.class);
  }

  @Test
  void addressesRefuseAPrefixOrZoneEvenAtTheFirstCharacter() {
    assertThatThrownBy(() -> IpAddress.parse("/24"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("has a prefix length")
        .hasMessageContaining("remove the \"/24\"");
    assertThatThrownBy(() -> IpAddress.parse("10.0.0.1/8"))
        .hasMessageContaining("remove the \"/8\"");
    assertThatThrownBy(() -> IpAddress.parse("%em0")).hasMessageContaining("zone index");
  }

  @Test
  void hostnamesAllow63CharacterLabelsAnd253Characters() {
    String label63 = "a".repeat(63);
    assertThat(Hostname.isValid(label63)).isTrue();
    assertThat(Hostname.isValid("a".repeat(64))).isFalse();
    String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
    assertThat(name253).hasSize(253);
    assertThat(Hostname.isValid(name253)).isTrue();
    assertThat(Hostname.isValid(name253 + "a")).isFalse();
    assertThat(Hostname.isValid("web.lan")).isTrue();
  }

  @Test
  void pathsAllow1023CharactersAndNotMore() {
    String ok = "/" + "a".repeat(1022);
    assertThat(VnetJail.builder().name("web").id(1).bridge("bridge0").path(ok).build().path())
        .isEqualTo(ok);
    assertThatThrownBy(
            () -> VnetJail.builder().name("web").id(1).bridge("bridge0").path(ok + "a").build())
        .hasMessageContaining("1024 characters long");
  }

  @Test
  void aNulAtTheStartOfAHookOrRawValueIsRefused() {
    assertThatThrownBy(
            () ->
                VnetJail.builder()
                    .name("web")
                    .id(1)
                    .bridge("bridge0")
                    .addHook(Hook.START, "\0/bin/true")
                    .build())
        .hasMessageContaining("NUL");
    assertThatThrownBy(
            () ->
                VnetJail.builder()
                    .name("web")
                    .id(1)
                    .bridge("bridge0")
                    .putRawParameter("securelevel", "\0")
                    .build())
        .hasMessageContaining("NUL");
  }

  @Test
  void fdescfsAndProcfsAreNotMountedUnlessAsked() {
    VnetJail v = VnetJail.builder().name("web").id(1).bridge("bridge0").build();
    assertThat(v.mountFdescfs()).isFalse();
    assertThat(v.mountProcfs()).isFalse();
    PlainJail p = PlainJail.builder().name("old").build();
    assertThat(p.mountFdescfs()).isFalse();
    assertThat(p.mountProcfs()).isFalse();
  }

  @Test
  void mountLinesTakeThreeToSixFields() {
    assertThat(Mount.parse("/a /jails/web/a nullfs").options()).isEmpty();
    assertThat(Mount.parse("/a /jails/web/a nullfs ro 0 0").options()).contains("ro");
    assertThatThrownBy(() -> Mount.parse("/a /jails/web/a")).hasMessageContaining("has 2 fields");
    assertThatThrownBy(() -> Mount.parse("/a /jails/web/a nullfs ro 0 0 x"))
        .hasMessageContaining("has 7 fields");
    assertThatThrownBy(() -> Mount.parse("/a /jails/web/a #nullfs"))
        .hasMessageContaining("mount type");
    assertThatThrownBy(() -> Mount.parse("#a /jails/web/a nullfs"))
        .hasMessageContaining("mount source");
    // every bad field is reported, not only the first
    assertThatThrownBy(() -> Mount.parse("#a /jails/web/a #nullfs"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void aPlainJailsProblemsNameTheJail() {
    assertThatThrownBy(() -> PlainJail.builder().name("old").path("relative").build())
        .hasMessageStartingWith("invalid PlainJail \"old\"");
  }
}
