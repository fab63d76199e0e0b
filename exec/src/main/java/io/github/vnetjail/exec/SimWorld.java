package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated kernel: the host's stack, the jails with their stacks, the file system, and the
 * operations the simulated programs call (clone create/destroy, vnet moves, jail create/remove).
 * Not thread-safe; {@link SimulatedHost} holds one lock around every command.
 */
final class SimWorld {
  /** IF_MAXUNIT, sys/net/if_clone.h. */
  static final int MAX_UNIT = 0x7fff;

  /** IFNAMSIZ - 1. */
  static final int MAX_IFNAME = 15;

  private static final Pattern CLONE_NAME = Pattern.compile("(epair|bridge|lo)(\\d*)");

  final SimStack host = new SimStack("host", null);
  final Map<Integer, SimJail> jails = new LinkedHashMap<>();
  final SimFileSystem fs = new SimFileSystem();
  String hostname = "simhost";
  int nextJid = 1;
  int macCounter;
  boolean keepVnetInterfaces;
  int dyingCommands;

  SimWorld() {}

  // ---------------------------------------------------------------- interfaces

  SimIface addPhysical(String name) {
    SimIface i = new SimIface(SimIface.Kind.ETHER, name, -1, host, physicalMac(name));
    i.up = true;
    host.attach(i);
    return i;
  }

  SimIface addLoopback(SimStack stack, boolean upWithAddresses) {
    stack.units("lo").add(0);
    SimIface lo = new SimIface(SimIface.Kind.LOOPBACK, "lo0", 0, stack, "");
    if (upWithAddresses) {
      lo.up = true;
      lo.inet.add(new SimIface.Addr("127.0.0.1", 8));
      lo.inet6.add(new SimIface.Addr("::1", 128));
      lo.inet6.add(new SimIface.Addr("fe80::1%lo0", 64));
    }
    stack.attach(lo);
    return lo;
  }

  private static String physicalMac(String name) {
    return SimNet.mac(0x00, 0x0c, 0x29, name.hashCode() & 0xffffffffL, name.length() * 7 & 255);
  }

  /**
   * Clones an interface in {@code stack} (SIOCIFCREATE2, sys/net/if_clone.c ifc_alloc_unit and
   * sys/net/if_epair.c epair_clone_match/epair_handle_unit). Returns the name the kernel gives
   * back: for an epair the a side.
   */
  String create(SimStack stack, String requested) throws SimKernelException {
    Matcher m = CLONE_NAME.matcher(requested);
    if (!m.matches()) {
      throw new SimKernelException(SimErrno.EINVAL);
    }
    String cloner = m.group(1);
    String digits = m.group(2);
    TreeSet<Integer> units = stack.units(cloner);
    int unit;
    if (digits.isEmpty()) {
      // alloc_unr: lowest free unit, skipping units whose name is already taken.
      unit = 0;
      while (units.contains(unit) || nameTaken(stack, cloner, unit)) {
        unit++;
      }
      if (unit > MAX_UNIT) {
        throw new SimKernelException(SimErrno.ENOSPC);
      }
    } else {
      if (digits.length() > 1 && digits.startsWith("0")) {
        throw new SimKernelException(SimErrno.EINVAL);
      }
      if (digits.length() > 6 || Integer.parseInt(digits) > MAX_UNIT) {
        throw new SimKernelException(SimErrno.ENOSPC);
      }
      unit = Integer.parseInt(digits);
      if (units.contains(unit) || nameTaken(stack, cloner, unit)) {
        throw new SimKernelException(SimErrno.EEXIST);
      }
    }
    String base = cloner + unit;
    if (cloner.equals("epair")) {
      if (base.length() + 1 > MAX_IFNAME) {
        throw new SimKernelException(SimErrno.ENOSPC);
      }
      units.add(unit);
      // epair_generate_mac: 02 + hash bytes; the b side differs only in its last byte.
      long h = (++macCounter + 0x5bd1e995L * unit) * 0x9E3779B97F4A7C15L;
      String mid =
          String.format(
              Locale.ROOT,
              "%02x:%02x:%02x:%02x",
              (h >>> 56) & 255,
              (h >>> 48) & 255,
              (h >>> 40) & 255,
              (h >>> 32) & 255);
      SimIface a = new SimIface(SimIface.Kind.EPAIR, base + "a", unit, stack, "02:" + mid + ":0a");
      SimIface b = new SimIface(SimIface.Kind.EPAIR, base + "b", unit, stack, "02:" + mid + ":0b");
      a.peer = b;
      b.peer = a;
      stack.attach(a);
      stack.attach(b);
      return a.name;
    }
    units.add(unit);
    if (cloner.equals("lo")) {
      SimIface lo = new SimIface(SimIface.Kind.LOOPBACK, base, unit, stack, "");
      stack.attach(lo);
      return base;
    }
    String mac = SimNet.mac(0x58, 0x9c, 0xfc, ++macCounter * 31L + unit, unit & 255);
    SimIface br = new SimIface(SimIface.Kind.BRIDGE, base, unit, stack, mac);
    stack.attach(br);
    return base;
  }

