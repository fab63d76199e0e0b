package io.github.vnetjail.render;

import static com.google.common.collect.ImmutableSet.toImmutableSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The jail.conf checks of {@link Lint}, over the effective parameters of each jail. */
final class LintJailConf {
  /**
   * Parameters jail(8) knows: the kernel's core and module parameters (jail(8), "Jail Parameters")
   * and jail(8)'s own pseudo-parameters (usr.sbin/jail/config.c, intparams).
   */
  static final Set<String> KNOWN =
      Stream.concat(
              Stream.of(
                  "jid",
                  "name",
                  "path",
                  "ip4.addr",
                  "ip4.saddrsel",
                  "ip4",
                  "ip6.addr",
                  "ip6.saddrsel",
                  "ip6",
                  "vnet",
                  "host.hostname",
                  "host.domainname",
                  "host.hostuuid",
                  "host.hostid",
                  "host",
                  "securelevel",
                  "devfs_ruleset",
                  "children.max",
                  "children.cur",
                  "enforce_statfs",
                  "persist",
                  "cpuset.id",
                  "dying",
                  "parent",
                  "osrelease",
                  "osreldate",
                  "allow.set_hostname",
                  "allow.sysvipc",
                  "allow.raw_sockets",
                  "allow.chflags",
                  "allow.mount",
                  "allow.mount.devfs",
                  "allow.quotas",
                  "allow.read_msgbuf",
                  "allow.socket_af",
                  "allow.mlock",
                  "allow.reserved_ports",
                  "allow.unprivileged_proc_debug",
                  "allow.suser",
                  "allow.nfsd",
                  "allow.extattr",
                  "allow.adjtime",
                  "allow.settime",
                  "allow.routing",
                  "allow.unprivileged_parent_tampering",
                  "allow.mount.fdescfs",
                  "allow.mount.fusefs",
                  "allow.mount.nullfs",
                  "allow.mount.procfs",
                  "allow.mount.linprocfs",
                  "allow.mount.linsysfs",
                  "allow.mount.tmpfs",
                  "allow.mount.zfs",
                  "allow.vmm",
                  "linux",
                  "linux.osname",
                  "linux.osrelease",
                  "linux.oss_version",
                  "sysvmsg",
                  "sysvsem",
                  "sysvshm",
                  "zfs.mount_snapshot",
                  "meta",
                  "env"),
              JailConfEvaluator.CONFIG_PARAMETERS.stream())
          .collect(toImmutableSet());

  private static final Pattern EPAIR = Pattern.compile("\\bepair([0-9]+)([ab])?\\b");
  private static final Pattern EPAIR_CREATE =
      Pattern.compile("ifconfig\\s+(epair[0-9]*)\\s+create\\b");
  private static final Pattern IFCONFIG_ADDR =
      Pattern.compile(
          "ifconfig\\s+(?:-j\\s+\\S+\\s+)?(\\S+)\\s+(?:inet\\s+)?([0-9]{1,3}(?:\\.[0-9]{1,3}){3})"
              + "(/[0-9]+)?(.*)");

  private LintJailConf() {}

  /** One jail of a jail.conf and what jail(8) would use for it. */
  record JailFacts(String file, String text, String name, Map<String, List<String>> params) {
    List<String> values(String param) {
      return params.getOrDefault(param, List.of());
    }

    boolean has(String param) {
      return params.containsKey(param);
    }

    /** True when {@code vnet} is set to new (valueless or "new"). */
    boolean isVnet() {
      List<String> v = params.get("vnet");
      return v != null && (v.isEmpty() || v.get(v.size() - 1).equals("new"));
    }

    int line(String param) {
      return LintJailConf.line(text, name, param);
    }
  }

  static void check(List<JailFacts> jails, List<Finding> out) {
    for (JailFacts j : jails) {
      checkNames(j, out);
      checkSysvipc(j, out);
      checkReleaseFix(j, out);
      checkEpairLeak(j, out);
      checkInterfaceNames(j, out);
      checkMasks(j, out);
    }
    checkDuplicates(jails, out);
  }

