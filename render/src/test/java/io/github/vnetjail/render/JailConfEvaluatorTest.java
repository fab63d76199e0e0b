package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FREEBSD.md "Variables" and "Parameters": how jail(8) computes each jail's parameters. */
class JailConfEvaluatorTest {

  static Map<String, List<String>> eff(String text, String jail) {
    return JailConf.parse(text).effectiveParameters(jail);
  }

  static Map<String, List<String>> eff13(String text, String jail) {
    return JailConf.parse(
            text, "/etc/jail.conf", JailConfFileSource.none(), JailConfDialect.FREEBSD_13)
        .effectiveParameters(jail);
  }

  static List<String> failure(String text, String jail) {
    return catchThrowableOfType(
            JailConfEvaluationException.class, () -> JailConf.parse(text).effectiveParameters(jail))
        .jailMessages();
  }

  // --- Variables: where they expand

  @Test
  void expandsVariablesInUnquotedTextAndDoubleQuotesButNotSingleQuotes() {
    Map<String, List<String>> e =
        eff("j { $v = V; a = x$v; b = \"x$v\"; c = 'x$v'; d = \"x\\$v\"; e = x\\$v; }", "j");

    assertThat(e)
        .containsEntry("a", List.of("xV"))
        .containsEntry("b", List.of("xV"))
        .containsEntry("c", List.of("x$v"))
        .containsEntry("d", List.of("x$v"))
        .containsEntry("e", List.of("x$v"));
  }

  @Test
  void endsABareVariableNameAtADotOrDash() {
    Map<String, List<String>> e = eff("j { $a = A; x = $a.b; y = \"$a-b\"; }", "j");

    assertThat(e).containsEntry("x", List.of("A.b")).containsEntry("y", List.of("A-b"));
    assertThat(failure("j { $a = A; z = $a_b; }", "j"))
        .containsExactly("jail: j: z: variable \"a_b\" not found");
  }

  @Test
  void takesTheTextBetweenBracesAsTheName() {
    Map<String, List<String>> e =
        eff("j { host.hostname = h.example; x = \"${host.hostname}:${name}\"; }", "j");

    assertThat(e.get("x")).containsExactly("h.example:j");
  }

  @Test
  void keepsADollarThatStartsNoVariableLiteral() {
    assertThat(eff("j { x = \"$1 $ $-\"; y = a$; }", "j"))
        .containsEntry("x", List.of("$1 $ $-"))
        .containsEntry("y", List.of("a$"));
  }

  // --- Variables: one namespace with parameters

  @Test
  void resolvesParametersAsVariables() {
    Map<String, List<String>> e =
        eff("j { path = \"/jails/${name}\"; exec.start = \"ls ${path}\"; }", "j");

    assertThat(e.get("exec.start")).containsExactly("ls /jails/j");
  }

  @Test
  void refusesAVariableNamedLikeAParameterSetInTheJail() {
    assertThat(failure("j { foo = 1; $foo = 2; }", "j"))
        .containsExactly("jail: j: variable \"$foo\" cannot have the same name as a parameter.");
    assertThat(failure("j { $foo = 2; foo = 1; }", "j"))
        .containsExactly("jail: j: variable \"$foo\" cannot have the same name as a parameter.");
  }

  @Test
  void refusesAVariableNamedLikeAParameterJail8Knows() {
    assertThat(failure("j { $path = /x; }", "j"))
        .containsExactly("jail: j: variable \"$path\" cannot have the same name as a parameter.");
    assertThat(failure("j { $nopersist = 1; }", "j"))
        .containsExactly(
            "jail: j: variable \"$nopersist\" cannot have the same name as a parameter.");
  }

  // --- Variables: when they expand

  @Test
  void expandsAfterMergingSoDefinitionOrderDoesNotMatter() {
    assertThat(eff("j { x = \"$late\"; $late = L; }", "j").get("x")).containsExactly("L");
  }

  @Test
  void seesStarAndTopLevelVariablesInEveryJail() {
    String text = "$top = T;\n* { $star = S; }\na { x = \"$top$star\"; }\nb { y = $star; }";

    assertThat(eff(text, "a").get("x")).containsExactly("TS");
    assertThat(eff(text, "b").get("y")).containsExactly("S");
  }

