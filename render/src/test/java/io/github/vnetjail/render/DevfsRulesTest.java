package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevfsRulesTest {
  private static final String EXISTING =
      "# local rules\n"
          + "[devfsrules_jail_bpf=10]\n"
          + "add include $devfsrules_jail\n"
          + "add path 'bpf*' unhide # for dhclient\n"
          + "\n"
          + "  [plex=11]   # indented header with a comment\n"
          + "add include $devfsrules_jail_vnet\n"
          + "add path 'dri/*' unhide";

  @Test
  void parsesRulesetHeadersAndRulesLikeRcSubr() {
    DevfsRules rules = DevfsRules.parse(EXISTING);
    assertThat(rules.rulesets())
        .containsExactly(
            new DevfsRules.Ruleset(
                "devfsrules_jail_bpf",
                10,
                2,
                List.of("add include $devfsrules_jail", "add path 'bpf*' unhide # for dhclient")),
            new DevfsRules.Ruleset(
                "plex",
                11,
                6,
                List.of("add include $devfsrules_jail_vnet", "add path 'dri/*' unhide")));
    assertThat(rules.problems()).isEmpty();
    assertThat(rules.render()).isEqualTo(EXISTING);
  }

  @Test
  void numbersANewRulesetAfterTheFileAndStockRulesets() {
    assertThat(DevfsRules.empty().nextFreeNumber()).isEqualTo(10);
    assertThat(DevfsRules.parse(EXISTING).nextFreeNumber()).isEqualTo(12);
    assertThat(DevfsRules.parse("[a=10]\nadd hide\n[b=12]\nadd hide\n").nextFreeNumber())
        .isEqualTo(11);
  }

  @Test
  void appendsAVnetRulesetThatIncludesJailVnetAndUnhidesBpfAndPf() {
    DevfsRules rules = DevfsRules.parse(EXISTING).withVnetRuleset("vnetjail_dhcp", true, true);
    assertThat(rules.render())
        .isEqualTo(
            EXISTING
                + "\n\n[vnetjail_dhcp=12]\n"
                + "add include $devfsrules_jail_vnet\n"
                + "add path 'bpf*' unhide\n"
                + "add path pf unhide\n");
    assertThat(rules.ruleset("vnetjail_dhcp").orElseThrow().number()).isEqualTo(12);
    assertThat(rules.unhides(12, "bpf0")).contains(true);
    assertThat(rules.unhides(12, "pf")).contains(true);
    assertThat(rules.unhides(12, "mem")).contains(false);
    assertThat(rules.unhides(12, "null")).contains(true);
  }

  @Test
  void addingTheSameRulesetTwiceChangesNothing() {
    DevfsRules once = DevfsRules.empty().withVnetRuleset("vnetjail", true, false);
    assertThat(once.render())
        .isEqualTo("[vnetjail=10]\nadd include $devfsrules_jail_vnet\nadd path 'bpf*' unhide\n");
    assertThat(once.withVnetRuleset("vnetjail", true, false)).isSameAs(once);
  }

  @Test
  void refusesAConflictingOrInvalidRulesetName() {
    DevfsRules once = DevfsRules.empty().withVnetRuleset("vnetjail", true, false);
    assertThatThrownBy(() -> once.withVnetRuleset("vnetjail", false, true))
        .isInstanceOf(DevfsRulesException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("[vnetjail=10] already exists");
    assertThatThrownBy(() -> once.withVnetRuleset("my-rules", true, true))
        .isInstanceOf(DevfsRulesException.class)
        .hasMessageContaining("not an sh variable name");
    assertThatThrownBy(() -> once.withVnetRuleset("devfsrules_jail_vnet", true, true))
        .isInstanceOf(DevfsRulesException.class)
        .hasMessageContaining("stock");
  }

  @Test
  void stockVnetRulesetUnhidesPfButNotBpf() {
    DevfsRules none = DevfsRules.empty();
    assertThat(none.unhides(5, "pf")).contains(true);
    assertThat(none.unhides(5, "bpf")).contains(false);
    assertThat(none.unhides(4, "bpf0")).contains(false);
    assertThat(none.unhides(4, "zfs")).contains(true);
    assertThat(none.unhides(4, "pts/3")).contains(true);
    assertThat(none.unhides(77, "pf")).isEmpty();
  }

  @Test
  void reportsAHeaderRcSubrCannotRead() {
    DevfsRules rules = DevfsRules.parse("[ok=10]\nadd hide\n[broken]\nadd hide\n[later=12]\n");
    assertThat(rules.problems()).hasSize(1);
    assertThat(rules.problems().get(0).line()).isEqualTo(3);
    assertThat(rules.problems().get(0).message()).contains("stops reading");
    assertThat(rules.rulesets()).extracting(DevfsRules.Ruleset::name).containsExactly("ok");
  }

  @Test
  void globMatchesLikeFnmatchWithPathname() {
    assertThat(DevfsRules.globMatches("bpf*", "bpf0")).isTrue();
    assertThat(DevfsRules.globMatches("bpf*", "bpf")).isTrue();
    assertThat(DevfsRules.globMatches("pts/*", "pts/1")).isTrue();
    assertThat(DevfsRules.globMatches("*", "pts/1")).isFalse();
    assertThat(DevfsRules.globMatches("tty[pq]*", "ttyq1")).isTrue();
    assertThat(DevfsRules.globMatches("tty[!pq]*", "ttyq1")).isFalse();
    assertThat(DevfsRules.globMatches("bp?", "bpf")).isTrue();
  }

  @Test
  void stockTextIsFreeBsdsRulesetsOneToFive() {
    assertThat(DevfsRules.stock().rulesets())
        .extracting(DevfsRules.Ruleset::name, DevfsRules.Ruleset::number)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("devfsrules_hide_all", 1),
            org.assertj.core.groups.Tuple.tuple("devfsrules_unhide_basic", 2),
            org.assertj.core.groups.Tuple.tuple("devfsrules_unhide_login", 3),
            org.assertj.core.groups.Tuple.tuple("devfsrules_jail", 4),
            org.assertj.core.groups.Tuple.tuple("devfsrules_jail_vnet", 5));
  }

  @Test
  void addsTheGeneratedRulesetsOfAHostWithTheirNumbers() {
    DevfsRules rules =
        DevfsRules.parse("[mine=11]\nadd include $devfsrules_jail\n")
            .withRulesetsOf(RcConfRendererTest.richHost());
    assertThat(rules.render())
        .isEqualTo(
            "[mine=11]\nadd include $devfsrules_jail\n\n"
                + "[vnetjail_vnet_bpf=10]\n"
                + "add include $devfsrules_jail_vnet\n"
                + "add path 'bpf*' unhide\n"
                + "add path pf unhide\n");
    assertThat(rules.unhides(10, "bpf3")).contains(true);
    assertThat(rules.withRulesetsOf(RcConfRendererTest.richHost())).isSameAs(rules);
    assertThat(DevfsRules.empty().withRulesetsOf(RcConfRendererTest.seedHost()).render()).isEmpty();
  }

  @Test
  void refusesAGeneratedNumberTheFileAlreadyUses() {
    assertThatThrownBy(
            () ->
                DevfsRules.parse("[mine=10]\nadd hide\n")
                    .withRulesetsOf(RcConfRendererTest.richHost()))
        .isInstanceOf(DevfsRulesException.class)
        .hasMessageContaining("devfs ruleset number 10 is already [mine=10] on devfs.rules line 1")
        .hasMessageContaining("DevfsRuleset.vnetWithBpf(11)");
  }
}
