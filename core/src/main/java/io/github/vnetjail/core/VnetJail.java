package io.github.vnetjail.core;

import static com.google.common.base.Preconditions.checkState;
import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.CheckedStyle;
import io.github.vnetjail.core.internal.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A VNET jail: a jail with its own network stack, joined to a host bridge by an epair whose side
 * {@code a} stays on the host (a member of the bridge) and side {@code b} moves into the jail.
 *
 * <pre>{@code
 * VnetJail web = VnetJail.builder()
 *     .name("my-vnet-jail")            // jail(8) name
 *     .id(154)                         // epair unit: epair154a on the host, epair154b in the jail
 *     .bridge("bridge0")               // host bridge that side a joins
 *     .ip("192.168.1.154/24")          // static IPv4 with prefix (or .dhcp(), or .ip6(...)/.slaac())
 *     .gateway("192.168.1.1")          // default route inside the jail
 *     .build();                        // validates; lists every problem at once
 * }</pre>
 *
 * <p>{@code build()} throws a {@link ValidationException} listing every problem. A jail without
 * {@code id}, or without an address on a bridge that has a subnet, gets them from {@link
 * HostConfig#builder()}'s {@code build()} (lowest free, deterministic); after that {@link
 * #epairUnit()}, {@link #hostInterface()} and {@link #jailInterface()} work. Unset: {@code path} is
 * {@code /jails/<name>}, {@code persist} and {@code mount.devfs} are on, interfaces are named
 * {@code epair<id>a/b}.
 */
@Value.Immutable
@CheckedStyle
public abstract class VnetJail implements Jail {
  /** The first host-side prefix of the jib naming scheme ({@code e0a_<name>}). */
  static final String JIB_HOST_PREFIX = "e0a_";

  static final String JIB_JAIL_PREFIX = "e0b_";

  /** The highest epair unit FreeBSD accepts (IF_MAXUNIT, 0x7fff, sys/net/if_clone.c). */
  public static final int MAX_EPAIR_UNIT = 0x7fff;

  VnetJail() {}

  /**
   * The epair unit ({@code 154} gives {@code epair154a}/{@code epair154b}); empty until set or
   * allocated by {@link HostConfig}. Use {@link #epairUnit()} on resolved jails.
   */
  public abstract OptionalInt id();

  /** The host bridge that the epair's {@code a} side joins, e.g. {@code bridge0}. */
  public abstract String bridge();

  /** The static IPv4 address with prefix, e.g. {@code 192.168.1.154/24}. */
  public abstract Optional<Cidr> ip();

  /** True if the jail gets IPv4 by DHCP ({@code ifconfig_IF="SYNCDHCP"} in its rc.conf). */
  @Value.Default
  public boolean dhcp() {
    return false;
  }

  /** The static IPv6 address with prefix, e.g. {@code 2001:db8::5/64}. */
  public abstract Optional<Cidr> ip6();

  /** True if the jail configures IPv6 by SLAAC (accept_rtadv, rtsold). */
  @Value.Default
  public boolean slaac() {
    return false;
  }

  /** The IPv4 default route inside the jail, e.g. {@code 192.168.1.1}. */
  public abstract Optional<IpAddress> gateway();

  /** The IPv6 default route inside the jail. */
  public abstract Optional<IpAddress> ip6Gateway();

  /** Extra static routes inside the jail, in the order added. */
  public abstract List<Route> routes();

  /** How the epair sides are named; {@link InterfaceNaming#EPAIR} by default. */
  @Value.Default
  public InterfaceNaming interfaceNaming() {
    return InterfaceNaming.EPAIR;
  }

  /** The MAC address of the host side ({@code a}); absent keeps the kernel's. */
  public abstract Optional<MacAddress> hostMac();

  /** The MAC address of the jail side ({@code b}); absent keeps the kernel's. */
  public abstract Optional<MacAddress> jailMac();

  /**
   * The pf rules file inside the jail (e.g. {@code /etc/pf.conf}); present turns pf on in the
   * jail's rc.conf. Needs a devfs ruleset that exposes {@code /dev/pf}.
   */
  public abstract Optional<String> pfRules();

  /** Always true. */
  @Override
  public final boolean isVnet() {
    return true;
  }

  /** How the jail gets IPv4: STATIC, DHCP or NONE. */
  public final AddressMode ipv4Mode() {
    return ip().isPresent() ? AddressMode.STATIC : dhcp() ? AddressMode.DHCP : AddressMode.NONE;
  }

  /** How the jail gets IPv6: STATIC, SLAAC or NONE. */
  public final AddressMode ipv6Mode() {
    return ip6().isPresent() ? AddressMode.STATIC : slaac() ? AddressMode.SLAAC : AddressMode.NONE;
  }

  /**
   * The epair unit of a resolved jail.
   *
   * @throws IllegalStateException if the jail has no id yet: set {@code id(...)} or build it into a
   *     {@link HostConfig}, which allocates one
   */
  public final int epairUnit() {
    checkState(
        id().isPresent(),
        "jail %s has no epair unit yet; set VnetJail.builder().id(...) or build it into a"
            + " HostConfig, which allocates one",
        name());
    return id().getAsInt();
  }

  /** The epair as the kernel creates it, {@code epair<unit>} (the seed's {@code $epair}). */
  public final String epair() {
    return "epair" + epairUnit();
  }

  /** The host side's interface name: {@code epair154a}, or {@code e0a_<name>} (jib naming). */
  public final String hostInterface() {
    return interfaceNaming() == InterfaceNaming.JIB ? JIB_HOST_PREFIX + name() : epair() + "a";
  }

  /** The jail side's interface name: {@code epair154b}, or {@code e0b_<name>} (jib naming). */
  public final String jailInterface() {
    return interfaceNaming() == InterfaceNaming.JIB ? JIB_JAIL_PREFIX + name() : epair() + "b";
  }

  /** True when the epair unit is known (set or allocated). */
  public final boolean isResolved() {
    return id().isPresent();
  }

  /** Non-fatal remarks: deprecated {@code allow.sysvipc}, MACs that are not local, and so on. */
  @Override
  public final List<String> warnings() {
    List<String> w = new ArrayList<>(JailChecks.commonWarnings(this));
    hostMac().filter(m -> !m.isLocallyAdministered()).ifPresent(m -> w.add(notLocal("hostMac", m)));
    jailMac().filter(m -> !m.isLocallyAdministered()).ifPresent(m -> w.add(notLocal("jailMac", m)));
    if (dnsName().isPresent() && ip().isEmpty() && ip6().isEmpty()) {
      w.add(
          "dnsName "
              + dnsName().get()
              + " has no static address to point to; DNS lines are written only for static"
              + " addresses");
    }
    return List.copyOf(w);
  }

  private static String notLocal(String field, MacAddress m) {
    return field
        + " "
        + m
        + " is not locally administered; a copy of a vendor MAC can collide on the segment"
        + " (use 02:xx:xx:xx:xx:xx)";
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this jail's values, to derive a changed copy. Defaults are copied as values:
   * after {@code toBuilder().name("other")} the path is still {@code /jails/<old name>} unless
   * {@code path(...)} is set too.
   */
  public abstract Builder toBuilder();

  /**
   * Builds a {@link VnetJail}. String forms ({@code ip("192.168.1.154/24")}) are parsed at once,
   * but their problems are reported by {@link #build()} together with all others.
   */
  public static final class Builder extends ImmutableVnetJail.Builder {
    private final DeferredProblems deferred = new DeferredProblems();

    /** Sets the static IPv4 address with prefix, e.g. {@code "192.168.1.154/24"}. */
    public Builder ip(String cidr) {
      Cidr c = parseCidr("ip", cidr);
      return c == null ? this : ip(c);
    }

    /** Sets the static IPv6 address with prefix, e.g. {@code "2001:db8::5/64"}. */
    public Builder ip6(String cidr) {
      Cidr c = parseCidr("ip6", cidr);
      return c == null ? this : ip6(c);
    }

    /** Sets the IPv4 default route, e.g. {@code "192.168.1.1"}. */
    public Builder gateway(String address) {
      IpAddress a = parseAddress("gateway", address);
      return a == null ? this : gateway(a);
    }

    /** Sets the IPv6 default route, e.g. {@code "fe80::1"} or {@code "2001:db8::1"}. */
    public Builder ip6Gateway(String address) {
      IpAddress a = parseAddress("ip6Gateway", address);
      return a == null ? this : ip6Gateway(a);
    }

    /** IPv4 by DHCP. */
    public Builder dhcp() {
      return dhcp(true);
    }

    /** IPv6 by SLAAC. */
    public Builder slaac() {
      return slaac(true);
    }

    /** Adds a route inside the jail: {@code destination} (a network) via {@code gateway}. */
    public Builder addRoute(String destination, String gateway) {
      String field = "routes[" + JailChecks.key(destination) + "]";
      Route r = deferred.parse(field, p -> Route.parse(field, destination, gateway, p));
      return r == null ? this : addRoute(r);
    }

    /**
     * Adds a mount from an fstab line, e.g. {@code "/usr/ports /jails/web/usr/ports nullfs ro"}.
     */
    public Builder addMount(String fstabLine) {
      Mount m = Mount.parse(deferred, fstabLine);
      return m == null ? this : addMount(m);
    }

    /** Adds an extra command to {@code hook}. */
    public Builder addHook(Hook hook, String command) {
      return addHook(HookCommand.of(hook, command));
    }

    /** Sets a raw jail(8) parameter; no values gives the valueless form {@code name;}. */
    public Builder putRawParameter(String name, String... values) {
      return putRawParameter(name, List.of(values));
    }

    /** Sets the host side's MAC address, e.g. {@code "02:00:00:00:9a:0a"}. */
    public Builder hostMac(String mac) {
      MacAddress m = parseMac("hostMac", mac);
      return m == null ? this : hostMac(m);
    }

    /** Sets the jail side's MAC address, e.g. {@code "02:00:00:00:9a:0b"}. */
    public Builder jailMac(String mac) {
      MacAddress m = parseMac("jailMac", mac);
      return m == null ? this : jailMac(m);
    }

    /** Turns pf on inside the jail with the rules file {@code /etc/pf.conf}. */
    public Builder pf() {
      return pfRules("/etc/pf.conf");
    }

    private Cidr parseCidr(String field, String text) {
      return deferred.parse(field, p -> Cidr.parse(field, text, p));
    }

    private IpAddress parseAddress(String field, String text) {
      return deferred.parse(field, p -> IpAddress.parse(field, text, p));
    }

    private MacAddress parseMac(String field, String text) {
      return deferred.parse(field, p -> MacAddress.parse(field, text, p));
    }

    /**
     * Validates and builds the jail.
     *
     * @throws ValidationException listing every problem, each with field, value, rule and fix
     */
    @Override
    public VnetJail build() {
      return deferred.build(super::build, jail -> subject(jail.name()));
    }
  }

  static String subject(String name) {
    return Problems.subject("VnetJail", name);
  }

  @Value.Check
  void check() {
    Problems p = new Problems();
    JailChecks.checkCommon(this, "VnetJail", p);
    if (bridge() == null) {
      p.add(
          "bridge",
          "",
          "bridge must be set for a VNET jail",
          "use VnetJail.builder().bridge(\"bridge0\")");
    } else {
      p.addAll(InterfaceName.problems("bridge", bridge()));
    }
    id().ifPresent(
            id -> {
              if (id < 0 || id > MAX_EPAIR_UNIT) {
                p.add(
                    "id",
                    Integer.toString(id),
                    "epair unit " + id + " is out of range: FreeBSD accepts 0 to 32767",
                    "use an id between 0 and 32767, or leave it unset to have one allocated");
              }
            });
    checkAddressing(p);
    checkDevfs(p);
    pfRules().ifPresent(r -> JailChecks.checkPath("pfRules", r, p));
    if (hostMac().isPresent() && hostMac().equals(jailMac())) {
      p.add(
          "jailMac",
          jailMac().get().toString(),
          "hostMac and jailMac are the same address " + jailMac().get(),
          "give each side its own MAC, e.g. ending in :0a and :0b");
    }
    if (interfaceNaming() == InterfaceNaming.JIB && name() != null) {
      checkJibName(p);
    }
    p.throwIfAny(subject(name()));
  }

  private void checkJibName(Problems p) {
    String host = JIB_HOST_PREFIX + name();
    if (host.length() > InterfaceName.MAX_LENGTH) {
      p.add(
          "interfaceNaming",
          host,
          "jib interface name "
              + show(host)
              + " is "
              + host.length()
              + " characters long: FreeBSD interface names have at most 15, so jib naming fits"
              + " jail names of at most 11 characters",
          "use a jail name of at most 11 characters, or InterfaceNaming.EPAIR (names are never"
              + " truncated: two jails would collide)");
    }
    // jib accepts only NAME matching [0-9a-zA-Z_] (share/examples/jails/jib, jib_addm):
    // '.' would also read as a VLAN to ifconfig, and jib's show/destroy refuse '-'.
    int bad = Text.firstNotMatching(name(), c -> Text.isAsciiAlnum(c) || c == '_');
    if (bad >= 0) {
      p.add(
          "interfaceNaming",
          host,
          "jib naming needs a jail name of letters, digits and '_' only (as jib does), but "
              + show(name())
              + " contains "
              + Text.describe(bad),
          "rename the jail, e.g. \""
              + name().replaceAll("[^0-9A-Za-z_]", "_")
              + "\", or use"
              + " InterfaceNaming.EPAIR");
    }
  }

  private void checkAddressing(Problems p) {
    ip().ifPresent(
            c -> {
              if (!c.isIpv4()) {
                p.add(
                    "ip",
                    c.toString(),
                    "ip " + c + " is IPv6; ip(...) takes the IPv4 address",
                    "use ip6(\"" + c + "\")");
              } else {
                checkHostAddress("ip", c, p);
              }
              if (dhcp()) {
                p.add(
                    "dhcp",
                    "true",
                    "a static ip " + c + " and dhcp() are both set",
                    "keep either ip(...) or dhcp()");
              }
            });
    ip6()
        .ifPresent(
            c -> {
              if (!c.isIpv6()) {
                p.add(
                    "ip6",
                    c.toString(),
                    "ip6 " + c + " is IPv4; ip6(...) takes the IPv6 address",
                    "use ip(\"" + c + "\")");
              } else {
                checkHostAddress("ip6", c, p);
              }
              if (slaac()) {
                p.add(
                    "slaac",
                    "true",
                    "a static ip6 " + c + " and slaac() are both set",
                    "keep either ip6(...) or slaac()");
              }
            });
    gateway()
        .ifPresent(
            g -> {
              if (!g.isIpv4()) {
                p.add(
                    "gateway",
                    g.toString(),
                    "gateway " + g + " is IPv6; gateway(...) takes the IPv4 default route",
                    "use ip6Gateway(\"" + g + "\")");
                return;
              }
              if (dhcp()) {
                p.add(
                    "gateway",
                    g.toString(),
                    "gateway "
                        + g
                        + " is set, but with dhcp() the DHCP server supplies the"
                        + " default route",
                    "remove gateway(...) or use a static ip(...)");
              }
              ip().filter(Cidr::isIpv4).ifPresent(c -> checkGatewayInSubnet("gateway", g, c, p));
            });
    ip6Gateway()
        .ifPresent(
            g -> {
              if (!g.isIpv6()) {
                p.add(
                    "ip6Gateway",
                    g.toString(),
                    "ip6Gateway " + g + " is IPv4; ip6Gateway(...) takes the IPv6 default route",
                    "use gateway(\"" + g + "\")");
                return;
              }
              if (slaac()) {
                p.add(
                    "ip6Gateway",
                    g.toString(),
                    "ip6Gateway "
                        + g
                        + " is set, but with slaac() the default route comes from"
                        + " router advertisements",
                    "remove ip6Gateway(...) or use a static ip6(...)");
              }
              ip6()
                  .filter(Cidr::isIpv6)
                  .ifPresent(c -> checkGatewayInSubnet("ip6Gateway", g, c, p));
            });
    Set<Cidr> destinations = new HashSet<>();
    for (Route r : routes()) {
      String field = "routes[" + r.destination() + "]";
      if (!destinations.add(r.destination())) {
        p.add(
            field,
            r.toString(),
            "two routes for destination " + r.destination(),
            "keep one route per destination");
      }
      Optional<Cidr> own = r.destination().isIpv4() ? ip() : ip6();
      own.filter(c -> c.isIpv4() == r.gateway().isIpv4())
          .ifPresent(
              c ->
                  checkGatewayInSubnet(
                      field, "route to " + r.destination() + ": gateway", r.gateway(), c, p));
    }
  }

  static void checkHostAddress(String field, Cidr c, Problems p) {
    if (c.prefixLength() == 0) {
      p.add(
          field,
          c.toString(),
          field + " " + c + " has prefix length 0, which no interface address can have",
          c.isIpv4() ? "use the subnet's prefix, e.g. /24" : "use the subnet's prefix, e.g. /64");
      return;
    }
    if (c.isIpv6() && c.prefixLength() < 127 && c.address().equals(c.networkAddress())) {
      p.add(
          field,
          c.toString(),
          field + " " + c + " is the subnet-router anycast address of " + c.network(),
          "use a host address inside "
              + c.network()
              + ", e.g. "
              + c.addressAt(java.math.BigInteger.ONE));
      return;
    }
    if (c.isIpv4() && c.prefixLength() < 31) {
      if (c.address().equals(c.networkAddress())) {
        p.add(
            field,
            c.toString(),
            field + " " + c + " is the network address of " + c.network(),
            "use a host address inside " + c.network());
      } else if (c.broadcast().get().equals(c.address())) {
        p.add(
            field,
            c.toString(),
            field + " " + c + " is the broadcast address of " + c.network(),
            "use a host address inside " + c.network());
      }
    }
  }

  static void checkGatewayInSubnet(String field, IpAddress g, Cidr own, Problems p) {
    checkGatewayInSubnet(field, field, g, own, p);
  }

  static void checkGatewayInSubnet(String field, String label, IpAddress g, Cidr own, Problems p) {
    if (g.equals(own.address())) {
      p.add(
          field,
          g.toString(),
          label + " " + g + " is the jail's own address",
          "use the router's address in " + own.network());
    } else if (!own.contains(g) && !isLinkLocal(g)) {
      p.add(
          field,
          g.toString(),
          label + " " + g + " is outside the jail's subnet " + own.network(),
          "use a gateway inside " + own.network() + ", or fix the prefix length of the address");
    }
  }

  static boolean isLinkLocal(IpAddress a) {
    return a.isIpv6() && a.inetAddress().isLinkLocalAddress();
  }

  private void checkDevfs(Problems p) {
    if (dhcp()) {
      if (!mountDevfs()) {
        p.add(
            "mountDevfs",
            "false",
            "dhcp() needs /dev/bpf in the jail, but mount.devfs is off",
            "remove mountDevfs(false)");
      } else if (devfsRuleset().map(r -> !r.exposesBpf()).orElse(true)) {
        p.add(
            "devfsRuleset",
            devfsRuleset().map(DevfsRuleset::toString).orElse(""),
            "dhcp() needs /dev/bpf in the jail, but devfs ruleset "
                + devfsRuleset().map(DevfsRuleset::toString).orElse("4 (jail(8)'s default)")
                + " hides it (stock rulesets 4 and 5 do not unhide bpf)",
            "use devfsRuleset(DevfsRuleset.vnetWithBpf(10)), which this SDK writes to"
                + " /etc/devfs.rules");
      }
    }
    if (pfRules().isPresent()) {
      if (!mountDevfs()) {
        p.add(
            "mountDevfs",
            "false",
            "pf in the jail needs /dev/pf, but mount.devfs is off",
            "remove mountDevfs(false)");
      } else if (devfsRuleset().map(r -> !r.exposesPf()).orElse(true)) {
        p.add(
            "devfsRuleset",
            devfsRuleset().map(DevfsRuleset::toString).orElse(""),
            "pf in the jail needs /dev/pf, but devfs ruleset "
                + devfsRuleset().map(DevfsRuleset::toString).orElse("4 (jail(8)'s default)")
                + " hides it",
            "use devfsRuleset(DevfsRuleset.jailVnet()) (ruleset 5) or"
                + " DevfsRuleset.vnetWithBpf(10)");
      }
    }
  }
}
