package io.github.vnetjail.render;

/**
 * One statement of a jail.conf file: a parameter or variable, a jail block, an {@code .include} or
 * a comment.
 */
public sealed interface JailConfStatement
    permits JailConfParameter, JailConfJail, JailConfInclude, JailConfComment {}
