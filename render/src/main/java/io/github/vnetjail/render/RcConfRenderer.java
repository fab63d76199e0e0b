package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.Cidr;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.Jail;
import io.github.vnetjail.core.Vlan;
import io.github.vnetjail.core.VnetJail;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host's part of {@code /etc/rc.conf} for a {@link HostConfig}: the bridges it clones and
 * configures, its VLANs, routing between bridges, and the jails rc.d/jail starts at boot.
 *
 * <pre>{@code
 * String text = RcConfRenderer.render(host);
 * // cloned_interfaces="bridge0"
 * // ifconfig_bridge0="addm em0 up"
 * // jail_enable="YES"
 * // jail_list="my-vnet-jail"
 * String edited = RcConf.parse(existing).apply(RcConfRenderer.edits(host)).render();
 * }</pre>
 *
 * <p>What it writes:
 *
 * <ul>
 *   <li>{@code cloned_interfaces}: every bridge (plural: {@code cloned_interface} is silently
 *       ignored);
 *   <li>{@code ifconfig_bridgeN}: {@code addm} for each member, {@code up}, and the host's IPv4
 *       address on the bridge when it has one ({@code ifconfig_bridgeN_ipv6} for IPv6); a member of
 *       a bridge that carries the host's address is set to plain {@code up}, since the address
 *       belongs on the bridge, not on the member;
 *   <li>{@code vlans_PARENT} with each VLAN's tag (or custom name and {@code create_args_NAME=
 *       "vlan TAG"}), and {@code ifconfig_PARENT_TAG="up"};
 *   <li>{@code gateway_enable} ({@code ipv6_gateway_enable}) when a jail's gateway is the host's
 *       own address on a bridge, since the host then routes for it;
 *   <li>{@code jail_enable="YES"} and {@code jail_list} with every jail: rc.d/jail finds {@code
 *       /etc/jail.conf.d/NAME.conf} only for listed jails, and falls back to {@code /etc/jail.conf}
 *       for them too. The list is in dependency order (each jail after the jails it {@code depend}s
 *       on), and with any dependency {@code jail_reverse_stop="YES"} so that shutdown stops
 *       dependents first: the per-jail files cannot carry {@code depend}. When the host has a
 *       dependency, editing an existing list moves all of the host's jails after the other words,
 *       in dependency order, so the result does not depend on the order an earlier run left.
 * </ul>
 *
 * <p>{@link #render} is exactly {@link #edits} applied to an empty file, so an installer that
 * applies the edits to an existing rc.conf gets the same variables, with every other line kept.
 */
public final class RcConfRenderer {
  private RcConfRenderer() {}

  /** Returns the host's rc.conf lines, one {@code NAME="value"} per line, sh-quoted. */
  public static String render(HostConfig host) {
    return RcConf.empty().apply(edits(host)).render();
  }

  /**
   * Returns the sysrc-style edits that bring an existing rc.conf to what {@link #render} writes:
   * list variables ({@code cloned_interfaces}, {@code vlans_*}, {@code jail_list}) get words added,
   * so that entries already there stay; the others are set.
   */
  public static List<RcConfEdit> edits(HostConfig host) {
    checkNotNull(host, "host");
    List<RcConfEdit> edits = new ArrayList<>();
    for (Bridge bridge : host.bridges()) {
      edits.add(RcConfEdit.addWord("cloned_interfaces", bridge.name()));
    }
    for (Bridge bridge : host.bridges()) {
      List<String> words = new ArrayList<>();
      Optional<Cidr> address = bridge.address();
      address.filter(Cidr::isIpv4).ifPresent(a -> words.add("inet " + a));
      for (String member : bridge.members()) {
        words.add("addm " + member);
      }
      words.add("up");
      edits.add(
          RcConfEdit.set(
              RcConf.interfaceVariable("ifconfig_", bridge.name(), ""), String.join(" ", words)));
      address
          .filter(Cidr::isIpv6)
          .ifPresent(
              a ->
                  edits.add(
                      RcConfEdit.set(
                          RcConf.interfaceVariable("ifconfig_", bridge.name(), "_ipv6"),
                          "inet6 " + a)));
      if (address.isPresent()) {
        for (String member : bridge.members()) {
          if (!isVlan(host, member)) {
            edits.add(RcConfEdit.set(RcConf.interfaceVariable("ifconfig_", member, ""), "up"));
          }
        }
      }
    }
    for (Vlan vlan : host.vlans()) {
      String vlansVar = RcConf.interfaceVariable("vlans_", vlan.parent(), "");
      if (vlan.name().isPresent()) {
        edits.add(RcConfEdit.addWord(vlansVar, vlan.name().get()));
        edits.add(
            RcConfEdit.set(
                RcConf.interfaceVariable("create_args_", vlan.name().get(), ""),
                "vlan " + vlan.tag()));
      } else {
        edits.add(RcConfEdit.addWord(vlansVar, Integer.toString(vlan.tag())));
      }
      edits.add(
          RcConfEdit.set(RcConf.interfaceVariable("ifconfig_", vlan.interfaceName(), ""), "up"));
    }
    if (routesFor(host, true)) {
      edits.add(RcConfEdit.set("gateway_enable", "YES"));
    }
    if (routesFor(host, false)) {
      edits.add(RcConfEdit.set("ipv6_gateway_enable", "YES"));
    }
    if (!host.allJails().isEmpty()) {
      edits.add(RcConfEdit.set("jail_enable", "YES"));
      // With a dependency, order matters: every jail of the host is laid out again, after the
      // words that are not the host's jails, in dependency order. The result then depends only on
      // the host and those other words, not on the order an earlier (or interrupted) run left.
      boolean depends = host.allJails().stream().anyMatch(j -> !j.depend().isEmpty());
      for (Jail jail : dependencyOrder(host)) {
        if (depends) {
          edits.add(RcConfEdit.removeWord("jail_list", jail.name()));
        }
        edits.add(RcConfEdit.addWord("jail_list", jail.name()));
      }
      if (depends) {
        edits.add(RcConfEdit.set("jail_reverse_stop", "YES"));
      }
    }
    return List.copyOf(edits);
  }

  /**
   * The host's jails in its order, except that each jail's dependencies come before it. rc.d/jail
   * starts the names of {@code jail_list} one by one in that order and, with {@code
   * jail_reverse_stop}, stops them in reverse (libexec/rc/rc.d/jail jail_start, jail_stop); it
   * reads each jail's own {@code /etc/jail.conf.d/NAME.conf}, where {@code depend} cannot be
   * written (see {@link JailConfRenderer#renderFiles}), so this order is what starts the
   * dependencies first at boot.
   */
  static List<Jail> dependencyOrder(HostConfig host) {
    Map<String, Jail> byName = new LinkedHashMap<>();
    host.allJails().forEach(j -> byName.put(j.name(), j));
    Set<String> done = new LinkedHashSet<>();
    List<Jail> out = new ArrayList<>();
    for (Jail j : byName.values()) {
      visit(j, byName, done, new HashSet<>(), out);
    }
    return out;
  }

  private static void visit(
      Jail j, Map<String, Jail> byName, Set<String> done, Set<String> path, List<Jail> out) {
    if (done.contains(j.name()) || !path.add(j.name())) {
      return; // HostConfig refuses loops; a loop here is cut instead of recursing forever
    }
    for (String dep : j.depend()) {
      Jail d = byName.get(dep);
      if (d != null) {
        visit(d, byName, done, path, out);
      }
    }
    done.add(j.name());
    out.add(j);
  }

  private static boolean isVlan(HostConfig host, String ifname) {
    return host.vlans().stream().anyMatch(v -> v.interfaceName().equals(ifname));
  }

  /** True when some jail's gateway of that family is the host's own address on a bridge. */
  private static boolean routesFor(HostConfig host, boolean ipv4) {
    for (VnetJail jail : host.jails()) {
      Optional<Cidr> own = host.bridge(jail.bridge()).flatMap(Bridge::address);
      if (own.isEmpty() || own.get().isIpv4() != ipv4) {
        continue;
      }
      if ((ipv4 ? jail.gateway() : jail.ip6Gateway())
          .filter(g -> g.equals(own.get().address()))
          .isPresent()) {
        return true;
      }
    }
    return false;
  }
}
