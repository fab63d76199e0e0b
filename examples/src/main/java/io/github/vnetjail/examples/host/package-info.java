/**
 * Helpers the examples and the CLI share: executors by name, the simulated userland, status lines.
 */
package io.github.vnetjail.examples.host;
