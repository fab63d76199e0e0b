package io.github.vnetjail.core;

import io.github.vnetjail.core.internal.CheckedStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A plain (non-VNET) jail: it shares the host's network stack and uses IP aliases on host
 * interfaces ({@code ip4.addr = "em0|192.168.1.50/24"}).
 *
 * <pre>{@code
 * PlainJail old = PlainJail.builder()
 *     .name("legacy")
 *     .addAlias("em0|192.168.1.50/24")
 *     .hostname("legacy.lan")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@CheckedStyle
public abstract class PlainJail implements Jail {
  PlainJail() {}

  /** The jail's addresses, each optionally with the host interface that carries the alias. */
  public abstract List<IpAlias> aliases();

  /** Always false. */
  @Override
  public final boolean isVnet() {
    return false;
  }

  /** The IPv4 aliases, in order (jail(8)'s {@code ip4.addr}). */
  public final List<IpAlias> ip4Aliases() {
    List<IpAlias> out = new ArrayList<>();
    aliases().stream().filter(a -> a.address().isIpv4()).forEach(out::add);
    return List.copyOf(out);
  }

  /** The IPv6 aliases, in order (jail(8)'s {@code ip6.addr}). */
  public final List<IpAlias> ip6Aliases() {
    List<IpAlias> out = new ArrayList<>();
    aliases().stream().filter(a -> a.address().isIpv6()).forEach(out::add);
    return List.copyOf(out);
  }

  @Override
  public final List<String> warnings() {
    return List.copyOf(JailChecks.commonWarnings(this));
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this jail's values, to derive a changed copy. Defaults are copied as values:
   * after {@code toBuilder().name("other")} the path is still {@code /jails/<old name>} unless
   * {@code path(...)} is set too.
   */
  public abstract Builder toBuilder();

  /** Builds a {@link PlainJail}; string forms are checked at {@link #build()}. */
  public static final class Builder extends ImmutablePlainJail.Builder {
    private final DeferredProblems deferred = new DeferredProblems();

    /** Adds an address in jail(8)'s form {@code em0|192.168.1.50/24} (interface optional). */
    public Builder addAlias(String alias) {
      String field = "aliases[" + alias + "]";
      IpAlias a = deferred.parse(field, p -> IpAlias.parse(field, alias, p));
      return a == null ? this : addAlias(a);
    }

    /**
     * Adds a mount from an fstab line, e.g. {@code "/usr/ports /jails/web/usr/ports nullfs ro"}.
     */
    public Builder addMount(String fstabLine) {
      Mount m = Mount.parse(deferred, fstabLine);
      return m == null ? this : addMount(m);
    }

    /** Adds an extra command to {@code hook}. */
    public Builder addHook(Hook hook, String command) {
      return addHook(HookCommand.of(hook, command));
    }

    /** Sets a raw jail(8) parameter; no values gives the valueless form {@code name;}. */
    public Builder putRawParameter(String name, String... values) {
      return putRawParameter(name, List.of(values));
    }

    /**
     * Validates and builds the jail.
     *
     * @throws ValidationException listing every problem
     */
    @Override
    public PlainJail build() {
      return deferred.build(super::build, jail -> subject(jail.name()));
    }
  }

  static String subject(String name) {
    return Problems.subject("PlainJail", name);
  }

  @Value.Check
  void check() {
    Problems p = new Problems();
    JailChecks.checkCommon(this, "PlainJail", p);
    Set<IpAddress> seen = new HashSet<>();
    for (IpAlias a : aliases()) {
      String field = "aliases[" + a + "]";
      if (!seen.add(a.address().address())) {
        p.add(
            field,
            a.toString(),
            "address " + a.address().address() + " is listed twice",
            "list each address once");
      }
      VnetJail.checkHostAddress(field, a.address(), p);
    }
    p.throwIfAny(subject(name()));
  }
}
