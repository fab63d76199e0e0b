package io.github.vnetjail.core;

import static com.google.common.base.Preconditions.checkNotNull;
import static io.github.vnetjail.core.internal.Text.show;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An IPv4 or IPv6 address without a prefix, such as a gateway {@code 192.168.1.1}. Only numeric
 * literals are accepted; nothing is ever looked up in DNS.
 *
 * <pre>{@code
 * IpAddress gw = IpAddress.parse("192.168.1.1");
 * }</pre>
 */
public final class IpAddress implements Comparable<IpAddress> {
  private final InetAddress address;

  private IpAddress(InetAddress address) {
    this.address = address;
  }

  /**
   * Parses a numeric IPv4 or IPv6 literal.
   *
   * @throws ValidationException if {@code text} is not a numeric address (a prefix, a zone such as
   *     {@code %em0}, and IPv4-mapped IPv6 addresses are refused too)
   */
  public static IpAddress parse(String text) {
    return Problems.parseOrThrow(p -> parse("address", text, p), "IP address", text);
  }

  /** Parses {@code text}, adding a problem for {@code field} and returning null if invalid. */
  static IpAddress parse(String field, String text, Problems problems) {
    checkNotNull(text, "address");
    String fix = "write a numeric address like \"192.168.1.1\" or \"2001:db8::1\"";
    if (text.indexOf('/') >= 0) {
      problems.add(
          field,
          text,
          show(text) + " has a prefix length; a plain address is expected here",
          "remove the " + show("/" + text.substring(text.indexOf('/') + 1)));
      return null;
    }
    if (text.indexOf('%') >= 0) {
      problems.add(
          field, text, show(text) + " has a zone index ('%'), which is not supported here", fix);
      return null;
    }
    InetAddress a;
    try {
      // Numeric literal parsing only: InetAddresses never consults DNS.
      a = InetAddresses.forString(text);
    } catch (IllegalArgumentException e) {
      problems.add(field, text, show(text) + " is not a numeric IPv4 or IPv6 address", fix);
      return null;
    }
    if (a instanceof Inet4Address && text.indexOf(':') >= 0) {
      problems.add(
          field,
          text,
          show(text) + " is an IPv4-mapped IPv6 address",
          "write the IPv4 address \"" + InetAddresses.toAddrString(a) + "\" instead");
      return null;
    }
    return new IpAddress(a);
  }

  static IpAddress of(InetAddress address) {
    return new IpAddress(address);
  }

  /** True for an IPv4 address. */
  public boolean isIpv4() {
    return address instanceof Inet4Address;
  }

  /** True for an IPv6 address. */
  public boolean isIpv6() {
    return address instanceof Inet6Address;
  }

  /** The JDK address (no DNS name attached). */
  public InetAddress inetAddress() {
    return address;
  }

  /** The number of bits: 32 or 128. */
  public int bits() {
    return isIpv4() ? 32 : 128;
  }

  BigInteger toBigInteger() {
    return new BigInteger(1, address.getAddress());
  }

  static IpAddress fromBigInteger(BigInteger value, int bits) {
    byte[] raw = value.toByteArray();
    byte[] bytes = new byte[bits / 8];
    int copy = Math.min(raw.length, bytes.length);
    System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
    try {
      return new IpAddress(InetAddress.getByAddress(bytes));
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e); // only thrown for a wrong length
    }
  }

  /** The canonical text, e.g. {@code 192.168.1.1} or {@code 2001:db8::1} (RFC 5952). */
  @Override
  public String toString() {
    return InetAddresses.toAddrString(address);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress && ((IpAddress) o).address.equals(address);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  /** IPv4 before IPv6, then numerically. */
  @Override
  public int compareTo(IpAddress o) {
    int c = Integer.compare(bits(), o.bits());
    return c != 0 ? c : toBigInteger().compareTo(o.toBigInteger());
  }
}
