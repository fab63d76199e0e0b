package io.github.vnetjail.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: the generated {@code Immutable*} class stays
 * package-private, users see {@code X.builder()} and {@code toBuilder()} on the abstract type.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    toBuilder = "toBuilder",
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false))
public @interface JailStyle {}
