package io.github.vnetjail.core;

/**
 * How a VNET jail gets its address of one family: {@link VnetJail#ipv4Mode()} is {@link #STATIC},
 * {@link #DHCP} or {@link #NONE}; {@link VnetJail#ipv6Mode()} is {@link #STATIC}, {@link #SLAAC} or
 * {@link #NONE}.
 *
 * <pre>{@code
 * switch (jail.ipv4Mode()) {
 *   case STATIC: rc.put("ifconfig_" + jail.jailInterface(), "inet " + jail.ip().get()); break;
 *   case DHCP:   rc.put("ifconfig_" + jail.jailInterface(), "SYNCDHCP"); break;
 *   default:     break;
 * }
 * }</pre>
 */
public enum AddressMode {
  /** A static address with prefix ({@code ip(...)} or {@code ip6(...)}). */
  STATIC,
  /** IPv4 from DHCP ({@code dhcp()}); needs bpf in the jail's devfs ruleset. */
  DHCP,
  /** IPv6 from router advertisements ({@code slaac()}); rtsold in the jail. */
  SLAAC,
  /** No address of this family. */
  NONE
}
