package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One simulated network interface (mutable; guarded by the host's lock). */
final class SimIface {
  enum Kind {
    LOOPBACK,
    ETHER,
    EPAIR,
    BRIDGE
  }

  /** An IPv4 or IPv6 address with its prefix length. */
  record Addr(String address, int prefix) {
    @Override
    public String toString() {
      return address + "/" + prefix;
    }
  }

  final Kind kind;

  /** Unit of the cloner that made it (-1 for interfaces without a cloner). */
  final int unit;

  /** The stack whose cloner made it; where it returns when a vnet is destroyed (if_home_vnet). */
  final SimStack home;

  final String hwaddr;
  final long baudrate;
  String name;
  SimStack stack;
  int index;
  boolean up;
  boolean promisc;
  int mtu;
  Optional<String> description = Optional.empty();
  String ether;
  final List<Addr> inet = new ArrayList<>();
  final List<Addr> inet6 = new ArrayList<>();
  final List<String> groups = new ArrayList<>();

  /** For an epair side: the other side. */
  SimIface peer;

  /** For a bridge: its members, newest first (if_bridge.c inserts at the list head). */
  final List<SimIface> members = new ArrayList<>();

  /** For a bridge member: its bridge. */
  SimIface bridge;

  SimIface(Kind kind, String name, int unit, SimStack home, String mac) {
    this.kind = kind;
    this.name = name;
    this.unit = unit;
    this.home = home;
    this.stack = home;
    this.hwaddr = mac;
    this.ether = mac;
    this.mtu = kind == Kind.LOOPBACK ? 16384 : 1500;
    this.baudrate = kind == Kind.EPAIR ? 10_000_000_000L : 1_000_000_000L;
    switch (kind) {
      case EPAIR:
        groups.add("epair");
        break;
      case BRIDGE:
        groups.add("bridge");
        break;
      case LOOPBACK:
        groups.add("lo");
        break;
      default:
        break;
    }
  }

  /** The cloner name ("epair", "bridge", "lo"), or empty for a physical interface. */
  Optional<String> cloner() {
    switch (kind) {
      case EPAIR:
        return Optional.of("epair");
      case BRIDGE:
        return Optional.of("bridge");
      case LOOPBACK:
        return Optional.of("lo");
      default:
        return Optional.empty();
    }
  }
}
