package io.github.vnetjail.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * {@link JailStyle} for the validated model types (jails, bridges, hosts): the same, except that
 * Immutables does not reject a missing required attribute itself, so that the type's {@code
 * check()} reports it as one {@code Problem} among all the others ("name must be set; use
 * VnetJail.builder().name(...)"), instead of an {@code IllegalStateException} that hides them.
 * {@code check()} must test every required attribute for null before using it. Collection
 * attributes are depluralized: {@code bridges()} gives {@code addBridge(...)}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    toBuilder = "toBuilder",
    jdkOnly = true,
    validationMethod = Value.Style.ValidationMethod.NONE,
    depluralize = true,
    depluralizeDictionary = {"alias:aliases", "address:addresses"},
    defaults = @Value.Immutable(copy = false))
public @interface CheckedStyle {}
