/**
 * FreeBSD's text formats: jail.conf, rc.conf and devfs.rules; writing, parsing, evaluating,
 * linting.
 */
package io.github.vnetjail.render;
