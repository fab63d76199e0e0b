package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * jail(8): {@code -c}, {@code -r}, {@code -m}, {@code -rc}, {@code -R} with {@code -f FILE}, {@code
 * -q}, {@code -v}, {@code -i}, and the command-line form {@code jail -c name=web vnet persist}.
 * Step order and failure handling follow usr.sbin/jail/jail.c (startcommands, stopcommands, main)
 * and command.c (next_command, run_command, finish_command); texts: FREEBSD-COMMANDS.md §3.
 */
final class SimJailCommand implements SimRuntime.Program {
  private static final String USAGE =
      "usage: jail [-dhilqv] [-J jid_file] [-u username] [-U username]\n"
          + "            -[cmr] param=value ... [command=command ...]\n"
          + "       jail [-dqv] [-f file] -[cmr] [jail]\n"
          + "       jail [-qv] [-f file] -[rR] ['*' | jail ...]\n"
          + "       jail [-dhilqv] [-J jid_file] [-u username] [-U username]\n"
          + "            [-n jailname] [-s securelevel]\n"
          + "            path hostname ip[,...] command ...\n"
          + "       jail [-f file] -e separator\n";

  /** Characters that make run_command use /bin/sh -c (command.c default_command strpbrk). */
  private static final String SHELL_SPECIALS = "!\"$&'()*;<>?[\\]`{|}~";

  private static final Set<String> KNOWN =
      Set.of(
          "jid",
          "name",
          "path",
          "ip4",
          "ip6",
          "ip4.addr",
          "ip6.addr",
          "ip4.saddrsel",
          "ip6.saddrsel",
          "vnet",
          "host",
          "securelevel",
          "devfs_ruleset",
          "enforce_statfs",
          "persist",
          "parent",
          "osrelease",
          "osreldate",
          "dying",
          "sysvmsg",
          "sysvsem",
          "sysvshm",
          "linux",
          "command",
          "depend",
          "interface",
          "ip_hostname",
          "vnet.interface",
          "mount",
          "mount.fstab",
          "mount.devfs",
          "mount.fdescfs",
          "mount.procfs",
          "stop.timeout",
          "allow.dying",
          "meta",
          "env",
          "nopersist",
          "novnet");

  private static final List<String> KNOWN_PREFIXES =
      List.of(
          "allow.",
          "host.",
          "exec.",
          "mount.",
          "linux.",
          "children.",
          "ip4.",
          "ip6.",
          "cpuset.",
          "zfs.",
          "mac.",
          "security.",
          "nfsd.");

  private SimProcess p;
  private int verbose;
  private boolean printJid;
  private boolean error;

  @Override
  public int run(SimProcess proc, List<String> argv) {
    SimJailCommand c = new SimJailCommand();
    c.p = proc;
    return c.main(argv);
  }

  private int usage() {
    p.err.append(USAGE);
    return 1;
  }

  private void warnx(String message) {
    p.err.append("jail: ").append(message).append('\n');
  }

  private void jailWarnx(String name, String message) {
    warnx(name == null ? message : name + ": " + message);
  }

  private void note(String name, String message) {
    p.out.append(name == null ? "" : name + ": ").append(message).append('\n');
  }

