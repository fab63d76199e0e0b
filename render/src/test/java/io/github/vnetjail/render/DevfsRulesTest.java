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

  // devfs_rule_run (sys/fs/devfs/devfs_rule.c) skips only an include of a ruleset that is running,
  // so a ruleset included twice applies twice
  @Test
  void aRulesetIncludedAgainAppliesAgain() {
    DevfsRules rules =
        DevfsRules.parse("[t=10]\nadd include 1\nadd path 'bpf*' unhide\nadd include 1\n");
    assertThat(rules.unhides(10, "bpf0")).contains(false);
    DevfsRules loop =
        DevfsRules.parse("[a=10]\nadd include $b\n[b=11]\nadd include $a\nadd hide\n");
    assertThat(loop.unhides(10, "pf")).contains(false);
    assertThat(loop.unhides(11, "pf")).contains(false);
  }

  // rulespec_intok (sbin/devfs/rule.c): an optional rule number, then path/type conditions, then
  // actions in any order (hide, unhide, user U, group G, mode M, include N)
  @Test
  void readsRulesAsDevfsDoes() {
    DevfsRules rules =
        DevfsRules.parse(
            "[h=11]\nadd unhide\n"
                + "[t=10]\nadd 100 include $devfsrules_jail_vnet\n"
                + "add path 'bpf*' unhide mode 0660 group network\n"
                + "add path 'dri/*' include $h\n"
                + "add path tun0 user root hide unhide\n");
    assertThat(rules.unhides(10, "mem")).contains(false);
    assertThat(rules.unhides(10, "pf")).contains(true);
    assertThat(rules.unhides(10, "bpf0")).contains(true);
    assertThat(rules.unhides(10, "dri/card0")).contains(true);
    assertThat(rules.unhides(10, "drm")).contains(false);
    assertThat(rules.unhides(10, "tun0")).contains(true);
  }

  // sys/libkern/fnmatch.c, as devfs_rule_matchpath calls it: fnmatch(pattern, name, FNM_PATHNAME)
  @Test
  void globFollowsTheKernelsFnmatch() {
    assertThat(DevfsRules.globMatches("tty[^pq]*", "ttyr1")).isTrue();
    assertThat(DevfsRules.globMatches("tty[^pq]*", "ttyq1")).isFalse();
    assertThat(DevfsRules.globMatches("[!]]", "a")).isTrue();
    assertThat(DevfsRules.globMatches("[!]]", "]")).isFalse();
    assertThat(DevfsRules.globMatches("\\*", "*")).isTrue();
    assertThat(DevfsRules.globMatches("\\*", "a")).isFalse();
    assertThat(DevfsRules.globMatches("[a/]", "a")).isFalse();
  }

  @Test
  void reportsARuleBeforeAnyHeaderAndKeepsReading() {
    DevfsRules rules = DevfsRules.parse("  add hide\n# comment\n[a=10]\nadd path pf unhide\n");
    assertThat(rules.problems())
        .containsExactly(
            new DevfsRules.Problem(
                1,
                "  add hide",
                "rule before any [NAME=NUMBER] header; devfs would add it to ruleset 0"));
    assertThat(rules.rulesets())
        .containsExactly(new DevfsRules.Ruleset("a", 10, 3, List.of("add path pf unhide")));
  }

  @Test
  void readsHeadersAsRcSubrsExprDoes() {
    DevfsRules rules =
        DevfsRules.parse(
            "[a=1]x]\nadd hide\n[b=c=12] trailing\n[big=99999999999]\n[ [oops\n[d=]\n[e=13]\n");
    assertThat(rules.rulesets())
        .extracting(DevfsRules.Ruleset::name, DevfsRules.Ruleset::number, DevfsRules.Ruleset::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 1, 1),
            org.assertj.core.groups.Tuple.tuple("b=c", 12, 3),
            org.assertj.core.groups.Tuple.tuple("big", Integer.MAX_VALUE, 4));
    assertThat(rules.rulesets().get(2).rules()).containsExactly("[ [oops");
    assertThat(rules.problems())
        .containsExactly(
            new DevfsRules.Problem(
                6,
                "[d=]",
                "ruleset header without a name or number; rc.subr stops reading the file here;"
                    + " write [NAME=NUMBER]"));
    assertThat(DevfsRules.parse("[=4]\n").problems())
        .extracting(DevfsRules.Problem::line)
        .containsExactly(1);
    assertThat(DevfsRules.parse("[a]=4\n").problems())
        .extracting(DevfsRules.Problem::line)
        .containsExactly(1);
  }

  @Test
  void theStockRulesetsAreAllBelowTheFirstCustomNumber() {
    assertThat(DevfsRules.stock().rulesets())
        .allSatisfy(r -> assertThat(r.number()).isLessThan(DevfsRules.FIRST_CUSTOM_NUMBER));
    assertThat(DevfsRules.stock().nextFreeNumber()).isEqualTo(DevfsRules.FIRST_CUSTOM_NUMBER);
    assertThat(
            DevfsRules.parse("[a=10]\nadd hide\n[b=11]\nadd hide\n[c=4]\nadd hide\n")
                .nextFreeNumber())
        .isEqualTo(12);
    assertThat(DevfsRules.stock().render()).isEqualTo(DevfsRules.STOCK_TEXT);
    assertThat(DevfsRules.stock()).hasToString(DevfsRules.STOCK_TEXT);
    assertThat(DevfsRules.empty().render()).isEmpty();
    assertThat(DevfsRules.empty()).hasToString("");
  }

  @Test
  void refusesRulesThatAreNotOneTrimmedLine() {
    DevfsRules none = DevfsRules.empty();
    assertThatThrownBy(() -> none.withRuleset("x", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a ruleset needs at least one rule");
    for (String bad : List.of("", "  ", " add hide", "add hide ", "add hide\nadd unhide")) {
      assertThatThrownBy(() -> none.withRuleset("x", List.of("add hide", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a rule is one trimmed line, got \"%s\"", bad);
      assertThatThrownBy(() -> none.withRuleset("x", 10, List.of(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a rule is one trimmed line, got \"%s\"", bad);
    }
  }

  @Test
  void refusesAnInvalidOrStockNameGivenWithANumber() {
    DevfsRules none = DevfsRules.empty();
    assertThatThrownBy(() -> none.withRuleset("my-rules", 10, List.of("add hide")))
        .isInstanceOf(DevfsRulesException.class)
        .hasMessage(
            "devfs ruleset name \"my-rules\" is not an sh variable name, which rc.subr requires"
                + " ($NAME in rules); use letters, digits and '_'");
    assertThatThrownBy(() -> none.withRuleset("devfsrules_jail", 10, List.of("add hide")))
        .isInstanceOf(DevfsRulesException.class)
        .hasMessage(
            "devfs ruleset name devfsrules_jail is one of FreeBSD's stock rulesets in"
                + " /etc/defaults/devfs.rules; choose another name");
  }

  @Test
  void refusesANumberedRulesetThatClashes() {
    DevfsRules mine = DevfsRules.parse("# mine\n[mine=10]\nadd hide\n");
    assertThat(mine.withRuleset("mine", 10, List.of("add hide"))).isSameAs(mine);
    assertThatThrownBy(() -> mine.withRuleset("mine", 11, List.of("add hide")))
        .isInstanceOf(DevfsRulesException.class)
        .hasMessage(
            "devfs.rules line 2: ruleset [mine=10] already exists with other rules [add hide];"
                + " remove it or choose another name");
    assertThatThrownBy(() -> mine.withRuleset("mine", 10, List.of("add unhide")))
        .isInstanceOf(DevfsRulesException.class)
        .hasMessageStartingWith("devfs.rules line 2: ruleset [mine=10] already exists");
    assertThatThrownBy(() -> mine.withRuleset("other", 5, List.of("add hide")))
        .isInstanceOf(DevfsRulesException.class)
        .hasMessage(
            "devfs ruleset number 5 is already [devfsrules_jail_vnet=5] in"
                + " /etc/defaults/devfs.rules; give the jail a free one, e.g."
                + " DevfsRuleset.vnetWithBpf(11)");
    assertThat(mine.withRuleset("other", 12, List.of("add hide")).render())
        .isEqualTo("# mine\n[mine=10]\nadd hide\n\n[other=12]\nadd hide\n");
  }

  @Test
  void appendsAfterABlankLineAndEndsAnUnterminatedLastLine() {
    assertThat(DevfsRules.parse("[a=10]\nadd hide").withRuleset("b", List.of("add hide")).render())
        .isEqualTo("[a=10]\nadd hide\n\n[b=11]\nadd hide\n");
    DevfsRules appended = DevfsRules.empty().withRuleset("b", 20, List.of("add hide"));
    assertThat(appended.render()).isEqualTo("[b=20]\nadd hide\n");
    assertThat(appended.rulesets())
        .containsExactly(new DevfsRules.Ruleset("b", 20, 1, List.of("add hide")));
  }

  @Test
  void rendersOneRulesetWithANameAndNumberDevfsAccepts() {
    assertThat(DevfsRules.render("a", 1, List.of("add hide", "add path pf unhide")))
        .isEqualTo("[a=1]\nadd hide\nadd path pf unhide\n");
    assertThat(DevfsRules.render("a", 65535, List.of())).isEqualTo("[a=65535]\n");
    assertThatThrownBy(() -> DevfsRules.render("a", 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ruleset number out of range: 0");
    assertThatThrownBy(() -> DevfsRules.render("a", 65536, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ruleset number out of range: 65536");
    assertThatThrownBy(() -> DevfsRules.render("a-b", 10, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ruleset name must be an sh name: a-b");
  }

  @Test
  void vnetRulesIncludeJailVnetAndAddBpfAndPfOnRequest() {
    assertThat(DevfsRules.vnetRules(false, false))
        .containsExactly("add include $devfsrules_jail_vnet");
    assertThat(DevfsRules.vnetRules(false, true))
        .containsExactly("add include $devfsrules_jail_vnet", "add path pf unhide");
    assertThat(DevfsRules.vnetRules(true, false))
        .containsExactly("add include $devfsrules_jail_vnet", "add path 'bpf*' unhide");
  }

  @Test
  void resolvesIncludesByNameBracedNameOrNumber() {
    DevfsRules rules =
        DevfsRules.parse(
            "[a=10]\nadd include ${devfsrules_jail_vnet}\n"
                + "[b=11]\nadd include 5\n"
                + "[c=12]\nadd include $b\nadd path 'bpf*' unhide\n"
                + "[d=13]\nadd include $nope\nadd path 'bpf*' unhide\n"
                + "[e=14]\nadd include 99\n"
                + "[f=15]\nadd include ${devfsrules_jail_vnet\n"
                + "[g=16]\nadd include\n");
    assertThat(rules.unhides(10, "mem")).contains(false);
    assertThat(rules.unhides(10, "pf")).contains(true);
    assertThat(rules.unhides(11, "mem")).contains(false);
    assertThat(rules.unhides(12, "bpf0")).contains(true);
    assertThat(rules.unhides(12, "mem")).contains(false);
    assertThat(rules.unhides(13, "bpf0")).isEmpty();
    assertThat(rules.unhides(14, "pf")).isEmpty();
    assertThat(rules.unhides(15, "pf")).isEmpty();
    assertThat(rules.unhides(16, "pf")).isEmpty();
    assertThat(rules.unhides(17, "pf")).isEmpty();
    assertThat(DevfsRules.stock().unhides(5, "pf")).contains(true);
    assertThat(DevfsRules.stock().unhides(5, "mem")).contains(false);
  }

  @Test
  void ownRulesetsShadowStockOnesOfTheSameNameOrNumber() {
    DevfsRules rules =
        DevfsRules.parse(
            "[devfsrules_hide_all=20]\nadd path mem hide\n"
                + "[t=10]\nadd include $devfsrules_hide_all\n"
                + "[devfsrules_jail_vnet=5]\nadd hide\n");
    assertThat(rules.unhides(10, "mem")).contains(false);
    assertThat(rules.unhides(10, "pf")).contains(true);
    assertThat(rules.unhides(5, "pf")).contains(false);
    assertThat(rules.ruleset(5).orElseThrow().line()).isEqualTo(5);
    assertThat(rules.ruleset(4).orElseThrow().name()).isEqualTo("devfsrules_jail");
    assertThat(rules.ruleset("devfsrules_jail")).isEmpty();
    assertThat(rules.ruleset(99)).isEmpty();
  }

  @Test
  void theLastRulesetOfANameOrNumberCounts() {
    DevfsRules rules = DevfsRules.parse("[a=10]\nadd hide\n[a=11]\nadd unhide\n[b=11]\n");
    assertThat(rules.ruleset("a").orElseThrow().number()).isEqualTo(11);
    assertThat(rules.ruleset(11).orElseThrow().name()).isEqualTo("b");
    assertThat(rules.ruleset(10).orElseThrow().name()).isEqualTo("a");
  }

  @Test
  void ignoresRulesDevfsRejectsOrThatNeedTheDeviceType() {
    DevfsRules rules =
        DevfsRules.parse(
            "[t=10]\nadd hide\n"
                + "add path pf frobnicate unhide\n"
                + "add path\n"
                + "add type mem unhide\n"
                + "add path pf type tty unhide\n"
                + "del 1\n"
                + "add\n"
                + "add path pf mode\n"
                + "add path pf group wheel user root\n"
                + "add 7 path 'bpf*' hide unhide\n"
                + "add path \"pts/*\" unhide # a comment with hide\n");
    assertThat(rules.unhides(10, "pf")).contains(false);
    assertThat(rules.unhides(10, "mem")).contains(false);
    assertThat(rules.unhides(10, "bpf3")).contains(true);
    assertThat(rules.unhides(10, "pts/3")).contains(true);
    assertThat(rules.unhides(10, "pts")).contains(false);
  }

  @Test
  void splitsRuleWordsAsShDoesForSimpleWords() {
    assertThat(DevfsRules.ruleWords("add  path\t'a b' unhide"))
        .containsExactly("add", "path", "a b", "unhide");
    assertThat(DevfsRules.ruleWords("add path a#b unhide # comment"))
        .containsExactly("add", "path", "a#b", "unhide");
    assertThat(DevfsRules.ruleWords("add path x\"y z\"'w' #"))
        .containsExactly("add", "path", "xy zw");
    assertThat(DevfsRules.ruleWords("add path '' unhide"))
        .containsExactly("add", "path", "", "unhide");
    assertThat(DevfsRules.ruleWords("add path \"it's\"")).containsExactly("add", "path", "it's");
    assertThat(DevfsRules.ruleWords("# all comment")).isEmpty();
    assertThat(DevfsRules.ruleWords("   ")).isEmpty();
  }

  @Test
  void globMatchesEachKindOfPatternCharacter() {
    assertThat(DevfsRules.globMatches("", "")).isTrue();
    assertThat(DevfsRules.globMatches("", "a")).isFalse();
    assertThat(DevfsRules.globMatches("bpf", "bp")).isFalse();
    assertThat(DevfsRules.globMatches("bp", "bpf")).isFalse();
    assertThat(DevfsRules.globMatches("a*b", "ac")).isFalse();
    assertThat(DevfsRules.globMatches("a*b", "acb")).isTrue();
    assertThat(DevfsRules.globMatches("a*b", "ab")).isTrue();
    assertThat(DevfsRules.globMatches("a**b", "axxb")).isTrue();
    assertThat(DevfsRules.globMatches("a*b", "a/b")).isFalse();
    assertThat(DevfsRules.globMatches("*/*", "pts/1")).isTrue();
    assertThat(DevfsRules.globMatches("*/1", "pts/2/1")).isFalse();
    assertThat(DevfsRules.globMatches("*1", "pts1/1")).isFalse();
    assertThat(DevfsRules.globMatches("*", "")).isTrue();
    assertThat(DevfsRules.globMatches("?", "")).isFalse();
    assertThat(DevfsRules.globMatches("pts?1", "pts/1")).isFalse();
    assertThat(DevfsRules.globMatches("pts?1", "ptsx1")).isTrue();
    assertThat(DevfsRules.globMatches("a[", "a[")).isTrue();
    assertThat(DevfsRules.globMatches("a[", "ab")).isFalse();
    assertThat(DevfsRules.globMatches("a[b", "a[b")).isTrue();
    assertThat(DevfsRules.globMatches("[", "")).isFalse();
    assertThat(DevfsRules.globMatches("x][ab]", "x]a")).isTrue();
    assertThat(DevfsRules.globMatches("[]]", "]")).isTrue();
    assertThat(DevfsRules.globMatches("[]a]", "a")).isTrue();
    assertThat(DevfsRules.globMatches("[!a]", "!")).isTrue();
    assertThat(DevfsRules.globMatches("[!a]", "a")).isFalse();
    assertThat(DevfsRules.globMatches("tty[pq]*", "ttyr1")).isFalse();
    assertThat(DevfsRules.globMatches("[b-d]", "a")).isFalse();
    assertThat(DevfsRules.globMatches("[b-d]", "b")).isTrue();
    assertThat(DevfsRules.globMatches("[b-d]", "c")).isTrue();
    assertThat(DevfsRules.globMatches("[b-d]", "d")).isTrue();
    assertThat(DevfsRules.globMatches("[b-d]", "e")).isFalse();
    assertThat(DevfsRules.globMatches("[xb-d]", "x")).isTrue();
    assertThat(DevfsRules.globMatches("[b-dx]", "x")).isTrue();
    assertThat(DevfsRules.globMatches("[a-]", "-")).isTrue();
    assertThat(DevfsRules.globMatches("[a-]b", "-b")).isTrue();
    assertThat(DevfsRules.globMatches("[a-]]", "b]")).isFalse();
    assertThat(DevfsRules.globMatches("[!x]", "/")).isFalse();
    assertThat(DevfsRules.globMatches("a[!x]b", "a/b")).isFalse();
    assertThat(DevfsRules.globMatches("[\\]]", "]")).isTrue();
    assertThat(DevfsRules.globMatches("[\\]]", "\\")).isFalse();
    assertThat(DevfsRules.globMatches("[a-\\c]", "b")).isTrue();
    assertThat(DevfsRules.globMatches("[a-\\", "b")).isFalse();
    assertThat(DevfsRules.globMatches("[a-\\", "[a-\\")).isTrue();
    assertThat(DevfsRules.globMatches("[a-", "[a-")).isTrue();
    assertThat(DevfsRules.globMatches("[a-", "a")).isFalse();
    assertThat(DevfsRules.globMatches("[a-\\]]", "]")).isFalse();
    assertThat(DevfsRules.globMatches("[a-\\]]", "a")).isFalse(); // the range a-] is empty
    assertThat(DevfsRules.globMatches("[a-\\]]", "a]")).isFalse();
    assertThat(DevfsRules.globMatches("[a\\", "[a\\")).isTrue();
    assertThat(DevfsRules.globMatches("[ab", "[ab")).isTrue();
    assertThat(DevfsRules.globMatches("[!", "[!")).isTrue();
    assertThat(DevfsRules.globMatches("a\\", "a\\")).isTrue();
    assertThat(DevfsRules.globMatches("a\\b", "ab")).isTrue();
    assertThat(DevfsRules.globMatches("a\\?", "ab")).isFalse();
  }

  @Test
  void globMatchesEveryNameWithItsQuotedSelfAndStarMatchesAnyNameWithoutSlash() {
    java.util.Random random = new java.util.Random(4242L);
    String alphabet = "ab/*?[]!^-\\";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder name = new StringBuilder();
      StringBuilder quoted = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        name.append(c);
        quoted.append('\\').append(c);
      }
      String s = name.toString();
      assertThat(DevfsRules.globMatches(quoted.toString(), s)).as(s).isTrue();
      assertThat(DevfsRules.globMatches(quoted + "x", s)).as(s).isFalse();
      assertThat(DevfsRules.globMatches("*", s)).as(s).isEqualTo(s.indexOf('/') < 0);
      assertThat(DevfsRules.globMatches("*" + quoted, s)).as(s).isTrue();
      assertThat(DevfsRules.globMatches("?".repeat(s.length()), s))
          .as(s)
          .isEqualTo(s.indexOf('/') < 0);
    }
  }
}
