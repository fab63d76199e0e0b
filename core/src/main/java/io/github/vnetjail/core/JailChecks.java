package io.github.vnetjail.core;

import static io.github.vnetjail.core.internal.Text.describe;
import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation shared by VnetJail, PlainJail and HostConfig. */
final class JailChecks {
  private JailChecks() {}

  static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
  static final int MAX_PATH = 1023; // MAXPATHLEN 1024 with the NUL

  /**
   * The variables vnetjail's jail.conf gives each VNET jail ({@code $id $ip $gateway $ip6 $gateway6
   * $bridge $epair}). jail(8) refuses a parameter that has a variable's name, or that name with
   * "no" in front (config.c compares names as equalopts does), and none of these is a jail(8)
   * parameter, so the model refuses them as raw parameter names.
   */
  static final Set<String> JAIL_CONF_VARIABLES =
      Set.of("id", "ip", "gateway", "ip6", "gateway6", "bridge", "epair");

  static final String DEFAULT_PATH_PREFIX = "/jails/";

  /**
   * Returns a user-given text for a field key like {@code mounts[...]}: as it is, unless it holds a
   * control, format (e.g. U+202E) or line-separator character; then quoted and escaped, so that a
   * hostile value keeps the message one readable line (no control byte reaches a terminal or log).
   */
  static String key(String text) {
    boolean plain =
        text.chars()
            .allMatch(
                c -> {
                  int type = Character.getType(c);
                  return type != Character.CONTROL
                      && type != Character.FORMAT
                      && type != Character.LINE_SEPARATOR
                      && type != Character.PARAGRAPH_SEPARATOR
                      && type != Character.SURROGATE;
                });
    return plain ? text : show(text);
  }

  /** Checks what every jail has; {@code builder} names the builder in fixes. */
  static void checkCommon(Jail j, String builder, Problems p) {
    if (j.name() == null) {
      p.add("name", "", "name must be set", "use " + builder + ".builder().name(\"my-jail\")");
    } else {
      p.addAll(JailName.problems("name", j.name()));
    }
    // The default path derives from the name: report a bad name once, not twice.
    boolean derivedFromBadName =
        j.name() == null
            || (!JailName.isValid(j.name()) && j.path().equals(DEFAULT_PATH_PREFIX + j.name()));
    if (!derivedFromBadName) {
      checkPath("path", j.path(), p);
    }
    j.hostname().ifPresent(h -> p.addAll(Hostname.problems("hostname", h)));
    j.dnsName().ifPresent(d -> p.addAll(Hostname.problems("dnsName", d)));
    for (Allow a : j.allow()) {
      if (j.deny().contains(a)) {
        p.add(
            "allow",
            a.parameter(),
            a.parameter() + " is both allowed and denied",
            "remove it from addAllow(...) or from addDeny(...)");
      }
    }
    if (j.allow().contains(Allow.SYSVIPC)
        && (j.sysvmsg().isPresent() || j.sysvsem().isPresent() || j.sysvshm().isPresent())) {
      p.add(
          "allow",
          Allow.SYSVIPC.parameter(),
          "allow.sysvipc (deprecated) conflicts with the per-module sysvmsg/sysvsem/sysvshm"
              + " modes set on the same jail",
          "drop Allow.SYSVIPC and keep sysvmsg(...), sysvsem(...), sysvshm(...)");
    }
    for (int i = 0; i < j.depend().size(); i++) {
      String d = j.depend().get(i);
      String field = "depend[" + i + "]";
      p.addAll(JailName.problems(field, d));
      if (d.equals(j.name())) {
        p.add(field, d, "a jail cannot depend on itself", "remove " + show(d) + " from depend");
      }
    }
    j.mountFstab().ifPresent(f -> checkPath("mountFstab", f, p));
    for (int i = 0; i < j.mounts().size(); i++) {
      Mount m = j.mounts().get(i);
      for (int k = 0; k < i; k++) {
        if (j.mounts().get(k).mountPoint().equals(m.mountPoint())) {
          p.add(
              "mounts[" + i + "]",
              m.toString(),
              "two mounts on " + m.mountPoint(),
              "mount one file system per mount point");
          break;
        }
      }
    }
    for (int i = 0; i < j.hooks().size(); i++) {
      HookCommand c = j.hooks().get(i);
      checkCommand("hooks[" + i + "]", c, p);
    }
    if (!j.rawParameters().isEmpty()) {
      checkRawParameters(
          "rawParameters", j.rawParameters(), j.isVnet() ? VNET_MANAGED : PLAIN_MANAGED, p);
    }
  }

