package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One network stack (vnet): the host's, or a VNET jail's own. Interfaces are kept in ifindex order;
 * the cloners' unit allocators belong to the stack (VNET_SYSINIT attaches cloners per vnet,
 * sys/net/if_clone.c), so a jail counts epair units from 0 on its own.
 */
final class SimStack {
  final String owner;

  /** The jail owning this stack, or null for the host. */
  final SimJail jail;

  final List<SimIface> interfaces = new ArrayList<>();
  final List<SimRoute> routes = new ArrayList<>();
  final Map<String, TreeSet<Integer>> units = new HashMap<>();
  private int nextIndex = 1;

  SimStack(String owner, SimJail jail) {
    this.owner = owner;
    this.jail = jail;
  }

  Optional<SimIface> find(String name) {
    for (SimIface i : interfaces) {
      if (i.name.equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** Attaches an interface: it gets the next ifindex of this stack (if_attach_internal). */
  void attach(SimIface iface) {
    iface.stack = this;
    iface.index = nextIndex++;
    interfaces.add(iface);
  }

  void detach(SimIface iface) {
    interfaces.remove(iface);
    pruneRoutes();
  }

  TreeSet<Integer> units(String cloner) {
    return units.computeIfAbsent(cloner, k -> new TreeSet<>());
  }

  /** Drops routes whose interface left the stack or no longer holds an address covering them. */
  void pruneRoutes() {
    routes.removeIf(
        r -> {
          Optional<SimIface> i = find(r.interfaceName());
          return i.isEmpty() || SimNet.interfaceFor(this, r.gateway(), r.inet6()).isEmpty();
        });
  }
}
