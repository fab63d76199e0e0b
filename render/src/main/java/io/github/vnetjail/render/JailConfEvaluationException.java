package io.github.vnetjail.render;

import io.github.vnetjail.core.VnetJailException;
import java.util.List;

/**
 * A jail whose parameters jail(8) could not compute (a missing variable, a loop, a list substituted
 * inline, a redefined {@code name}), or a jail that is not in the file. The message is jail(8)'s
 * own, one line per problem.
 */
public final class JailConfEvaluationException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  private final String jailName;
  private final List<String> jailMessages;

  JailConfEvaluationException(String jailName, List<String> jailMessages) {
    super(String.join("\n", jailMessages));
    this.jailName = jailName;
    this.jailMessages = List.copyOf(jailMessages);
  }

  /** Returns the jail's name. */
  public String jailName() {
    return jailName;
  }

  /** Returns what jail(8) prints, one line per problem, e.g. {@code jail: j: v: variable loop}. */
  public List<String> jailMessages() {
    return jailMessages;
  }
}