  static void checkCommand(String field, HookCommand c, Problems p) {
    if (c.command().isBlank()) {
      p.add(
          field,
          c.command(),
          c.hook().parameter() + " command is empty",
          "give a command, e.g. addHook(Hook." + c.hook().name() + ", \"/usr/bin/true\")");
    } else if (c.command().indexOf('\0') >= 0) {
      p.add(
          field,
          c.command(),
          c.hook().parameter() + " command " + show(c.command()) + " contains a NUL character",
          "remove the NUL; no sh command line can hold one");
    }
  }

  /** An absolute path that needs no quoting in jail.conf, fstab or sh. */
  static void checkPath(String field, String path, Problems p) {
    String fix = "use an absolute path like \"/jails/web\"";
    if (!path.startsWith("/")) {
      p.add(field, path, show(path) + " is not an absolute path", fix);
      return;
    }
    int bad =
        Text.firstNotMatching(path, c -> Text.isAsciiAlnum(c) || "_.-+,@:%=~/".indexOf(c) >= 0);
    if (bad >= 0) {
      p.add(
          field,
          path,
          show(path)
              + " contains "
              + describe(bad)
              + ": paths may contain only ASCII letters, digits and _ . - + , @ : % = ~ /",
          fix);
      return;
    }
    if (path.length() > MAX_PATH) {
      p.add(
          field,
          path,
          "path is " + path.length() + " characters long: FreeBSD paths have at most 1023",
          "use a shorter path");
      return;
    }
    if (path.contains("//")) {
      // "//" starts a comment even inside an unquoted jail.conf word (FREEBSD.md, jaillex.l).
      p.add(
          field,
          path,
          show(path) + " contains \"//\"",
          "write single slashes: \"" + path.replaceAll("/+", "/") + "\"");
      return;
    }
    for (String part : path.split("/")) {
      if (part.equals("..") || part.equals(".")) {
        p.add(
            field,
            path,
            show(path) + " contains a \"" + part + "\" component",
            "write the path without \".\" and \"..\" components");
        return;
      }
    }
  }

  /** Parameter names the typed API sets, mapped to the builder method to use instead. */
  private static final Map<String, String> VNET_MANAGED = managedNames(true, "VnetJail");

  private static final Map<String, String> PLAIN_MANAGED = managedNames(false, "PlainJail");