  private int main(List<String> argv) {
    boolean create = false;
    boolean modify = false;
    boolean remove = false;
    boolean removeNoConf = false;
    String file = "/etc/jail.conf";
    int i = 1;
    while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
      String o = argv.get(i++);
      if (o.equals("--")) {
        break;
      }
      for (int k = 1; k < o.length(); k++) {
        char c = o.charAt(k);
        if ("efJnpsuU".indexOf(c) >= 0) {
          String v;
          if (k + 1 < o.length()) {
            v = o.substring(k + 1);
          } else if (i < argv.size()) {
            v = argv.get(i++);
          } else {
            p.err.append("jail: option requires an argument -- ").append(c).append('\n');
            return usage();
          }
          if (c == 'f') {
            file = v;
          }
          break;
        }
        switch (c) {
          case 'c':
            create = true;
            break;
          case 'm':
            modify = true;
            break;
          case 'r':
            remove = true;
            break;
          case 'R':
            remove = true;
            removeNoConf = true;
            break;
          case 'q':
            verbose = -1;
            break;
          case 'v':
            verbose = 1;
            break;
          case 'i':
            printJid = true;
            break;
          case 'd':
            warnx("the 'allow.dying' parameter and '-d' flagare deprecated and have no effect.");
            break;
          case 'h':
          case 'l':
            break;
          default:
            p.err.append("jail: illegal option -- ").append(c).append('\n');
            return usage();
        }
      }
    }
    List<String> args = argv.subList(i, argv.size());
    if (!create && !modify && !remove) {
      return usage();
    }
    if ((create || modify) && !remove && !args.isEmpty() && args.get(0).contains("=")) {
      return commandLineJail(args, create);
    }
    if (remove && args.isEmpty()) {
      return usage();
    }
    String hostFile = p.hostPath(file);
    boolean docf = !removeNoConf && p.world.fs.isFile(hostFile);
    Optional<SimJailConfigReader.Config> config = Optional.empty();
    if (!removeNoConf) {
      if (!p.world.fs.isFile(hostFile)) {
        if (!remove) {
          warnx(file + ": No such file or directory");
          return 1;
        }
      } else {
        try {
          String text = p.world.fs.read(hostFile).get();
          config = Optional.of(p.runtime.configReader.parse(file, text, p.world.fs));
        } catch (SimJailConfigReader.ConfigError e) {
          e.lines.forEach(l -> p.err.append(l).append('\n'));
          return 1;
        }
      }
    }
    List<String> names = new ArrayList<>(args);
    boolean wildcard = false;
    if (names.isEmpty()) {
      names.addAll(config.map(SimJailConfigReader.Config::jailNames).orElse(List.of()));
      wildcard = true;
    } else if (remove && names.size() == 1 && names.get(0).equals("*")) {
      names.clear();
      for (SimJail j : p.world.jails.values()) {
        if (!j.dying) {
          names.add(j.name);
        }
      }
      wildcard = true;
    }
    boolean noteRemove = docf || args.size() > 1 || wildcard;
    Set<String> undefinedDepend = undefinedDependencies(config);
    for (String name : names) {
      boolean inConfig = config.map(c -> c.jailNames().contains(name)).orElse(false);
      if (inConfig && undefinedDepend.contains(name)) {
        error = true;
        continue;
      }
      Map<String, List<String>> params = new LinkedHashMap<>();
      if (inConfig) {
        try {
          params.putAll(config.get().parameters(name));
        } catch (SimJailConfigReader.ConfigError e) {
          e.lines.forEach(l -> p.err.append(l).append('\n'));
          error = true;
          continue;
        }
      }
      if (remove) {
        Optional<SimJail> running = p.world.activeByName(name);
        if (running.isEmpty() && name.matches("\\d+")) {
          running = p.world.byJid(Integer.parseInt(name));
        }
        if (running.isEmpty()) {
          running = p.world.dyingByName(name);
        }
        if (running.isEmpty()) {
          if (verbose >= 0 || !inConfig) {
            warnx("\"" + name + "\" not found");
          }
          error = true;
          continue;
        }
        if (!inConfig && removeNoConf) {
          params.clear();
        }
        boolean stopped = stop(running.get(), params, create ? false : noteRemove);
        if (create && stopped) {
          start(name, params);
        }
        continue;
      }
      if (!inConfig) {
        warnx("\"" + name + "\" not found");
        error = true;
        continue;
      }
      if (create) {
        if (p.world.activeByName(name).isPresent()) {
          warnx("\"" + name + "\" already exists");
          error = true;
          continue;
        }
        start(name, params);
      } else {
        Optional<SimJail> running = p.world.activeByName(name);
        if (running.isEmpty()) {
          warnx("\"" + name + "\" not found");
          error = true;
        } else if (verbose >= 0) {
          note(name, "updated");
        }
      }
    }
    return error ? 1 : 0;
  }

  /**
   * state.c dep_setup with a config file: every jail of the file whose {@code depend} names a jail
   * the file does not define is warned about ({@code jail: NAME: depends on undefined jail
   * "OTHER"}) and failed, whatever the command targets; returns those jails.
   */
  private Set<String> undefinedDependencies(Optional<SimJailConfigReader.Config> config) {
    Set<String> failed = new java.util.LinkedHashSet<>();
    if (config.isEmpty()) {
      return failed;
    }
    List<String> defined = config.get().jailNames();
    for (String name : defined) {
      List<String> depend;
      try {
        depend = config.get().parameters(name).getOrDefault("depend", List.of());
      } catch (SimJailConfigReader.ConfigError e) {
        continue; // reported when the jail itself is processed
      }
      for (String d : depend) {
        if (!defined.contains(d)) {
          jailWarnx(name, "depends on undefined jail \"" + d + "\"");
          failed.add(name);
        }
      }
    }
    return failed;
  }

  private int commandLineJail(List<String> args, boolean create) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      String key = eq < 0 ? a : a.substring(0, eq);
      List<String> values = params.computeIfAbsent(key, k -> new ArrayList<>());
      if (eq >= 0) {
        String v = a.substring(eq + 1);
        if (key.equals("ip4.addr") || key.equals("ip6.addr")) {
          values.addAll(List.of(v.split(",")));
        } else {
          values.add(v);
        }
      }
    }
    Optional<String> name = first(params, "name");
    if (!create) {
      Optional<SimJail> j = name.flatMap(p.world::activeByName);
      if (j.isEmpty()) {
        warnx("\"" + name.orElse("") + "\" not found");
        return 1;
      }
      return 0;
    }
    if (name.isPresent() && p.world.activeByName(name.get()).isPresent()) {
      warnx("\"" + name.get() + "\" already exists");
      return 1;
    }
    start(null, params);
    return error ? 1 : 0;
  }

  private static Optional<String> first(Map<String, List<String>> params, String key) {
    List<String> v = params.get(key);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  private static boolean bool(Map<String, List<String>> params, String key) {
    List<String> v = params.get(key);
    if (v == null) {
      return false;
    }
    if (v.isEmpty()) {
      return true;
    }
    String s = v.get(0);
    return s.equalsIgnoreCase("true") || (s.matches("-?\\d+") && Integer.parseInt(s) != 0);
  }

  private static boolean known(String param) {
    String base = param;
    if (KNOWN.contains(base)) {
      return true;
    }
    if (base.startsWith("no")) {
      base = base.substring(2);
    }
    base = base.replace(".no", ".");
    if (KNOWN.contains(base)) {
      return true;
    }
    for (String prefix : KNOWN_PREFIXES) {
      if (base.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- create

  /** One step that jail(8) undoes when a later step fails (the non-exec steps it ran). */
  private static final class Done {
    final String kind;
    final String value;

    Done(String kind, String value) {
      this.kind = kind;
      this.value = value;
    }
  }

  /** The create sequence (jail.c startcommands); returns true when the jail was started. */
  private boolean start(String configName, Map<String, List<String>> params) {
    // messages carry the config name only; command-line jails print without a prefix
    String name = configName;
    for (String key : params.keySet()) {
      if (!known(key)) {
        // import_params: libjail rejects the name before any command runs
        jailWarnx(configName, "unknown parameter: " + key);
        error = true;
        return false;
      }
    }
    Optional<List<String>> fstab = fstabLines(name, params);
    if (fstab.isEmpty()) {
      error = true;
      return false;
    }
    List<String> vnetValue = params.get("vnet");
    boolean vnet = vnetValue != null && (vnetValue.isEmpty() || vnetValue.get(0).equals("new"));
    String path = first(params, "path").orElse("/");
    List<Done> done = new ArrayList<>();
    SimJail jail = null;
    boolean failed = false;
    step:
    {
      if (!runHooks(name, params, "exec.prepare", null)) {
        failed = true;
        break step;
      }
      if (!vnet) {
        for (String family : List.of("ip4.addr", "ip6.addr")) {
          for (String a : params.getOrDefault(family, List.of())) {
            Optional<List<String>> cmd = aliasCommand(params, family, a, false);
            if (cmd.isEmpty()) {
              continue;
            }
            if (!runInternal(name, cmd.get(), Optional.empty())) {
              failed = true;
              break step;
            }
            done.add(new Done(family, a));
          }
        }
      }
      // IP_MOUNT, IP__MOUNT_FROM_FSTAB, IP_MOUNT_DEVFS, IP_MOUNT_FDESCFS, IP_MOUNT_PROCFS
      for (String line : params.getOrDefault("mount", List.of())) {
        if (!mountLine(name, "mount", line, false)) {
          failed = true;
          break step;
        }
        done.add(new Done("mount", line));
      }
      for (String line : fstab.get()) {
        if (!mountLine(name, "mount.fstab", line, false)) {
          failed = true;
          break step;
        }
        done.add(new Done("mount.fstab", line));
      }
      for (String fs : SPECIAL_MOUNTS) {
        if (bool(params, "mount." + fs)) {
          if (!mountSpecial(name, params, fs, false)) {
            failed = true;
            break step;
          }
          done.add(new Done("mount." + fs, ""));
        }
      }
      if (!runHooks(name, params, "exec.prestart", null)) {
        failed = true;
        break step;
      }
      if (!p.world.fs.isDirectory(path)) {
        jailWarnx(
            name,
            p.world.fs.exists(path)
                ? "path " + path + ": Not a directory"
                : "path " + path + ": No such file or directory");
        failed = true;
        break step;
      }
      // a command-line jail without a name is named by its jid (kern_jail.c)
      String jailName =
          first(params, "name").orElse(name == null ? Integer.toString(p.world.nextJid) : name);
      jail = p.world.createJail(jailName, path, first(params, "host.hostname"), vnet);
      jail.params.putAll(params);
      if (!vnet) {
        for (String a : params.getOrDefault("ip4.addr", List.of())) {
          jail.ip4.add(kernelAddress(a));
        }
        for (String a : params.getOrDefault("ip6.addr", List.of())) {
          jail.ip6.add(kernelAddress(a));
        }
      }
      done.add(new Done("create", ""));
      if (printJid) {
        p.out.append(jail.jid).append('\n');
      }
      if (verbose >= 0 && (configName != null || verbose > 0)) {
        note(name, "created");
      }
      if (!runHooks(name, params, "exec.created", null)) {
        failed = true;
        break step;
      }
      for (String iface : params.getOrDefault("vnet.interface", List.of())) {
        if (iface.isEmpty()) {
          continue;
        }
        List<String> cmd = List.of("/sbin/ifconfig", iface, "vnet", jail.name);
        if (!runInternal(name, cmd, Optional.empty())) {
          failed = true;
          break step;
        }
        done.add(new Done("vnet.interface", iface));
      }
      for (String hook : List.of("exec.start", "command", "exec.poststart")) {
        boolean inJail = !hook.equals("exec.poststart");
        if (!runHooks(name, params, hook, inJail ? jail : null)) {
          failed = true;
          break step;
        }
      }
    }
    if (!failed) {
      return true;
    }
    error = true;
    // next_command with create_failed: walk the list backwards, undoing non-exec steps only
    for (int k = done.size() - 1; k >= 0; k--) {
      Done d = done.get(k);
      switch (d.kind) {
        case "vnet.interface":
          runInternal(
              name, List.of("/sbin/ifconfig", d.value, "-vnet", jail.name), Optional.empty());
          break;
        case "create":
          p.world.removeJail(jail);
          if (verbose > 0 || (verbose == 0 && name != null)) {
            note(name, "removed");
          }
          break;
        case "mount":
        case "mount.fstab":
          mountLine(name, d.kind, d.value, true);
          break;
        case "mount.devfs":
        case "mount.fdescfs":
        case "mount.procfs":
          mountSpecial(name, params, d.kind.substring("mount.".length()), true);
          break;
        default:
          aliasCommand(params, d.kind, d.value, true)
              .ifPresent(cmd -> runInternal(name, cmd, Optional.empty()));
          break;
      }
    }
    return false;
  }

  /** What the kernel keeps of an ip4.addr/ip6.addr value: the address, without IF| and /len. */
  private static String kernelAddress(String value) {
    String a = value.contains("|") ? value.substring(value.indexOf('|') + 1) : value;
    return a.contains("/") ? a.substring(0, a.indexOf('/')) : a;
  }

  /**
   * The ifconfig argv jail(8) builds for one ip4.addr/ip6.addr value (run_command IP__IP4_IFADDR).
   */
  private static Optional<List<String>> aliasCommand(
      Map<String, List<String>> params, String family, String value, boolean down) {
    String iface;
    String addr;
    if (value.contains("|")) {
      iface = value.substring(0, value.indexOf('|'));
      addr = value.substring(value.indexOf('|') + 1);
    } else {
      Optional<String> i = first(params, "interface");
      if (i.isEmpty()) {
        return Optional.empty();
      }
      iface = i.get();
      addr = value;
    }
    List<String> argv = new ArrayList<>(List.of("/sbin/ifconfig", iface));
    if (family.equals("ip4.addr")) {
      argv.add("inet");
      int slash = addr.indexOf('/');
      if (slash < 0) {
        argv.addAll(List.of(addr, "netmask", "255.255.255.255"));
      } else if (addr.indexOf('.', slash) >= 0) {
        argv.addAll(List.of(addr.substring(0, slash), "netmask", addr.substring(slash + 1)));
      } else {
        argv.add(addr);
      }
    } else {
      argv.add("inet6");
      argv.add(addr);
      if (!addr.contains("/")) {
        argv.addAll(List.of("prefixlen", "128"));
      }
    }
    argv.add(down ? "-alias" : "alias");
    return Optional.of(argv);
  }

  // ---------------------------------------------------------------- remove

  /** The remove sequence (jail.c stopcommands); returns false when it stopped before removal. */
  private boolean stop(SimJail jail, Map<String, List<String>> params, boolean noteRemove) {
    String name = jail.name;
    // check_intparams reads mount.fstab for a removal too; a missing file fails the jail first
    Optional<List<String>> fstab = fstabLines(name, params);
    if (fstab.isEmpty()) {
      error = true;
      return false;
    }
    if (!runHooks(name, params, "exec.prestop", null)) {
      error = true;
      return false;
    }
    if (!jail.dying && !runHooks(name, params, "exec.stop", jail)) {
      error = true;
      return false;
    }
    p.world.removeJail(jail);
    if (verbose > 0 || (verbose == 0 && noteRemove)) {
      note(name, "removed");
    }
    boolean ok = runHooks(name, params, "exec.poststop", null, true);
    // umount in reverse: procfs, fdescfs, devfs, then the fstab lines and mount values (PF_REV)
    for (int k = SPECIAL_MOUNTS.size() - 1; k >= 0; k--) {
      String fs = SPECIAL_MOUNTS.get(k);
      if (bool(params, "mount." + fs)) {
        ok &= mountSpecial(name, params, fs, true);
      }
    }
    for (String line : reversed(fstab.get())) {
      ok &= mountLine(name, "mount.fstab", line, true);
    }
    for (String line : reversed(params.getOrDefault("mount", List.of()))) {
      ok &= mountLine(name, "mount", line, true);
    }
    if (!jail.vnet) {
      // PF_REV parameters run in reverse when stopping; ip6 before ip4
      for (String family : List.of("ip6.addr", "ip4.addr")) {
        for (String a : reversed(params.getOrDefault(family, List.of()))) {
          Optional<List<String>> cmd = aliasCommand(params, family, a, true);
          if (cmd.isPresent() && !runInternal(name, cmd.get(), Optional.empty())) {
            ok = false;
          }
        }
      }
    }
    ok &= runHooks(name, params, "exec.release", null, true);
    if (!ok) {
      error = true;
    }
    return ok;
  }

  // ---------------------------------------------------------------- mounts

  /** The file systems of mount.devfs, mount.fdescfs, mount.procfs in startcommands order. */
  private static final List<String> SPECIAL_MOUNTS = List.of("devfs", "fdescfs", "procfs");

  private static List<String> reversed(List<String> values) {
    List<String> r = new ArrayList<>(values);
    java.util.Collections.reverse(r);
    return r;
  }

  /**
   * config.c check_intparams: the lines of every mount.fstab file, each cut at its first {@code #}
   * (IP__MOUNT_FROM_FSTAB values); empty when a file cannot be opened, after {@code jail: NAME:
   * mount.fstab: FILE: No such file or directory}.
   */
  private Optional<List<String>> fstabLines(String name, Map<String, List<String>> params) {
    List<String> lines = new ArrayList<>();
    boolean ok = true;
    for (String file : params.getOrDefault("mount.fstab", List.of())) {
      if (file.isEmpty()) {
        continue;
      }
      String hostFile = p.hostPath(file);
      if (!p.world.fs.exists(hostFile)) {
        jailWarnx(name, "mount.fstab: " + file + ": No such file or directory");
        ok = false;
        continue;
      }
      String text = p.world.fs.read(hostFile).orElse("");
      List<String> raw = new ArrayList<>(List.of(text.split("\n", -1)));
      if (text.isEmpty() || text.endsWith("\n")) {
        raw.remove(raw.size() - 1); // fgetln returns no line after the last newline
      }
      for (String line : raw) {
        int hash = line.indexOf('#');
        lines.add(hash < 0 ? line : line.substring(0, hash));
      }
    }
    return ok ? Optional.of(lines) : Optional.empty();
  }

  /**
   * run_command IP_MOUNT / IP__MOUNT_FROM_FSTAB: an fstab(5) line ({@code SPECIAL NODE TYPE
   * [OPTIONS ...]}) becomes {@code /sbin/mount -t TYPE [-o OPTIONS] SPECIAL NODE}, or {@code
   * /sbin/umount -t TYPE NODE} on the way down; a blank line runs nothing.
   */
  private boolean mountLine(String name, String param, String line, boolean down) {
    List<String> f = new ArrayList<>();
    for (String w : line.split("[ \t\f\u000b\r\n]+")) {
      if (!w.isEmpty() && f.size() < 4) {
        f.add(w);
      }
    }
    if (f.isEmpty()) {
      return true;
    }
    if (f.size() < 3) {
      jailWarnx(name, param + ": " + line + ": missing information");
      return false;
    }
    if (!checkPath(name, param, f.get(1), down ? f.get(2) : null)) {
      return false;
    }
    List<String> argv;
    if (down) {
      argv = List.of("/sbin/umount", "-t", f.get(2), f.get(1));
    } else if (f.size() == 4) {
      argv = List.of("/sbin/mount", "-t", f.get(2), "-o", f.get(3), f.get(0), f.get(1));
    } else {
      argv = List.of("/sbin/mount", "-t", f.get(2), f.get(0), f.get(1));
    }
    return runInternal(name, argv, Optional.empty());
  }

  /**
   * run_command IP_MOUNT_DEVFS, IP_MOUNT_FDESCFS, IP_MOUNT_PROCFS: {@code /sbin/mount -t devfs
   * -oruleset=RULESET . PATH/dev} (devfs_ruleset, else 4), {@code /sbin/mount -t fdescfs .
   * PATH/dev/fd}, {@code /sbin/mount -t procfs . PATH/proc}; {@code /sbin/umount MOUNTPOINT} on the
   * way down.
   */
  private boolean mountSpecial(
      String name, Map<String, List<String>> params, String fs, boolean down) {
    String param = "mount." + fs;
    List<String> path = params.getOrDefault("path", List.of());
    if (path.isEmpty()) {
      jailWarnx(name, param + ": no path");
      return false;
    }
    String where =
        path.get(path.size() - 1)
            + (fs.equals("devfs") ? "/dev" : fs.equals("fdescfs") ? "/dev/fd" : "/proc");
    if (!checkPath(name, param, where, down ? fs : null)) {
      return false;
    }
    List<String> argv;
    if (down) {
      argv = List.of("/sbin/umount", where);
    } else if (fs.equals("devfs")) {
      List<String> r = params.getOrDefault("devfs_ruleset", List.of());
      String ruleset = r.isEmpty() ? "4" : r.get(r.size() - 1);
      argv = List.of("/sbin/mount", "-t", "devfs", "-oruleset=" + ruleset, ".", where);
    } else {
      argv = List.of("/sbin/mount", "-t", fs, ".", where);
    }
    return runInternal(name, argv, Optional.empty());
  }

  /**
   * command.c check_path: a mount point must be absolute; on the way down it must be the root of a
   * file system of {@code umountType}. (Its lstat of each component below the jail's path is not
   * modelled: jail roots on the simulated host hold no userland, and the host has no symlinks.)
   */
  private boolean checkPath(String name, String param, String path, String umountType) {
    if (!path.startsWith("/")) {
      jailWarnx(name, param + ": " + path + ": not an absolute pathname");
      return false;
    }
    if (umountType == null) {
      return true;
    }
    String node = SimFileSystem.normalize(path);
    Optional<SimulatedHost.Mount> top = Optional.empty();
    for (SimulatedHost.Mount m : p.runtime.mounts) {
      if (m.mountPoint().equals(node)) {
        top = Optional.of(m);
      }
    }
    if (top.isEmpty()) {
      jailWarnx(
          name,
          param
              + ": "
              + path
              + (p.world.fs.exists(node) ? ": not a mount point" : ": No such file or directory"));
      return false;
    }
    if (!top.get().type().equals(umountType)) {
      jailWarnx(name, param + ": " + path + ": not a " + umountType + " mount");
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- commands

  /** Runs every value of one exec.* parameter in order; false at the first failure. */
  private boolean runHooks(
      String name, Map<String, List<String>> params, String param, SimJail inJail) {
    return runHooks(name, params, param, inJail, false);
  }

  /**
   * Runs the values of one exec.* parameter in order. After a jail's removal a failure does not
   * stop the rest (jail.c main: only a jail with {@code jid > 0} is given up; next_command walks on
   * when JF_STOP is set); otherwise the first failure ends the list.
   */
  private boolean runHooks(
      String name,
      Map<String, List<String>> params,
      String param,
      SimJail inJail,
      boolean keepGoing) {
    boolean allOk = true;
    for (String value : params.getOrDefault(param, List.of())) {
      if (value.isEmpty()) {
        continue;
      }
      int special = firstSpecial(value);
      List<String> argv;
      boolean background = false;
      if (special >= 0 && !(value.charAt(special) == '&' && special == value.length() - 1)) {
        argv = List.of("/bin/sh", "-c", value);
      } else {
        String line = value;
        if (special >= 0) {
          line = value.substring(0, special);
          background = true;
        }
        argv = new ArrayList<>();
        for (String w : line.split("[ \t\f\u000b\r\n]+")) {
          if (!w.isEmpty()) {
            argv.add(w);
          }
        }
        if (argv.isEmpty()) {
          continue;
        }
      }
      if (background) {
        // a trailing "&": run in the background, not waited for, status ignored (run_command bg)
        if (SimRuntime.resolve(argv.get(0)).isPresent()) {
          p.runtime.spawn(Optional.ofNullable(inJail), argv, "", p.out, p.err);
        }
        continue;
      }
      if (!runInternal(name, argv, Optional.ofNullable(inJail))) {
        allOk = false;
        if (!keepGoing) {
          return false;
        }
      }
    }
    return allOk;
  }

  private static int firstSpecial(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (SHELL_SPECIALS.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Runs one command for jail {@code name}; reports a failure the way finish_command does. */
  private boolean runInternal(String name, List<String> argv, Optional<SimJail> inJail) {
    String comline = String.join(" ", argv);
    if (verbose > 0) {
      note(name, "run command" + (inJail.isPresent() ? " in jail" : "") + ": " + comline);
    }
    int code;
    p.runtime.lastTimedOut = false;
    if (SimRuntime.resolve(argv.get(0)).isEmpty()) {
      p.runtime.processes.add(
          new SimulatedHost.Process(inJail.map(j -> j.name).orElse("host"), List.copyOf(argv), 1));
      jailWarnx(name, "exec " + argv.get(0) + ": No such file or directory");
      code = 1;
    } else {
      code = p.runtime.spawn(inJail, argv, "", p.out, p.err);
    }
    if (code != 0) {
      // finish_command: a command killed by exec.timeout "timed out", any other failure "failed"
      jailWarnx(name, comline + (p.runtime.lastTimedOut ? ": timed out" : ": failed"));
      return false;
    }
    return true;
  }
}
