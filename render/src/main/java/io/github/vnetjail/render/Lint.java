package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a host's existing configuration files (rc.conf, jail.conf and jail.conf.d, each jail's own
 * rc.conf, devfs.rules) and reports mistakes with their file and line, what FreeBSD does about
 * them, and a fix: misspelt rc.conf variables and jail parameters, interface names over 15
 * characters, bridges never created, addresses without a mask, VNET jails without the release fix,
 * epairs never destroyed, DHCP jails whose devfs ruleset hides bpf, deprecated {@code
 * allow.sysvipc}, jails rc.d/jail would not start, epair units and addresses used twice, devfs
 * rulesets that clash.
 *
 * <pre>{@code
 * List<Finding> findings = Lint.files()
 *     .rcConf("/etc/rc.conf", Files.readString(Path.of("/etc/rc.conf")))
 *     .devfsRules("/etc/devfs.rules", Files.readString(Path.of("/etc/devfs.rules")))
 *     .check();
 * findings.forEach(System.out::println);
 * // /etc/rc.conf:1: warning: cloned_interface is not an rc.conf variable, ... did you mean
 * //   cloned_interfaces? [rc-misspelt-variable]; fix: rename it: cloned_interfaces="bridge0"
 * }</pre>
 *
 * <p>Each method adds a file and returns a new {@code Lint}; {@link #check} runs every check on
 * every file, and the checks that need several files together.
 */
public final class Lint {
  private enum Kind {
    RC_CONF,
    JAIL_RC_CONF,
    JAIL_CONF,
    DEVFS_RULES
  }

  /** rc.d/jail reads /etc/jail.conf.d/NAME.conf for a listed jail NAME (libexec/rc/rc.d/jail). */
  private static final Pattern JAIL_CONF_D = Pattern.compile(".*/jail\\.conf\\.d/([^/]+)\\.conf");

  private record Input(Kind kind, String path, String text, Optional<String> jail) {}

  private final List<Input> inputs;

  private Lint(List<Input> inputs) {
    this.inputs = List.copyOf(inputs);
  }

  /** Returns a linter with no files yet. */
  public static Lint files() {
    return new Lint(List.of());
  }

  /** Adds the host's rc.conf (or an rc.conf.local, or a file of /etc/rc.conf.d). */
  public Lint rcConf(String path, String text) {
    return with(new Input(Kind.RC_CONF, checkNotNull(path), checkNotNull(text), Optional.empty()));
  }

  /** Adds the rc.conf inside jail {@code jail} ({@code <path>/etc/rc.conf}). */
  public Lint jailRcConf(String jail, String path, String text) {
    return with(
        new Input(
            Kind.JAIL_RC_CONF,
            checkNotNull(path),
            checkNotNull(text),
            Optional.of(checkNotNull(jail))));
  }

  /**
   * Adds a jail.conf: {@code /etc/jail.conf}, or {@code /etc/jail.conf.d/NAME.conf} for jail NAME
   * (the path matters: rc.d/jail finds a listed jail's file by its name).
   */
  public Lint jailConf(String path, String text) {
    return with(
        new Input(Kind.JAIL_CONF, checkNotNull(path), checkNotNull(text), Optional.empty()));
  }

  /** Adds a devfs.rules file ({@code /etc/devfs.rules}). */
  public Lint devfsRules(String path, String text) {
    return with(
        new Input(Kind.DEVFS_RULES, checkNotNull(path), checkNotNull(text), Optional.empty()));
  }

  private Lint with(Input input) {
    List<Input> all = new ArrayList<>(inputs);
    all.add(input);
    return new Lint(all);
  }

  /** Runs every check and returns the findings, file by file in the order added, by line. */
  public List<Finding> check() {
    List<Finding> all = new ArrayList<>();
    List<LintJailConf.JailFacts> jails = new ArrayList<>();
    Set<String> dhcpJails = new HashSet<>();
    StringBuilder devfsText = new StringBuilder();
    for (Input input : inputs) {
      switch (input.kind()) {
        case RC_CONF:
        case JAIL_RC_CONF:
          Optional<LintRcConf.Facts> facts = LintRcConf.read(input.path(), input.text(), all);
          if (facts.isPresent()) {
            LintRcConf.check(input.path(), input.text(), facts.get(), all);
            if (input.kind() == Kind.RC_CONF) {
              checkJailList(input.path(), facts.get(), all);
            } else {
              LintRcConf.checkJail(input.path(), facts.get(), all);
              if (LintRcConf.usesDhcp(facts.get())) {
                dhcpJails.add(input.jail().orElseThrow());
              }
            }
          }
          break;
        case JAIL_CONF:
          readJailConf(input, jails, all);
          break;
        default:
          LintDevfsRules.check(input.path(), DevfsRules.parse(input.text()), all);
          devfsText.append(input.text()).append('\n');
      }
    }
    LintJailConf.check(jails, all);
    LintJailConf.checkDhcpBpf(jails, DevfsRules.parse(devfsText.toString()), dhcpJails, all);
    // file by file in the order added, each by line (the sort is stable)
    List<Finding> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (Input input : inputs) {
      if (done.add(input.path())) {
        all.stream()
            .filter(f -> f.file().equals(input.path()))
            .sorted(Comparator.comparingInt(Finding::line))
            .forEach(out::add);
      }
    }
    return List.copyOf(out);
  }

  private static void readJailConf(
      Input input, List<LintJailConf.JailFacts> jails, List<Finding> out) {
    JailConf conf;
    try {
      conf = JailConf.parse(input.text(), input.path(), JailConfFileSource.none());
      conf.evaluate();
    } catch (JailConfParseException e) {
      out.add(
          new Finding(
              input.path(),
              e.line(),
              Finding.Severity.ERROR,
              "jail-syntax",
              e.jailMessage(),
              "fix the syntax; jail(8) reads none of the file's jails until then"));
      return;
    }
    for (JailConfEvaluation.Jail j : conf.evaluate().jails()) {
      LintJailConf.JailFacts facts =
          new LintJailConf.JailFacts(input.path(), input.text(), j.name(), j.parameters());
      if (j.failed()) {
        out.add(
            new Finding(
                input.path(),
                facts.line("name"),
                Finding.Severity.ERROR,
                "jail-expansion",
                String.join("; ", j.messages()),
                "define the variable or break the loop; jail(8) fails this jail"));
        continue;
      }
      jails.add(facts);
    }
  }

  /** Jails of /etc/jail.conf.d that rc.d/jail would not start. */
  private void checkJailList(String path, LintRcConf.Facts facts, List<Finding> out) {
    List<String> listed = RcConf.words(facts.value("jail_list").orElse(""));
    boolean hasJails =
        !listed.isEmpty() || inputs.stream().anyMatch(i -> i.kind() == Kind.JAIL_CONF);
    String enable = facts.value("jail_enable").orElse("NO").toUpperCase(Locale.ROOT);
    if (hasJails && !List.of("YES", "TRUE", "ON", "1").contains(enable)) {
      out.add(
          new Finding(
              path,
              facts.line(facts.rc().contains("jail_enable") ? "jail_enable" : "jail_list"),
              Finding.Severity.WARNING,
              "rc-jail-not-enabled",
              "jail_enable is not YES, so rc.d/jail starts no jail at boot",
              "sysrc jail_enable=YES"));
    }
    boolean included =
        inputs.stream()
            .anyMatch(
                i ->
                    i.kind() == Kind.JAIL_CONF
                        && !JAIL_CONF_D.matcher(i.path()).matches()
                        && i.text().contains(".include")
                        && i.text().contains("jail.conf.d"));
    for (Input input : inputs) {
      Matcher m = JAIL_CONF_D.matcher(input.path());
      if (input.kind() != Kind.JAIL_CONF || !m.matches()) {
        continue;
      }
      String jail = m.group(1);
      if (!listed.isEmpty() && !listed.contains(jail)) {
        out.add(
            new Finding(
                path,
                facts.line("jail_list"),
                Finding.Severity.WARNING,
                "rc-jail-not-listed",
                "jail "
                    + jail
                    + " ("
                    + input.path()
                    + ") is not in jail_list, so rc.d/jail does not start it at boot",
                "sysrc jail_list+=" + jail));
      } else if (listed.isEmpty() && !included) {
        out.add(
            new Finding(
                path,
                facts.line("jail_list"),
                Finding.Severity.WARNING,
                "rc-jail-not-listed",
                "jail_list is empty, so rc.d/jail starts only the jails of /etc/jail.conf, and"
                    + " jail "
                    + jail
                    + " ("
                    + input.path()
                    + ") is never started at boot",
                "sysrc jail_list+=" + jail));
      }
    }
  }
}
