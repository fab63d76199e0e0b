package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The devfs.rules checks of the linter: exact findings, as printed. */
class LintDevfsRulesTest {

  private static List<String> lint(String path, String text) {
    return Lint.files().devfsRules(path, text).check().stream().map(Finding::toString).toList();
  }

  @Test
  void reportsEveryClashAndUnreadableLineOfAFile() {
    String text =
        "add hide\n"
            + "[a=10]\n"
            + "add include ${devfsrules_jail_vnet}\n"
            + "add include 4\n"
            + "[a=11]\n"
            + "add include $a\n"
            + "[b=11]\n"
            + "add include $nope\n"
            + "[devfsrules_jail=4]\n"
            + "add include $devfsrules_hide_all\n"
            + "  [=3]\n"
            + "[later=12]\n";
    assertThat(lint("/etc/devfs.rules", text))
        .containsExactly(
            "/etc/devfs.rules:1: warning: rule before any [NAME=NUMBER] header; devfs would add it"
                + " to ruleset 0 [devfs-rule-outside-ruleset]; fix: move the rule under a"
                + " [NAME=NUMBER] header",
            "/etc/devfs.rules:5: warning: ruleset name a is used again (line 2); $a now means 11"
                + " [devfs-duplicate-name]; fix: rename one of them",
            "/etc/devfs.rules:7: error: ruleset [b=11] reuses number 11 of [a] on line 5; rc.subr"
                + " deletes the ruleset at each header, so the first one is lost"
                + " [devfs-duplicate-number]; fix: give it the free number 12",
            "/etc/devfs.rules:7: error: ruleset [b=11] includes $nope, which no ruleset defines;"
                + " devfs rule fails and rc.subr stops loading the file [devfs-unknown-include];"
                + " fix: include a defined ruleset, such as $devfsrules_jail_vnet",
            "/etc/devfs.rules:9: warning: ruleset [devfsrules_jail=4] takes the number of FreeBSD's"
                + " devfsrules_jail from /etc/defaults/devfs.rules and replaces it when the rules"
                + " load [devfs-stock-number]; fix: give it the free number 12",
            "/etc/devfs.rules:11: error: ruleset header without a name or number; rc.subr stops"
                + " reading the file here; write [NAME=NUMBER] [devfs-bad-header]; fix: write the"
                + " header as [NAME=NUMBER], NAME an sh name and NUMBER a free ruleset");
  }

  @Test
  void theStockFileMayUseTheStockNumbersButNoOtherFileMay() {
    assertThat(lint("/etc/defaults/devfs.rules", DevfsRules.STOCK_TEXT)).isEmpty();
    assertThat(lint("/etc/devfs.rules", DevfsRules.STOCK_TEXT))
        .extracting(s -> s.substring(0, s.indexOf(':', "/etc/devfs.rules:".length())))
        .containsExactly(
            "/etc/devfs.rules:1",
            "/etc/devfs.rules:4",
            "/etc/devfs.rules:11",
            "/etc/devfs.rules:53",
            "/etc/devfs.rules:60");
  }

  @Test
  void aCommentOrWordAfterIncludeIsNoReference() {
    assertThat(lint("/etc/devfs.rules", "[a=10]\nadd include\nadd hide # include $nope\n"))
        .isEmpty();
  }
}
