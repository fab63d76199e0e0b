package io.github.vnetjail.core;

import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.CheckedStyle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One FreeBSD host: its uplinks, bridges, VLANs, jails (VNET and plain), the {@code *} defaults
 * applied to every jail, and the FreeBSD release it runs.
 *
 * <pre>{@code
 * HostConfig host = HostConfig.builder()
 *     .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
 *     .addJail(web)
 *     .build();
 * }</pre>
 *
 * <p>{@code build()} checks the host as a whole and lists every problem: unique jail names, epair
 * units, interface names, addresses and MACs; bridges that jails reference exist; jail addresses
 * inside their bridge's subnet; dependencies exist. It then allocates what is missing, lowest free
 * first and in the order the jails were added, so the same input always gives the same output:
 *
 * <ul>
 *   <li>every VNET jail without {@code id} gets the lowest epair unit no other jail uses;
 *   <li>a VNET jail on a bridge with a {@link Bridge#subnet()} and no address of that family (no
 *       {@code ip} and no {@code dhcp} for IPv4; no {@code ip6} and no {@code slaac} for IPv6) gets
 *       the lowest free address, with the subnet's prefix, skipping the network and broadcast
 *       addresses, the bridge's gateway, its own address, its reserved addresses and every address
 *       a jail already has;
 *   <li>a VNET jail with no gateway whose address lies in its bridge's subnet gets the bridge's
 *       {@link Bridge#gateway()} (IPv4 {@code gateway}, or IPv6 {@code ip6Gateway}).
 * </ul>
 *
 * <p>After {@code build()} every VNET jail of the host is resolved: {@link VnetJail#epairUnit()},
 * {@link VnetJail#hostInterface()} and {@link VnetJail#jailInterface()} work. Allocation depends on
 * the order of the jails: to keep what was allocated when the host changes, edit the built host
 * with {@link #toBuilder()} (its jails carry their ids and addresses) or pin ids.
 */
@Value.Immutable
@CheckedStyle
public abstract class HostConfig {
  HostConfig() {}

  /** The FreeBSD release of the host; {@link FreeBsdRelease#latest()} by default. */
  @Value.Default
  public FreeBsdRelease release() {
    return FreeBsdRelease.latest();
  }

  /** The host's physical uplinks, e.g. {@code em0}. */
  public abstract List<String> uplinks();

  /** The bridges, in order. */
  public abstract List<Bridge> bridges();

  /** The VLAN interfaces, in order. */
  public abstract List<Vlan> vlans();

  /** The VNET jails, in the order added; resolved (ids and allocated addresses set). */
  public abstract List<VnetJail> jails();

  /** The plain (non-VNET) jails, in the order added. */
  public abstract List<PlainJail> plainJails();

  /**
   * Parameters for every jail, jail.conf's {@code *} section: name to values, insertion order; an
   * empty list is a valueless parameter. E.g. {@code exec.clean}, {@code exec.start = "/bin/sh
   * /etc/rc"}.
   */
  public abstract Map<String, List<String>> defaults();

  /** Every jail, VNET ones first, each group in the order added. */
  public final List<Jail> allJails() {
    List<Jail> all = new ArrayList<>(jails());
    all.addAll(plainJails());
    return List.copyOf(all);
  }

  /** The VNET jail named {@code name}. */
  public final Optional<VnetJail> jail(String name) {
    return jails().stream().filter(j -> j.name().equals(name)).findFirst();
  }

  /** The plain jail named {@code name}. */
  public final Optional<PlainJail> plainJail(String name) {
    return plainJails().stream().filter(j -> j.name().equals(name)).findFirst();
  }

  /** The bridge named {@code name}. */
  public final Optional<Bridge> bridge(String name) {
    return bridges().stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** The VNET jails on bridge {@code name}, in order. */
  public final List<VnetJail> jailsOnBridge(String name) {
    List<VnetJail> out = new ArrayList<>();
    jails().stream().filter(j -> j.bridge().equals(name)).forEach(out::add);
    return List.copyOf(out);
  }

  /** The VLANs on parent interface {@code parent}, in order (rc.conf's {@code vlans_PARENT}). */
  public final List<Vlan> vlansOn(String parent) {
    List<Vlan> out = new ArrayList<>();
    vlans().stream().filter(v -> v.parent().equals(parent)).forEach(out::add);
    return List.copyOf(out);
  }

  /** The distinct devfs rulesets the jails use, in first-use order. */
  public final List<DevfsRuleset> devfsRulesets() {
    Map<Integer, DevfsRuleset> seen = new LinkedHashMap<>();
    for (Jail j : allJails()) {
      j.devfsRuleset().ifPresent(r -> seen.putIfAbsent(r.number(), r));
    }
    return List.copyOf(seen.values());
  }

  /** Every jail's warnings, each prefixed with {@code jail NAME: }, then the host's own. */
  public final List<String> warnings() {
    List<String> w = new ArrayList<>();
    for (Jail j : allJails()) {
      for (String s : j.warnings()) {
        w.add("jail " + j.name() + ": " + s);
      }
    }
    for (VnetJail j : jails()) {
      Optional<Bridge> b = bridge(j.bridge());
      if (b.isEmpty()) {
        continue;
      }
      b.get()
          .subnet()
          .ifPresent(
              s -> {
                Optional<Cidr> own = s.isIpv4() ? j.ip() : j.ip6();
                own.filter(c -> s.contains(c.address()) && c.prefixLength() != s.prefixLength())
                    .ifPresent(
                        c ->
                            w.add(
                                "jail "
                                    + j.name()
                                    + ": address "
                                    + c
                                    + " has another prefix length than its bridge's subnet "
                                    + s));
              });
    }
    for (Jail j : allJails()) {
      if (j.allow().contains(Allow.MOUNT)) {
        List<String> enforce =
            j.rawParameters().getOrDefault("enforce_statfs", defaults().get("enforce_statfs"));
        if (enforce == null || enforce.equals(List.of("2"))) {
          w.add(
              "jail "
                  + j.name()
                  + ": allow.mount takes effect only with enforce_statfs below 2 (jail(8)'s"
                  + " default is 2); add putRawParameter(\"enforce_statfs\", \"1\")");
        }
      }
    }
    for (Jail j : allJails()) {
      boolean hasChildren = allJails().stream().anyMatch(c -> c.name().startsWith(j.name() + "."));
      if (hasChildren
          && !j.rawParameters().containsKey("children.max")
          && !defaults().containsKey("children.max")) {
        w.add(
            "jail "
                + j.name()
                + " has child jails but no children.max (jail(8)'s default 0 forbids them); add"
                + " putRawParameter(\"children.max\", \"N\")");
      }
    }
    for (Bridge b : bridges()) {
      if (b.members().isEmpty()) {
        w.add("bridge " + b.name() + " has no members: its jails reach only each other");
      }
    }
    return List.copyOf(w);
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this host's values. */
  public abstract Builder toBuilder();

  /** Builds a {@link HostConfig}. */
  public static final class Builder extends ImmutableHostConfig.Builder {
    /** Adds a plain (non-VNET) jail. */
    public Builder addJail(PlainJail jail) {
      return addPlainJail(jail);
    }

    /** Sets a {@code *} default; no values gives the valueless form {@code name;}. */
    public Builder putDefault(String name, String... values) {
      return putDefault(name, List.of(values));
    }
  }

  @Value.Check
  HostConfig normalize() {
    Problems p = new Problems();
    check(p);
    p.throwIfAny("HostConfig");
    List<VnetJail> allocated = allocate(p);
    p.throwIfAny("HostConfig");
    if (allocated.equals(jails())) {
      return this;
    }
    return toBuilder().jails(allocated).build();
  }

  private static String jailField(Jail j, String field) {
    return "jails[" + j.name() + "]." + field;
  }

  private void check(Problems p) {
    JailChecks.checkDefaults(defaults(), p);
    for (int i = 0; i < uplinks().size(); i++) {
      p.addAll(InterfaceName.problems("uplinks[" + i + "]", uplinks().get(i)));
    }

    // Unique jail names across VNET and plain jails.
    Set<String> jailNames = new HashSet<>();
    for (Jail j : allJails()) {
      if (!jailNames.add(j.name())) {
        p.add(
            jailField(j, "name"),
            j.name(),
            "two jails are named " + show(j.name()),
            "give each jail its own name");
      }
    }

    // Epair units.
    Map<Integer, String> units = new HashMap<>();
    Set<String> dupUnits = new HashSet<>(); // jails whose clash is reported as a unit clash
    for (VnetJail j : jails()) {
      if (j.id().isPresent()) {
        String other = units.putIfAbsent(j.id().getAsInt(), j.name());
        if (other != null) {
          dupUnits.add(j.name());
          p.add(
              jailField(j, "id"),
              Integer.toString(j.id().getAsInt()),
              "epair unit " + j.id().getAsInt() + " is used by jails " + other + " and " + j.name(),
              "give each jail its own id, or leave id unset to have one allocated");
        }
      }
    }

    // Interface names: uplinks, bridges, VLANs, epair sides. Owner text for messages.
    Map<String, String> owners = new HashMap<>();
    for (String u : uplinks()) {
      claim(owners, u, "uplink " + u, "uplinks", p);
    }
    Set<String> bridgeNames = new HashSet<>();
    List<Bridge> distinctBridges = new ArrayList<>();
    for (Bridge b : bridges()) {
      if (!bridgeNames.add(b.name())) {
        p.add(
            "bridges[" + b.name() + "].name",
            b.name(),
            "two bridges are named " + b.name(),
            "define each bridge once, with all its members");
        continue; // reported once, not again as member or interface clashes
      }
      distinctBridges.add(b);
      claim(owners, b.name(), "bridge " + b.name(), "bridges[" + b.name() + "].name", p);
    }
    Set<String> vlanKeys = new HashSet<>();
    Set<String> vlanNames = new HashSet<>();
    vlans().forEach(v -> vlanNames.add(v.interfaceName()));
    for (Vlan v : vlans()) {
      String field = "vlans[" + v.interfaceName() + "]";
      if (!vlanKeys.add(v.parent() + "#" + v.tag())) {
        p.add(
            field,
            v.parent() + " tag " + v.tag(),
            "VLAN tag " + v.tag() + " is defined twice on " + v.parent(),
            "define each VLAN once");
        continue; // reported once, not again as an interface name clash
      }
      claim(owners, v.interfaceName(), "VLAN " + v.interfaceName(), field, p);
    }
    Set<String> jailSides = new HashSet<>();
    for (VnetJail j : jails()) {
      boolean named = j.interfaceNaming() == InterfaceNaming.JIB || j.id().isPresent();
      if (named && !(j.interfaceNaming() == InterfaceNaming.EPAIR && dupUnits.contains(j.name()))) {
        String owner = "jail " + j.name();
        claim(owners, j.hostInterface(), owner, jailField(j, "hostInterface"), p);
        claim(owners, j.jailInterface(), owner, jailField(j, "jailInterface"), p);
        jailSides.add(j.hostInterface());
        jailSides.add(j.jailInterface());
      }
    }

    // Bridge members: not a bridge, not an epair side, in at most one bridge.
    Map<String, String> memberOf = new HashMap<>();
    for (Bridge b : distinctBridges) {
      for (String m : b.members()) {
        String field = "bridges[" + b.name() + "].members";
        if (bridgeNames.contains(m)) {
          p.add(
              field,
              m,
              "member " + m + " of " + b.name() + " is itself a bridge",
              "bridge a VLAN or uplink interface instead");
        }
        if (jailSides.contains(m)) {
          p.add(
              field,
              m,
              "member "
                  + m
                  + " of "
                  + b.name()
                  + " is a jail's epair side, which the SDK adds"
                  + " itself",
              "remove " + m + " from the members");
        }
        if (m.indexOf('.') >= 0 && !vlanNames.contains(m)) {
          String parent = m.substring(0, m.lastIndexOf('.'));
          String tag = m.substring(m.lastIndexOf('.') + 1);
          p.add(
              field,
              m,
              "member "
                  + m
                  + " of "
                  + b.name()
                  + " names a VLAN interface that this host does"
                  + " not define, so rc.conf would never create it",
              tag.matches("[0-9]{1,4}")
                  ? "add it: HostConfig.builder().addVlan(Vlan.of(\"" + parent + "\", " + tag + "))"
                  : "define the VLAN with addVlan(...)");
        }
        String other = memberOf.putIfAbsent(m, b.name());
        if (other != null) {
          p.add(
              field,
              m,
              m
                  + " is a member of both "
                  + other
                  + " and "
                  + b.name()
                  + "; an interface can be in only one bridge",
              "remove it from one of them");
        }
      }
    }

    // Bridges exist; addresses inside subnets; gateway needs an IPv4 address.
    for (VnetJail j : jails()) {
      Optional<Bridge> b = bridge(j.bridge());
      if (b.isEmpty()) {
        p.add(
            jailField(j, "bridge"),
            j.bridge(),
            "bridge " + j.bridge() + " of jail " + j.name() + " is not defined on this host",
            "add it: HostConfig.builder().addBridge(Bridge.builder().name(\""
                + j.bridge()
                + "\")...build())");
        continue;
      }
      Optional<Cidr> subnet = b.get().subnet();
      for (Cidr c : List.of(j.ip(), j.ip6()).stream().flatMap(Optional::stream).toList()) {
        subnet
            .filter(s -> s.isIpv4() == c.isIpv4() && !s.contains(c.address()))
            .ifPresent(
                s ->
                    p.add(
                        jailField(j, c.isIpv4() ? "ip" : "ip6"),
                        c.toString(),
                        "address " + c + " is outside the subnet " + s + " of " + b.get().name(),
                        "use an address inside "
                            + s
                            + ", or leave it unset to have one allocated"));
      }
      boolean v4Coming = j.ip().isPresent() || j.dhcp() || subnet.filter(Cidr::isIpv4).isPresent();
      j.gateway()
          .filter(g -> !v4Coming)
          .ifPresent(
              g ->
                  p.add(
                      jailField(j, "gateway"),
                      g.toString(),
                      "gateway " + g + " is set, but the jail has no IPv4 address",
                      "set ip(...) or dhcp(), or give bridge " + j.bridge() + " a subnet"));
      boolean v6Coming =
          j.ip6().isPresent() || j.slaac() || subnet.filter(Cidr::isIpv6).isPresent();
      j.ip6Gateway()
          .filter(g -> !v6Coming)
          .ifPresent(
              g ->
                  p.add(
                      jailField(j, "ip6Gateway"),
                      g.toString(),
                      "ip6Gateway " + g + " is set, but the jail has no IPv6 address",
                      "set ip6(...) or slaac(), or give bridge " + j.bridge() + " an IPv6 subnet"));
    }

    // Unique addresses: jail addresses, aliases, bridge addresses and gateways, reserved.
    Map<IpAddress, String> addresses = new HashMap<>();
    for (Bridge b : bridges()) {
      b.address().ifPresent(a -> addresses.putIfAbsent(a.address(), "bridge " + b.name()));
      b.gateway().ifPresent(g -> addresses.putIfAbsent(g, "the gateway of bridge " + b.name()));
      for (IpAddress r : b.reserved()) {
        addresses.putIfAbsent(r, "a reserved address of bridge " + b.name());
      }
    }
    for (VnetJail j : jails()) {
      j.ip().ifPresent(c -> claimAddress(addresses, c, j, "ip", p));
      j.ip6().ifPresent(c -> claimAddress(addresses, c, j, "ip6", p));
    }
    for (PlainJail j : plainJails()) {
      for (IpAlias a : j.aliases()) {
        claimAddress(addresses, a.address(), j, "aliases[" + a + "]", p);
        a.iface()
            .filter(jailSides::contains)
            .ifPresent(
                i ->
                    p.add(
                        jailField(j, "aliases[" + a + "]"),
                        a.toString(),
                        "interface " + i + " is a VNET jail's epair side",
                        "put the alias on an uplink, bridge or VLAN interface"));
      }
    }

    // Unique MACs.
    Map<MacAddress, String> macs = new HashMap<>();
    for (VnetJail j : jails()) {
      Map<String, Optional<MacAddress>> sides = new LinkedHashMap<>();
      sides.put("hostMac", j.hostMac());
      sides.put("jailMac", j.jailMac());
      for (Map.Entry<String, Optional<MacAddress>> side : sides.entrySet()) {
        side.getValue()
            .ifPresent(
                mac -> {
                  String other = macs.putIfAbsent(mac, j.name());
                  if (other != null && !other.equals(j.name())) {
                    p.add(
                        jailField(j, side.getKey()),
                        mac.toString(),
                        "MAC "
                            + mac
                            + " is used by jails "
                            + other
                            + " and "
                            + j.name()
                            + "; duplicate MACs on one segment break the network",
                        "give every epair side its own locally administered MAC");
                  }
                });
      }
    }

    // Unique local DNS names.
    Map<String, String> dnsNames = new HashMap<>();
    for (Jail j : allJails()) {
      j.dnsName()
          .ifPresent(
              d -> {
                String other = dnsNames.putIfAbsent(d.toLowerCase(java.util.Locale.ROOT), j.name());
                if (other != null) {
                  p.add(
                      jailField(j, "dnsName"),
                      d,
                      "DNS name " + d + " is used by jails " + other + " and " + j.name(),
                      "give each jail its own DNS name");
                }
              });
    }

    // A hierarchical jail's parent is on this host (jail(8) creates a.b inside jail a).
    for (Jail j : allJails()) {
      int dot = j.name().lastIndexOf('.');
      if (dot > 0 && !jailNames.contains(j.name().substring(0, dot))) {
        String parent = j.name().substring(0, dot);
        p.add(
            jailField(j, "name"),
            j.name(),
            "jail " + j.name() + " is a child of jail " + parent + ", which is not on this host",
            "add jail " + show(parent) + " (with children.max), or use '-' instead of '.'");
      }
    }

    // Dependencies exist.
    for (Jail j : allJails()) {
      for (String d : j.depend()) {
        if (!jailNames.contains(d)) {
          p.add(
              jailField(j, "depend"),
              d,
              "jail " + j.name() + " depends on " + show(d) + ", which is not on this host",
              "add jail " + show(d) + " or remove the dependency");
        }
      }
    }

    // No dependency loops: jail(8) fails every jail of a loop ("dependency loop", state.c
    // dep_setup), counting the implied dependency of a.b on its parent a.
    for (List<String> loop : dependencyLoops(jailNames)) {
      Jail first = allJails().stream().filter(j -> j.name().equals(loop.get(0))).findFirst().get();
      p.add(
          jailField(first, "depend"),
          String.join(", ", loop),
          "jails "
              + String.join(", ", loop)
              + " depend on each other in a loop, which jail(8)"
              + " refuses",
          "remove one of the dependencies");
    }

    // Devfs rulesets: one number, one definition.
    Map<Integer, DevfsRuleset> rulesets = new HashMap<>();
    for (Jail j : allJails()) {
      j.devfsRuleset()
          .ifPresent(
              r -> {
                DevfsRuleset other = rulesets.putIfAbsent(r.number(), r);
                if (other != null && !other.equals(r)) {
                  p.add(
                      jailField(j, "devfsRuleset"),
                      r.toString(),
                      "devfs ruleset number "
                          + r.number()
                          + " is defined two ways on this host ("
                          + other
                          + " pf="
                          + other.exposesPf()
                          + " bpf="
                          + other.exposesBpf()
                          + ", and pf="
                          + r.exposesPf()
                          + " bpf="
                          + r.exposesBpf()
                          + ")",
                      "use one DevfsRuleset per number");
                }
              });
    }
  }

  /** Strongly connected groups of more than one jail in the dependency graph (Tarjan). */
  private List<List<String>> dependencyLoops(Set<String> known) {
    Map<String, List<String>> edges = new LinkedHashMap<>();
    boolean any = false;
    for (Jail j : allJails()) {
      List<String> to = new ArrayList<>();
      j.depend().stream().filter(known::contains).forEach(to::add);
      int dot = j.name().lastIndexOf('.');
      if (dot > 0 && known.contains(j.name().substring(0, dot))) {
        to.add(j.name().substring(0, dot));
      }
      any |= !to.isEmpty();
      edges.putIfAbsent(j.name(), to);
    }
    List<List<String>> loops = new ArrayList<>();
    if (!any) {
      return loops;
    }
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    java.util.Deque<String> stack = new java.util.ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    for (String v : edges.keySet()) {
      if (!index.containsKey(v)) {
        strongConnect(v, edges, index, low, stack, onStack, loops);
      }
    }
    // Members in the order the jails were added, loops in the order of their first member.
    List<String> order = new ArrayList<>(edges.keySet());
    for (List<String> loop : loops) {
      loop.sort(java.util.Comparator.comparingInt(order::indexOf));
    }
    loops.sort(java.util.Comparator.comparingInt(l -> order.indexOf(l.get(0))));
    return loops;
  }

  private static void strongConnect(
      String v,
      Map<String, List<String>> edges,
      Map<String, Integer> index,
      Map<String, Integer> low,
      java.util.Deque<String> stack,
      Set<String> onStack,
      List<List<String>> loops) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : edges.getOrDefault(v, List.of())) {
      if (!index.containsKey(w)) {
        strongConnect(w, edges, index, low, stack, onStack, loops);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> component = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        loops.add(component);
      }
    }
  }

  private static void claim(
      Map<String, String> owners, String name, String owner, String field, Problems p) {
    String other = owners.putIfAbsent(name, owner);
    if (other != null) {
      p.add(
          field,
          name,
          "interface name " + name + " is used by " + other + " and by " + owner,
          "give each interface its own name");
    }
  }

  private static void claimAddress(
      Map<IpAddress, String> addresses, Cidr c, Jail j, String field, Problems p) {
    String owner = "jail " + j.name();
    String other = addresses.putIfAbsent(c.address(), owner);
    if (other != null) {
      p.add(
          jailField(j, field),
          c.toString(),
          "address " + c.address() + " of jail " + j.name() + " is already " + other,
          "use another address, or leave it unset to have one allocated");
    }
  }

  /** Returns the jails with ids, addresses and gateways allocated; adds a problem if full. */
  private List<VnetJail> allocate(Problems p) {
    Set<Integer> usedUnits = new HashSet<>();
    jails().forEach(j -> j.id().ifPresent(usedUnits::add));
    Set<IpAddress> taken = new HashSet<>();
    for (Bridge b : bridges()) {
      b.address().ifPresent(a -> taken.add(a.address()));
      b.gateway().ifPresent(taken::add);
      taken.addAll(b.reserved());
    }
    for (VnetJail j : jails()) {
      j.ip().ifPresent(c -> taken.add(c.address()));
      j.ip6().ifPresent(c -> taken.add(c.address()));
    }
    for (PlainJail j : plainJails()) {
      j.aliases().forEach(a -> taken.add(a.address().address()));
    }

    List<VnetJail> out = new ArrayList<>();
    Map<Cidr, BigInteger> cursors = new HashMap<>();
    int nextUnit = 0;
    for (VnetJail j : jails()) {
      VnetJail.Builder b = null;
      if (j.id().isEmpty()) {
        while (usedUnits.contains(nextUnit)) {
          nextUnit++;
        }
        if (nextUnit > VnetJail.MAX_EPAIR_UNIT) {
          p.add(
              jailField(j, "id"),
              "",
              "no free epair unit is left (FreeBSD accepts 0 to 32767)",
              "remove jails or set ids explicitly");
          out.add(j);
          continue;
        }
        usedUnits.add(nextUnit);
        b = j.toBuilder().id(nextUnit);
      }
      Bridge bridge = bridge(j.bridge()).orElseThrow();
      Optional<Cidr> subnet = bridge.subnet();
      Optional<Cidr> newIp = Optional.empty();
      if (subnet.isPresent()) {
        Cidr s = subnet.get();
        boolean needs =
            s.isIpv4() ? j.ip().isEmpty() && !j.dhcp() : j.ip6().isEmpty() && !j.slaac();
        if (needs) {
          // Taken addresses only grow, so the lowest free one never moves down: resume there.
          BigInteger from = cursors.getOrDefault(s.network(), BigInteger.ZERO);
          Optional<BigInteger> offset = lowestFreeOffset(s, taken, from);
          offset.ifPresent(o -> cursors.put(s.network(), o.add(BigInteger.ONE)));
          Optional<IpAddress> free = offset.map(s::addressAt);
          if (free.isEmpty()) {
            p.add(
                jailField(j, s.isIpv4() ? "ip" : "ip6"),
                "",
                "subnet "
                    + s
                    + " of bridge "
                    + bridge.name()
                    + " has no free address left for"
                    + " jail "
                    + j.name(),
                "use a larger subnet, free addresses, or set the address explicitly");
          } else {
            taken.add(free.get());
            newIp = Optional.of(Cidr.of(free.get(), s.prefixLength()));
            if (b == null) {
              b = j.toBuilder();
            }
            if (s.isIpv4()) {
              b.ip(newIp.get());
            } else {
              b.ip6(newIp.get());
            }
          }
        }
        Optional<Cidr> own = newIp.isPresent() ? newIp : s.isIpv4() ? j.ip() : j.ip6();
        Optional<IpAddress> gw = bridge.gateway().filter(g -> g.isIpv4() == s.isIpv4());
        boolean noGateway = s.isIpv4() ? j.gateway().isEmpty() : j.ip6Gateway().isEmpty();
        if (noGateway
            && gw.isPresent()
            && own.filter(c -> s.contains(c.address()) && !c.address().equals(gw.get()))
                .isPresent()) {
          if (b == null) {
            b = j.toBuilder();
          }
          if (s.isIpv4()) {
            b.gateway(gw.get());
          } else {
            b.ip6Gateway(gw.get());
          }
        }
      }
      if (b == null) {
        out.add(j);
        continue;
      }
      try {
        out.add(b.build());
      } catch (ValidationException e) {
        // An allocated address can break a rule of the jail itself, e.g. a route whose gateway
        // lies outside the subnet the jail landed in.
        for (Problem problem : e.problems()) {
          p.add(problem.withFieldPrefix("jails[" + j.name() + "]."));
        }
        out.add(j);
      }
    }
    return out;
  }

  /** The offset of the lowest free host address at or above offset {@code from}. */
  private static Optional<BigInteger> lowestFreeOffset(
      Cidr subnet, Set<IpAddress> taken, BigInteger from) {
    BigInteger size = subnet.size();
    BigInteger first;
    BigInteger last; // inclusive
    if (subnet.isIpv4() && subnet.prefixLength() >= 31) {
      first = BigInteger.ZERO; // RFC 3021 /31 and /32: every address is a host
      last = size.subtract(BigInteger.ONE);
    } else if (subnet.isIpv4()) {
      first = BigInteger.ONE; // skip the network address
      last = size.subtract(BigInteger.TWO); // and the broadcast address
    } else {
      first = BigInteger.ONE; // skip the subnet-router anycast address (RFC 4291)
      last = size.subtract(BigInteger.ONE);
    }
    for (BigInteger o = first.max(from); o.compareTo(last) <= 0; o = o.add(BigInteger.ONE)) {
      if (!taken.contains(subnet.addressAt(o))) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
