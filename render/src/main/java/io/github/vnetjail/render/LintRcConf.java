package io.github.vnetjail.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rc.conf checks of {@link Lint}: one file at a time. */
final class LintRcConf {
  /** IFNAMSIZ is 16 with the terminating NUL (sys/net/if.h). */
  static final int MAX_INTERFACE_NAME = 15;

  static final Set<String> KNOWN = loadKnown();

  /** Variables rc.d scripts build from an interface, jail or route name. */
  private static final Pattern DYNAMIC =
      Pattern.compile(
          "(ifconfig|ipv4_addrs|ipv6_addrs|vlans|wlans|create_args|autobridge|route|ipv6_route"
              + "|ipv6_prefix|dhclient_flags|background_dhclient|wlandebug|geli|ppp"
              + "|rfcomm_pppd_server|gbde)_.+|jail_[A-Za-z0-9]+_.+");

  /** Per-service variables rc.subr reads for any service NAME ({@code NAME_enable}, ...). */
  private static final Pattern SERVICE =
      Pattern.compile(
          "[A-Za-z0-9_]+_(enable|flags|program|profiles|user|group|groups|env|env_file|chroot"
              + "|chdir|fib|nice|limits|oomprotect|svcj|svcj_options|conf|config|pidfile|prepend"
              + "|setup|login_class|umask|procname|rules|dir|args|timeout|interfaces|file|list"
              + "|path|home|data|log|logfile|options|port|listen|socket|host|hosts)");

  private static final Pattern IFCONFIG_BRIDGE = Pattern.compile("ifconfig_(bridge[0-9]+)");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private LintRcConf() {}

