package io.github.vnetjail.core;

/**
 * How a VNET jail's epair sides are named.
 *
 * <pre>{@code
 * VnetJail.builder().name("web").bridge("bridge0").dhcp()
 *     .interfaceNaming(InterfaceNaming.JIB)   // e0a_web on the host, e0b_web in the jail
 *     .build();
 * }</pre>
 */
public enum InterfaceNaming {
  /**
   * The seed's scheme: {@code epair<id>a} on the host, {@code epair<id>b} in the jail, where id is
   * the jail's epair unit.
   */
  EPAIR,
  /**
   * The scheme of FreeBSD's {@code share/examples/jails/jib}: the epair is renamed to {@code
   * e0a_<name>} (host) and {@code e0b_<name>} (jail). Only jail names of at most 11 characters fit
   * in 15; longer names are refused, never truncated. As jib itself ({@code jib_addm}), it takes
   * only jail names of letters, digits and {@code _}; a {@code .} would also read as a VLAN.
   */
  JIB
}
