package io.github.vnetjail.exec;

import java.util.List;
import java.util.Optional;

/**
 * route(8) of FreeBSD 14.x, netlink build (sbin/route/route.c newroute/print_getmsg and
 * route_netlink.c rtmsg_nl): {@code add}, {@code delete}, {@code change} and {@code get} of static
 * routes in the caller's stack. Texts: FREEBSD-COMMANDS.md §2.
 */
final class SimRouteCommand implements SimRuntime.Program {
  private static final String USAGE = "usage: route [-46dnqtv] command [[modifiers] args]\n";

  @Override
  public int run(SimProcess p, List<String> argv) {
    int i = 1;
    boolean quiet = false;
    boolean inet6 = false;
    while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
      for (char c : argv.get(i).substring(1).toCharArray()) {
        switch (c) {
          case 'q':
            quiet = true;
            break;
          case '6':
            inet6 = true;
            break;
          case '4':
          case 'n':
          case 'v':
          case 'd':
          case 't':
            break;
          default:
            p.err.append("route: illegal option -- ").append(c).append('\n').append(USAGE);
            return 64;
        }
      }
      i++;
    }
    if (i >= argv.size()) {
      p.err.append(USAGE);
      return 64;
    }
    String cmd = argv.get(i++);
    boolean host = false;
    boolean net = false;
    String dest = null;
    String gateway = null;
    String netmask = null;
    for (; i < argv.size(); i++) {
      String w = argv.get(i);
      switch (w) {
        case "-net":
          net = true;
          break;
        case "-host":
          host = true;
          break;
        case "-inet":
          inet6 = false;
          break;
        case "-inet6":
        case "-6":
          inet6 = true;
          break;
        case "-netmask":
        case "-prefixlen":
          if (i + 1 >= argv.size()) {
            p.err.append(USAGE);
            return 64;
          }
          netmask = argv.get(++i);
          break;
        case "-fib":
          i++;
          break;
        default:
          if (w.startsWith("-")) {
            break; // modifiers such as -static, -blackhole: accepted, not simulated
          }
          if (dest == null) {
            dest = w;
          } else if (gateway == null) {
            gateway = w;
          } else {
            p.err.append(USAGE);
            return 64;
          }
      }
    }
    switch (cmd) {
      case "add":
      case "delete":
      case "change":
      case "get":
      case "show":
        break;
      default:
        p.err.append("route: ").append(cmd).append(": invalid command\n").append(USAGE);
        return 64;
    }
    if (dest == null) {
      p.err.append(USAGE);
      return 64;
    }
    Optional<String> key = normalize(dest, netmask, inet6, host);
    if (key.isEmpty()) {
      return p.fail("route", "bad address: " + dest, 68);
    }
    boolean isHost = host || (!net && !key.get().equals("default") && isFullLength(key.get()));
    SimStack stack = p.stack();
    if (cmd.equals("get") || cmd.equals("show")) {
      return get(p, stack, key.get(), inet6);
    }
    String head = cmd + " " + (isHost ? "host" : "net") + " " + dest;
    String gw = gateway == null ? "" : ": gateway " + gateway;
    SimErrno error = null;
    Optional<SimRoute> existing = find(stack, key.get(), inet6);
    if (cmd.equals("delete")) {
      if (existing.isEmpty() || (gateway != null && !existing.get().gateway().equals(gateway))) {
        error = SimErrno.ESRCH;
      } else {
        stack.routes.remove(existing.get());
      }
    } else {
      Optional<SimIface> via =
          gateway == null ? Optional.empty() : SimNet.interfaceFor(stack, gateway, inet6);
      if (gateway == null) {
        error = SimErrno.EINVAL;
      } else if (cmd.equals("add") && existing.isPresent()) {
        error = SimErrno.EEXIST;
      } else if (cmd.equals("change") && existing.isEmpty()) {
        error = SimErrno.ESRCH;
      } else if (via.isEmpty()) {
        // the kernel refuses a gateway outside every connected prefix (errno assumed ENETUNREACH)
        error = SimErrno.ENETUNREACH;
      } else {
        SimRoute r = new SimRoute(key.get(), gateway, via.get().name, inet6);
        if (existing.isPresent()) {
          stack.routes.set(stack.routes.indexOf(existing.get()), r);
        } else {
          stack.routes.add(r);
        }
      }
    }
    if (error == null) {
      if (!quiet) {
        p.out.append(head).append(gw).append('\n');
      }
      return 0;
    }
    if (error == SimErrno.ESRCH) {
      p.err.append("route: route has not been found\n");
    } else {
      p.err.append("route: message indicates error: ").append(error.text).append('\n');
    }
    if (!quiet) {
      p.out.append(head).append(gw).append(" fib 0: ").append(tail(error)).append('\n');
    }
    return 1;
  }

  private static String tail(SimErrno e) {
    switch (e) {
      case ESRCH:
        return "not in table";
      case EBUSY:
        return "entry in use";
      case EEXIST:
        return "route already in table";
      default:
        return e.text;
    }
  }

  private static boolean isFullLength(String key) {
    return key.endsWith("/32") || key.endsWith("/128");
  }

  /** The stored key: {@code default}, {@code A.B.C.D/P} (network part only) or an IPv6 prefix. */
  static Optional<String> normalize(String dest, String netmask, boolean inet6, boolean host) {
    if (dest.equals("default")) {
      return Optional.of("default");
    }
    String addr = dest;
    int prefix = -1;
    if (dest.contains("/")) {
      addr = dest.substring(0, dest.indexOf('/'));
      String p = dest.substring(dest.indexOf('/') + 1);
      if (!p.matches("\\d{1,3}")) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
    }
    if (inet6 || addr.contains(":")) {
      Optional<java.net.InetAddress> a = SimNet.parseIpv6(addr);
      if (a.isEmpty() || prefix > 128) {
        return Optional.empty();
      }
      return Optional.of(SimNet.formatIpv6(a.get()) + "/" + (prefix < 0 || host ? 128 : prefix));
    }
    Optional<Long> a = SimNet.parseIpv4(addr);
    if (a.isEmpty() || prefix > 32) {
      return Optional.empty();
    }
    if (netmask != null) {
      prefix = netmask.contains(".") ? SimNet.prefixOfMask(netmask) : Integer.parseInt(netmask);
    }
    if (prefix < 0 || host) {
      prefix = 32;
    }
    return Optional.of(SimNet.formatIpv4(a.get() & SimNet.mask(prefix)) + "/" + prefix);
  }

  private static Optional<SimRoute> find(SimStack stack, String key, boolean inet6) {
    return stack.routes.stream()
        .filter(r -> r.destination().equals(key) && r.inet6() == inet6)
        .findFirst();
  }

  private static int get(SimProcess p, SimStack stack, String key, boolean inet6) {
    Optional<SimRoute> r = find(stack, key, inet6);
    if (r.isEmpty() && !key.equals("default") && !inet6) {
      long a = SimNet.parseIpv4(key.substring(0, key.indexOf('/'))).get();
      int best = -1;
      for (SimRoute c : stack.routes) {
        if (c.inet6() || c.destination().equals("default")) {
          continue;
        }
        int plen = Integer.parseInt(c.destination().substring(c.destination().indexOf('/') + 1));
        long net =
            SimNet.parseIpv4(c.destination().substring(0, c.destination().indexOf('/'))).get();
        if ((a & SimNet.mask(plen)) == net && plen > best) {
          best = plen;
          r = Optional.of(c);
        }
      }
      if (r.isEmpty()) {
        r = find(stack, "default", false);
      }
    }
    if (r.isEmpty()) {
      p.err.append("route: route has not been found\n");
      return 255;
    }
    SimRoute route = r.get();
    String dest = route.destination();
    String mask = "default";
    if (!dest.equals("default")) {
      int plen = Integer.parseInt(dest.substring(dest.indexOf('/') + 1));
      mask = route.inet6() ? Integer.toString(plen) : SimNet.formatIpv4(SimNet.mask(plen));
      dest = dest.substring(0, dest.indexOf('/'));
    }
    int mtu = stack.find(route.interfaceName()).map(f -> f.mtu).orElse(1500);
    String shown = key.equals("default") ? "default" : key.substring(0, key.indexOf('/'));
    p.out.append("   route to: ").append(shown).append('\n');
    p.out.append("destination: ").append(dest).append('\n');
    p.out.append("       mask: ").append(mask).append('\n');
    p.out.append("    gateway: ").append(route.gateway()).append('\n');
    p.out.append("        fib: 0\n");
    p.out.append("  interface: ").append(route.interfaceName()).append('\n');
    p.out.append("      flags: <UP,GATEWAY,DONE,STATIC>\n");
    p.out.append(
        String.format(
            java.util.Locale.ROOT,
            "%9s %9s %9s %9s %9s %10s %9s\n",
            "recvpipe",
            "sendpipe",
            "ssthresh",
            "rtt,msec",
            "mtu   ",
            "weight",
            "expire"));
    p.out.append(
        String.format(
            java.util.Locale.ROOT, "%8d  %8d  %8d  %8d  %8d  %8d  %8d \n", 0, 0, 0, 0, mtu, 1, 0));
    return 0;
  }
}
