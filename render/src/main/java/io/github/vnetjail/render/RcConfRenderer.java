package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.Cidr;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.Jail;
import io.github.vnetjail.core.Vlan;
import io.github.vnetjail.core.VnetJail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 *       for them too.
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
      for (Jail jail : host.allJails()) {
        edits.add(RcConfEdit.addWord("jail_list", jail.name()));
      }
    }
    return List.copyOf(edits);
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
