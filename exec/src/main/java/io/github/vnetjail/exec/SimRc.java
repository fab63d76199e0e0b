package io.github.vnetjail.exec;

import io.github.vnetjail.render.RcConf;
import io.github.vnetjail.render.RcConfException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code /bin/sh /etc/rc} does for the network when the simulated file system has no {@code
 * /etc/rc} of its own (a jail's usual {@code exec.start}): for each interface of the stack it runs
 * {@code ifconfig IF $ifconfig_IF} and {@code ifconfig IF up} (libexec/rc/network.subr ifconfig_up;
 * {@code DHCP}/{@code SYNCDHCP} words are skipped, no DHCP client is simulated), then {@code
 * ifconfig IF inet6 $ifconfig_IF_ipv6}, then {@code route add default $defaultrouter}
 * (rc.d/routing). Everything else of rc is not simulated. {@code /etc/rc.shutdown} does nothing.
 */
final class SimRc {
  private SimRc() {}

  static int rc(SimProcess p) {
    String text = p.world.fs.read(p.hostPath("/etc/rc.conf")).orElse("");
    RcConf conf;
    try {
      conf = RcConf.parse(text);
    } catch (RcConfException e) {
      p.err.append("/etc/rc: WARNING: /etc/rc.conf: ").append(e.getMessage()).append('\n');
      return 0;
    }
    List<String> names = new ArrayList<>();
    p.stack().interfaces.forEach(i -> names.add(i.name));
    for (String ifname : names) {
      Optional<String> v = value(conf, RcConf.interfaceVariable("ifconfig_", ifname, ""));
      if (ifname.equals("lo0") && v.isEmpty()) {
        // /etc/defaults/rc.conf says "inet 127.0.0.1"; the mask is spelled out here so that the
        // simulated ifconfig does not warn about a missing mask
        v = Optional.of("inet 127.0.0.1/8");
      }
      if (v.isPresent()) {
        List<String> words = new ArrayList<>();
        for (String w : v.get().trim().split("[ \t]+")) {
          String u = w.toUpperCase(Locale.ROOT);
          if (!w.isEmpty()
              && !u.equals("DHCP")
              && !u.equals("SYNCDHCP")
              && !u.equals("NOSYNCDHCP")
              && !u.equals("WPA")
              && !u.equals("NOAUTO")) {
            words.add(w);
          }
        }
        if (!words.isEmpty()) {
          List<String> argv = new ArrayList<>(List.of("/sbin/ifconfig", ifname));
          argv.addAll(words);
          p.run(argv);
        }
        p.run(List.of("/sbin/ifconfig", ifname, "up"));
      }
      Optional<String> v6 = value(conf, RcConf.interfaceVariable("ifconfig_", ifname, "_ipv6"));
      if (v6.isPresent()) {
        List<String> argv = new ArrayList<>(List.of("/sbin/ifconfig", ifname));
        for (String w : v6.get().trim().split("[ \t]+")) {
          if (!w.isEmpty()
              && !w.equals("-ifdisabled")
              && !w.equals("accept_rtadv")
              && !w.equals("auto_linklocal")) {
            argv.add(w);
          }
        }
        if (argv.size() > 3) {
          p.run(argv);
        }
      }
    }
    Optional<String> router = value(conf, "defaultrouter");
    if (router.isPresent() && !router.get().equalsIgnoreCase("NO")) {
      p.run(List.of("/sbin/route", "add", "default", router.get()));
    }
    Optional<String> router6 = value(conf, "ipv6_defaultrouter");
    if (router6.isPresent() && !router6.get().equalsIgnoreCase("NO")) {
      p.run(List.of("/sbin/route", "add", "-inet6", "default", router6.get()));
    }
    return 0;
  }

  private static Optional<String> value(RcConf conf, String name) {
    try {
      return conf.get(name).filter(s -> !s.isEmpty());
    } catch (RcConfException e) {
      return Optional.empty();
    }
  }
}
