package io.github.vnetjail.exec;

import io.github.vnetjail.render.RcConf;
import io.github.vnetjail.render.RcConfException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sysrc(8): get, {@code NAME=VALUE}, {@code NAME+=WORD}, {@code NAME-=WORD}, {@code -x}, {@code
 * -n}, {@code -c}, {@code -i}, {@code -q}, {@code -a}, {@code -f FILE}, {@code -j JAIL}. Output
 * texts follow usr.sbin/sysrc/tests/sysrc_test.sh (FREEBSD-COMMANDS.md §6.2). Values are read the
 * way sh would after /etc/defaults/rc.conf (simulated, see {@link #DEFAULTS}) and the file; the
 * file is read and edited with the render module's {@link RcConf}.
 */
final class SimSysrc implements SimRuntime.Program {
  /** The part of /etc/defaults/rc.conf the SDK touches. */
  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("hostname", "");
    DEFAULTS.put("cloned_interfaces", "");
    DEFAULTS.put("defaultrouter", "NO");
    DEFAULTS.put("gateway_enable", "NO");
    DEFAULTS.put("ifconfig_lo0", "inet 127.0.0.1");
    DEFAULTS.put("jail_enable", "NO");
    DEFAULTS.put("jail_conf", "/etc/jail.conf");
    DEFAULTS.put("jail_list", "");
    DEFAULTS.put("jail_parallel_start", "NO");
    DEFAULTS.put("jail_reverse_stop", "NO");
    DEFAULTS.put("rtsold_enable", "NO");
    DEFAULTS.put("sshd_enable", "NO");
    DEFAULTS.put("pf_enable", "NO");
  }

  private static final String USAGE =
      "Usage: sysrc [-cdDeFhinNqvx] [-s name | -f file ...] [-j jail | -R dir] name[[+|-]=value]"
          + " ...\n";

  @Override
  public int run(SimProcess p, List<String> argv) {
    try {
      return sysrc(p, argv);
    } catch (RcConfException e) {
      // sysrc refuses to write what sh -n rejects; the editor says why
      return p.fail("sysrc", e.getMessage(), 1);
    }
  }

  private static int sysrc(SimProcess p, List<String> argv) {
    String file = "/etc/rc.conf";
    boolean delete = false;
    boolean valueOnly = false;
    boolean check = false;
    boolean ignoreUnknown = false;
    boolean quiet = false;
    boolean all = false;
    Optional<String> jail = Optional.empty();
    int i = 1;
    while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
      String o = argv.get(i++);
      if (o.equals("--")) {
        break;
      }
      for (int k = 1; k < o.length(); k++) {
        char c = o.charAt(k);
        if (c == 'f' || c == 'j' || c == 'R' || c == 's') {
          String v;
          if (k + 1 < o.length()) {
            v = o.substring(k + 1);
          } else if (i < argv.size()) {
            v = argv.get(i++);
          } else {
            p.err.append(USAGE);
            return 1;
          }
          if (c == 'f') {
            file = v;
          } else if (c == 'j') {
            jail = Optional.of(v);
          }
          break;
        }
        switch (c) {
          case 'x':
            delete = true;
            break;
          case 'n':
            valueOnly = true;
            break;
          case 'c':
            check = true;
            break;
          case 'i':
            ignoreUnknown = true;
            break;
          case 'q':
            quiet = true;
            break;
          case 'a':
            all = true;
            break;
          case 'v':
          case 'N':
          case 'e':
          case 'F':
          case 'd':
          case 'D':
            break;
          default:
            p.err.append("sysrc: illegal option -- ").append(c).append('\n').append(USAGE);
            return 1;
        }
      }
    }
    String root = "/";
    if (jail.isPresent()) {
      SimWorld.Lookup l = p.world.lookup(jail.get(), false);
      if (l.jail().isEmpty()) {
        return p.fail("sysrc", l.error(), 1);
      }
      root = l.jail().get().path;
    }
    String path = SimFileSystem.normalize(root + "/" + p.hostPath(file));
    String text = p.world.fs.read(path).orElse("");
    List<String> names = argv.subList(i, argv.size());
    if (all) {
      TreeMap<String, String> vars = new TreeMap<>();
      Matcher m = Pattern.compile("(?m)^[ \t]*([A-Za-z_][A-Za-z0-9_]*)=").matcher(text);
      while (m.find()) {
        vars.put(m.group(1), get(text, m.group(1)).orElse(""));
      }
      for (Map.Entry<String, String> e : vars.entrySet()) {
        p.out.append(valueOnly ? e.getValue() : e.getKey() + ": " + e.getValue()).append('\n');
      }
      return 0;
    }
    if (names.isEmpty()) {
      p.err.append(USAGE);
      return 1;
    }
    int rc = 0;
    for (String arg : names) {
      Matcher m =
          Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(\\+=|-=|=)?(.*)", Pattern.DOTALL).matcher(arg);
      if (!m.matches() || (m.group(2) == null && !m.group(3).isEmpty())) {
        p.err.append("sysrc: ").append(arg).append(": invalid variable name\n");
        rc = 1;
        continue;
      }
      String name = m.group(1);
      String op = m.group(2);
      Optional<String> current = get(text, name).or(() -> Optional.ofNullable(DEFAULTS.get(name)));
      if (delete) {
        if (op == null) {
          text = delete(text, name);
        }
        continue;
      }
      if (op == null) {
        if (current.isEmpty()) {
          if (check) {
            rc = 1;
          } else if (!ignoreUnknown) {
            p.err.append("sysrc: unknown variable '").append(name).append("'\n");
            rc = 1;
          }
          continue;
        }
        if (!check) {
          p.out.append(valueOnly ? current.get() : name + ": " + current.get()).append('\n');
        }
        continue;
      }
      String old = current.orElse("");
      String value = m.group(3);
      if (op.equals("+=") || op.equals("-=")) {
        List<String> words = new ArrayList<>(List.of(old.trim().split("[ \t]+")));
        words.removeIf(String::isEmpty);
        for (String w : value.trim().split("[ \t]+")) {
          if (w.isEmpty()) {
            continue;
          }
          if (op.equals("+=")) {
            if (!words.contains(w)) {
              words.add(w);
            }
          } else {
            words.removeIf(w::equals);
          }
        }
        value = String.join(" ", words);
      }
      if (check) {
        if (!old.equals(value)) {
          rc = 1;
        }
        continue;
      }
      if (value.contains("\n")) {
        p.err.append("sysrc: ").append(name).append(": values must be one line\n");
        rc = 1;
        continue;
      }
      text = set(text, name, value);
      if (!quiet) {
        p.out.append(valueOnly ? value : name + ": " + old + " -> " + value).append('\n');
      }
    }
    if (!check) {
      String dir = SimFileSystem.parent(path);
      if (!p.world.fs.isDirectory(dir)) {
        return p.fail("sysrc", file + ": No such file or directory", 1);
      }
      if (!text.equals(p.world.fs.read(path).orElse("")) || p.world.fs.isFile(path)) {
        p.world.fs.write(path, text);
      }
    }
    return rc;
  }

  /** The value sh sees for {@code name} after reading {@code text}, if the text assigns it. */
  static Optional<String> get(String text, String name) {
    return RcConf.parse(text).get(name);
  }

  /** Sets {@code name} like sysrc: the last assigning line changes, else a line is appended. */
  static String set(String text, String name, String value) {
    return RcConf.parse(text).set(name, value).render();
  }

  /** Removes every line assigning {@code name}. */
  static String delete(String text, String name) {
    return RcConf.parse(text).delete(name).render();
  }

  /** The value rc.d scripts see: the file's, else the default, else empty. */
  static String rcvar(SimWorld world, String name) {
    String text = world.fs.read("/etc/rc.conf").orElse("");
    try {
      return get(text, name).orElse(DEFAULTS.getOrDefault(name, ""));
    } catch (RcConfException e) {
      return DEFAULTS.getOrDefault(name, "");
    }
  }
}
