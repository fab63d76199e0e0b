/** The {@code vnetjail} command-line tool: render, show, lint, plan, up, down and status. */
package io.github.vnetjail.examples.cli;