  private static Map<String, String> managedNames(boolean vnet, String builder) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("name", "name(...)");
    m.put("jid", "name(...); the jid is chosen by the kernel");
    m.put("path", "path(...)");
    m.put("host.hostname", "hostname(...)");
    m.put("persist", "persist(...)");
    m.put("nopersist", "persist(false)");
    m.put("mount.devfs", "mountDevfs(...)");
    m.put("mount.nodevfs", "mountDevfs(false)");
    m.put("devfs_ruleset", "devfsRuleset(...)");
    m.put("depend", "addDepend(...)");
    m.put("mount", "addMount(...)");
    m.put("mount.fstab", "mountFstab(...)");
    m.put("mount.fdescfs", "mountFdescfs(true)");
    m.put("mount.nofdescfs", "mountFdescfs(false)");
    m.put("mount.procfs", "mountProcfs(true)");
    m.put("mount.noprocfs", "mountProcfs(false)");
    for (Hook h : Hook.values()) {
      m.put(h.parameter(), "addHook(Hook." + h.name() + ", ...)");
    }
    for (Allow a : Allow.values()) {
      m.put(a.parameter(), "addAllow(Allow." + a.name() + ")");
      m.put(a.negatedParameter(), "addDeny(Allow." + a.name() + ")");
    }
    m.put("sysvmsg", "sysvmsg(SysvIpc...)");
    m.put("sysvsem", "sysvsem(SysvIpc...)");
    m.put("sysvshm", "sysvshm(SysvIpc...)");
    if (vnet) {
      String addr = "ip(...), ip6(...), dhcp() or slaac(); a VNET jail has its own stack";
      m.put("vnet", "VnetJail.builder() (a VnetJail always sets vnet)");
      m.put("vnet.interface", "interfaceNaming(...); the SDK moves the epair's b side in");
      m.put("ip4.addr", addr);
      m.put("ip6.addr", addr);
      m.put("interface", addr);
    } else {
      m.put("ip4.addr", "addAlias(...)");
      m.put("ip6.addr", "addAlias(...)");
      m.put("vnet", "VnetJail.builder() for a VNET jail");
    }
    String prefix = builder + ".builder().";
    m.replaceAll((k, v) -> v.startsWith("VnetJail") ? v : prefix + v);
    return Map.copyOf(m);
  }

  static void checkRawParameters(
      String field, Map<String, List<String>> params, Map<String, String> managed, Problems p) {
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      String name = e.getKey();
      String f = field + "[" + key(name) + "]";
      if (!PARAMETER_NAME.matcher(name).matches()) {
        p.add(
            f,
            name,
            "parameter name "
                + show(name)
                + " is not valid: names are words of ASCII letters, digits and '_' separated by"
                + " single dots, like \"enforce_statfs\" or \"exec.clean\"",
            "use the parameter's jail(8) name");
        continue;
      }
      String variable = name.startsWith("no") ? name.substring(2) : name;
      if (JAIL_CONF_VARIABLES.contains(name) || JAIL_CONF_VARIABLES.contains(variable)) {
        String v = JAIL_CONF_VARIABLES.contains(name) ? name : variable;
        p.add(
            f,
            name,
            "\""
                + name
                + "\" is not a jail(8) parameter, and vnetjail's jail.conf uses $"
                + v
                + " as a variable of each VNET jail: jail(8) refuses a parameter named like a"
                + " variable",
            "use the jail(8) parameter's own name (see jail(8)), e.g. ip4.addr, jid or"
                + " exec.start");
        continue;
      }
      String use = managed.get(name);
      if (use != null) {
        p.add(
            f,
            name,
            "parameter " + name + " is set by the typed API, not as a raw parameter",
            "use " + use);
      }
      for (String v : e.getValue()) {
        if (v.indexOf('\0') >= 0) {
          p.add(
              f,
              v,
              "value "
                  + show(v)
                  + " of "
                  + name
                  + " contains a NUL character, which jail(8)"
                  + " cannot pass on",
              "remove the NUL");
        }
      }
    }
  }

  /** Checks the {@code *} defaults of a host: syntax, NUL, and per-jail-only names. */
  static void checkDefaults(Map<String, List<String>> params, Problems p) {
    Map<String, String> managed = new java.util.LinkedHashMap<>();
    managed.put("name", "name(...) on each jail");
    managed.put("jid", "name(...) on each jail");
    managed.put("vnet.interface", "interfaceNaming(...) on each VnetJail");
    managed.put("depend", "addDepend(...) on each jail");
    checkRawParameters("defaults", params, managed, p);
  }

  static List<String> commonWarnings(Jail j) {
    List<String> w = new ArrayList<>();
    if (j.allow().contains(Allow.SYSVIPC)) {
      w.add(
          "allow.sysvipc is deprecated; use sysvmsg(SysvIpc.NEW), sysvsem(SysvIpc.NEW) and"
              + " sysvshm(SysvIpc.NEW) (isolated), or INHERIT to share the host's IPC as"
              + " allow.sysvipc did");
    }
    j.devfsRuleset()
        .ifPresent(
            r -> {
              if (!j.mountDevfs()) {
                w.add(
                    "devfs ruleset "
                        + r
                        + " has no effect: mount.devfs is off, so jail(8) mounts no devfs");
              }
            });
    for (Mount m : j.mounts()) {
      String root = j.path().endsWith("/") ? j.path() : j.path() + "/";
      if (!m.mountPoint().startsWith(root)) {
        w.add(
            "mount point "
                + m.mountPoint()
                + " is outside the jail's path "
                + j.path()
                + "; jail mounts normally go inside it");
      }
    }
    Set<Allow> allow = j.allow();
    if ((allow.contains(Allow.MOUNT_DEVFS)
            || allow.contains(Allow.MOUNT_NULLFS)
            || allow.contains(Allow.MOUNT_TMPFS)
            || allow.contains(Allow.MOUNT_ZFS)
            || allow.contains(Allow.MOUNT_PROCFS)
            || allow.contains(Allow.MOUNT_FDESCFS)
            || allow.contains(Allow.MOUNT_FUSEFS)
            || allow.contains(Allow.MOUNT_LINPROCFS)
            || allow.contains(Allow.MOUNT_LINSYSFS))
        && !allow.contains(Allow.MOUNT)) {
      w.add(
          "allow.mount.* permissions take effect only together with allow.mount (and"
              + " enforce_statfs below 2)");
    }
    return w;
  }
}
