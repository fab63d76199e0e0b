package io.github.vnetjail.core;

import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.CheckedStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An 802.1Q VLAN interface on a parent interface. By default it is named {@code PARENT.TAG} ({@code
 * em0.10}), which rc.conf creates from {@code vlans_em0="10"} and configures with {@code
 * ifconfig_em0_10="up"}; a custom name such as {@code vlan10} is created from {@code
 * vlans_em0="vlan10"} with {@code create_args_vlan10="vlan 10"}. A bridge per VLAN takes the VLAN
 * interface as its member.
 *
 * <pre>{@code
 * Vlan v10 = Vlan.of("em0", 10);                                  // em0.10
 * Vlan v20 = Vlan.builder().parent("em0").tag(20).name("vlan20").build();
 * Bridge b = Bridge.builder().name("bridge10").addMember(v10.interfaceName()).build();
 * }</pre>
 */
@Value.Immutable
@CheckedStyle
public abstract class Vlan {
  Vlan() {}

  /** The parent interface carrying the tagged frames, e.g. {@code em0}. */
  public abstract String parent();

  /** The VLAN tag, 1 to 4094. */
  public abstract int tag();

  /** A custom interface name such as {@code vlan10}; absent gives {@code PARENT.TAG}. */
  public abstract Optional<String> name();

  /** The VLAN interface's name: {@link #name()}, or {@code PARENT.TAG} such as {@code em0.10}. */
  public final String interfaceName() {
    return name().orElse(parent() + "." + tag());
  }

  /** The VLAN {@code PARENT.TAG} on {@code parent}. */
  public static Vlan of(String parent, int tag) {
    return builder().parent(parent).tag(tag).build();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this VLAN's values. */
  public abstract Builder toBuilder();

  /** Builds a {@link Vlan}. */
  public static final class Builder extends ImmutableVlan.Builder {}

  @Value.Check
  void check() {
    Problems p = new Problems();
    if (parent() == null) {
      p.add("parent", "", "parent must be set", "use Vlan.builder().parent(\"em0\")");
    } else {
      p.addAll(InterfaceName.problems("parent", parent()));
    }
    p.addAll(VlanTag.problems("tag", tag()));
    name().ifPresent(n -> p.addAll(InterfaceName.problems("name", n)));
    if (p.isEmpty() && name().isEmpty()) {
      String derived = interfaceName();
      if (derived.length() > InterfaceName.MAX_LENGTH) {
        p.add(
            "name",
            derived,
            "VLAN interface name "
                + show(derived)
                + " is "
                + derived.length()
                + " characters long: FreeBSD interface names have at most 15",
            "give the VLAN a short name, e.g. Vlan.builder().name(\"vlan" + tag() + "\")");
      }
    }
    p.throwIfAny(parent() == null ? "Vlan" : "Vlan " + show(parent()) + " tag " + tag());
  }
}
