package io.github.vnetjail.exec;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the SDK installed on a host, kept in {@code /var/db/vnetjail/managed}: one tab-separated
 * line per jail (name, epair sides, bridge, config file, address, gateway, dependencies) and per
 * bridge (name, members, address). {@code apply} compares it with the wanted config to know what to
 * stop and uninstall; {@code start}/{@code stop} read the interfaces to check and clean up from it,
 * so they never touch an interface the SDK did not create.
 */
final class JailManagerManifest {
  static final String PATH = "/var/db/vnetjail/managed";
  private static final String HEADER =
      "# vnetjail manifest v1: what the SDK installed on this host. Edited by JailManager; do not"
          + " edit.\n";

  /** One installed jail. */
  record Entry(
      String name,
      String hostInterface,
      String jailInterface,
      String bridge,
      String confPath,
      Optional<String> ip,
      Optional<String> gateway,
      List<String> depend) {
    Entry {
      depend = List.copyOf(depend);
    }

    static Entry of(VnetJail j, String confPath) {
      return new Entry(
          j.name(),
          j.hostInterface(),
          j.jailInterface(),
          j.bridge(),
          confPath,
          j.ip().map(Object::toString),
          j.gateway().map(Object::toString),
          j.depend());
    }

    /** The jail's address without the prefix, e.g. {@code 192.168.1.154}. */
    Optional<String> address() {
      return ip.map(s -> s.contains("/") ? s.substring(0, s.indexOf('/')) : s);
    }
  }

  /** One bridge the jails need. */
  record BridgeEntry(String name, List<String> members, Optional<String> address) {
    BridgeEntry {
      members = List.copyOf(members);
    }

    static BridgeEntry of(Bridge b) {
      return new BridgeEntry(b.name(), b.members(), b.address().map(Object::toString));
    }
  }

  final Map<String, Entry> jails;
  final Map<String, BridgeEntry> bridges;

  JailManagerManifest(Map<String, Entry> jails, Map<String, BridgeEntry> bridges) {
    this.jails = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jails));
    this.bridges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bridges));
  }

  static JailManagerManifest empty() {
    return new JailManagerManifest(Map.of(), Map.of());
  }

  static JailManagerManifest of(HostConfig host, String confDir) {
    Map<String, Entry> jails = new LinkedHashMap<>();
    for (VnetJail j : host.jails()) {
      jails.put(j.name(), Entry.of(j, confDir + "/" + j.name() + ".conf"));
    }
    Map<String, BridgeEntry> bridges = new LinkedHashMap<>();
    host.bridges().forEach(b -> bridges.put(b.name(), BridgeEntry.of(b)));
    return new JailManagerManifest(jails, bridges);
  }

  /** This manifest with {@code other}'s jails and bridges added or replacing ours. */
  JailManagerManifest plus(JailManagerManifest other) {
    Map<String, Entry> j = new LinkedHashMap<>(jails);
    j.putAll(other.jails);
    Map<String, BridgeEntry> b = new LinkedHashMap<>(bridges);
    b.putAll(other.bridges);
    return new JailManagerManifest(j, b);
  }

  /** This manifest without the jail {@code name}. */
  JailManagerManifest minus(String name) {
    Map<String, Entry> j = new LinkedHashMap<>(jails);
    j.remove(name);
    return new JailManagerManifest(j, bridges);
  }

  static JailManagerManifest parse(String text) {
    Map<String, Entry> jails = new LinkedHashMap<>();
    Map<String, BridgeEntry> bridges = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f[0].equals("jail") && f.length == 9) {
        jails.put(f[1], new Entry(f[1], f[2], f[3], f[4], f[5], opt(f[6]), opt(f[7]), list(f[8])));
      } else if (f[0].equals("bridge") && f.length == 4) {
        bridges.put(f[1], new BridgeEntry(f[1], list(f[2]), opt(f[3])));
      } else {
        throw new LifecycleException(
            "*",
            "read " + PATH,
            Optional.empty(),
            "unreadable line \"" + line + "\"; restore " + PATH + ".bak or run apply again");
      }
    }
    return new JailManagerManifest(jails, bridges);
  }

  String render() {
    StringBuilder b = new StringBuilder(HEADER);
    for (BridgeEntry e : bridges.values()) {
      b.append(String.join("\t", "bridge", e.name(), join(e.members()), e.address().orElse("-")))
          .append('\n');
    }
    for (Entry e : jails.values()) {
      b.append(
              String.join(
                  "\t",
                  "jail",
                  e.name(),
                  e.hostInterface(),
                  e.jailInterface(),
                  e.bridge(),
                  e.confPath(),
                  e.ip().orElse("-"),
                  e.gateway().orElse("-"),
                  join(e.depend())))
          .append('\n');
    }
    return b.toString();
  }

  private static Optional<String> opt(String s) {
    return s.equals("-") ? Optional.empty() : Optional.of(s);
  }

  private static List<String> list(String s) {
    return s.equals("-") ? List.of() : new ArrayList<>(List.of(s.split(",")));
  }

  private static String join(List<String> l) {
    return l.isEmpty() ? "-" : String.join(",", l);
  }
}