  private static boolean nameTaken(SimStack stack, String cloner, int unit) {
    String base = cloner + unit;
    if (cloner.equals("epair")) {
      return stack.find(base + "a").isPresent() || stack.find(base + "b").isPresent();
    }
    return stack.find(base).isPresent();
  }

  /**
   * SIOCIFDESTROY. The cloner is looked up in the interface's home stack; destroying one epair side
   * destroys the other in whatever stack it is (sys/net/if_epair.c epair_clone_destroy).
   */
  void destroy(SimIface iface) throws SimKernelException {
    if (iface.cloner().isEmpty()) {
      throw new SimKernelException(SimErrno.EINVAL);
    }
    if (iface.kind == SimIface.Kind.EPAIR) {
      SimIface peer = iface.peer;
      detachCompletely(iface);
      if (peer != null) {
        peer.peer = null;
        iface.peer = null;
        if (heldByDyingVnet(peer)) {
          // The seed's bug (keepVnetInterfaces): the other side sits in a dying jail's vnet that
          // the kernel does not tear down; it stays there, invisible from the host, and keeps its
          // unit. Released by releaseDyingJails() (vnet_if_return).
          return;
        }
        detachCompletely(peer);
      }
      iface.home.units("epair").remove(iface.unit);
      return;
    }
    if (iface.kind == SimIface.Kind.BRIDGE) {
      for (SimIface m : new ArrayList<>(iface.members)) {
        removeMember(iface, m);
      }
    }
    detachCompletely(iface);
    iface.home.units(iface.cloner().get()).remove(iface.unit);
  }

  private boolean heldByDyingVnet(SimIface i) {
    return keepVnetInterfaces && i.stack.jail != null && i.stack.jail.dying;
  }

  private void detachCompletely(SimIface iface) {
    if (iface.bridge != null) {
      removeMember(iface.bridge, iface);
    }
    iface.stack.detach(iface);
  }

  void addMember(SimIface bridge, SimIface member) throws SimKernelException {
    if (bridge.kind != SimIface.Kind.BRIDGE) {
      throw new SimKernelException(SimErrno.EINVAL);
    }
    if (member.bridge == bridge) {
      throw new SimKernelException(SimErrno.EEXIST);
    }
    if (member.bridge != null) {
      throw new SimKernelException(SimErrno.EBUSY);
    }
    if (member.kind != SimIface.Kind.ETHER && member.kind != SimIface.Kind.EPAIR) {
      throw new SimKernelException(SimErrno.EINVAL);
    }
    if (bridge.members.isEmpty()) {
      bridge.mtu = member.mtu;
    } else if (member.mtu != bridge.mtu) {
      throw new SimKernelException(SimErrno.EINVAL);
    }
    bridge.members.add(0, member);
    member.bridge = bridge;
    member.promisc = true;
  }

  void removeMember(SimIface bridge, SimIface member) {
    bridge.members.remove(member);
    member.bridge = null;
    member.promisc = false;
  }

  /**
   * Moves an interface into another stack (if_vmove). if_detach_internal (sys/net/if.c) takes it
   * down, drops its groups and its routes, and fires the departure event that removes it from its
   * bridge; addresses are flushed (FREEBSD-COMMANDS.md §1.7, unverified). if_attach_internal
   * restores the cloner's group (if_clone_restoregroup); every simulated stack has the cloners.
   */
  void move(SimIface iface, SimStack to) throws SimKernelException {
    if (to.find(iface.name).isPresent()) {
      throw new SimKernelException(SimErrno.EEXIST);
    }
    if (iface.bridge != null) {
      removeMember(iface.bridge, iface);
    }
    if (iface.kind == SimIface.Kind.BRIDGE) {
      for (SimIface m : new ArrayList<>(iface.members)) {
        removeMember(iface, m);
      }
    }
    iface.inet.clear();
    iface.inet6.clear();
    iface.up = false;
    iface.groups.clear();
    iface.cloner().ifPresent(iface.groups::add);
    SimStack from = iface.stack;
    from.detach(iface);
    to.attach(iface);
  }

