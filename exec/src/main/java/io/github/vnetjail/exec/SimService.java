package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * service(8) for the one rc.d script the SDK drives: {@code service jail start|stop|restart|status}
 * and their {@code one*} forms, as libexec/rc/rc.d/jail does them (jail_start/jail_stop,
 * parse_options; FREEBSD-COMMANDS.md §6.1). Other services are unknown.
 */
final class SimService implements SimRuntime.Program {
  @Override
  public int run(SimProcess p, List<String> argv) {
    if (argv.size() < 3) {
      p.err.append(
          "usage: service [-j <jail name or id>] [-rv] <rc.d script> start|stop|etc.\n"
              + "       service -e\n"
              + "       service -R\n"
              + "       service [-j <jail name or id>] -l | -r\n");
      return 1;
    }
    String script = argv.get(1);
    if (!script.equals("jail")) {
      p.err
          .append(script)
          .append(
              " does not exist in /etc/rc.d or the local startup directories"
                  + " (/usr/local/etc/rc.d), or is not executable.\n");
      return 1;
    }
    String command = argv.get(2);
    List<String> names = argv.subList(3, argv.size());
    boolean one = command.startsWith("one");
    String base = one ? command.substring(3) : command;
    if (!List.of("start", "stop", "restart", "status").contains(base)) {
      p.err.append("/etc/rc.d/jail: unknown directive '").append(command).append("'.\n");
      p.err
          .append("Usage: /etc/rc.d/jail [fast|force|one|quiet](start|stop|restart|rcvar|")
          .append("enabled|describe|extracommands|config|console|status|poll)\n");
      return 1;
    }
    if (!one && !yes(SimSysrc.rcvar(p.world, "jail_enable"))) {
      p.out
          .append("Cannot '")
          .append(base)
          .append("' jail. Set jail_enable to YES in /etc/rc.conf or use 'one")
          .append(base)
          .append("' instead of '")
          .append(base)
          .append("'.\n");
      return 0;
    }
    switch (base) {
      case "status":
        return p.run(List.of("/usr/sbin/jls", "-N"));
      case "start":
        start(p, names);
        return 0;
      case "stop":
        stop(p, names);
        return 0;
      default:
        stop(p, names);
        start(p, names);
        return 0;
    }
  }

  private static boolean yes(String v) {
    String s = v.toLowerCase(Locale.ROOT);
    return s.equals("yes") || s.equals("true") || s.equals("on") || s.equals("1");
  }

  private static List<String> listed(SimProcess p, List<String> names) {
    if (!names.isEmpty()) {
      return names;
    }
    List<String> out = new ArrayList<>();
    for (String w : SimSysrc.rcvar(p.world, "jail_list").trim().split("[ \t]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** parse_options: the first readable config for the jail, or empty. */
  private static Optional<String> configFor(SimProcess p, String name) {
    String norm = name.replace('/', '_').replace('.', '_');
    String stem = name.replaceAll("[^A-Za-z0-9]", "_");
    String own = SimSysrc.rcvar(p.world, "jail_" + stem + "_conf");
    List<String> candidates = new ArrayList<>();
    candidates.add(own.isEmpty() ? "/etc/jail." + norm + ".conf" : own);
    candidates.add("/etc/jail.conf.d/" + norm + ".conf");
    candidates.add(SimSysrc.rcvar(p.world, "jail_conf"));
    for (String c : candidates) {
      if (!c.isEmpty() && p.world.fs.isFile(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static void start(SimProcess p, List<String> names) {
    List<String> jails = listed(p, names);
    p.out.append("Starting jails:");
    if (jails.isEmpty()) {
      String conf = SimSysrc.rcvar(p.world, "jail_conf");
      StringBuilder captured = new StringBuilder();
      int rc = p.run(List.of("/usr/sbin/jail", "-f", conf, "-p1", "-c"), "", captured, captured);
      if (rc == 0) {
        for (SimJail j : p.world.jails.values()) {
          if (!j.dying) {
            p.out.append(' ').append(j.name);
          }
        }
      } else {
        p.out.append(" cannot start jail  \"_ALL\": \n").append(captured);
      }
      p.out.append(".\n");
      return;
    }
    for (String name : jails) {
      Optional<String> conf = configFor(p, name);
      if (conf.isEmpty()) {
        p.err
            .append("/etc/rc.d/jail: WARNING: Invalid configuration for ")
            .append(name)
            .append(" (no jail.conf, no hostname, or no path).  Jail ")
            .append(name)
            .append(" was ignored.\n");
        continue;
      }
      StringBuilder captured = new StringBuilder();
      int rc =
          p.run(
              List.of("/usr/sbin/jail", "-i", "-f", conf.get(), "-c", name),
              "",
              captured,
              captured);
      if (rc == 0) {
        p.out.append(' ').append(name);
        p.world
            .activeByName(name)
            .ifPresent(j -> p.world.fs.write("/var/run/jail_" + name + ".id", j.jid + "\n"));
      } else {
        p.out.append(" cannot start jail  \"").append(name).append("\": \n").append(captured);
      }
    }
    p.out.append(".\n");
  }

  /**
   * rc.d/jail jail_stop: the named jails, else {@code jail_list}, else every running jail as {@code
   * jls name} lists them; reversed when {@code jail_reverse_stop} is yes, except for names given on
   * the command line (the script then sets {@code jail_reverse_stop="no"}).
   */
  private static void stop(SimProcess p, List<String> names) {
    List<String> jails = new ArrayList<>(listed(p, names));
    if (jails.isEmpty()) {
      for (SimJail j : p.world.jails.values()) {
        if (!j.dying) {
          jails.add(j.name);
        }
      }
    }
    if (names.isEmpty() && yes(SimSysrc.rcvar(p.world, "jail_reverse_stop"))) {
      Collections.reverse(jails);
    }
    p.out.append("Stopping jails:");
    for (String name : jails) {
      if (p.world.activeByName(name).isEmpty()) {
        continue;
      }
      p.out.append(' ').append(name);
      String conf = configFor(p, name).orElse(SimSysrc.rcvar(p.world, "jail_conf"));
      StringBuilder captured = new StringBuilder();
      p.run(List.of("/usr/sbin/jail", "-q", "-f", conf, "-r", name), "", captured, captured);
      if (p.world.activeByName(name).isPresent()) {
        p.out.append(captured);
      } else {
        p.world.fs.removeFile("/var/run/jail_" + name + ".id");
      }
    }
    p.out.append(".\n");
  }
}
