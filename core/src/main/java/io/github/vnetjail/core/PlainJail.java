package io.github.vnetjail.core;

import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.CheckedStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  @Override
  public abstract String name();

  /** The jail's addresses, each optionally with the host interface that carries the alias. */
  public abstract List<IpAlias> aliases();

  /** The jail's root; defaults to {@code /jails/<name>}. */
  @Override
  @Value.Default
  public String path() {
    return JailChecks.DEFAULT_PATH_PREFIX + name();
  }

  @Override
  public abstract Optional<String> hostname();

  @Override
  public abstract Set<Allow> allow();

  @Override
  public abstract Set<Allow> deny();

  @Override
  public abstract Optional<SysvIpc> sysvmsg();

  @Override
  public abstract Optional<SysvIpc> sysvsem();

  @Override
  public abstract Optional<SysvIpc> sysvshm();

  @Override
  public abstract Optional<DevfsRuleset> devfsRuleset();

  @Override
  @Value.Default
  public boolean persist() {
    return true;
  }

  @Override
  @Value.Default
  public boolean mountDevfs() {
    return true;
  }

  @Override
  public abstract List<Mount> mounts();

  @Override
  public abstract Optional<String> mountFstab();

  @Override
  @Value.Default
  public boolean mountFdescfs() {
    return false;
  }

  @Override
  @Value.Default
  public boolean mountProcfs() {
    return false;
  }

  @Override
  public abstract List<String> depend();

  @Override
  public abstract List<HookCommand> hooks();

  @Override
  public abstract Map<String, List<String>> rawParameters();

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

  /** A builder with this jail's values. */
  public abstract Builder toBuilder();

  /** Builds a {@link PlainJail}; string forms are checked at {@link #build()}. */
  public static final class Builder extends ImmutablePlainJail.Builder {
    private final Map<String, List<Problem>> deferred = new LinkedHashMap<>();

    /** Adds an address in jail(8)'s form {@code em0|192.168.1.50/24} (interface optional). */
    public Builder addAlias(String alias) {
      Problems p = new Problems();
      String field = "aliases[" + alias + "]";
      IpAlias a = IpAlias.parse(field, alias, p);
      deferred.remove(field);
      if (a == null) {
        deferred.put(field, p.list());
        return this;
      }
      return addAlias(a);
    }

    /**
     * Adds a mount from an fstab line, e.g. {@code "/usr/ports /jails/web/usr/ports nullfs ro"}.
     */
    public Builder addMount(String fstabLine) {
      Problems p = new Problems();
      String field = "mounts[" + JailChecks.key(fstabLine) + "]";
      Mount m = Mount.parse(field, fstabLine, p);
      deferred.remove(field);
      if (m == null) {
        deferred.put(field, p.list());
        return this;
      }
      return addMount(m);
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
      List<Problem> early = new ArrayList<>();
      deferred.values().forEach(early::addAll);
      PlainJail jail;
      try {
        jail = super.build();
      } catch (ValidationException e) {
        if (early.isEmpty()) {
          throw e;
        }
        early.addAll(e.problems());
        throw new ValidationException(e.subject(), early);
      }
      if (!early.isEmpty()) {
        throw new ValidationException(subject(jail.name()), early);
      }
      return jail;
    }
  }

  static String subject(String name) {
    return name == null ? "PlainJail" : "PlainJail " + show(name);
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
