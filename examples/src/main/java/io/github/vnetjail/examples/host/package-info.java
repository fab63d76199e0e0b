/** A small driver that installs, starts, inspects and stops a host's jails for the examples. */
package io.github.vnetjail.examples.host;
