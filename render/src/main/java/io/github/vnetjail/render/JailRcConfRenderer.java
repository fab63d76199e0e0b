package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.Cidr;
import io.github.vnetjail.core.Route;
import io.github.vnetjail.core.VnetJail;
import java.util.ArrayList;
import java.util.List;

/**
 * A VNET jail's own {@code /etc/rc.conf} (inside the jail): how its interface gets addresses, its
 * default routes, extra static routes and pf.
 *
 * <pre>{@code
 * String text = JailRcConfRenderer.render(web);
 * // ifconfig_epair154b="inet 192.168.1.154/24"
 * // defaultrouter="192.168.1.1"
 * }</pre>
 *
 * <p>What it writes, for the jail side of the epair ({@code epair154b}):
 *
 * <ul>
 *   <li>static IPv4: {@code ifconfig_IF="inet A/P"} (always with the prefix), and {@code
 *       defaultrouter}; DHCP: {@code ifconfig_IF="SYNCDHCP"} (plain {@code DHCP} waits for devd,
 *       which does not run in a jail; dhclient needs {@code bpf} in the jail's devfs ruleset);
 *   <li>static IPv6: {@code ifconfig_IF_ipv6="inet6 A/P"} and {@code ipv6_defaultrouter}; SLAAC:
 *       {@code ifconfig_IF_ipv6="inet6 -ifdisabled accept_rtadv"} (epairs start with IPv6 disabled)
 *       and {@code rtsold_enable="YES"};
 *   <li>extra routes: {@code static_routes="r_10_8_0_0_24 ..."} with {@code
 *       route_r_10_8_0_0_24="-net 10.8.0.0/24 192.168.1.2"} (IPv6 in {@code ipv6_static_routes} and
 *       {@code ipv6_route_*}), as rc.d/routing reads them;
 *   <li>pf: {@code pf_enable="YES"} and {@code pf_rules} when the jail has its own rules.
 * </ul>
 */
public final class JailRcConfRenderer {
  private JailRcConfRenderer() {}

  /**
   * Returns the jail's rc.conf lines.
   *
   * @throws IllegalArgumentException if the jail has no epair unit yet (build it into a {@code
   *     HostConfig}, or set its id)
   */
  public static String render(VnetJail jail) {
    return RcConf.empty().apply(edits(jail)).render();
  }

  /** Returns the same as sysrc-style edits, to apply to the rc.conf the jail already has. */
  public static List<RcConfEdit> edits(VnetJail jail) {
    checkNotNull(jail, "jail");
    checkArgument(
        jail.isResolved(),
        "jail %s has no epair unit yet; set id(...) or build it into a HostConfig",
        jail.name());
    String ifname = jail.jailInterface();
    String v4 = RcConf.interfaceVariable("ifconfig_", ifname, "");
    String v6 = RcConf.interfaceVariable("ifconfig_", ifname, "_ipv6");
    List<RcConfEdit> edits = new ArrayList<>();
    switch (jail.ipv4Mode()) {
      case STATIC:
        edits.add(RcConfEdit.set(v4, "inet " + jail.ip().orElseThrow()));
        break;
      case DHCP:
        edits.add(RcConfEdit.set(v4, "SYNCDHCP"));
        break;
      default:
        break;
    }
    jail.gateway().ifPresent(g -> edits.add(RcConfEdit.set("defaultrouter", g.toString())));
    switch (jail.ipv6Mode()) {
      case STATIC:
        edits.add(RcConfEdit.set(v6, "inet6 " + jail.ip6().orElseThrow()));
        break;
      case SLAAC:
        edits.add(RcConfEdit.set(v6, "inet6 -ifdisabled accept_rtadv"));
        edits.add(RcConfEdit.set("rtsold_enable", "YES"));
        break;
      default:
        break;
    }
    jail.ip6Gateway().ifPresent(g -> edits.add(RcConfEdit.set("ipv6_defaultrouter", g.toString())));
    for (Route route : jail.routes()) {
      Cidr d = route.destination();
      String name = routeName(d);
      if (d.isIpv4()) {
        edits.add(RcConfEdit.addWord("static_routes", name));
        edits.add(RcConfEdit.set("route_" + name, "-net " + d + " " + route.gateway()));
      } else {
        edits.add(RcConfEdit.addWord("ipv6_static_routes", name));
        edits.add(RcConfEdit.set("ipv6_route_" + name, "-net " + d + " " + route.gateway()));
      }
    }
    jail.pfRules()
        .ifPresent(
            rules -> {
              edits.add(RcConfEdit.set("pf_enable", "YES"));
              edits.add(RcConfEdit.set("pf_rules", rules));
            });
    return List.copyOf(edits);
  }

  /** A route's name in static_routes: {@code r_} and the destination, as an sh name. */
  static String routeName(Cidr destination) {
    return "r_" + destination.toString().replaceAll("[^A-Za-z0-9]", "_");
  }
}
