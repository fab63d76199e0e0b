package io.github.vnetjail.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * An address of a plain (non-VNET) jail, with the host interface that carries it as an alias:
 * jail(8)'s {@code ip4.addr}/{@code ip6.addr} form {@code interface|address/prefix}.
 *
 * <pre>{@code
 * IpAlias a = IpAlias.parse("em0|192.168.1.50/24");
 * }</pre>
 */
public final class IpAlias {
  private final Optional<String> iface;
  private final Cidr address;

  private IpAlias(Optional<String> iface, Cidr address) {
    this.iface = iface;
    this.address = address;
  }

  /**
   * Parses {@code interface|address/prefix}, or {@code address/prefix} without an interface (the
   * jail is then restricted to the address, and no alias is added).
   *
   * @throws ValidationException if a part is invalid
   */
  public static IpAlias parse(String text) {
    return Problems.parseOrThrow(p -> parse("alias", text, p), "IP alias", text);
  }

  /** The alias {@code address} on {@code iface}. */
  public static IpAlias of(String iface, String address) {
    return parse(iface + "|" + address);
  }

  static IpAlias parse(String field, String text, Problems p) {
    checkNotNull(text, "alias");
    int bar = text.indexOf('|');
    Optional<String> iface = Optional.empty();
    String addr = text;
    boolean ok = true;
    if (bar >= 0) {
      iface = Optional.of(text.substring(0, bar));
      addr = text.substring(bar + 1);
      for (Problem problem : InterfaceName.problems(field + ".interface", iface.get())) {
        p.add(problem);
        ok = false;
      }
    }
    Cidr c = Cidr.parse(field + ".address", addr, p);
    if (c == null || !ok) {
      return null;
    }
    return new IpAlias(iface, c);
  }

  /** The host interface that gets the alias, if any. */
  public Optional<String> iface() {
    return iface;
  }

  /** The address with prefix. */
  public Cidr address() {
    return address;
  }

  /** jail(8)'s form: {@code em0|192.168.1.50/24}. */
  @Override
  public String toString() {
    return iface.map(i -> i + "|").orElse("") + address;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAlias
        && ((IpAlias) o).iface.equals(iface)
        && ((IpAlias) o).address.equals(address);
  }

  @Override
  public int hashCode() {
    return iface.hashCode() * 31 + address.hashCode();
  }
}