  @Test
  void doesNotExpandExpandedTextAgain() {
    assertThat(eff("j { $a = \"\\${b}\"; $b = B; x = $a; }", "j").get("x")).containsExactly("${b}");
  }

  @Test
  void resolvesReferencesRecursively() {
    Map<String, List<String>> e =
        eff("j { x = \"${c}!\"; $c = \"${b}c\"; $b = \"${a}b\"; $a = a; }", "j");

    assertThat(e.get("x")).containsExactly("abc!");
  }

  @Test
  void reportsAVariableLoop() {
    assertThat(failure("j { v = \"$w\"; $w = \"$v\"; }", "j"))
        .containsExactly("jail: j: v: variable loop");
    assertThat(failure("j { $v = \"x$v\"; }", "j")).containsExactly("jail: j: v: variable loop");
  }

  @Test
  void reportsAMissingVariableNamingTheParameter() {
    assertThat(failure("j { path = \"/x/${nope}\"; }", "j"))
        .containsExactly("jail: j: path: variable \"nope\" not found");
  }

  @Test
  void treatsAValuelessParameterAsNotFound() {
    assertThat(failure("j { vnet; x = $vnet; }", "j"))
        .containsExactly("jail: j: x: variable \"vnet\" not found");
  }

  @Test
  void substitutesAListAsTheWholeValue() {
    Map<String, List<String>> e = eff("j { $l = a, b; x = $l; y = pre, \"${l}\", post; }", "j");

    assertThat(e.get("x")).containsExactly("a", "b");
    assertThat(e.get("y")).containsExactly("pre", "a", "b", "post");
  }

  @Test
  void refusesAListSubstitutedInline() {
    assertThat(failure("j { $l = a, b; x = \"p$l\"; }", "j"))
        .containsExactly("jail: j: x: array cannot be substituted inline");
    assertThat(failure("j { $l = a, b; x = \"${l}${l}\"; }", "j"))
        .containsExactly("jail: j: x: array cannot be substituted inline");
  }

  @Test
  void failsWholeListSubstitutionOn13WhereJail8Crashes() {
    JailConf conf =
        JailConf.parse(
            "j { $l = a, b; x = $l; }",
            "/etc/jail.conf",
            JailConfFileSource.none(),
            JailConfDialect.FREEBSD_13);

    JailConfEvaluationException e =
        catchThrowableOfType(
            JailConfEvaluationException.class, () -> conf.effectiveParameters("j"));
    assertThat(e.jailMessages()).singleElement().asString().contains("crashes jail(8)");
  }

  @Test
  void failsOnlyTheJailWhoseExpansionFails() {
    JailConf conf = JailConf.parse("bad { x = $nope; }\ngood { x = ok; }");
    JailConfEvaluation result = conf.evaluate();

    assertThat(result.jails().get(0).failed()).isTrue();
    assertThat(result.jails().get(0).messages())
        .containsExactly("jail: bad: x: variable \"nope\" not found");
    assertThat(conf.effectiveParameters("good").get("x")).containsExactly("ok");
    JailConfEvaluationException e =
        catchThrowableOfType(
            JailConfEvaluationException.class, () -> conf.effectiveParameters("bad"));
    assertThat(e.jailName()).isEqualTo("bad");
    assertThat(e).hasMessage("jail: bad: x: variable \"nope\" not found");
  }

  // --- Parameters

  @Test
  void replacesOnAssignAppendsOnPlusEqualsAndClearsOnValueless() {
    Map<String, List<String>> e =
        eff(
            "j { a = 1; a = 2; b += 1; b += 2, 3; c = 1; c; d = 1; d +=; }".replace("d +=;", ""),
            "j");

    assertThat(e)
        .containsEntry("a", List.of("2"))
        .containsEntry("b", List.of("1", "2", "3"))
        .containsEntry("c", List.of());
  }

  @Test
  void treatsFooAndNoFooAsOneParameterWhereTheLaterWins() {
    Map<String, List<String>> e =
        eff("j { persist; nopersist; allow.mount; allow.nomount; noexec.clean; exec.clean; }", "j");

    assertThat(e.keySet()).containsExactly("name", "nopersist", "allow.nomount", "exec.clean");
  }

