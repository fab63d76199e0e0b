package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the host says about one jail, read back from {@code jls} and {@code ifconfig}.
 *
 * @param name the jail's name
 * @param state running, dying or stopped
 * @param jid its jail id while running or dying
 * @param managed whether the SDK installed it (it is in the manifest)
 * @param interfaces the jail's epair sides and where each is
 * @param addresses the jail interface's addresses as {@code A.B.C.D/P} (running jails only)
 */
public record JailStatus(
    String name,
    State state,
    OptionalInt jid,
    boolean managed,
    List<InterfaceStatus> interfaces,
    List<String> addresses) {

  /** The jail's state as jls reports it. */
  public enum State {
    /** Listed by {@code jls} (ACTIVE). */
    RUNNING,
    /** Removed but not yet released: only {@code jls -d} lists it (DYING). */
    DYING,
    /** Not listed at all. */
    STOPPED
  }

  /** Where an interface is. */
  public enum Location {
    /** In the host's stack, not a bridge member. */
    HOST,
    /** In the host's stack and a member of the jail's bridge. */
    BRIDGE,
    /** Inside the jail's own stack. */
    JAIL,
    /** Nowhere the host can see (destroyed, or held by a dying jail). */
    ABSENT
  }

  /**
   * One interface of the jail.
   *
   * @param name e.g. {@code epair154a}
   * @param location where it is
   */
  public record InterfaceStatus(String name, Location location) {
    /** Checks the components. */
    public InterfaceStatus {
      checkNotNull(name, "name");
      checkNotNull(location, "location");
    }
  }

  /** Copies the lists. */
  public JailStatus {
    checkNotNull(name, "name");
    checkNotNull(state, "state");
    checkNotNull(jid, "jid");
    interfaces = List.copyOf(interfaces);
    addresses = List.copyOf(addresses);
  }

  /** True when the jail runs. */
  public boolean isRunning() {
    return state == State.RUNNING;
  }

  /** The interface with this name, if the jail has it. */
  public Optional<InterfaceStatus> iface(String ifname) {
    return interfaces.stream().filter(i -> i.name().equals(ifname)).findFirst();
  }
}
