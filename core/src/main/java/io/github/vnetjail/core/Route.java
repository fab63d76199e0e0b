package io.github.vnetjail.core;

import static io.github.vnetjail.core.internal.Text.show;

/**
 * A static route inside a jail: a destination network reached via a gateway, e.g. to send some
 * jails through a VPN ({@code route add -net 10.8.0.0/24 192.168.1.2}).
 *
 * <pre>{@code
 * Route vpn = Route.of("10.8.0.0/24", "192.168.1.2");
 * }</pre>
 */
public final class Route {
  private final Cidr destination;
  private final IpAddress gateway;

  private Route(Cidr destination, IpAddress gateway) {
    this.destination = destination;
    this.gateway = gateway;
  }

  /**
   * Returns the route to {@code destination} (a network with its prefix, host bits zero) via {@code
   * gateway}.
   *
   * @throws ValidationException if either does not parse, the destination has host bits set, or the
   *     two are of different address families
   */
  public static Route of(String destination, String gateway) {
    Problems problems = new Problems();
    Route r = parse("route", destination, gateway, problems);
    problems.throwIfAny("route " + show(destination) + " via " + show(gateway));
    return r;
  }

  /** Returns the route to {@code destination} via {@code gateway}. */
  public static Route of(Cidr destination, IpAddress gateway) {
    Problems problems = new Problems();
    check("route", destination, gateway, problems);
    problems.throwIfAny("route " + destination + " via " + gateway);
    return new Route(destination, gateway);
  }

  static Route parse(String field, String destination, String gateway, Problems problems) {
    Cidr d = Cidr.parse(field + ".destination", destination, problems);
    IpAddress g = IpAddress.parse(field + ".gateway", gateway, problems);
    if (d == null || g == null || !check(field, d, g, problems)) {
      return null;
    }
    return new Route(d, g);
  }

  private static boolean check(String field, Cidr d, IpAddress g, Problems problems) {
    boolean ok = true;
    if (!d.isNetworkAddress()) {
      problems.add(
          field + ".destination",
          d.toString(),
          show(d.toString()) + " has host bits set; a route destination is a network",
          "use \"" + d.network() + "\"");
      ok = false;
    }
    if (d.isIpv4() != g.isIpv4()) {
      problems.add(
          field + ".gateway",
          g.toString(),
          "gateway " + g + " and destination " + d + " are of different address families",
          "use an " + (d.isIpv4() ? "IPv4" : "IPv6") + " gateway");
      ok = false;
    }
    return ok;
  }

  /** The destination network, e.g. {@code 10.8.0.0/24}. */
  public Cidr destination() {
    return destination;
  }

  /** The next hop, e.g. {@code 192.168.1.2}. */
  public IpAddress gateway() {
    return gateway;
  }

  /** {@code DESTINATION via GATEWAY}. */
  @Override
  public String toString() {
    return destination + " via " + gateway;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Route
        && ((Route) o).destination.equals(destination)
        && ((Route) o).gateway.equals(gateway);
  }

  @Override
  public int hashCode() {
    return destination.hashCode() * 31 + gateway.hashCode();
  }
}