  private static void checkNames(JailFacts j, List<Finding> out) {
    for (String param : j.params().keySet()) {
      if (isKnown(param)) {
        continue;
      }
      Optional<String> suggestion = LintSpelling.closest(param, KNOWN);
      out.add(
          new Finding(
              j.file(),
              j.line(param),
              suggestion.isPresent() ? Finding.Severity.ERROR : Finding.Severity.WARNING,
              "jail-unknown-parameter",
              "jail "
                  + j.name()
                  + ": jail(8) does not know parameter "
                  + param
                  + " and fails with \"unknown parameter: "
                  + param
                  + "\" at start"
                  + suggestion.map(s -> "; did you mean " + s + "?").orElse(""),
              suggestion
                  .map(s -> "rename it to " + s)
                  .orElse("remove it, or load the kernel module that adds it")));
    }
  }

  /** Known as written, or as the "no" form of a known boolean ({@code nopersist}). */
  static boolean isKnown(String param) {
    if (KNOWN.contains(param)) {
      return true;
    }
    int dot = param.lastIndexOf('.');
    String last = param.substring(dot + 1);
    return last.startsWith("no") && KNOWN.contains(param.substring(0, dot + 1) + last.substring(2));
  }

  private static void checkSysvipc(JailFacts j, List<Finding> out) {
    for (String form : List.of("allow.sysvipc", "allow.nosysvipc")) {
      if (j.has(form)) {
        out.add(
            new Finding(
                j.file(),
                j.line(form),
                Finding.Severity.WARNING,
                "jail-deprecated-sysvipc",
                "jail "
                    + j.name()
                    + ": "
                    + form
                    + " is deprecated; it equals sysvmsg, sysvsem and sysvshm all set to"
                    + " inherit, sharing the host's System V IPC",
                "replace it with sysvmsg = new; sysvsem = new; sysvshm = new; (the jail's own"
                    + " namespace, enough for PostgreSQL), or inherit to keep sharing"));
      }
    }
  }

  private static void checkReleaseFix(JailFacts j, List<Finding> out) {
    if (!j.isVnet() || j.values("vnet.interface").isEmpty()) {
      return;
    }
    for (String iface : j.values("vnet.interface")) {
      boolean released = false;
      for (String hook : List.of("exec.prestop", "exec.stop")) {
        for (String command : j.values(hook)) {
          if (command.contains(iface)
              && (command.contains("-vnet") || command.contains("destroy"))) {
            released = true;
          }
        }
      }
      if (!released) {
        out.add(
            new Finding(
                j.file(),
                j.line("vnet.interface"),
                Finding.Severity.WARNING,
                "jail-missing-release-fix",
                "jail "
                    + j.name()
                    + ": "
                    + iface
                    + " returns to the host only when the jail's network stack is destroyed,"
                    + " which can take minutes while the jail is dying; meanwhile it is lost"
                    + " to the host",
                "release it before removal: exec.prestop += \"/sbin/ifconfig "
                    + iface
                    + " -vnet ${name}\";"));
      }
    }
  }

  private static void checkEpairLeak(JailFacts j, List<Finding> out) {
    for (String command : j.values("exec.prestart")) {
      Matcher m = EPAIR_CREATE.matcher(command);
      if (!m.find()) {
        continue;
      }
      String unit = m.group(1);
      boolean destroyed = false;
      for (String stop : j.values("exec.poststop")) {
        if (stop.contains("destroy") && stop.contains(unit)) {
          destroyed = true;
        }
      }
      if (!destroyed) {
        out.add(
            new Finding(
                j.file(),
                j.line("exec.prestart"),
                Finding.Severity.WARNING,
                "jail-epair-leak",
                "jail "
                    + j.name()
                    + ": exec.prestart creates "
                    + unit
                    + " but exec.poststop never destroys it, so every stop leaves an epair behind"
                    + " (a failed start leaves one too: jail(8) undoes only its own mounts and"
                    + " aliases)",
                "add exec.poststop += \"/sbin/ifconfig " + unit + "a destroy\";"));
      }
    }
  }

