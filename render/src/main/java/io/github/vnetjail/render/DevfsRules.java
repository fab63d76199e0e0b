package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.DevfsRuleset;
import io.github.vnetjail.core.HostConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A devfs.rules file (devfs.rules(5)): its {@code [name=number]} rulesets, and the ruleset a VNET
 * jail needs, numbered so that it collides with no ruleset of the file nor of FreeBSD's stock
 * {@code /etc/defaults/devfs.rules}.
 *
 * <pre>{@code
 * DevfsRules rules = DevfsRules.parse(Files.readString(Path.of("/etc/devfs.rules")))
 *     .withVnetRuleset("vnetjail_dhcp", true, true);  // includes $devfsrules_jail_vnet, unhides bpf*, pf
 * int number = rules.ruleset("vnetjail_dhcp").orElseThrow().number();  // devfs_ruleset = number;
 * String text = rules.render();                        // the old text, the new ruleset appended
 * }</pre>
 *
 * <p>The file is read the way rc.subr's {@code devfs_rulesets_from_file} reads it
 * (libexec/rc/rc.subr): each line trimmed; a line starting with {@code #} is a comment; a line
 * {@code [NAME=N]...} starts ruleset N and makes {@code $NAME} expand to N in later rules; any
 * other non-empty line is a rule, evaluated by sh as {@code devfs rule -s N <line>}, so a {@code #}
 * that starts a word comments out the rest.
 */
public final class DevfsRules {
  /** FreeBSD's stock rulesets (sbin/devfs/devfs.rules, installed as /etc/defaults/devfs.rules). */
  public static final String STOCK_TEXT =
      "[devfsrules_hide_all=1]\n"
          + "add hide\n\n"
          + "[devfsrules_unhide_basic=2]\n"
          + "add path null unhide\n"
          + "add path zero unhide\n"
          + "add path crypto unhide\n"
          + "add path random unhide\n"
          + "add path urandom unhide\n\n"
          + "[devfsrules_unhide_login=3]\n"
          + "add path 'ptyp*' unhide\n"
          + "add path 'ptyq*' unhide\n"
          + "add path 'ptyr*' unhide\n"
          + "add path 'ptys*' unhide\n"
          + "add path 'ptyP*' unhide\n"
          + "add path 'ptyQ*' unhide\n"
          + "add path 'ptyR*' unhide\n"
          + "add path 'ptyS*' unhide\n"
          + "add path 'ptyl*' unhide\n"
          + "add path 'ptym*' unhide\n"
          + "add path 'ptyn*' unhide\n"
          + "add path 'ptyo*' unhide\n"
          + "add path 'ptyL*' unhide\n"
          + "add path 'ptyM*' unhide\n"
          + "add path 'ptyN*' unhide\n"
          + "add path 'ptyO*' unhide\n"
          + "add path 'ttyp*' unhide\n"
          + "add path 'ttyq*' unhide\n"
          + "add path 'ttyr*' unhide\n"
          + "add path 'ttys*' unhide\n"
          + "add path 'ttyP*' unhide\n"
          + "add path 'ttyQ*' unhide\n"
          + "add path 'ttyR*' unhide\n"
          + "add path 'ttyS*' unhide\n"
          + "add path 'ttyl*' unhide\n"
          + "add path 'ttym*' unhide\n"
          + "add path 'ttyn*' unhide\n"
          + "add path 'ttyo*' unhide\n"
          + "add path 'ttyL*' unhide\n"
          + "add path 'ttyM*' unhide\n"
          + "add path 'ttyN*' unhide\n"
          + "add path 'ttyO*' unhide\n"
          + "add path ptmx unhide\n"
          + "add path pts unhide\n"
          + "add path 'pts/*' unhide\n"
          + "add path fd unhide\n"
          + "add path 'fd/*' unhide\n"
          + "add path stdin unhide\n"
          + "add path stdout unhide\n"
          + "add path stderr unhide\n\n"
          + "[devfsrules_jail=4]\n"
          + "add include $devfsrules_hide_all\n"
          + "add include $devfsrules_unhide_basic\n"
          + "add include $devfsrules_unhide_login\n"
          + "add path fuse unhide\n"
          + "add path zfs unhide\n\n"
          + "[devfsrules_jail_vnet=5]\n"
          + "add include $devfsrules_hide_all\n"
          + "add include $devfsrules_unhide_basic\n"
          + "add include $devfsrules_unhide_login\n"
          + "add include $devfsrules_jail\n"
          + "add path pf unhide\n";

  /** The ruleset of {@code mount.devfs} without {@code devfs_ruleset} (jail(8): mount.devfs). */
  public static final int JAIL_DEFAULT_RULESET = 4;

  /** The first number {@link #nextFreeNumber} hands out, leaving room above the stock 1-5. */
  public static final int FIRST_CUSTOM_NUMBER = 10;

  private static final Pattern HEADER = Pattern.compile("\\[(.*)=([0-9]*)\\].*");
  private static final DevfsRules STOCK = parse(STOCK_TEXT);

  private final String text;
  private final List<Ruleset> rulesets;
  private final List<Problem> problems;

  /**
   * One {@code [name=number]} ruleset of the file.
   *
   * @param name the ruleset's name ({@code $name} in later rules)
   * @param number its number ({@code devfs_ruleset = number;} in jail.conf)
   * @param line the 1-based line of its header
   * @param rules its rule lines, trimmed, in order (comment lines left out)
   */
  public record Ruleset(String name, int number, int line, List<String> rules) {
    /** Copies the rules. */
    public Ruleset {
      checkNotNull(name, "name");
      rules = List.copyOf(rules);
    }
  }

  /**
   * A line rc.subr cannot read: a header without a name or number (it stops reading the file
   * there), or a rule before any header.
   *
   * @param line the 1-based line number
   * @param text the line as written
   * @param message what is wrong
   */
  public record Problem(int line, String text, String message) {}

  private DevfsRules(String text, List<Ruleset> rulesets, List<Problem> problems) {
    this.text = text;
    this.rulesets = List.copyOf(rulesets);
    this.problems = List.copyOf(problems);
  }

  /** Returns an empty file. */
  public static DevfsRules empty() {
    return new DevfsRules("", List.of(), List.of());
  }

  /** Returns FreeBSD's stock rulesets 1 to 5, as in {@code /etc/defaults/devfs.rules}. */
  public static DevfsRules stock() {
    return STOCK;
  }

  /** Reads a devfs.rules file; {@link #render} gives back {@code text} unchanged. */
  public static DevfsRules parse(String text) {
    checkNotNull(text, "text");
    List<Ruleset> rulesets = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String name = null;
    int number = 0;
    int headerLine = 0;
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.contains("]")) {
        Matcher m = HEADER.matcher(line);
        if (!m.matches() || m.group(2).isEmpty() || m.group(1).isEmpty()) {
          problems.add(
              new Problem(
                  i + 1,
                  lines[i],
                  "ruleset header without a name or number; rc.subr stops reading the file here;"
                      + " write [NAME=NUMBER]"));
          break;
        }
        if (name != null) {
          rulesets.add(new Ruleset(name, number, headerLine, rules));
        }
        name = m.group(1);
        number = parseNumber(m.group(2));
        headerLine = i + 1;
        rules = new ArrayList<>();
      } else if (name == null) {
        problems.add(
            new Problem(
                i + 1,
                lines[i],
                "rule before any [NAME=NUMBER] header; devfs would add it to ruleset 0"));
      } else {
        rules.add(line);
      }
    }
    if (name != null) {
      rulesets.add(new Ruleset(name, number, headerLine, rules));
    }
    return new DevfsRules(text, rulesets, problems);
  }

  private static int parseNumber(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE; // absurdly long: devfs rejects it; keeps it unequal to others
    }
  }

  /** Returns the text of the file. */
  public String render() {
    return text;
  }

  /** Returns the rulesets of this file in file order. */
  public List<Ruleset> rulesets() {
    return rulesets;
  }

  /** Returns the lines rc.subr would not read as intended. */
  public List<Problem> problems() {
    return problems;
  }

  /** Returns the last ruleset of this file named {@code name}. */
  public Optional<Ruleset> ruleset(String name) {
    checkNotNull(name, "name");
    Ruleset found = null;
    for (Ruleset r : rulesets) {
      if (r.name().equals(name)) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Returns the last ruleset numbered {@code number}, in this file or else the stock ones. */
  public Optional<Ruleset> ruleset(int number) {
    Ruleset found = null;
    for (Ruleset r : rulesets) {
      if (r.number() == number) {
        found = r;
      }
    }
    if (found == null && this != STOCK) {
      return STOCK.ruleset(number);
    }
    return Optional.ofNullable(found);
  }

  /**
   * Returns the lowest ruleset number from {@value #FIRST_CUSTOM_NUMBER} up that neither this file
   * nor the stock rulesets use.
   */
  public int nextFreeNumber() {
    Set<Integer> used = new HashSet<>();
    rulesets.forEach(r -> used.add(r.number())); // the stock ones are all below the first
    int n = FIRST_CUSTOM_NUMBER;
    while (used.contains(n)) {
      n++;
    }
    return n;
  }

  /**
   * Returns the rules of a VNET jail's ruleset: everything of {@code $devfsrules_jail_vnet} (stock
   * ruleset 5, which unhides {@code pf} but not {@code bpf}), plus {@code bpf*} for a DHCP client
   * and {@code pf} said explicitly.
   */
  public static List<String> vnetRules(boolean bpf, boolean pf) {
    List<String> rules = new ArrayList<>();
    rules.add("add include $devfsrules_jail_vnet");
    if (bpf) {
      rules.add("add path " + ShellQuoting.quote("bpf*") + " unhide");
    }
    if (pf) {
      rules.add("add path " + ShellQuoting.quote("pf") + " unhide");
    }
    return List.copyOf(rules);
  }

  /**
   * Returns this file with a VNET jail ruleset named {@code name} (see {@link #vnetRules}). When a
   * ruleset of that name already holds exactly these rules, returns this unchanged.
   *
   * @throws DevfsRulesException if {@code name} is not an sh variable name, or a ruleset of that
   *     name already exists with other rules
   */
  public DevfsRules withVnetRuleset(String name, boolean bpf, boolean pf) {
    return withRuleset(name, vnetRules(bpf, pf));
  }

  /**
   * Returns this file with the ruleset {@code [name=N]} appended, {@code N} being {@link
   * #nextFreeNumber}, preceded by a blank line. When a ruleset of that name already holds exactly
   * these rules, returns this unchanged.
   *
   * @throws DevfsRulesException if {@code name} is not an sh variable name (rc.subr makes it one),
   *     names a stock ruleset, or already exists with other rules
   */
  public DevfsRules withRuleset(String name, List<String> rules) {
    checkRules(name, rules);
    Optional<Ruleset> existing = ruleset(name);
    if (existing.isPresent()) {
      if (existing.get().rules().equals(rules)) {
        return this;
      }
      throw conflict(existing.get(), name);
    }
    return append(render(name, nextFreeNumber(), rules));
  }

  private static void checkRules(String name, List<String> rules) {
    checkNotNull(rules, "rules");
    checkArgument(!rules.isEmpty(), "a ruleset needs at least one rule");
    for (String rule : rules) {
      checkArgument(
          !rule.isEmpty() && !rule.contains("\n") && rule.strip().equals(rule),
          "a rule is one trimmed line, got \"%s\"",
          rule);
    }
    if (!RcConf.isVariableName(name)) {
      throw new DevfsRulesException(
          "devfs ruleset name "
              + ShellQuoting.describe(String.valueOf(name))
              + " is not an sh variable name, which rc.subr requires ($NAME in rules); use"
              + " letters, digits and '_'");
    }
    if (STOCK.ruleset(name).isPresent()) {
      throw new DevfsRulesException(
          "devfs ruleset name "
              + name
              + " is one of FreeBSD's stock rulesets in /etc/defaults/devfs.rules; choose"
              + " another name");
    }
  }

  private static DevfsRulesException conflict(Ruleset existing, String name) {
    return new DevfsRulesException(
        "devfs.rules line "
            + existing.line()
            + ": ruleset ["
            + name
            + "="
            + existing.number()
            + "] already exists with other rules "
            + existing.rules()
            + "; remove it or choose another name");
  }

  private DevfsRules append(String ruleset) {
    StringBuilder out = new StringBuilder(text);
    if (out.length() > 0) {
      if (out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      out.append('\n');
    }
    out.append(ruleset);
    return parse(out.toString());
  }

  /**
   * Returns this file with the rulesets this SDK generates for the jails of {@code host} (those
   * made with {@code DevfsRuleset.vnetWithBpf(N)}): {@code [vnetjail_vnet_bpf=N]}, including {@code
   * $devfsrules_jail_vnet} and unhiding {@code bpf*} and {@code pf}. Rulesets the user maintains
   * ({@code DevfsRuleset.custom}) and the stock ones are left alone. Rulesets already present with
   * these rules are kept as they are.
   *
   * <pre>{@code
   * String text = DevfsRules.parse(existing).withRulesetsOf(host).render();
   * }</pre>
   *
   * @throws DevfsRulesException if the file already uses such a number for another ruleset, or the
   *     name for another number
   */
  public DevfsRules withRulesetsOf(HostConfig host) {
    checkNotNull(host, "host");
    List<DevfsRuleset> generated =
        host.devfsRulesets().stream().filter(DevfsRuleset::isGenerated).toList();
    DevfsRules out = this;
    for (DevfsRuleset r : generated) {
      String name = r.name().orElse(DevfsRuleset.GENERATED_NAME);
      if (generated.size() > 1) {
        name = name + "_" + r.number(); // rc.subr gives $NAME one number: keep names apart
      }
      out = out.withRuleset(name, r.number(), vnetRules(true, true));
    }
    return out;
  }

  /**
   * Returns this file with ruleset {@code [name=number]} appended (after a blank line), or this
   * unchanged when it is already there with exactly these rules.
   *
   * @throws DevfsRulesException if {@code number} is taken by another ruleset of the file or a
   *     stock one, or {@code name} already exists with another number or other rules
   */
  public DevfsRules withRuleset(String name, int number, List<String> rules) {
    checkRules(name, rules);
    Optional<Ruleset> existing = ruleset(name);
    if (existing.isPresent()) {
      if (existing.get().number() == number && existing.get().rules().equals(rules)) {
        return this;
      }
      throw conflict(existing.get(), name);
    }
    Optional<Ruleset> taken = ruleset(number);
    if (taken.isPresent()) {
      throw new DevfsRulesException(
          "devfs ruleset number "
              + number
              + " is already ["
              + taken.get().name()
              + "="
              + number
              + "]"
              + (STOCK.ruleset(taken.get().name()).isPresent()
                  ? " in /etc/defaults/devfs.rules"
                  : " on devfs.rules line " + taken.get().line())
              + "; give the jail a free one, e.g. DevfsRuleset.vnetWithBpf("
              + nextFreeNumber()
              + ")");
    }
    return append(render(name, number, rules));
  }

  /** Returns one ruleset as devfs.rules text: the header line, then one rule per line. */
  public static String render(String name, int number, List<String> rules) {
    checkArgument(RcConf.isVariableName(name), "ruleset name must be an sh name: %s", name);
    checkArgument(number > 0 && number <= 65535, "ruleset number out of range: %s", number);
    StringBuilder out = new StringBuilder();
    out.append('[').append(name).append('=').append(number).append("]\n");
    for (String rule : rules) {
      out.append(rule).append('\n');
    }
    return out.toString();
  }

  /**
   * Returns whether a jail whose devfs uses ruleset {@code number} sees device {@code device}
   * ({@code "bpf0"}, {@code "pf"}), following includes through this file and the stock rulesets,
   * the last matching rule winning as in devfs(8). Empty when the ruleset is unknown.
   */
  public Optional<Boolean> unhides(int number, String device) {
    checkNotNull(device, "device");
    Optional<Ruleset> r = ruleset(number);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    boolean[] visible = {true};
    return apply(r.get(), device, visible, new HashSet<>())
        ? Optional.of(visible[0])
        : Optional.empty();
  }

  /**
   * Applies {@code ruleset} to {@code device} as devfs_rule_run does (sys/fs/devfs/devfs_rule.c),
   * each rule read as rulespec_intok reads it (sbin/devfs/rule.c): {@code add}, an optional rule
   * number, {@code path P} and {@code type T} conditions, then actions in any order. Returns false
   * when an include names no known ruleset.
   */
  private boolean apply(Ruleset ruleset, String device, boolean[] visible, Set<Integer> running) {
    if (!running.add(ruleset.number())) {
      return true; // devfs skips an include of a running ruleset ("avoiding loop")
    }
    rules:
    for (String rule : ruleset.rules()) {
      List<String> words = ruleWords(rule);
      if (words.isEmpty() || !words.get(0).equals("add")) {
        continue;
      }
      int i = words.size() > 1 && words.get(1).matches("[0-9]+") ? 2 : 1;
      String pattern = null;
      boolean typed = false;
      for (; i + 1 < words.size(); i += 2) {
        if (words.get(i).equals("path")) {
          pattern = words.get(i + 1);
        } else if (words.get(i).equals("type")) {
          typed = true;
        } else {
          break;
        }
      }
      boolean hide = false;
      boolean unhide = false;
      String include = null;
      for (; i < words.size(); i++) {
        switch (words.get(i)) {
          case "hide" -> hide = true;
          case "unhide" -> unhide = true;
          case "include" -> include = ++i < words.size() ? words.get(i) : "";
          case "user", "group", "mode" -> i++;
          default -> {
            continue rules; // devfs rejects the rule: "unknown argument"
          }
        }
      }
      if (typed || pattern != null && !globMatches(pattern, device)) {
        continue; // a type condition cannot be judged without the device: leave it out
      }
      if (hide) {
        visible[0] = false;
      }
      if (unhide) {
        visible[0] = true;
      }
      if (include != null) {
        Optional<Ruleset> included = resolve(include);
        if (included.isEmpty() || !apply(included.get(), device, visible, running)) {
          return false;
        }
      }
    }
    running.remove(ruleset.number());
    return true;
  }

  private Optional<Ruleset> resolve(String reference) {
    String ref = reference.startsWith("$") ? reference.substring(1) : reference;
    if (ref.startsWith("{") && ref.endsWith("}")) {
      ref = ref.substring(1, ref.length() - 1);
    }
    if (ref.matches("[0-9]+")) {
      return ruleset(parseNumber(ref));
    }
    Optional<Ruleset> own = ruleset(ref);
    return own.isPresent() || this == STOCK ? own : STOCK.ruleset(ref);
  }

  /** Splits a rule line as sh would for these simple words: quotes removed, {@code #} comments. */
  static List<String> ruleWords(String rule) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < rule.length(); i++) {
      char c = rule.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == ' ' || c == '\t') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * fnmatch(pattern, name, FNM_PATHNAME) as devfs_rule_matchpath calls it (sys/libkern/fnmatch.c):
   * {@code *} and {@code ?} and {@code [...]} never match {@code /}; {@code [!...]} and {@code
   * [^...]} negate; a {@code ]} first in a set is a member; {@code \} quotes the next character; an
   * unclosed {@code [} is an ordinary character.
   */
  static boolean globMatches(String pattern, String name) {
    return glob(pattern, 0, name, 0);
  }

  private static final int RANGE_NOMATCH = -1;
  private static final int RANGE_ERROR = -2;

  private static boolean glob(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi++);
      if (c == '*') {
        while (pi < p.length() && p.charAt(pi) == '*') {
          pi++;
        }
        if (pi == p.length()) {
          return s.indexOf('/', si) < 0;
        }
        for (; si < s.length(); si++) {
          if (glob(p, pi, s, si)) {
            return true;
          }
          if (s.charAt(si) == '/') {
            return false;
          }
        }
        return false;
      }
      if (si == s.length()) {
        return false;
      }
      char sc = s.charAt(si++);
      if (c == '?' || c == '[') {
        if (sc == '/') {
          return false;
        }
        int end = c == '[' ? rangeMatch(p, pi, sc) : pi;
        if (end == RANGE_NOMATCH) {
          return false;
        }
        if (end != RANGE_ERROR) {
          pi = end;
          continue;
        }
      } else if (c == '\\' && pi < p.length()) {
        c = p.charAt(pi++);
      }
      if (c != sc) {
        return false;
      }
    }
    return si == s.length();
  }

  /**
   * Matches {@code test} against the set that starts at {@code p[pi]} (after its {@code [}):
   * returns the index after its {@code ]}, or {@link #RANGE_NOMATCH}, or {@link #RANGE_ERROR} for a
   * set that is never closed.
   */
  private static int rangeMatch(String p, int pi, char test) {
    boolean negate = pi < p.length() && (p.charAt(pi) == '!' || p.charAt(pi) == '^');
    if (negate) {
      pi++;
    }
    boolean ok = false;
    do {
      if (pi < p.length() && p.charAt(pi) == '\\') {
        pi++;
      }
      if (pi >= p.length()) {
        return RANGE_ERROR;
      }
      char c = p.charAt(pi++);
      if (c == '/') {
        return RANGE_NOMATCH;
      }
      if (pi + 1 < p.length() && p.charAt(pi) == '-' && p.charAt(pi + 1) != ']') {
        pi += 2;
        char c2 = p.charAt(pi - 1);
        if (c2 == '\\') {
          if (pi >= p.length()) {
            return RANGE_ERROR;
          }
          c2 = p.charAt(pi++);
        }
        ok |= c <= test && test <= c2;
      } else {
        ok |= c == test;
      }
    } while (pi >= p.length() || p.charAt(pi) != ']');
    return ok == negate ? RANGE_NOMATCH : pi + 1;
  }

  @Override
  public String toString() {
    return text;
  }
}
