package io.github.vnetjail.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The devfs ruleset of a jail ({@code devfs_ruleset}), and what it exposes in the jail's {@code
 * /dev}: DHCP needs {@code bpf*}, pf inside the jail needs {@code /dev/pf}.
 *
 * <p>FreeBSD's stock rulesets ({@code /etc/defaults/devfs.rules}) are 4 {@code devfsrules_jail}
 * (neither pf nor bpf) and 5 {@code devfsrules_jail_vnet} (pf, not bpf). {@link #vnetWithBpf(int)}
 * is the ruleset this SDK generates: it includes {@code $devfsrules_jail_vnet} and adds {@code add
 * path 'bpf*' unhide}; the render module writes it to {@code /etc/devfs.rules}. {@link #custom(int,
 * boolean, boolean)} names a ruleset the user maintains.
 *
 * <pre>{@code
 * VnetJail.builder().name("web").bridge("bridge0").dhcp()
 *     .devfsRuleset(DevfsRuleset.vnetWithBpf(10))
 *     .build();
 * }</pre>
 */
public final class DevfsRuleset {
  /** The name of the ruleset this SDK generates, in {@code /etc/devfs.rules}. */
  public static final String GENERATED_NAME = "vnetjail_vnet_bpf";

  private static final DevfsRuleset JAIL =
      new DevfsRuleset(4, Optional.of("devfsrules_jail"), false, false, false);
  private static final DevfsRuleset JAIL_VNET =
      new DevfsRuleset(5, Optional.of("devfsrules_jail_vnet"), true, false, false);

  private final int number;
  private final Optional<String> name;
  private final boolean exposesPf;
  private final boolean exposesBpf;
  private final boolean generated;

  private DevfsRuleset(
      int number, Optional<String> name, boolean pf, boolean bpf, boolean generated) {
    this.number = number;
    this.name = name;
    this.exposesPf = pf;
    this.exposesBpf = bpf;
    this.generated = generated;
  }

  /** Stock ruleset 4, {@code devfsrules_jail}: no pf, no bpf (jail(8)'s default). */
  public static DevfsRuleset jail() {
    return JAIL;
  }

  /** Stock ruleset 5, {@code devfsrules_jail_vnet}: exposes pf, not bpf. */
  public static DevfsRuleset jailVnet() {
    return JAIL_VNET;
  }

  /**
   * The ruleset this SDK generates under {@code number}: ruleset 5 plus {@code bpf*}, for DHCP and
   * pf. Numbers 1 to 5 belong to FreeBSD's stock rulesets and are refused.
   *
   * @throws ValidationException if {@code number} is not in 6..65535
   */
  public static DevfsRuleset vnetWithBpf(int number) {
    checkCustomNumber(number);
    return new DevfsRuleset(number, Optional.of(GENERATED_NAME), true, true, true);
  }

  /**
   * A ruleset the user maintains in {@code /etc/devfs.rules}, declaring what it exposes so that
   * validation can check DHCP and pf.
   *
   * @throws ValidationException if {@code number} is not in 6..65535
   */
  public static DevfsRuleset custom(int number, boolean exposesPf, boolean exposesBpf) {
    checkCustomNumber(number);
    return new DevfsRuleset(number, Optional.empty(), exposesPf, exposesBpf, false);
  }

  private static void checkCustomNumber(int number) {
    // devfs_rsnum is a uint16_t (kern_jail.c); 0 means "no ruleset"; 1-5 are the stock ones.
    if (number < 6 || number > 65535) {
      throw new ValidationException(
          "devfs ruleset " + number,
          List.of(
              Problem.of(
                  "devfsRuleset",
                  Integer.toString(number),
                  "devfs ruleset number "
                      + number
                      + " is out of range: 1 to 5 are FreeBSD's stock rulesets and the kernel"
                      + " takes at most 65535",
                  "use a number between 6 and 65535, e.g. 10")));
    }
  }

  /** The ruleset number, the value of {@code devfs_ruleset}. */
  public int number() {
    return number;
  }

  /** The ruleset's name in devfs.rules, if known (stock and generated rulesets). */
  public Optional<String> name() {
    return name;
  }

  /** True if the jail sees {@code /dev/pf}. */
  public boolean exposesPf() {
    return exposesPf;
  }

  /** True if the jail sees {@code /dev/bpf*} (needed by dhclient). */
  public boolean exposesBpf() {
    return exposesBpf;
  }

  /** True if this SDK generates the ruleset (render writes it to {@code /etc/devfs.rules}). */
  public boolean isGenerated() {
    return generated;
  }

  /** E.g. {@code 5 (devfsrules_jail_vnet)}. */
  @Override
  public String toString() {
    return number + name.map(n -> " (" + n + ")").orElse("");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DevfsRuleset)) {
      return false;
    }
    DevfsRuleset r = (DevfsRuleset) o;
    return r.number == number
        && r.name.equals(name)
        && r.exposesPf == exposesPf
        && r.exposesBpf == exposesBpf
        && r.generated == generated;
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, name, exposesPf, exposesBpf, generated);
  }
}
