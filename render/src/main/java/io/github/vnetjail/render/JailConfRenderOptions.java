package io.github.vnetjail.render;

import io.github.vnetjail.core.internal.JailStyle;
import org.immutables.value.Value;

/**
 * How {@link JailConfRenderer} writes jail.conf: seed style with variables or fully expanded, the
 * leak-safe hooks or the seed's own, and the target FreeBSD release.
 *
 * <pre>{@code
 * JailConfRenderOptions opts = JailConfRenderOptions.builder()
 *     .style(JailConfRenderOptions.Style.EXPANDED)
 *     .dialect(JailConfDialect.FREEBSD_13)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JailStyle
public abstract class JailConfRenderOptions {
  JailConfRenderOptions() {}

  /** How values are written. */
  public enum Style {
    /** The seed's style: {@code $id $ip $gateway $bridge $epair} and {@code ${epair}b}. */
    VARIABLES,
    /** Every value written out; no variable at all. Same effective parameters. */
    EXPANDED
  }

  /** Which exec hooks manage the epair. */
  public enum Hooks {
    /**
     * Leak-safe (the default): {@code exec.prestart} destroys a stale pair, then creates it and
     * joins the bridge in one sh line that destroys the pair if a step fails; {@code exec.start}
     * configures the network before {@code /bin/sh /etc/rc} and destroys the pair on failure;
     * {@code exec.prestop} takes the jail side back; {@code exec.poststop} destroys the pair.
     */
    ROBUST,
    /** The seed's hooks, exactly, plus its {@code exec.prestop} release fix. */
    SEED
  }

  /** Returns the value style; {@link Style#VARIABLES} by default. */
  @Value.Default
  public Style style() {
    return Style.VARIABLES;
  }

  /** Returns the hooks; {@link Hooks#ROBUST} by default. */
  @Value.Default
  public Hooks hooks() {
    return Hooks.ROBUST;
  }

  /** Returns the target release; {@code .include} is written only for 14.0 and later. */
  @Value.Default
  public JailConfDialect dialect() {
    return JailConfDialect.defaultDialect();
  }

  /** Returns the directory of the per-jail files; {@code /etc/jail.conf.d} by default. */
  @Value.Default
  public String confDirectory() {
    return "/etc/jail.conf.d";
  }

  /** Returns the defaults: variables, robust hooks, FreeBSD 14.0 and later. */
  public static JailConfRenderOptions defaults() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds options. */
  public static final class Builder extends ImmutableJailConfRenderOptions.Builder {}
}