  // ---------------------------------------------------------------- jails

  Optional<SimJail> activeByName(String name) {
    return jails.values().stream().filter(j -> !j.dying && j.name.equals(name)).findFirst();
  }

  Optional<SimJail> dyingByName(String name) {
    return jails.values().stream().filter(j -> j.dying && j.name.equals(name)).findFirst();
  }

  Optional<SimJail> byJid(int jid) {
    return Optional.ofNullable(jails.get(jid));
  }

  /**
   * libjail's jail_getid for ifconfig/jexec: a number is taken as a jid without looking it up; a
   * name must be an active jail. Returns the error text (kernel's kern_jail_get) on failure.
   */
  Lookup lookup(String nameOrJid, boolean allowDying) {
    if (nameOrJid.matches("\\d+")) {
      int jid = Integer.parseInt(nameOrJid);
      Optional<SimJail> j = byJid(jid);
      if (j.isEmpty() || (j.get().dying && !allowDying)) {
        return new Lookup(Optional.empty(), jid, "jail " + jid + " not found");
      }
      return new Lookup(j, jid, "");
    }
    Optional<SimJail> j = activeByName(nameOrJid);
    if (j.isPresent()) {
      return new Lookup(j, j.get().jid, "");
    }
    Optional<SimJail> d = dyingByName(nameOrJid);
    if (d.isPresent()) {
      if (allowDying) {
        return new Lookup(d, d.get().jid, "");
      }
      return new Lookup(Optional.empty(), -1, "jail \"" + nameOrJid + "\" is dying");
    }
    return new Lookup(Optional.empty(), -1, "jail \"" + nameOrJid + "\" not found");
  }

  /** Result of {@link #lookup}: the jail, its jid, or the error text. */
  record Lookup(Optional<SimJail> jail, int jid, String error) {}

  SimJail createJail(String name, String path, Optional<String> hostname, boolean vnet) {
    int jid = nextJid++;
    SimJail j = new SimJail(jid, name, path, hostname.orElse(this.hostname), vnet, host);
    if (vnet) {
      addLoopback(j.stack, false);
    }
    jails.put(jid, j);
    return j;
  }

  /**
   * jail_remove. A VNET jail's stack is destroyed when the prison is freed; its interfaces then go
   * home (sys/net/if.c vnet_if_return). With {@code keepVnetInterfaces} or a dying period the jail
   * stays dying and keeps them until released.
   */
  void removeJail(SimJail j) {
    if (j.dying) {
      return;
    }
    if (j.vnet && keepVnetInterfaces) {
      j.dying = true;
      j.dyingCountdown = -1;
      return;
    }
    if (dyingCommands > 0) {
      j.dying = true;
      j.dyingCountdown = dyingCommands;
      return;
    }
    release(j);
  }

  /** Frees a jail: its vnet is destroyed, interfaces homed elsewhere go home, the rest are gone. */
  void release(SimJail j) {
    jails.remove(j.jid);
    if (!j.vnet) {
      return;
    }
    for (SimIface i : new ArrayList<>(j.stack.interfaces)) {
      if (i.home == j.stack) {
        j.stack.detach(i);
        if (i.peer != null && i.peer.stack != j.stack) {
          // the other side lives elsewhere: destroying one side destroys both
          SimIface p = i.peer;
          p.peer = null;
          detachCompletely(p);
        }
        continue;
      }
      SimStack home = i.home;
      if (home.find(i.name).isPresent()) {
        // if_vmove would rename on a clash; the simulator keeps it simple and drops it
        j.stack.detach(i);
        continue;
      }
      try {
        // an epair side whose peer was destroyed meanwhile comes home alone and keeps its unit
        // allocated until it is destroyed too
        move(i, home);
      } catch (SimKernelException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Counts one command for dying jails with a countdown; releases those whose time is up. */
  void tick() {
    for (SimJail j : new ArrayList<>(jails.values())) {
      if (j.dying && j.dyingCountdown == 0) {
        release(j);
      } else if (j.dying && j.dyingCountdown > 0) {
        j.dyingCountdown--;
      }
    }
  }

  void releaseDying() {
    for (SimJail j : new ArrayList<>(jails.values())) {
      if (j.dying) {
        release(j);
      }
    }
  }

  List<SimStack> stacks() {
    List<SimStack> out = new ArrayList<>();
    out.add(host);
    for (SimJail j : jails.values()) {
      if (j.vnet) {
        out.add(j.stack);
      }
    }
    return out;
  }
}
