package io.github.vnetjail.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * jls(8), usr.sbin/jls/jls.c: the default table, {@code -N}, {@code -v}, {@code -d}, {@code -j},
 * explicit parameters with {@code -n}/{@code -q}/{@code -h}/{@code -s}, and {@code --libxo json}
 * (container {@code jail-information}, version "2"). Texts: FREEBSD-COMMANDS.md §4.
 */
final class SimJls implements SimRuntime.Program {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What "all" lists here: top-level parameters first, then alphabetically. */
  private static final List<String> ALL =
      List.of(
          "devfs_ruleset",
          "dying",
          "jid",
          "name",
          "parent",
          "path",
          "persist",
          "vnet",
          "host.hostname",
          "ip4.addr",
          "ip6.addr");

  @Override
  public int run(SimProcess p, List<String> argv) {
    boolean json = false;
    List<String> args = new ArrayList<>();
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("--libxo") && i + 1 < argv.size()) {
        json = argv.get(++i).contains("json");
      } else if (a.startsWith("--libxo=") || a.startsWith("--libxo:")) {
        json = a.contains("json") || a.startsWith("--libxo:J");
      } else {
        args.add(a);
      }
    }
    boolean dying = false;
    boolean nameCol = false;
    boolean named = false;
    boolean quote = false;
    boolean header = false;
    boolean verbose = false;
    Optional<String> only = Optional.empty();
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
      String o = args.get(i++);
      if (o.equals("--")) {
        break;
      }
      for (int k = 1; k < o.length(); k++) {
        char c = o.charAt(k);
        switch (c) {
          case 'a':
          case 'd':
            dying = true;
            break;
          case 'N':
            nameCol = true;
            break;
          case 'n':
            named = true;
            break;
          case 'q':
            quote = true;
            break;
          case 's':
            named = true;
            quote = true;
            break;
          case 'h':
            header = true;
            break;
          case 'v':
            verbose = true;
            break;
          case 'j':
            if (k + 1 < o.length()) {
              only = Optional.of(o.substring(k + 1));
            } else if (i < args.size()) {
              only = Optional.of(args.get(i++));
            } else {
              return usage(p);
            }
            k = o.length();
            break;
          default:
            return usage(p);
        }
      }
    }
    List<String> params = new ArrayList<>(args.subList(i, args.size()));
    if (params.isEmpty() && (named || header)) {
      params.addAll(ALL);
    }
    for (String param : params) {
      if (!ALL.contains(param) && !param.equals("host") && !param.equals("ip4")) {
        return p.fail("jls", "unknown parameter: " + param, 1);
      }
    }
    List<SimJail> jails = new ArrayList<>();
    if (only.isPresent()) {
      SimWorld.Lookup l = p.world.lookup(only.get(), dying);
      if (l.jail().isEmpty()) {
        return p.fail("jls", l.error(), 1);
      }
      jails.add(l.jail().get());
    } else {
      for (SimJail j : p.world.jails.values()) {
        if (dying || !j.dying) {
          jails.add(j);
        }
      }
    }
    if (json) {
      return json(p, jails, params, nameCol, verbose);
    }
    if (!params.isEmpty()) {
      if (header) {
        p.out.append(String.join(" ", params)).append('\n');
      }
      for (SimJail j : jails) {
        List<String> cols = new ArrayList<>();
        for (String param : params) {
          cols.add(text(j, param, named, quote));
        }
        p.out.append(String.join(" ", cols)).append('\n');
      }
      return 0;
    }
    if (verbose) {
      p.out.append("   JID  Hostname                      Path\n");
      p.out.append("        Name                          State\n");
      p.out.append("        CPUSetID\n");
      p.out.append("        IP Address(es)\n");
      for (SimJail j : jails) {
        p.out.append(
            String.format(Locale.ROOT, "%6d  %-29.29s %.74s\n", j.jid, j.hostname, j.path));
        p.out.append(String.format(Locale.ROOT, "        %-29.29s %s\n", j.name, j.state()));
        p.out.append(String.format(Locale.ROOT, "        %d\n", cpuset(j)));
        for (String a : j.ip4) {
          p.out.append("        ").append(a).append('\n');
        }
        for (String a : j.ip6) {
          p.out.append("        ").append(a).append('\n');
        }
      }
      return 0;
    }
    if (nameCol) {
      p.out.append(
          String.format(
              Locale.ROOT, " %-15s %-15s %-29s %s\n", "JID", "IP Address", "Hostname", "Path"));
    } else {
      p.out.append("   JID  IP Address      Hostname                      Path\n");
    }
    for (SimJail j : jails) {
      String ip = j.ip4.isEmpty() ? "" : j.ip4.get(0);
      if (nameCol) {
        p.out.append(String.format(Locale.ROOT, " %-15s ", j.name));
      } else {
        p.out.append(String.format(Locale.ROOT, "%6d  ", j.jid));
      }
      p.out.append(String.format(Locale.ROOT, "%-15.15s %-29.29s %.74s\n", ip, j.hostname, j.path));
    }
    return 0;
  }

  private static int usage(SimProcess p) {
    return p.fail("jls", "usage: jls [-dhNnqv] [-j jail] [param ...]", 1);
  }

  private static int cpuset(SimJail j) {
    return j.jid + 1;
  }

  /** A parameter's value: String, Integer, Boolean or List of String. */
  private static Object value(SimJail j, String param) {
    switch (param) {
      case "jid":
        return j.jid;
      case "name":
        return j.name;
      case "path":
        return j.path;
      case "host.hostname":
        return j.hostname;
      case "ip4.addr":
        return List.copyOf(j.ip4);
      case "ip6.addr":
        return List.copyOf(j.ip6);
      case "vnet":
        return j.vnet ? "new" : "inherit";
      case "host":
        return "new";
      case "ip4":
        return j.vnet ? "new" : (j.ip4.isEmpty() ? "inherit" : "new");
      case "dying":
        return j.dying;
      case "persist":
        return true;
      case "parent":
        return 0;
      case "devfs_ruleset":
        List<String> r = j.params.get("devfs_ruleset");
        return r == null || r.isEmpty() ? 0 : Integer.parseInt(r.get(0));
      default:
        throw new IllegalArgumentException(param);
    }
  }

  private static String text(SimJail j, String param, boolean named, boolean quote) {
    Object v = value(j, param);
    if (v instanceof Boolean) {
      boolean b = (Boolean) v;
      if (named) {
        return b ? param : "no" + param;
      }
      return b ? "true" : "false";
    }
    String s;
    if (v instanceof List) {
      List<?> l = (List<?>) v;
      List<String> parts = new ArrayList<>();
      l.forEach(o -> parts.add(o.toString()));
      s = String.join(",", parts);
    } else {
      s = v.toString();
    }
    if (quote && (s.isEmpty() || s.matches(".*[\\s\"'].*"))) {
      s = "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    } else if (s.isEmpty() && !named) {
      s = "-";
    }
    return named ? param + "=" + s : s;
  }

  private static int json(
      SimProcess p, List<SimJail> jails, List<String> params, boolean nameCol, boolean verbose) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (SimJail j : jails) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (!params.isEmpty()) {
        for (String param : params) {
          m.put(param, value(j, param));
        }
      } else if (verbose) {
        m.put("jid", j.jid);
        m.put("hostname", j.hostname);
        m.put("path", j.path);
        m.put("name", j.name);
        m.put("state", j.state());
        m.put("cpusetid", cpuset(j));
        m.put("ipv4_addrs", List.copyOf(j.ip4));
        m.put("ipv6_addrs", List.copyOf(j.ip6));
      } else {
        if (nameCol) {
          m.put("name", j.name);
        } else {
          m.put("jid", j.jid);
        }
        m.put("ipv4", j.ip4.isEmpty() ? "" : j.ip4.get(0));
        m.put("hostname", j.hostname);
        m.put("path", j.path);
      }
      list.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("__version", "2");
    root.put("jail-information", Map.of("jail", list));
    try {
      p.out.append(JSON.writeValueAsString(root)).append('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return 0;
  }
}
