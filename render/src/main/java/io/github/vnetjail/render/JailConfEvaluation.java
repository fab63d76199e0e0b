package io.github.vnetjail.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Every jail of a jail.conf with its effective parameters, as jail(8) computes them when it loads
 * the file. A jail whose expansion fails carries jail(8)'s messages; the others are unaffected.
 *
 * <pre>{@code
 * for (JailConfEvaluation.Jail j : JailConf.parse(text).evaluate().jails()) {
 *   if (j.failed()) System.err.println(j.messages());
 * }
 * }</pre>
 */
public final class JailConfEvaluation {
  private final List<Jail> jails;
  private final List<String> names;

  JailConfEvaluation(List<Jail> jails) {
    this.jails = Collections.unmodifiableList(jails);
    List<String> n = new ArrayList<>(jails.size());
    for (Jail j : jails) {
      n.add(j.name);
    }
    this.names = Collections.unmodifiableList(n);
  }

  /** Returns the jails in jail(8)'s order, wildcard sections excluded. */
  public List<Jail> jails() {
    return jails;
  }

  /** Returns the jails' names in jail(8)'s order (a name may repeat: two blocks, two jails). */
  public List<String> jailNames() {
    return names;
  }

  /**
   * Returns the effective parameters of the first jail named {@code name}.
   *
   * @throws JailConfEvaluationException if there is no such jail or its expansion failed
   */
  public Map<String, List<String>> effectiveParameters(String name) {
    for (Jail j : jails) {
      if (j.name.equals(name)) {
        if (j.failed()) {
          throw new JailConfEvaluationException(name, j.messages);
        }
        return j.parameters;
      }
    }
    throw new JailConfEvaluationException(
        name,
        List.of(
            "jail: \""
                + name
                + "\" not found"
                + (names.isEmpty() ? "; the file defines no jail" : "; jails: " + names)));
  }

  /** One jail's result. */
  public static final class Jail {
    private final String name;
    private final Map<String, List<String>> parameters;
    private final List<String> messages;

    Jail(String name, Map<String, List<String>> parameters, List<String> messages) {
      this.name = name;
      this.parameters = Collections.unmodifiableMap(parameters);
      this.messages = Collections.unmodifiableList(messages);
    }

    /** Returns the jail's name (for a nested block, {@code outer.inner}). */
    public String name() {
      return name;
    }

    /**
     * Returns the parameters jail(8) computed, insertion-ordered; when {@link #failed()}, what it
     * had before giving up.
     */
    public Map<String, List<String>> parameters() {
      return parameters;
    }

    /** Returns jail(8)'s messages for this jail, e.g. {@code jail: j: v: variable loop}. */
    public List<String> messages() {
      return messages;
    }

    /** Returns true if jail(8) would fail this jail. */
    public boolean failed() {
      return !messages.isEmpty();
    }
  }
}
