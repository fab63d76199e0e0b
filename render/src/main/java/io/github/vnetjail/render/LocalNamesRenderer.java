package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.Cidr;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.core.VnetJailException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Local DNS names for the jails of a host (each jail's {@code dnsName}), as a dnsmasq snippet or as
 * {@code /etc/hosts} lines, the way the seed serves its jails' names with dnsmasq.
 *
 * <pre>{@code
 * LocalNamesRenderer.dnsmasq(host);  // host-record=web.lan,192.168.1.154
 * LocalNamesRenderer.hosts(host);    // 192.168.1.154	web.lan
 * }</pre>
 *
 * <p>Only static addresses can be named here: a jail on DHCP or SLAAC gets a comment line saying so
 * instead (a DHCP server that hands out the address can register the name itself).
 */
public final class LocalNamesRenderer {
  /** A DNS name: dot-separated labels of letters, digits and hyphens. */
  private static final Pattern NAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

  private LocalNamesRenderer() {}

  /**
   * Returns dnsmasq {@code host-record=NAME,IPv4[,IPv6]} lines: A, AAAA and PTR records for exactly
   * that name (not its subdomains).
   */
  public static String dnsmasq(HostConfig host) {
    return lines(
        host,
        (name, addresses) -> "host-record=" + name + "," + String.join(",", addresses) + "\n");
  }

  /**
   * Returns dnsmasq {@code address=/NAME/IP} lines, one per address: the name and every name under
   * it resolve to the jail (no PTR record).
   */
  public static String dnsmasqAddresses(HostConfig host) {
    return lines(
        host, (name, addresses) -> eachAddress(addresses, a -> "address=/" + name + "/" + a));
  }

  /** Returns {@code /etc/hosts} lines: the address, a tab, the name; one line per address. */
  public static String hosts(HostConfig host) {
    return lines(host, (name, addresses) -> eachAddress(addresses, a -> a + "\t" + name));
  }

  /**
   * Walks the jails that have a DNS name: {@code format} gets the checked name and the jail's
   * static addresses; a jail without one gets a comment line instead.
   */
  private static String lines(HostConfig host, BiFunction<String, List<String>, String> format) {
    checkNotNull(host, "host");
    StringBuilder out = new StringBuilder();
    for (VnetJail jail : host.jails()) {
      if (jail.dnsName().isEmpty()) {
        continue;
      }
      String name = checkName(jail);
      List<String> addresses = addresses(jail);
      out.append(addresses.isEmpty() ? skipped(jail, name) : format.apply(name, addresses));
    }
    return out.toString();
  }

  private static String eachAddress(List<String> addresses, Function<String, String> line) {
    StringBuilder out = new StringBuilder();
    for (String a : addresses) {
      out.append(line.apply(a)).append('\n');
    }
    return out.toString();
  }

  private static List<String> addresses(VnetJail jail) {
    List<String> out = new ArrayList<>();
    jail.ip().map(Cidr::address).ifPresent(a -> out.add(a.toString()));
    jail.ip6().map(Cidr::address).ifPresent(a -> out.add(a.toString()));
    return out;
  }

  private static String skipped(VnetJail jail, String name) {
    return "# " + name + " (jail " + jail.name() + "): no static address to name\n";
  }

  /** The model checks names already; this guards the formats, where , / and # are syntax. */
  private static String checkName(VnetJail jail) {
    String name = jail.dnsName().orElseThrow();
    if (!NAME.matcher(name).matches()) {
      throw new VnetJailException(
          "jail "
              + jail.name()
              + ": DNS name "
              + ShellQuoting.describe(name)
              + " is not a host name; use labels of letters, digits and '-' separated by dots");
    }
    return name;
  }
}
