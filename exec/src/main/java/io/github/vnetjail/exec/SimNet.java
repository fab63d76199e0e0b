package io.github.vnetjail.exec;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Address arithmetic for the simulated host: parsing, masks, MACs. No DNS is ever consulted. */
final class SimNet {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}");

  private SimNet() {}

  static Optional<Long> parseIpv4(String s) {
    if (!IPV4.matcher(s).matches()) {
      return Optional.empty();
    }
    long v = 0;
    for (String part : s.split("\\.")) {
      int b = Integer.parseInt(part);
      if (b > 255) {
        return Optional.empty();
      }
      v = (v << 8) | b;
    }
    return Optional.of(v);
  }

  static String formatIpv4(long v) {
    return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
  }

  static long mask(int prefix) {
    return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
  }

  /** The prefix length of a contiguous dotted or hex netmask, or -1. */
  static int prefixOfMask(String m) {
    long v;
    if (m.startsWith("0x") || m.startsWith("0X")) {
      try {
        v = Long.parseLong(m.substring(2), 16);
      } catch (NumberFormatException e) {
        return -1;
      }
    } else {
      Optional<Long> p = parseIpv4(m);
      if (p.isEmpty()) {
        return -1;
      }
      v = p.get();
    }
    int prefix = Long.bitCount(v);
    return mask(prefix) == v ? prefix : -1;
  }

  /** The classful mask ifconfig falls back to when none is given (in_getaddr). */
  static int classfulPrefix(long addr) {
    long first = addr >> 24;
    if (first < 128) {
      return 8;
    }
    if (first < 192) {
      return 16;
    }
    return 24;
  }

  static Optional<InetAddress> parseIpv6(String s) {
    String plain = s.contains("%") ? s.substring(0, s.indexOf('%')) : s;
    if (!plain.contains(":") || !InetAddresses.isInetAddress(plain)) {
      return Optional.empty();
    }
    InetAddress a = InetAddresses.forString(plain);
    return a instanceof Inet6Address ? Optional.of(a) : Optional.empty();
  }

  static String formatIpv6(InetAddress a) {
    return InetAddresses.toAddrString(a);
  }

  static boolean sameIpv6Prefix(String a, String b, int prefix) {
    Optional<InetAddress> x = parseIpv6(a);
    Optional<InetAddress> y = parseIpv6(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    BigInteger bx = new BigInteger(1, x.get().getAddress());
    BigInteger by = new BigInteger(1, y.get().getAddress());
    return bx.shiftRight(128 - prefix).equals(by.shiftRight(128 - prefix));
  }

  /** The interface of {@code stack} whose connected prefix holds {@code gateway}, if any. */
  static Optional<SimIface> interfaceFor(SimStack stack, String gateway, boolean inet6) {
    if (inet6) {
      if (gateway.contains("%")) {
        return stack.find(gateway.substring(gateway.indexOf('%') + 1));
      }
      for (SimIface i : stack.interfaces) {
        for (SimIface.Addr a : i.inet6) {
          if (sameIpv6Prefix(a.address(), gateway, a.prefix())) {
            return Optional.of(i);
          }
        }
      }
      return Optional.empty();
    }
    Optional<Long> gw = parseIpv4(gateway);
    if (gw.isEmpty()) {
      return Optional.empty();
    }
    for (SimIface i : stack.interfaces) {
      for (SimIface.Addr a : i.inet) {
        long m = mask(a.prefix());
        if ((parseIpv4(a.address()).get() & m) == (gw.get() & m)) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  static boolean isMac(String s) {
    return MAC.matcher(s).matches();
  }

  /** Normalises a MAC to two lowercase hex digits per byte. */
  static String normalizeMac(String s) {
    StringBuilder b = new StringBuilder();
    for (String part : s.split(":")) {
      if (b.length() > 0) {
        b.append(':');
      }
      b.append(String.format(Locale.ROOT, "%02x", Integer.parseInt(part, 16)));
    }
    return b.toString();
  }

  /** A deterministic MAC: {@code prefix} bytes, then bytes derived from {@code seed}. */
  static String mac(int first, int second, int third, long seed, int last) {
    long h = (seed + 1) * 0x9E3779B97F4A7C15L;
    return String.format(
        Locale.ROOT,
        "%02x:%02x:%02x:%02x:%02x:%02x",
        first,
        second,
        third,
        (h >>> 56) & 255,
        (h >>> 48) & 255,
        last);
  }
}
