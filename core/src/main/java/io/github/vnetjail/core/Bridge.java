package io.github.vnetjail.core;

import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.CheckedStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A host bridge ({@code if_bridge}) that jails' epairs join: its name, its member interfaces (the
 * uplink such as {@code em0}, or a VLAN interface such as {@code em0.10} or {@code vlan10}), and
 * optionally the subnet behind it for address allocation.
 *
 * <pre>{@code
 * Bridge lan = Bridge.builder()
 *     .name("bridge0")
 *     .addMember("em0")                  // rc.conf: ifconfig_bridge0="addm em0 up"
 *     .subnet("192.168.1.0/24")          // jails without ip(...) get the lowest free address
 *     .gateway("192.168.1.1")            // skipped by allocation; default route of such jails
 *     .addReserved("192.168.1.2")        // never allocated
 *     .build();
 * }</pre>
 */
@Value.Immutable
@CheckedStyle
public abstract class Bridge {
  Bridge() {}

  /** The bridge interface, e.g. {@code bridge0}. */
  public abstract String name();

  /** Member interfaces added with {@code addm}, in order. */
  public abstract List<String> members();

  /**
   * The host's own address on the bridge, e.g. {@code 192.168.1.10/24} ({@code
   * ifconfig_bridge0="inet ... addm em0 up"}); the host's address belongs on the bridge, not on the
   * member. Never allocated to a jail.
   */
  public abstract Optional<Cidr> address();

  /** The subnet behind the bridge (host bits zero), e.g. {@code 192.168.1.0/24}. */
  public abstract Optional<Cidr> subnet();

  /** The router of the subnet; never allocated, and the default gateway of allocated jails. */
  public abstract Optional<IpAddress> gateway();

  /** Addresses allocation must skip (other hosts, DHCP pools). */
  public abstract List<IpAddress> reserved();

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this bridge's values. */
  public abstract Builder toBuilder();

  /** Builds a {@link Bridge}; string forms are checked at {@link #build()}. */
  public static final class Builder extends ImmutableBridge.Builder {
    private final DeferredProblems deferred = new DeferredProblems();

    /** Sets the subnet, e.g. {@code "192.168.1.0/24"}. */
    public Builder subnet(String cidr) {
      Cidr c = deferred.parse("subnet", p -> Cidr.parse("subnet", cidr, p));
      return c == null ? this : subnet(c);
    }

    /** Sets the host's address on the bridge, e.g. {@code "192.168.1.10/24"}. */
    public Builder address(String cidr) {
      Cidr c = deferred.parse("address", p -> Cidr.parse("address", cidr, p));
      return c == null ? this : address(c);
    }

    /** Sets the subnet's router, e.g. {@code "192.168.1.1"}. */
    public Builder gateway(String address) {
      IpAddress a = deferred.parse("gateway", p -> IpAddress.parse("gateway", address, p));
      return a == null ? this : gateway(a);
    }

    /** Adds an address allocation must skip, e.g. {@code "192.168.1.2"}. */
    public Builder addReserved(String address) {
      IpAddress a =
          deferred.parse("reserved[" + address + "]", p -> IpAddress.parse("reserved", address, p));
      return a == null ? this : addReserved(a);
    }

    /**
     * Validates and builds the bridge.
     *
     * @throws ValidationException listing every problem
     */
    @Override
    public Bridge build() {
      return deferred.build(super::build, b -> subject(b.name()));
    }
  }

  static String subject(String name) {
    return Problems.subject("Bridge", name);
  }

  @Value.Check
  void check() {
    Problems p = new Problems();
    if (name() == null) {
      p.add("name", "", "name must be set", "use Bridge.builder().name(\"bridge0\")");
    } else {
      p.addAll(InterfaceName.problems("name", name()));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < members().size(); i++) {
      String m = members().get(i);
      String field = "members[" + i + "]";
      p.addAll(InterfaceName.problems(field, m));
      if (!seen.add(m)) {
        p.add(field, m, "member " + show(m) + " is listed twice", "list each member once");
      }
      if (m.equals(name())) {
        p.add(field, m, "bridge " + m + " cannot be a member of itself", "remove it");
      }
    }
    subnet()
        .ifPresent(
            s -> {
              if (!s.isNetworkAddress()) {
                p.add(
                    "subnet",
                    s.toString(),
                    "subnet " + s + " has host bits set",
                    "use \"" + s.network() + "\" (for the host's own address use address(...))");
              }
            });
    address()
        .ifPresent(
            a -> {
              VnetJail.checkHostAddress("address", a, p);
              subnet()
                  .filter(s -> s.isIpv4() == a.isIpv4() && !s.contains(a.address()))
                  .ifPresent(
                      s ->
                          p.add(
                              "address",
                              a.toString(),
                              "address " + a + " is outside the subnet " + s,
                              "use an address inside " + s));
            });
    gateway()
        .ifPresent(
            g ->
                subnet()
                    .filter(s -> !s.contains(g))
                    .ifPresent(
                        s ->
                            p.add(
                                "gateway",
                                g.toString(),
                                "gateway " + g + " is outside the subnet " + s,
                                "use a gateway inside " + s)));
    for (IpAddress r : reserved()) {
      subnet()
          .filter(s -> !s.contains(r))
          .ifPresent(
              s ->
                  p.add(
                      "reserved",
                      r.toString(),
                      "reserved address " + r + " is outside the subnet " + s,
                      "remove it or use an address inside " + s));
    }
    p.throwIfAny(subject(name()));
  }
}