  private static Set<String> loadKnown() {
    try (InputStream in = LintRcConf.class.getResourceAsStream("rc-conf-variables.txt")) {
      Set<String> names = new LinkedHashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.strip());
        }
      }
      return Set.copyOf(names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What one rc.conf says, for the checks across files. */
  record Facts(RcConf rc, Map<String, Integer> lastLine) {
    Optional<String> value(String name) {
      try {
        return rc.get(name);
      } catch (RcConfException e) {
        return Optional.empty();
      }
    }

    int line(String name) {
      return lastLine.getOrDefault(name, 0);
    }
  }

  /** Parses {@code text}; a file that does not parse gives one error finding and no facts. */
  static Optional<Facts> read(String path, String text, List<Finding> out) {
    RcConf rc;
    try {
      rc = RcConf.parse(text);
    } catch (RcConfException e) {
      out.add(
          new Finding(
              path,
              e.line(),
              Finding.Severity.ERROR,
              "rc-syntax",
              e.getMessage(),
              "close the quote or substitution; sysrc and rc refuse a file that sh -n rejects"));
      return Optional.empty();
    }
    Map<String, Integer> lastLine = new HashMap<>();
    rc.assignments().forEach(a -> lastLine.put(a.name(), a.line()));
    return Optional.of(new Facts(rc, lastLine));
  }

  static void check(String path, String text, Facts facts, List<Finding> out) {
    checkLineEndings(path, text, out);
    RcConf rc = facts.rc();
    Map<String, List<Integer>> lines = new HashMap<>();
    for (RcConf.Assignment a : rc.assignments()) {
      lines.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a.line());
      checkSpelling(path, a, out);
    }
    for (RcConf.Assignment a : rc.assignments()) {
      List<Integer> all = lines.get(a.name());
      int last = all.get(all.size() - 1);
      if (a.line() != last) {
        out.add(
            new Finding(
                path,
                a.line(),
                Finding.Severity.INFO,
                "rc-repeated-variable",
                a.name()
                    + " is assigned again on line "
                    + last
                    + "; only the last assignment counts",
                "delete this line, or merge its value into line " + last));
      }
    }
    for (RcConf.Assignment a : rc.midLineAssignments()) {
      // Only a line sysrc edits before it makes it a trap: sysrc changes that line, sh keeps this.
      OptionalInt edited =
          rc.assignments().stream()
              .filter(e -> e.name().equals(a.name()) && e.line() <= a.line())
              .mapToInt(RcConf.Assignment::line)
              .max();
      if (edited.isPresent()) {
        out.add(
            new Finding(
                path,
                a.line(),
                Finding.Severity.WARNING,
                "rc-mid-line-assignment",
                a.name()
                    + " is assigned again in the middle of this command line, after line "
                    + edited.getAsInt()
                    + "; sysrc "
                    + a.name()
                    + "=... edits line "
                    + edited.getAsInt()
                    + " only, and sh keeps this value",
                "put it on a line of its own, or merge it into line "
                    + edited.getAsInt()
                    + ": "
                    + a.name()
                    + "="
                    + a.rawValue()));
      }
    }
    for (String name : rc.names()) {
      Optional<String> value = facts.value(name);
      if (value.isEmpty()) {
        continue;
      }
      int line = facts.line(name);
      checkEnable(path, line, name, value.get(), out);
      checkInterfaceNames(path, line, name, value.get(), out);
      checkMask(path, line, name, value.get(), out);
    }
    checkBridges(path, facts, out);
  }

  /**
   * Checks of an rc.conf inside a jail. Plain {@code DHCP} starts dhclient only from devd on link
   * up (network.subr, ifconfig_up: only syncdhcpif runs dhclient at boot), and devd does not run in
   * jails (rc.d/devd: KEYWORD nojail), so a jail needs {@code SYNCDHCP}.
   */
  static void checkJail(String path, Facts facts, List<Finding> out) {
    boolean sync =
        facts.value("synchronous_dhclient").map(v -> v.equalsIgnoreCase("yes")).orElse(false);
    for (String name : facts.rc().names()) {
      if (!name.startsWith("ifconfig_") || name.endsWith("_ipv6")) {
        continue;
      }
      List<String> words = RcConf.words(facts.value(name).orElse("").toUpperCase(Locale.ROOT));
      if (words.contains("DHCP") && !sync) {
        out.add(
            new Finding(
                path,
                facts.line(name),
                Finding.Severity.WARNING,
                "jail-dhcp-not-sync",
                name
                    + " asks for DHCP, which rc starts through devd on link up; devd does not run"
                    + " in a jail, so the interface never gets an address",
                "use SYNCDHCP: " + name + "=\"SYNCDHCP\""));
      }
    }
  }

  /** True when an {@code ifconfig_*} variable asks for DHCP ({@code DHCP}, {@code SYNCDHCP}). */
  static boolean usesDhcp(Facts facts) {
    for (String name : facts.rc().names()) {
      if (name.startsWith("ifconfig_")) {
        String v = facts.value(name).orElse("").toUpperCase(Locale.ROOT);
        List<String> words = RcConf.words(v);
        if (words.contains("DHCP") || words.contains("SYNCDHCP")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void checkLineEndings(String path, String text, List<Finding> out) {
    int crlf = text.indexOf("\r\n");
    if (crlf >= 0) {
      int line = 1 + (int) text.substring(0, crlf).chars().filter(c -> c == '\n').count();
      out.add(
          new Finding(
              path,
              line,
              Finding.Severity.WARNING,
              "rc-crlf",
              "the file has CRLF line endings; sh keeps the CR as part of each unquoted value"
                  + " and after each closing quote",
              "convert the file to LF line endings (tr -d '\\r')"));
    }
  }

  private static void checkSpelling(String path, RcConf.Assignment a, List<Finding> out) {
    String name = a.name();
    if (KNOWN.contains(name)
        || DYNAMIC.matcher(name).matches()
        || SERVICE.matcher(name).matches()) {
      return;
    }
    Optional<String> suggestion = LintSpelling.closest(name, KNOWN);
    if (suggestion.isEmpty()) {
      return;
    }
    String fixed = a.text().strip().replaceFirst(Pattern.quote(name), suggestion.get());
    out.add(
        new Finding(
            path,
            a.line(),
            Finding.Severity.WARNING,
            "rc-misspelt-variable",
            name
                + " is not an rc.conf variable, and rc.conf ignores unknown variables silently;"
                + " did you mean "
                + suggestion.get()
                + "?",
            "rename it: " + fixed));
  }

  private static void checkEnable(
      String path, int line, String name, String value, List<Finding> out) {
    if (!name.endsWith("_enable")) {
      return;
    }
    String v = value.toLowerCase(Locale.ROOT);
    if (List.of("yes", "no", "true", "false", "on", "off", "1", "0").contains(v)) {
      return;
    }
    out.add(
        new Finding(
            path,
            line,
            Finding.Severity.WARNING,
            "rc-enable-value",
            name
                + "=\""
                + value
                + "\" is neither YES nor NO; rc.subr's checkyesno warns that it is not set"
                + " properly and treats it as NO",
            "set it to YES or NO: " + name + "=\"YES\""));
  }

  private static void checkInterfaceNames(
      String path, int line, String name, String value, List<Finding> out) {
    List<String> names = new ArrayList<>();
    List<String> words = RcConf.words(value);
    if (name.equals("cloned_interfaces")) {
      names.addAll(words);
    } else if (name.startsWith("vlans_")) {
      String parent = name.substring("vlans_".length());
      for (String w : words) {
        // rc.d/netif names a numeric entry PARENT.TAG; any other word is the vlan's own name.
        names.add(w.matches("[0-9]+") ? parent + "." + w : w);
      }
    } else if (name.startsWith("ifconfig_") && name.endsWith("_name")) {
      names.addAll(words); // ifconfig_em0_name="net0" renames em0 (rc.d/netif, ifnet_rename)
    } else if (name.startsWith("ifconfig_")) {
      for (int i = 0; i + 1 < words.size(); i++) {
        if (List.of("addm", "deletem", "name", "vlandev").contains(words.get(i))) {
          names.add(words.get(i + 1));
        }
      }
    }
    for (String ifname : names) {
      if (ifname.length() > MAX_INTERFACE_NAME) {
        out.add(
            new Finding(
                path,
                line,
                Finding.Severity.ERROR,
                "ifname-too-long",
                "interface name "
                    + ifname
                    + " has "
                    + ifname.length()
                    + " characters; FreeBSD allows at most "
                    + MAX_INTERFACE_NAME
                    + " (IFNAMSIZ 16 with the NUL), so creating or renaming it fails",
                "use a name of at most " + MAX_INTERFACE_NAME + " characters"));
      }
    }
  }

  private static void checkMask(
      String path, int line, String name, String value, List<Finding> out) {
    if (!name.startsWith("ifconfig_") || name.startsWith("ifconfig_lo")) {
      return;
    }
    List<String> words = RcConf.words(value);
    int inet = words.indexOf("inet");
    if (inet < 0 || inet + 1 >= words.size()) {
      return;
    }
    String address = words.get(inet + 1);
    if (IPV4.matcher(address).matches()
        && !words.contains("netmask")
        && !words.subList(inet + 2, words.size()).contains("/")) {
      out.add(
          new Finding(
              path,
              line,
              Finding.Severity.WARNING,
              "inet-without-mask",
              name
                  + " gives "
                  + address
                  + " no netmask; ifconfig then assumes the old classful mask, which is rarely"
                  + " the subnet meant",
              "write the prefix length: inet " + address + "/24 (or the subnet's real prefix)"));
    }
  }

  private static void checkBridges(String path, Facts facts, List<Finding> out) {
    List<String> cloned = RcConf.words(facts.value("cloned_interfaces").orElse(""));
    for (String name : facts.rc().names()) {
      Matcher m = IFCONFIG_BRIDGE.matcher(name);
      if (!m.matches()) {
        continue;
      }
      String bridge = m.group(1);
      int line = facts.line(name);
      if (!cloned.contains(bridge)) {
        out.add(
            new Finding(
                path,
                line,
                Finding.Severity.ERROR,
                "rc-bridge-not-cloned",
                name
                    + " configures "
                    + bridge
                    + ", but cloned_interfaces does not create it, so the bridge never exists at"
                    + " boot",
                "add it to cloned_interfaces: sysrc cloned_interfaces+=" + bridge));
      }
      List<String> words = RcConf.words(facts.value(name).orElse(""));
      for (int i = 0; i + 1 < words.size(); i++) {
        if (!words.get(i).equals("addm")) {
          continue;
        }
        String member = words.get(i + 1);
        String memberVar;
        try {
          memberVar = RcConf.interfaceVariable("ifconfig_", member, "");
        } catch (RcConfException e) {
          continue; // not an interface name rc.d could configure
        }
        Optional<String> memberValue = facts.value(memberVar);
        if (memberValue.isPresent()
            && (RcConf.words(memberValue.get()).contains("inet")
                || memberValue.get().toUpperCase(Locale.ROOT).contains("DHCP"))) {
          out.add(
              new Finding(
                  path,
                  facts.line(memberVar),
                  Finding.Severity.WARNING,
                  "rc-address-on-bridge-member",
                  member
                      + " is a member of "
                      + bridge
                      + " but carries the host's address; on a bridge member it stops working"
                      + " for traffic that crosses the bridge",
                  "move the address words of "
                      + memberVar
                      + " into "
                      + name
                      + " and set "
                      + memberVar
                      + "=\"up\""));
        }
      }
    }
  }
}
