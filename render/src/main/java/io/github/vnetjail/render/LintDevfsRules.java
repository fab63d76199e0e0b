package io.github.vnetjail.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The devfs.rules checks of {@link Lint}: one file at a time. */
final class LintDevfsRules {
  private LintDevfsRules() {}

  static void check(String path, DevfsRules rules, List<Finding> out) {
    for (DevfsRules.Problem p : rules.problems()) {
      boolean header = p.text().strip().startsWith("[");
      out.add(
          new Finding(
              path,
              p.line(),
              header ? Finding.Severity.ERROR : Finding.Severity.WARNING,
              header ? "devfs-bad-header" : "devfs-rule-outside-ruleset",
              p.message(),
              header
                  ? "write the header as [NAME=NUMBER], NAME an sh name and NUMBER a free ruleset"
                  : "move the rule under a [NAME=NUMBER] header"));
    }
    boolean defaults = path.endsWith("defaults/devfs.rules");
    Map<Integer, DevfsRules.Ruleset> byNumber = new HashMap<>();
    Map<String, DevfsRules.Ruleset> byName = new HashMap<>();
    for (DevfsRules.Ruleset r : rules.rulesets()) {
      DevfsRules.Ruleset sameNumber = byNumber.put(r.number(), r);
      if (sameNumber != null) {
        out.add(
            new Finding(
                path,
                r.line(),
                Finding.Severity.ERROR,
                "devfs-duplicate-number",
                "ruleset ["
                    + r.name()
                    + "="
                    + r.number()
                    + "] reuses number "
                    + r.number()
                    + " of ["
                    + sameNumber.name()
                    + "] on line "
                    + sameNumber.line()
                    + "; rc.subr deletes the ruleset at each header, so the first one is lost",
                "give it the free number " + rules.nextFreeNumber()));
      }
      DevfsRules.Ruleset sameName = byName.put(r.name(), r);
      if (sameName != null) {
        out.add(
            new Finding(
                path,
                r.line(),
                Finding.Severity.WARNING,
                "devfs-duplicate-name",
                "ruleset name "
                    + r.name()
                    + " is used again (line "
                    + sameName.line()
                    + "); $"
                    + r.name()
                    + " now means "
                    + r.number(),
                "rename one of them"));
      }
      if (!defaults && DevfsRules.stock().ruleset(r.number()).isPresent()) {
        String stockName = DevfsRules.stock().ruleset(r.number()).orElseThrow().name();
        out.add(
            new Finding(
                path,
                r.line(),
                Finding.Severity.WARNING,
                "devfs-stock-number",
                "ruleset ["
                    + r.name()
                    + "="
                    + r.number()
                    + "] takes the number of FreeBSD's "
                    + stockName
                    + " from /etc/defaults/devfs.rules and replaces it when the rules load",
                "give it the free number " + rules.nextFreeNumber()));
      }
      for (String rule : r.rules()) {
        List<String> words = DevfsRules.ruleWords(rule);
        if (words.size() >= 3 && words.get(0).equals("add") && words.get(1).equals("include")) {
          String ref = words.get(2);
          String name = ref.replaceFirst("^\\$\\{?", "").replaceFirst("}$", "");
          boolean known =
              name.matches("[0-9]+")
                  || rules.ruleset(name).isPresent()
                  || DevfsRules.stock().ruleset(name).isPresent();
          if (!known) {
            out.add(
                new Finding(
                    path,
                    r.line(),
                    Finding.Severity.ERROR,
                    "devfs-unknown-include",
                    "ruleset ["
                        + r.name()
                        + "="
                        + r.number()
                        + "] includes "
                        + ref
                        + ", which no ruleset defines; devfs rule fails and rc.subr stops"
                        + " loading the file",
                    "include a defined ruleset, such as $devfsrules_jail_vnet"));
          }
        }
      }
    }
  }
}
