/** Runnable examples and the vnetjail command-line tool. */
package io.github.vnetjail.examples;
