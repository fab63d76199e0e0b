package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.VnetJailException;

/** A failure the CLI reports as one line and exit status 1. */
final class CliException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }
}
