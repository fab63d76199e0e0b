package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SysvIpc, Hook, HookCommand, FreeBsdRelease, DevfsRuleset, Route, Problem. */
class SmallTypesTest {
  @Test
  void sysvIpcValuesAreJailsysWords() {
    assertThat(Arrays.stream(SysvIpc.values()).map(SysvIpc::value))
        .containsExactly("new", "inherit", "disable");
  }

  @Test
  void hooksAreInJail8Order() {
    assertThat(Arrays.stream(Hook.values()).map(Hook::parameter))
        .containsExactly(
            "exec.prepare",
            "exec.prestart",
            "exec.created",
            "exec.start",
            "exec.poststart",
            "exec.prestop",
            "exec.stop",
            "exec.poststop",
            "exec.release");
    assertThat(Arrays.stream(Hook.values()).filter(Hook::runsInsideJail))
        .containsExactly(Hook.START, Hook.STOP);
    assertThat(Hook.forParameter("exec.prestop")).contains(Hook.PRESTOP);
    assertThat(Hook.forParameter("exec.clean")).isEmpty();
  }

  @Test
  void hookCommandIsAValue() {
    HookCommand c = HookCommand.of(Hook.POSTSTART, "echo hi");
    assertThat(c.hook()).isEqualTo(Hook.POSTSTART);
    assertThat(c.command()).isEqualTo("echo hi");
    assertThat(c)
        .isEqualTo(HookCommand.of(Hook.POSTSTART, "echo hi"))
        .hasToString("exec.poststart: echo hi");
    assertThat(c.hashCode()).isEqualTo(HookCommand.of(Hook.POSTSTART, "echo hi").hashCode());
    assertThatThrownBy(() -> HookCommand.of(null, "x")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void releasesKnowJailConfInclude() {
    assertThat(FreeBsdRelease.V13.supportsJailConfInclude()).isFalse();
    assertThat(FreeBsdRelease.V14_0.supportsJailConfInclude()).isTrue();
    assertThat(FreeBsdRelease.V15_0.supportsJailConfInclude()).isTrue();
    assertThat(FreeBsdRelease.V14_2).hasToString("14.2");
    assertThat(FreeBsdRelease.V13).hasToString("13.x");
    assertThat(FreeBsdRelease.V14_2.major()).isEqualTo(14);
    assertThat(FreeBsdRelease.V14_2.minor()).isEqualTo(2);
    assertThat(FreeBsdRelease.latest()).isEqualTo(FreeBsdRelease.V15_0);
  }

  @Test
  void stockRulesetsKnowWhatTheyExpose() {
    assertThat(DevfsRuleset.jail().number()).isEqualTo(4);
    assertThat(DevfsRuleset.jail().exposesPf()).isFalse();
    assertThat(DevfsRuleset.jail().exposesBpf()).isFalse();
    assertThat(DevfsRuleset.jailVnet().number()).isEqualTo(5);
    assertThat(DevfsRuleset.jailVnet().name()).contains("devfsrules_jail_vnet");
    assertThat(DevfsRuleset.jailVnet().exposesPf()).isTrue();
    assertThat(DevfsRuleset.jailVnet().exposesBpf()).isFalse();
    assertThat(DevfsRuleset.jailVnet().isGenerated()).isFalse();
    assertThat(DevfsRuleset.jailVnet()).hasToString("5 (devfsrules_jail_vnet)");
  }

  @Test
  void generatedRulesetExposesPfAndBpf() {
    DevfsRuleset r = DevfsRuleset.vnetWithBpf(10);
    assertThat(r.number()).isEqualTo(10);
    assertThat(r.exposesPf()).isTrue();
    assertThat(r.exposesBpf()).isTrue();
    assertThat(r.isGenerated()).isTrue();
    assertThat(r.name()).contains(DevfsRuleset.GENERATED_NAME);
    assertThat(r)
        .isEqualTo(DevfsRuleset.vnetWithBpf(10))
        .isNotEqualTo(DevfsRuleset.vnetWithBpf(11));
    assertThat(r.hashCode()).isEqualTo(DevfsRuleset.vnetWithBpf(10).hashCode());
    DevfsRuleset c = DevfsRuleset.custom(20, false, true);
    assertThat(c.name()).isEmpty();
    assertThat(c.isGenerated()).isFalse();
    assertThat(c).hasToString("20");
  }

  @Test
  void rulesetNumbersMustNotBeStockOrOutOfRange() {
    for (int n : List.of(0, 1, 4, 5, 65536, -1)) {
      assertThatThrownBy(() -> DevfsRuleset.vnetWithBpf(n))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("devfs ruleset number " + n + " is out of range");
      assertThatThrownBy(() -> DevfsRuleset.custom(n, true, true))
          .isInstanceOf(ValidationException.class);
    }
    assertThat(DevfsRuleset.custom(65535, true, true).number()).isEqualTo(65535);
    assertThat(DevfsRuleset.vnetWithBpf(6).number()).isEqualTo(6);
  }

  @Test
  void routeIsAValue() {
    Route r = Route.of("10.8.0.0/24", "192.168.1.2");
    assertThat(r.destination()).isEqualTo(Cidr.parse("10.8.0.0/24"));
    assertThat(r.gateway()).isEqualTo(IpAddress.parse("192.168.1.2"));
    assertThat(r).hasToString("10.8.0.0/24 via 192.168.1.2");
    assertThat(r).isEqualTo(Route.of(Cidr.parse("10.8.0.0/24"), IpAddress.parse("192.168.1.2")));
    assertThat(r.hashCode()).isEqualTo(Route.of("10.8.0.0/24", "192.168.1.2").hashCode());
    assertThat(Route.of("2001:db8:1::/48", "fe80::1").destination().isIpv6()).isTrue();
    assertThatThrownBy(() -> Route.of(Cidr.parse("10.8.0.1/24"), IpAddress.parse("10.0.0.1")))
        .hasMessageContaining("has host bits set");
    assertThatThrownBy(() -> Route.of("10.8.0.0", "10.0.0.1"))
        .hasMessageContaining("has no prefix length");
  }

  @Test
  void problemPrintsFieldMessageAndFix() {
    Problem p = Problem.of("bridge", "", "bridge must be set for a VNET jail", "use X");
    assertThat(p).hasToString("bridge: bridge must be set for a VNET jail; use X");
    assertThat(p.withFieldPrefix("jails[web].").field()).isEqualTo("jails[web].bridge");
    assertThat(p.withField("b").field()).isEqualTo("b");
    assertThat(p)
        .isEqualTo(Problem.of("bridge", "", "bridge must be set for a VNET jail", "use X"));
    assertThat(p.hashCode())
        .isEqualTo(
            Problem.of("bridge", "", "bridge must be set for a VNET jail", "use X").hashCode());
    assertThat(p).isNotEqualTo(p.withField("b"));
  }

  @Test
  void validationExceptionNeedsAProblemAndListsThemAll() {
    assertThatThrownBy(() -> new ValidationException("X", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    ValidationException one =
        new ValidationException("VnetJail \"web\"", List.of(Problem.of("a", "", "m", "f")));
    assertThat(one).hasMessage("invalid VnetJail \"web\": a: m; f");
    assertThat(one).isInstanceOf(VnetJailException.class);
    ValidationException two =
        new ValidationException(
            "HostConfig", List.of(Problem.of("a", "", "m", "f"), Problem.of("b", "", "n", "g")));
    assertThat(two).hasMessage("invalid HostConfig: 2 problems\n  - a: m; f\n  - b: n; g");
    assertThat(two.problems()).hasSize(2);
  }

  @Test
  void nullInputIsAProgrammerErrorNamingTheArgument() {
    assertThatThrownBy(() -> Cidr.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("address");
    assertThatThrownBy(() -> InterfaceName.of(null)).hasMessage("interface name");
    assertThatThrownBy(() -> JailName.of(null)).hasMessage("jail name");
    assertThatThrownBy(() -> Hostname.of(null)).hasMessage("host name");
    assertThatThrownBy(() -> MacAddress.parse(null)).hasMessage("MAC address");
    assertThatThrownBy(() -> IpAddress.parse(null)).hasMessage("address");
    assertThatThrownBy(() -> Mount.parse(null)).hasMessage("mount line");
    assertThatThrownBy(() -> IpAlias.parse(null)).hasMessage("alias");
    assertThatThrownBy(() -> VnetJail.builder().ip((String) null)).hasMessage("address");
  }
}