  private static void checkInterfaceNames(JailFacts j, List<Finding> out) {
    for (String iface : j.values("vnet.interface")) {
      if (iface.length() > LintRcConf.MAX_INTERFACE_NAME) {
        out.add(
            new Finding(
                j.file(),
                j.line("vnet.interface"),
                Finding.Severity.ERROR,
                "ifname-too-long",
                "jail "
                    + j.name()
                    + ": interface name "
                    + iface
                    + " has "
                    + iface.length()
                    + " characters; FreeBSD allows at most 15 (IFNAMSIZ 16 with the NUL)",
                "use a shorter name, such as epair<N>b"));
      }
    }
  }

  private static void checkMasks(JailFacts j, List<Finding> out) {
    for (String hook : List.of("exec.start", "exec.prestart", "exec.poststart", "exec.created")) {
      for (String command : j.values(hook)) {
        Matcher m = IFCONFIG_ADDR.matcher(command);
        if (m.find() && m.group(3) == null && !m.group(4).contains("netmask")) {
          out.add(
              new Finding(
                  j.file(),
                  j.line(hook),
                  Finding.Severity.WARNING,
                  "inet-without-mask",
                  "jail "
                      + j.name()
                      + ": "
                      + hook
                      + " gives "
                      + m.group(2)
                      + " no netmask; ifconfig then assumes the old classful mask",
                  "write the prefix length: " + m.group(2) + "/24 (or the subnet's real prefix)"));
        }
      }
    }
  }

  private static void checkDuplicates(List<JailFacts> jails, List<Finding> out) {
    Map<String, JailFacts> units = new LinkedHashMap<>();
    Map<String, JailFacts> addresses = new LinkedHashMap<>();
    for (JailFacts j : jails) {
      List<String> own = new ArrayList<>();
      for (String iface : j.values("vnet.interface")) {
        Matcher m = EPAIR.matcher(iface);
        if (m.find() && !own.contains(m.group(1))) {
          own.add(m.group(1));
        }
      }
      for (String unit : own) {
        JailFacts other = units.putIfAbsent(unit, j);
        if (other != null) {
          out.add(duplicate(j, "vnet.interface", "epair unit " + unit, other));
        }
      }
      List<String> ips = new ArrayList<>();
      for (String param : List.of("ip4.addr", "ip6.addr")) {
        for (String v : j.values(param)) {
          ips.add(v.replaceFirst("^[^|]*\\|", "").replaceFirst("/.*", "").strip());
        }
      }
      for (String hook : List.of("exec.start", "exec.prestart", "exec.poststart")) {
        for (String command : j.values(hook)) {
          Matcher m = IFCONFIG_ADDR.matcher(command);
          if (m.find()) {
            ips.add(m.group(2));
          }
        }
      }
      for (String ip : ips.stream().distinct().toList()) {
        JailFacts other = addresses.putIfAbsent(ip, j);
        if (other != null) {
          out.add(duplicate(j, "exec.start", "address " + ip, other));
        }
      }
    }
  }

