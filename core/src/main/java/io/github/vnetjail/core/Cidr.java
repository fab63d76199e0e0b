package io.github.vnetjail.core;

import static com.google.common.base.Preconditions.checkNotNull;
import static io.github.vnetjail.core.internal.Text.show;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An interface address with its prefix length, such as {@code 192.168.1.154/24} or {@code
 * 2001:db8::5/64}; also used for subnets ({@code 192.168.1.0/24}) and route destinations.
 *
 * <pre>{@code
 * Cidr ip = Cidr.parse("192.168.1.154/24");
 * ip.address();        // 192.168.1.154
 * ip.prefixLength();   // 24
 * ip.network();        // 192.168.1.0/24
 * ip.netmask();        // 255.255.255.0
 * }</pre>
 */
public final class Cidr {
  private final IpAddress address;
  private final int prefixLength;

  private Cidr(IpAddress address, int prefixLength) {
    this.address = address;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses {@code ADDRESS/PREFIX}; the prefix is required.
   *
   * @throws ValidationException if the address is not numeric, the prefix is missing, or it is out
   *     of range (0..32 for IPv4, 0..128 for IPv6)
   */
  public static Cidr parse(String text) {
    return Problems.parseOrThrow(p -> parse("address", text, p), "address", text);
  }

  /** Returns {@code address/prefixLength}. */
  public static Cidr of(IpAddress address, int prefixLength) {
    Problems problems = new Problems();
    checkPrefix("prefix", address + "/" + prefixLength, address, prefixLength, problems);
    problems.throwIfAny("address " + address + "/" + prefixLength);
    return new Cidr(address, prefixLength);
  }

  static Cidr parse(String field, String text, Problems problems) {
    checkNotNull(text, "address");
    int slash = text.indexOf('/');
    if (slash < 0) {
      problems.add(
          field,
          text,
          show(text) + " has no prefix length; an address needs one, as in \"192.168.1.154/24\"",
          "append the prefix length, e.g. " + show(text + "/24"));
      return null;
    }
    String addressPart = text.substring(0, slash);
    String prefixPart = text.substring(slash + 1);
    Problems local = new Problems();
    IpAddress address = IpAddress.parse(field, addressPart, local);
    if (address == null) {
      for (Problem p : local.list()) {
        problems.add(field, text, p.message(), p.fix());
      }
      return null;
    }
    if (!prefixPart.matches("0|[1-9][0-9]{0,2}")) {
      problems.add(
          field,
          text,
          show(text) + " has an invalid prefix length " + show(prefixPart),
          "write the prefix as a decimal number of bits, e.g. /24 or /64");
      return null;
    }
    int prefix = Integer.parseInt(prefixPart);
    if (!checkPrefix(field, text, address, prefix, problems)) {
      return null;
    }
    return new Cidr(address, prefix);
  }

  private static boolean checkPrefix(
      String field, String text, IpAddress address, int prefix, Problems problems) {
    if (prefix < 0 || prefix > address.bits()) {
      problems.add(
          field,
          text,
          show(text)
              + " has prefix length "
              + prefix
              + ": "
              + (address.isIpv4() ? "IPv4" : "IPv6")
              + " prefixes are 0 to "
              + address.bits(),
          address.isIpv4() ? "use e.g. /24" : "use e.g. /64");
      return false;
    }
    return true;
  }

  /** The address part, e.g. {@code 192.168.1.154}. */
  public IpAddress address() {
    return address;
  }

  /** The prefix length in bits. */
  public int prefixLength() {
    return prefixLength;
  }

  /** True for IPv4. */
  public boolean isIpv4() {
    return address.isIpv4();
  }

  /** True for IPv6. */
  public boolean isIpv6() {
    return address.isIpv6();
  }

  /** The network: the address with the host bits cleared, same prefix length. */
  public Cidr network() {
    return new Cidr(networkAddress(), prefixLength);
  }

  /** True if the host bits are zero, as a subnet or route destination should be. */
  public boolean isNetworkAddress() {
    return networkAddress().equals(address);
  }

  /** The address with the host bits cleared. */
  public IpAddress networkAddress() {
    return IpAddress.fromBigInteger(address.toBigInteger().andNot(hostMask()), address.bits());
  }

  /** The IPv4 broadcast address (all host bits set); empty for IPv6 and for /31 and /32. */
  public Optional<IpAddress> broadcast() {
    if (!isIpv4() || prefixLength >= 31) {
      return Optional.empty();
    }
    return Optional.of(
        IpAddress.fromBigInteger(address.toBigInteger().or(hostMask()), address.bits()));
  }

  /** The IPv4 netmask in dotted form, e.g. {@code 255.255.255.0}; empty for IPv6. */
  public Optional<String> netmask() {
    if (!isIpv4()) {
      return Optional.empty();
    }
    BigInteger all = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    return Optional.of(IpAddress.fromBigInteger(all.andNot(hostMask()), 32).toString());
  }

  /** True if {@code other} is in this network (same family, same leading bits). */
  public boolean contains(IpAddress other) {
    if (other.bits() != address.bits()) {
      return false;
    }
    BigInteger mask = hostMask();
    return other.toBigInteger().andNot(mask).equals(address.toBigInteger().andNot(mask));
  }

  /** The number of addresses in the network, 2^(bits - prefix). */
  BigInteger size() {
    return BigInteger.ONE.shiftLeft(address.bits() - prefixLength);
  }

  /** The address at {@code offset} from the network address. */
  IpAddress addressAt(BigInteger offset) {
    return IpAddress.fromBigInteger(
        address.toBigInteger().andNot(hostMask()).add(offset), address.bits());
  }

  private BigInteger hostMask() {
    return BigInteger.ONE.shiftLeft(address.bits() - prefixLength).subtract(BigInteger.ONE);
  }

  /** The canonical text, e.g. {@code 192.168.1.154/24}. */
  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr
        && ((Cidr) o).address.equals(address)
        && ((Cidr) o).prefixLength == prefixLength;
  }

  @Override
  public int hashCode() {
    return address.hashCode() * 31 + prefixLength;
  }
}
