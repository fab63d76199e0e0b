package io.github.vnetjail.core;

import static com.google.common.base.Preconditions.checkNotNull;
import static io.github.vnetjail.core.internal.Text.show;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A unicast Ethernet MAC address such as {@code 02:00:00:00:9a:0a}, for the {@code ether} setting
 * of an epair side.
 *
 * <p>Multicast addresses (the lowest bit of the first octet set, which includes the broadcast
 * address) and the all-zero address are refused: an interface cannot own them. Locally administered
 * addresses (second-lowest bit of the first octet set, e.g. {@code 02:...}) are the right choice
 * for epairs; {@link #isLocallyAdministered()} tells them apart.
 *
 * <pre>{@code
 * MacAddress mac = MacAddress.parse("02:00:00:00:9a:0a");
 * }</pre>
 */
public final class MacAddress extends StringValue {
  private static final Pattern SYNTAX = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

  private final int firstOctet;

  /** {@code value} is in lower case. */
  private MacAddress(String value) {
    super(value);
    this.firstOctet = Integer.parseInt(value.substring(0, 2), 16);
  }

  /**
   * Parses six colon-separated pairs of hex digits; the result is lower case.
   *
   * @throws ValidationException if the syntax is wrong, or the address is multicast or all zero
   */
  public static MacAddress parse(String text) {
    return Problems.parseOrThrow(p -> parse("mac", text, p), "MAC address", text);
  }

  /**
   * Derives a stable locally administered unicast address from {@code seed} (the first six bytes of
   * its SHA-256, with the multicast bit cleared and the local bit set). Use a seed that is unique
   * on the L2 segment, e.g. host name, jail name and side: cloned hosts then still get distinct
   * MACs, unlike the kernel's defaults.
   *
   * <pre>{@code
   * VnetJail.builder()...hostMac(MacAddress.derive("host1/web/a"))
   *     .jailMac(MacAddress.derive("host1/web/b"));
   * }</pre>
   */
  public static MacAddress derive(String seed) {
    checkNotNull(seed, "seed");
    byte[] h =
        com.google.common.hash.Hashing.sha256()
            .hashString(seed, java.nio.charset.StandardCharsets.UTF_8)
            .asBytes();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      int b = h[i] & 0xff;
      if (i == 0) {
        b = (b & 0xfc) | 0x02;
      } else {
        sb.append(':');
      }
      sb.append(String.format("%02x", b));
    }
    return new MacAddress(sb.toString());
  }

  /** Parses {@code text}, adding its problems for {@code field} and returning null if invalid. */
  static MacAddress parse(String field, String text, Problems p) {
    List<Problem> problems = problems(field, text);
    p.addAll(problems);
    return problems.isEmpty() ? new MacAddress(text.toLowerCase(Locale.ROOT)) : null;
  }

  static List<Problem> problems(String field, String text) {
    checkNotNull(text, "MAC address");
    if (!SYNTAX.matcher(text).matches()) {
      return List.of(
          Problem.of(
              field,
              text,
              show(text)
                  + " is not a MAC address: expected six pairs of hex digits separated by ':'",
              "write it like \"02:00:00:00:9a:0a\""));
    }
    int first = Integer.parseInt(text.substring(0, 2), 16);
    if ((first & 1) != 0) {
      return List.of(
          Problem.of(
              field,
              text,
              show(text) + " is a multicast address (lowest bit of the first octet set)",
              "use a unicast, locally administered address such as \"02:00:00:00:9a:0a\""));
    }
    if (text.equals("00:00:00:00:00:00")) {
      return List.of(
          Problem.of(
              field,
              text,
              show(text) + " is the all-zero address, which no interface can use",
              "use a locally administered address such as \"02:00:00:00:9a:0a\""));
    }
    return List.of();
  }

  /** True if the address is locally administered (second-lowest bit of the first octet). */
  public boolean isLocallyAdministered() {
    return (firstOctet & 2) != 0;
  }
}