  /**
   * DHCP inside a jail needs {@code /dev/bpf}: reports each DHCP jail (dhclient in its hooks, or
   * DHCP in its own rc.conf) whose devfs ruleset hides bpf. {@code devfs} holds the host's
   * devfs.rules (the stock rulesets are known without it); {@code dhcpJails} names the jails whose
   * own rc.conf asks for DHCP.
   */
  static void checkDhcpBpf(
      List<JailFacts> jails, DevfsRules devfs, Set<String> dhcpJails, List<Finding> out) {
    for (JailFacts j : jails) {
      boolean dhcp =
          dhcpJails.contains(j.name())
              || j.values("exec.start").stream().anyMatch(c -> c.contains("dhclient"));
      if (!dhcp || !isTrue(j, "mount.devfs")) {
        continue; // without mount.devfs jail(8) mounts no /dev at all
      }
      List<String> rs = j.values("devfs_ruleset");
      int number;
      try {
        number =
            rs.isEmpty()
                ? DevfsRules.JAIL_DEFAULT_RULESET
                : Integer.parseInt(rs.get(rs.size() - 1));
      } catch (NumberFormatException e) {
        continue; // jail(8) itself rejects it
      }
      Optional<Boolean> bpf = devfs.unhides(number, "bpf0");
      if (bpf.isPresent() && bpf.get()) {
        continue;
      }
      DevfsRules fixed = devfs.withVnetRuleset("vnetjail_dhcp", true, true);
      int free = fixed.ruleset("vnetjail_dhcp").orElseThrow().number();
      String why =
          bpf.isEmpty()
              ? "devfs ruleset " + number + " is not defined in the devfs.rules given"
              : "devfs ruleset " + number + " hides bpf";
      out.add(
          new Finding(
              j.file(),
              j.line(rs.isEmpty() ? "mount.devfs" : "devfs_ruleset"),
              bpf.isEmpty() ? Finding.Severity.WARNING : Finding.Severity.ERROR,
              "jail-dhcp-without-bpf",
              "jail "
                  + j.name()
                  + " gets its address by DHCP, but "
                  + why
                  + "; dhclient needs /dev/bpf and fails",
              "add to /etc/devfs.rules: "
                  + DevfsRules.render("vnetjail_dhcp", free, DevfsRules.vnetRules(true, true))
                      .strip()
                      .replace("\n", " / ")
                  + ", and set devfs_ruleset = "
                  + free
                  + "; in the jail"));
    }
  }

  /** jail(8)'s bool_param: valueless, "true" or a non-zero number; a "no" name inverts it. */
  static boolean isTrue(JailFacts j, String param) {
    int dot = param.lastIndexOf('.');
    String negated = param.substring(0, dot + 1) + "no" + param.substring(dot + 1);
    if (j.has(negated)) {
      return !truthy(j.values(negated));
    }
    return j.has(param) && truthy(j.values(param));
  }

  private static boolean truthy(List<String> values) {
    if (values.isEmpty()) {
      return true;
    }
    String v = values.get(values.size() - 1).strip();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    try {
      return Long.parseLong(v) != 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Finding duplicate(JailFacts j, String param, String what, JailFacts other) {
    return new Finding(
        j.file(),
        j.line(param),
        Finding.Severity.ERROR,
        "jail-duplicate",
        "jail "
            + j.name()
            + " uses "
            + what
            + ", already used by jail "
            + other.name()
            + " ("
            + other.file()
            + "); the second one to start fails or takes the network down",
        "give each jail its own " + (what.startsWith("epair") ? "epair unit" : "address"));
  }

  /**
   * Returns the line of {@code param} inside the block of jail {@code jail} in {@code text} (its
   * header line included), else its first line anywhere (a {@code *} or top-level default), else
   * the jail's header, else 0.
   */
  static int line(String text, String jail, String param) {
    String[] lines = text.split("\n", -1);
    Pattern header = Pattern.compile("^\\s*[\"']?" + Pattern.quote(jail) + "[\"']?\\s*\\{");
    Pattern assign =
        Pattern.compile("^\\s*[\"']?" + Pattern.quote(param) + "[\"']?\\s*(=|\\+=|;|\\s)");
    int start = -1;
    for (int i = 0; i < lines.length; i++) {
      if (header.matcher(lines[i]).find()) {
        start = i;
        break;
      }
    }
    if (start >= 0) {
      Pattern onHeader =
          Pattern.compile("[{;]\\s*[\"']?" + Pattern.quote(param) + "[\"']?\\s*(=|\\+=|;|\\s)");
      if (onHeader.matcher(lines[start]).find()) {
        return start + 1; // a { path = /a; ... on the header line
      }
      int depth = 0;
      for (int i = start; i < lines.length; i++) {
        if (i > start && assign.matcher(lines[i]).find()) {
          return i + 1;
        }
        depth += count(lines[i], '{') - count(lines[i], '}');
        if (depth <= 0) {
          break; // the block ends here, possibly on its header line: a { persist; }
        }
      }
    }
    for (int i = 0; i < lines.length; i++) {
      if (assign.matcher(lines[i]).find()) {
        return i + 1;
      }
    }
    return start + 1;
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }
}
