package io.github.vnetjail.render;

import io.github.vnetjail.core.VnetJailException;

/** A devfs.rules ruleset that cannot be added: an invalid name, or a conflicting ruleset. */
public class DevfsRulesException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what failed, where, and how to fix it. */
  public DevfsRulesException(String message) {
    super(message);
  }
}
