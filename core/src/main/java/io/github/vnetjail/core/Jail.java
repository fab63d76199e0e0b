package io.github.vnetjail.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What every jail of this SDK has, VNET ({@link VnetJail}) or not ({@link PlainJail}): its name,
 * root, host name, permissions, devfs, hooks and raw parameters, with jail(8)'s defaults. Only this
 * SDK implements it.
 *
 * <pre>{@code
 * for (Jail j : host.allJails()) {
 *   System.out.println(j.name() + " at " + j.path() + (j.isVnet() ? " (vnet)" : ""));
 * }
 * }</pre>
 */
public interface Jail {
  /** The jail(8) name, e.g. {@code my-vnet-jail} (rules: {@link JailName}). */
  String name();

  /**
   * The jail's root directory ({@code path}); defaults to {@code /jails/<name>}. Absolute, ASCII
   * letters, digits and {@code _ . - + , @ : % = ~ /} only, so it never needs quoting.
   */
  @Value.Default
  default String path() {
    return JailChecks.DEFAULT_PATH_PREFIX + name();
  }

  /** The jail's {@code host.hostname}; absent leaves jail(8)'s default (the host's name). */
  Optional<String> hostname();

  /**
   * The jail's local DNS name (dnsmasq or /etc/hosts lines), e.g. {@code web.lan}; rules: {@link
   * Hostname}. Unique on a host.
   */
  Optional<String> dnsName();

  /**
   * Permissions turned on ({@code allow.X}), in {@link Allow}'s declaration order (an {@code
   * EnumSet}: the same permissions always render the same way, whatever order they were added).
   */
  Set<Allow> allow();

  /** Permissions turned off ({@code allow.noX}), e.g. {@link Allow#SET_HOSTNAME}; enum order. */
  Set<Allow> deny();

  /** The {@code sysvmsg} mode; absent leaves jail(8)'s default ({@code disable}). */
  Optional<SysvIpc> sysvmsg();

  /** The {@code sysvsem} mode; absent leaves jail(8)'s default ({@code disable}). */
  Optional<SysvIpc> sysvsem();

  /** The {@code sysvshm} mode; absent leaves jail(8)'s default ({@code disable}). */
  Optional<SysvIpc> sysvshm();

  /** The devfs ruleset ({@code devfs_ruleset}); absent: jail(8) applies ruleset 4. */
  Optional<DevfsRuleset> devfsRuleset();

  /** {@code persist}: the jail exists without processes (default true). */
  @Value.Default
  default boolean persist() {
    return true;
  }

  /** {@code mount.devfs}: mount devfs on the jail's /dev (default true). */
  @Value.Default
  default boolean mountDevfs() {
    return true;
  }

  /** File systems jail(8) mounts before creating the jail ({@code mount}), in order. */
  List<Mount> mounts();

  /** {@code mount.fstab}: an fstab(5) file of further mounts, if any. */
  Optional<String> mountFstab();

  /** {@code mount.fdescfs}: mount fdescfs on the jail's /dev/fd (default false). */
  @Value.Default
  default boolean mountFdescfs() {
    return false;
  }

  /** {@code mount.procfs}: mount procfs on the jail's /proc (default false). */
  @Value.Default
  default boolean mountProcfs() {
    return false;
  }

  /** Jails this one depends on ({@code depend}), started before it and stopped after it. */
  List<String> depend();

  /** Extra commands for the {@code exec.*} hooks, in the order added. */
  List<HookCommand> hooks();

  /**
   * Extra jail(8) parameters, the escape hatch: name to values, in insertion order; an empty list
   * is a valueless parameter ({@code name;}). Names the typed API covers are refused.
   */
  Map<String, List<String>> rawParameters();

  /** True for a {@link VnetJail}. */
  boolean isVnet();

  /** Non-fatal remarks, e.g. that {@code allow.sysvipc} is deprecated. */
  List<String> warnings();

  /** The extra commands for {@code hook}, in the order added. */
  default List<String> hookCommands(Hook hook) {
    List<String> out = new ArrayList<>();
    for (HookCommand c : hooks()) {
      if (c.hook() == hook) {
        out.add(c.command());
      }
    }
    return List.copyOf(out);
  }

  /**
   * The permissions as jail(8) parameters, in this order: {@code allow.X} for each {@link #allow()}
   * (valueless, value list empty), {@code allow.noX} for each {@link #deny()}, then {@code
   * sysvmsg}, {@code sysvsem}, {@code sysvshm} with their value.
   */
  default Map<String, List<String>> permissionParameters() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Allow a : allow()) {
      out.put(a.parameter(), List.of());
    }
    for (Allow a : deny()) {
      out.put(a.negatedParameter(), List.of());
    }
    sysvmsg().ifPresent(m -> out.put("sysvmsg", List.of(m.value())));
    sysvsem().ifPresent(m -> out.put("sysvsem", List.of(m.value())));
    sysvshm().ifPresent(m -> out.put("sysvshm", List.of(m.value())));
    return java.util.Collections.unmodifiableMap(out);
  }
}
