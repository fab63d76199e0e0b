package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
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

  // --- Names: wildcards, jids, option spellings (config.c helpers)

  @Test
  void recognisesOnlyAWholeStarComponentAsAWildcardName() {
    assertThat(JailConfEvaluator.wildJailName("*")).isTrue();
    assertThat(JailConfEvaluator.wildJailName("web.*")).isTrue();
    assertThat(JailConfEvaluator.wildJailName("*.web")).isTrue();
    assertThat(JailConfEvaluator.wildJailName("x*.*")).isTrue();
    assertThat(JailConfEvaluator.wildJailName(".*")).isTrue();
    assertThat(JailConfEvaluator.wildJailName("*x")).isFalse();
    assertThat(JailConfEvaluator.wildJailName("x*")).isFalse();
    assertThat(JailConfEvaluator.wildJailName("a.*b")).isFalse();
    assertThat(JailConfEvaluator.wildJailName("a.b*.c")).isFalse();
    assertThat(JailConfEvaluator.wildJailName("**")).isFalse();
    assertThat(JailConfEvaluator.wildJailName("web")).isFalse();
    assertThat(JailConfEvaluator.wildJailName("")).isFalse();
  }

  @Test
  void matchesAWildcardComponentByComponentLikeWildJailMatch() {
    assertThat(JailConfEvaluator.wildJailMatch("a.b", "a.b")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("a.b", "a.c")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("a.b.c", "*.b.*")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("a.x.c", "*.b.*")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("ab.c", "a.*")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("webx.a", "web.*")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("web.a", "webx.*")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("a", "*")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("a", "a")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("a", "b")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("a.b", "a")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("a", "a.*")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("a.b", "*.*")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("a.b.c", "*.*")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("a", "*.*")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("a.b", "*.c")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("a.b.c", "a.b.c")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("a.b.c", "a.b.d")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch("ab.c", "ax.*")).isFalse();
    assertThat(JailConfEvaluator.wildJailMatch(".a", "*.a")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch(".x", ".*")).isTrue();
    assertThat(JailConfEvaluator.wildJailMatch("x.a", ".*")).isFalse();
  }

  @Test
  void comparesOptionNamesWithOrWithoutNoAtAnyComponent() {
    assertThat(JailConfEvaluator.equalOpts("persist", "persist")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("nopersist", "persist")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("persist", "nopersist")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("xxpersist", "persist")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("persist", "xxpersist")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("nopersistx", "persist")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("persist", "nopersistx")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("nopersis", "persist")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("persist", "nopersis")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("persist", "nonopersist")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("allow.mount", "allow.nomount")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("allow.nomount", "allow.mount")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("allow.mount", "alloy.nomount")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("allow.nomount", "alloy.mount")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("allow.nomount", "allow.mountx")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("allow.mountx", "allow.nomount")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("allow.xxmount", "allow.mount")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("allow.mount", "allow.xxmount")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("a.b.noc", "a.b.c")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("a.b.c", "a.b.noc")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("a.nob.c", "a.b.c")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("a.b.c", "a.nob.c")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("a.nob.c", "a.b.d")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("a.b", "a.b.c")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("abc.x", "abc")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("abc", "abc.x")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("noa.b", "a.b")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("a.b", "noa.b")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("x.noa", "y.a")).isFalse();
    assertThat(JailConfEvaluator.equalOpts("a.no", "a.")).isTrue();
    assertThat(JailConfEvaluator.equalOpts("no", "")).isTrue();
    assertThat(JailConfEvaluator.equalOpts(".noa", ".a")).isTrue();
    assertThat(JailConfEvaluator.equalOpts(".a", ".noa")).isTrue();
    assertThat(JailConfEvaluator.equalOpts(".a", ".b")).isFalse();
  }

  @Test
  void readsAJailNameAsAJidLikeStrtol() {
    for (String jid :
        List.of(
            "5",
            "007",
            "+5",
            "-5",
            " 5",
            "\t5",
            "\n5",
            "\u000b5",
            "\f5",
            "\r5",
            "10",
            "99999999999999999999")) {
      assertThat(JailConfEvaluator.isJidName(jid)).as("%s", jid).isTrue();
    }
    for (String name :
        List.of(
            "0", "00", "-0", "+", "-", "", " ", "5 ", "5a", "a5", "0x5", "\u00a05", "+-5", "5.5",
            "/5", ":5")) {
      assertThat(JailConfEvaluator.isJidName(name)).as("%s", name).isFalse();
    }
  }

  // --- Sections: where each jail's parameters come from

  @Test
  void addsTheJailsOwnBlockAtItsPlaceAmongTheWildcardSections() {
    String text = "j1 { a += own1; }\n* { a += star; }\nj2 { a += own2; }\n* { a += late; }";

    assertThat(eff(text, "j1").get("a")).containsExactly("own1", "star", "late");
    assertThat(eff(text, "j2").get("a")).containsExactly("star", "own2", "late");
    assertThat(eff("* { a += s; }\nj { a += own; }", "j").get("a")).containsExactly("s", "own");
    assertThat(eff("j { a += own; }", "j").get("a")).containsExactly("own");
  }

  @Test
  void placesTheTopLevelSectionWhereItsFirstStatementIsOn14AndEachRunOn13() {
    String text = "j1 { a += own1; }\na += top1;\nj2 { a += own2; }\na += top2;";

    assertThat(eff(text, "j1").get("a")).containsExactly("own1", "top1", "top2");
    assertThat(eff(text, "j2").get("a")).containsExactly("top1", "top2", "own2");
    assertThat(eff13(text, "j1").get("a")).containsExactly("own1", "top1", "top2");
    assertThat(eff13(text, "j2").get("a")).containsExactly("top1", "own2", "top2");
  }

  @Test
  void joinsTopLevelStatementsToAStarBlockJustBeforeThemOn13() {
    String text = "j1 { }\n* { a += s; }\na += t;\nj2 { a += own; }";

    assertThat(eff13(text, "j1").get("a")).containsExactly("s", "t");
    assertThat(eff13(text, "j2").get("a")).containsExactly("s", "t", "own");
    assertThat(eff13("j { a += own; }\na += t;\nk { }", "j").get("a")).containsExactly("own", "t");
    assertThat(eff13("j { a += own; }\na += t;\nk { }", "k").get("a")).containsExactly("t");
  }

  @Test
  void namesNestedBlocksOuterDotInnerAtEveryDepthAndMatchesNestedWildcards() {
    JailConf conf = JailConf.parse("a { * { w = 1; } b { c { x = 1; } } }");

    assertThat(conf.jailNames()).containsExactly("a", "a.b", "a.b.c");
    assertThat(conf.effectiveParameters("a.b.c"))
        .containsExactly(
            Map.entry("name", List.of("a.b.c")),
            Map.entry("w", List.of("1")),
            Map.entry("x", List.of("1")));
    assertThat(conf.effectiveParameters("a.b"))
        .containsExactly(Map.entry("name", List.of("a.b")), Map.entry("w", List.of("1")));
    assertThat(conf.effectiveParameters("a")).containsExactly(Map.entry("name", List.of("a")));
  }

  @Test
  void ignoresNestedBlocksAndIncludesThatA13FileCannotHold() {
    JailConf conf =
        JailConf.of(
            List.of(
                JailConfInclude.of("x.conf"),
                JailConfJail.of(
                    "a",
                    List.of(
                        JailConfParameter.set("x", "1"),
                        JailConfComment.line("note"),
                        JailConfJail.of("b", List.of(JailConfParameter.set("y", "2")))))),
            JailConfDialect.FREEBSD_13);

    assertThat(conf.jailNames()).containsExactly("a");
    assertThat(conf.effectiveParameters("a"))
        .containsExactly(Map.entry("name", List.of("a")), Map.entry("x", List.of("1")));
  }

  @Test
  void readsNothingFromAnIncludeThatWasBuiltRatherThanParsed() {
    JailConf conf =
        JailConf.of(
            List.of(
                JailConfInclude.of("/etc/jail.conf.d/*.conf"),
                JailConfJail.of("j", List.of(JailConfParameter.flag("persist")))));

    assertThat(conf.jailNames()).containsExactly("j");
    assertThat(conf.effectiveParameters("j"))
        .containsExactly(Map.entry("name", List.of("j")), Map.entry("persist", List.of()));
  }

  // --- Parameters: add_param

  @Test
  void keepsTheLaterSpellingAndAllValuesWhenNoFooAppendsToFoo() {
    assertThat(eff("j { a.b = 1; a.nob += 2; }", "j"))
        .containsExactly(Map.entry("name", List.of("j")), Map.entry("a.nob", List.of("1", "2")));
  }

  @Test
  void replacesAnAppendedListOnAssignAndStartsAgainAfterAClear() {
    assertThat(eff("j { a += 1; a = 2, 3; b += 1; b; b += 2; }", "j"))
        .containsExactly(
            Map.entry("name", List.of("j")),
            Map.entry("a", List.of("2", "3")),
            Map.entry("b", List.of("2")));
  }

  @Test
  void namesTheParameterAsFirstSpelledWhenRefusingARedefinition() {
    assertThat(failure("j { noname = x; }", "j"))
        .containsExactly("jail: j: cannot redefine parameter \"name\".");
    assertThat(failure("j { nojid = 3; jid = 4; }", "j"))
        .containsExactly("jail: j: cannot redefine parameter \"nojid\".");
  }

  @Test
  void takesANameSpelledNoNameAsTheNumericJailsName() {
    assertThat(eff("5 { noname = five; }", "5"))
        .containsExactly(Map.entry("jid", List.of("5")), Map.entry("noname", List.of("five")));
  }

  @Test
  void letsA13FileUseZfsDatasetAsAVariableName() {
    String text = "j { ${zfs.dataset} = tank; x = ${zfs.dataset}; }";

    assertThat(eff13(text, "j"))
        .containsExactly(Map.entry("name", List.of("j")), Map.entry("x", List.of("tank")));
    assertThat(failure(text, "j"))
        .containsExactly(
            "jail: j: variable \"$zfs.dataset\" cannot have the same name as a parameter.");
    assertThat(failure("j { ${zfs.nodataset} = tank; }", "j"))
        .containsExactly(
            "jail: j: variable \"$zfs.nodataset\" cannot have the same name as a parameter.");
  }

  @Test
  void refusesAVariableSpelledLikeAnyParameterJail8Knows() {
    for (String name :
        List.of(
            "allow.dying",
            "noallow.dying",
            "allow.nodying",
            "exec.start",
            "exec.nostart",
            "noexec.start",
            "mount.fstab",
            "vnet.interface",
            "vnet",
            "novnet",
            "ip4.addr",
            "ip6.addr",
            "jid",
            "name",
            "securelevel",
            "devfs_ruleset",
            "host.hostname",
            "host.nohostname")) {
      assertThat(failure("j { ${" + name + "} = x; }", "j"))
          .as(name)
          .containsExactly(
              "jail: j: variable \"$" + name + "\" cannot have the same name as a parameter.");
    }
    assertThat(eff("j { ${exec.startx} = a; ${nonovnet} = b; ${host.name} = c; }", "j"))
        .containsExactly(Map.entry("name", List.of("j")));
  }

  @Test
  void reportsEveryProblemOfAJailInOrder() {
    JailConf conf = JailConf.parse("j { name = x; $path = y; z = $nope; }");
    JailConfEvaluationException e =
        catchThrowableOfType(
            JailConfEvaluationException.class, () -> conf.effectiveParameters("j"));

    assertThat(e.jailMessages())
        .containsExactly(
            "jail: j: cannot redefine parameter \"name\".",
            "jail: j: variable \"$path\" cannot have the same name as a parameter.",
            "jail: j: z: variable \"nope\" not found");
    assertThat(e)
        .hasMessage(
            "jail: j: cannot redefine parameter \"name\".\n"
                + "jail: j: variable \"$path\" cannot have the same name as a parameter.\n"
                + "jail: j: z: variable \"nope\" not found");
    assertThat(e.jailName()).isEqualTo("j");
  }

  // --- Expansion: load_config's substitution loop

  @Test
  void shiftsTheLaterReferencesOfAValueByEachSubstitution() {
    assertThat(eff("j { $a = AA; $b = B; x = \"1${a}2${b}3${a}\"; }", "j").get("x"))
        .containsExactly("1AA2B3AA");
    assertThat(eff("j { $e = \"\"; $a = A; x = \"<${e}|${a}|${e}>\"; }", "j").get("x"))
        .containsExactly("<|A|>");
  }

  @Test
  void failsReferencesToABadVariableSilentlyAndKeepsWhatItHad() {
    JailConfEvaluation.Jail j =
        JailConf.parse("j { $a = \"$nope\"; x = $a; y = \"${a}!\"; z = ok; }")
            .evaluate()
            .jails()
            .get(0);

    assertThat(j.messages()).containsExactly("jail: j: a: variable \"nope\" not found");
    assertThat(j.parameters())
        .containsExactly(
            Map.entry("name", List.of("j")),
            Map.entry("x", List.of("")),
            Map.entry("y", List.of("!")),
            Map.entry("z", List.of("ok")));
  }

  @Test
  void reportsAMissingVariableOnceWhenItIsReachedThroughAnother() {
    assertThat(failure("j { x = $a; y = $a; $a = \"$nope\"; }", "j"))
        .containsExactly("jail: j: a: variable \"nope\" not found");
  }

  @Test
  void reportsALoopOfThreeOnceAtTheVariableThatClosesIt() {
    assertThat(failure("j { $a = \"$b\"; $b = \"$c\"; $c = \"$a\"; x = $a; }", "j"))
        .containsExactly("jail: j: a: variable loop");
  }

  @Test
  void resolvesADiamondOfReferencesWithoutCallingItALoop() {
    assertThat(eff("j { $a = $d; $b = $d; $d = \"$c\"; $c = C; x = \"$a$b\"; y = \"$b$a\"; }", "j"))
        .containsExactly(
            Map.entry("name", List.of("j")),
            Map.entry("x", List.of("CC")),
            Map.entry("y", List.of("CC")));
  }

  @Test
  void movesAParameterWithReferencesBeforeTheOneThatUsesIt() {
    assertThat(eff("j { x = \"$y\"; y = \"$z\"; z = Z; }", "j"))
        .containsExactly(
            Map.entry("name", List.of("j")),
            Map.entry("y", List.of("Z")),
            Map.entry("x", List.of("Z")),
            Map.entry("z", List.of("Z")));
  }

  @Test
  void resolvesAListWhoseLaterValueHasAReferenceBeforeSubstitutingIt() {
    assertThat(eff("j { x = $l; $l = a, \"<$b>\"; $b = B; }", "j").get("x"))
        .containsExactly("a", "<B>");
  }

  @Test
  void substitutesEveryValueOfALongListInPlace() {
    assertThat(eff("j { $l = a, b, c; x = p, $l, $l; y = $l, d; }", "j"))
        .containsExactly(
            Map.entry("name", List.of("j")),
            Map.entry("x", List.of("p", "a", "b", "c", "a", "b", "c")),
            Map.entry("y", List.of("a", "b", "c", "d")));
  }

  @Test
  void substitutesAListAfterAnEmptyReferenceAsTheWholeValue() {
    String text = "j { $e = \"\"; $l = a, b; x = \"${e}${l}\"; }";

    assertThat(eff(text, "j").get("x")).containsExactly("a", "b");
    assertThat(failure("j { $l = a, b; x = \"${l}x\"; }", "j"))
        .containsExactly("jail: j: x: array cannot be substituted inline");
    assertThat(failure("j { $l = a, b; x = \"${l}${l}\"; y = ok; }", "j"))
        .containsExactly("jail: j: x: array cannot be substituted inline");
  }

  @Test
  void failsWholeListSubstitutionOn13WithAMessageThatSaysWhatToDo() {
    JailConf conf =
        JailConf.parse(
            "j { $e = \"\"; $l = a, b; x = \"${e}${l}\"; y = $l; }",
            "/etc/jail.conf",
            JailConfFileSource.none(),
            JailConfDialect.FREEBSD_13);

    JailConfEvaluation.Jail j = conf.evaluate().jails().get(0);
    assertThat(j.messages())
        .containsExactly(
            "jail: j: x: whole-list substitution of \"l\" crashes jail(8) on FreeBSD 13.x;"
                + " write the values out instead",
            "jail: j: y: whole-list substitution of \"l\" crashes jail(8) on FreeBSD 13.x;"
                + " write the values out instead");
    assertThat(j.parameters())
        .containsExactly(
            Map.entry("name", List.of("j")),
            Map.entry("x", List.of("")),
            Map.entry("y", List.of("")));
    assertThat(
            JailConf.parse(
                    "j { $l = a; x = \"<$l>\"; }",
                    "/etc/jail.conf",
                    JailConfFileSource.none(),
                    JailConfDialect.FREEBSD_13)
                .effectiveParameters("j"))
        .containsEntry("x", List.of("<a>"));
  }

  // --- Results

  @Test
  void namesTheJailsInAMissingJailsMessage() {
    JailConfEvaluationException none =
        catchThrowableOfType(
            JailConfEvaluationException.class,
            () -> JailConf.parse("* { persist; }").effectiveParameters("b"));
    JailConfEvaluationException some =
        catchThrowableOfType(
            JailConfEvaluationException.class,
            () -> JailConf.parse("a { }\n* { }\nc { }").effectiveParameters("b"));

    assertThat(none).hasMessage("jail: \"b\" not found; the file defines no jail");
    assertThat(none.jailName()).isEqualTo("b");
    assertThat(none.jailMessages())
        .containsExactly("jail: \"b\" not found; the file defines no jail");
    assertThat(some).hasMessage("jail: \"b\" not found; jails: [a, c]");
  }

  @Test
  void answersForTheFirstOfTwoJailsWithTheSameName() {
    JailConf conf = JailConf.parse("j { a = 1; }\nj { a = 2; }");

    assertThat(conf.effectiveParameters("j").get("a")).containsExactly("1");
    assertThat(conf.evaluate().jails().get(0).name()).isEqualTo("j");
    assertThat(conf.evaluate().jails().get(0).failed()).isFalse();
    assertThat(conf.evaluate().jails().get(0).messages()).isEmpty();
  }

  @Test
  void returnsResultsThatCannotBeChanged() {
    JailConfEvaluation result = JailConf.parse("j { a = 1; }").evaluate();
    JailConfEvaluation.Jail j = result.jails().get(0);

    assertThatThrownBy(() -> result.jails().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.jailNames().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> j.parameters().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> j.parameters().get("a").clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> j.messages().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- Expansion: a failed reference poisons what depends on it (PF_BAD)

  @Test
  void leavesOutTheTextOfAVariableWhoseOwnExpansionFailed() {
    JailConfEvaluation.Jail j =
        JailConf.parse("j { $a = \"pre$nope\"; $b = \"q$a\"; x = \"<$a>\"; y = \"<$b>\"; }")
            .evaluate()
            .jails()
            .get(0);

    assertThat(j.messages()).containsExactly("jail: j: a: variable \"nope\" not found");
    assertThat(j.parameters())
        .containsExactly(
            Map.entry("name", List.of("j")),
            Map.entry("x", List.of("<>")),
            Map.entry("y", List.of("<>")));
  }

  @Test
  void leavesOutTheTextOfEveryVariableInALoop() {
    JailConfEvaluation.Jail j =
        JailConf.parse("j { $v = \"x$w\"; $w = \"y$v\"; z = \"<$v>\"; u = \"<$w>\"; ok = 1; }")
            .evaluate()
            .jails()
            .get(0);

    assertThat(j.messages()).containsExactly("jail: j: v: variable loop");
    assertThat(j.parameters())
        .containsExactly(
            Map.entry("name", List.of("j")),
            Map.entry("z", List.of("<>")),
            Map.entry("u", List.of("<>")),
            Map.entry("ok", List.of("1")));
  }

  @Test
  void leavesOutTheTextOfAVariableThatSubstitutedAListInline() {
    JailConfEvaluation.Jail j =
        JailConf.parse("j { $l = a, b; $m = \"p$l\"; x = \"<$m>\"; }").evaluate().jails().get(0);

    assertThat(j.messages()).containsExactly("jail: j: m: array cannot be substituted inline");
    assertThat(j.parameters())
        .containsExactly(Map.entry("name", List.of("j")), Map.entry("x", List.of("<>")));
  }

  @Test
  void reportsA13WholeListCrashOnceWhenAnotherListUsesIt() {
    JailConf conf =
        JailConf.parse(
            "j { $l = a, b; $m = q, $l; x = $m; }",
            "/etc/jail.conf",
            JailConfFileSource.none(),
            JailConfDialect.FREEBSD_13);

    assertThat(conf.evaluate().jails().get(0).messages())
        .containsExactly(
            "jail: j: m: whole-list substitution of \"l\" crashes jail(8) on FreeBSD 13.x;"
                + " write the values out instead");
  }

  @Test
  void keepsAnExplicitNameOfANumericJailImmutable() {
    assertThat(failure("5 { name = five; name = six; }", "5"))
        .containsExactly("jail: 5: cannot redefine parameter \"name\".");
    assertThat(failure("j { jid = 3; jid = 4; }", "j"))
        .containsExactly("jail: j: cannot redefine parameter \"jid\".");
  }

  // --- The helpers against declarative readings of config.c, on seeded random names

  static String randomName(Random r, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int n = r.nextInt(8); n > 0; n--) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** equalopts: b is a with "no" taken from the start of one of a's components, or the reverse. */
  static boolean equalOptsSpec(String a, String b) {
    return a.equals(b) || dropsNo(a, b) || dropsNo(b, a);
  }

  static boolean dropsNo(String a, String b) {
    for (int k = 0; k <= a.length(); k++) {
      boolean componentStart = k == 0 || a.charAt(k - 1) == '.';
      if (componentStart
          && a.startsWith("no", k)
          && (a.substring(0, k) + a.substring(k + 2)).equals(b)) {
        return true;
      }
    }
    return false;
  }

  /**
   * wild_jail_match by components: a non-final "*" matches one component, a final "*" the rest (one
   * or more components), every other component itself.
   */
  static boolean wildJailMatchSpec(String jname, String wname) {
    String[] j = jname.split("\\.", -1);
    String[] w = wname.split("\\.", -1);
    if (w.length > j.length) {
      return false;
    }
    for (int i = 0; i < w.length - 1; i++) {
      if (!w[i].equals(j[i]) && !w[i].equals("*")) {
        return false;
      }
    }
    String last = w[w.length - 1];
    return last.equals("*") || (w.length == j.length && last.equals(j[j.length - 1]));
  }

  @Test
  void agreesWithTheDeclarativeReadingOfEqualoptsOnRandomNames() {
    Random r = new Random(20240607L);
    int equal = 0;
    for (int i = 0; i < 50_000; i++) {
      String a = randomName(r, "no.a");
      String b = r.nextInt(4) == 0 ? mutateNo(r, a) : randomName(r, "no.a");
      boolean expected = equalOptsSpec(a, b);
      equal += expected ? 1 : 0;
      assertThat(JailConfEvaluator.equalOpts(a, b))
          .as("equalOpts(%s, %s)", a, b)
          .isEqualTo(expected);
    }
    assertThat(equal).as("pairs that are equal options").isGreaterThan(5_000);
  }

  static String mutateNo(Random r, String a) {
    List<Integer> starts = new ArrayList<>();
    for (int k = 0; k <= a.length(); k++) {
      if (k == 0 || a.charAt(k - 1) == '.') {
        starts.add(k);
      }
    }
    int k = starts.get(r.nextInt(starts.size()));
    return a.startsWith("no", k) && r.nextBoolean()
        ? a.substring(0, k) + a.substring(k + 2)
        : a.substring(0, k) + "no" + a.substring(k);
  }

  @Test
  void agreesWithTheComponentReadingOfWildJailMatchOnRandomNames() {
    Random r = new Random(19700101L);
    int matched = 0;
    for (int i = 0; i < 50_000; i++) {
      String jname = randomName(r, "ab.");
      String wname = randomName(r, "ab.**");
      boolean expected = wildJailMatchSpec(jname, wname);
      matched += expected ? 1 : 0;
      assertThat(JailConfEvaluator.wildJailMatch(jname, wname))
          .as("wildJailMatch(%s, %s)", jname, wname)
          .isEqualTo(expected);
    }
    assertThat(matched).as("pairs that match").isGreaterThan(1_000);
  }

  @Test
  void agreesWithStrtolOnRandomJailNames() {
    Random r = new Random(4242L);
    Pattern jid = Pattern.compile("[ \t\n\u000b\f\r]*[+-]?[0-9]*[1-9][0-9]*");
    int jids = 0;
    for (int i = 0; i < 50_000; i++) {
      String name = randomName(r, " \t\r+-0019a.");
      boolean expected = jid.matcher(name).matches();
      jids += expected ? 1 : 0;
      assertThat(JailConfEvaluator.isJidName(name)).as("isJidName(%s)", name).isEqualTo(expected);
    }
    assertThat(jids).as("names that are jids").isGreaterThan(1_000);
  }
}