  @Test
  void impliesTheNameParameterFirst() {
    assertThat(eff("j { a; }", "j").keySet()).containsExactly("name", "a");
    assertThat(eff("j { a; }", "j").get("name")).containsExactly("j");
  }

  @Test
  void impliesJidForANumericNameAndAddsNameOn14Only() {
    assertThat(eff("5 { a; }", "5"))
        .containsExactly(
            Map.entry("jid", List.of("5")),
            Map.entry("a", List.of()),
            Map.entry("name", List.of("5")));
    assertThat(eff13("5 { a; }", "5").keySet()).containsExactly("jid", "a");
    assertThat(eff("0 { a; }", "0").keySet()).containsExactly("name", "a");
    assertThat(eff("\"-7\" { a; }", "-7").keySet()).containsExactly("jid", "a", "name");
  }

  @Test
  void refusesToRedefineTheImpliedNameOrJid() {
    assertThat(failure("j { name = other; }", "j"))
        .containsExactly("jail: j: cannot redefine parameter \"name\".");
    assertThat(failure("5 { jid = 6; }", "5"))
        .containsExactly("jail: 5: cannot redefine parameter \"jid\".");
  }

  @Test
  void letsANumericJailSetItsNameOnce() {
    // config.c: the explicit name takes the PF_IMMUTABLE flag; the 14.x backfill is then skipped.
    assertThat(eff("5 { name = five; }", "5"))
        .containsExactly(Map.entry("jid", List.of("5")), Map.entry("name", List.of("five")));
  }

  @Test
  void doesNotCheckParameterNames() {
    assertThat(eff("j { foo = bar; }", "j").get("foo")).containsExactly("bar");
  }

  @Test
  void mergesWildcardSectionsAndTheJailInFileOrder() {
    String text =
        "* { a = star1; b += star; }\n"
            + "\"web.*\" { a = webstar; }\n"
            + "web.x { a += own; b += own; }\n"
            + "* { b += late; }\n"
            + "db { }";

    assertThat(eff(text, "web.x"))
        .containsEntry("a", List.of("webstar", "own"))
        .containsEntry("b", List.of("star", "own", "late"));
    assertThat(eff(text, "db"))
        .containsEntry("a", List.of("star1"))
        .containsEntry("b", List.of("star", "late"));
  }

  @Test
  void matchesWildcardsByComponent() {
    assertThat(JailConfEvaluator.wildJailMatch("web.a", "web.*")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("web.a.b", "web.*")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("web", "web.*")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("a.web", "*.web")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("a.b.web", "*.web")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("anything.at.all", "*")).isTrue();
    assertThat(JailConfEvaluator.wildJailName("web*")).isFalse();
    assertThat(JailConfEvaluator.wildJailName("a.*.b")).isTrue();
  }

  @Test
  void keepsTwoBlocksWithTheSameNameAsTwoJails() {
    JailConf conf = JailConf.parse("j { a = 1; }\nj { a = 2; }");

    assertThat(conf.jailNames()).containsExactly("j", "j");
    assertThat(conf.evaluate().jails().get(1).parameters().get("a")).containsExactly("2");
  }

  @Test
  void gathersTopLevelStatementsIntoOneStarSectionOn14AndOnePerRunOn13() {
    String text = "a = 1;\nj { a += 2; }\na = 3;";

    assertThat(eff(text, "j").get("a")).containsExactly("3", "2");
    assertThat(eff13(text, "j").get("a")).containsExactly("3");
  }

  @Test
  void doesNotLetANestedJailInheritTheOuterOnesParameters() {
    JailConf conf = JailConf.parse("outer { a = 1; inner { b = 2; } c = 3; }");

    assertThat(conf.effectiveParameters("outer").keySet()).containsExactly("name", "a", "c");
    assertThat(conf.effectiveParameters("outer.inner"))
        .containsExactly(Map.entry("name", List.of("outer.inner")), Map.entry("b", List.of("2")));
  }

  @Test
  void comparesOptionNamesLikeEqualopts() {
    assertThat(JailConfEvaluator.equalOpts("allow.mount", "allow.nomount")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("noallow.mount", "allow.mount")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("a.nob.c", "a.b.c")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("a.nob.noc", "a.b.c")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("x.mount", "allow.nomount")).isFalse();
  }
}
