package io.github.vnetjail.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * Thrown by {@code build()} and the checking factories when a description is invalid; it lists
 * every problem found, not only the first.
 *
 * <pre>{@code
 * try {
 *   HostConfig.builder().addJail(jail).build();
 * } catch (ValidationException e) {
 *   e.problems().forEach(p -> System.err.println(p));
 * }
 * }</pre>
 */
public class ValidationException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  // Problem is immutable; the list is an unmodifiable copy.
  @SuppressWarnings("serial")
  private final List<Problem> problems;

  private final String subject;

  /**
   * Creates an exception for {@code what} (e.g. {@code VnetJail "web"}) with at least one problem.
   */
  public ValidationException(String what, List<Problem> problems) {
    super(format(what, problems));
    checkArgument(!problems.isEmpty(), "a ValidationException needs at least one problem");
    this.problems = List.copyOf(problems);
    this.subject = what;
  }

  /** What was invalid, e.g. {@code VnetJail "web"} or {@code HostConfig}. */
  public String subject() {
    return subject;
  }

  /** Every problem found, in the order the fields were checked. */
  public List<Problem> problems() {
    return problems;
  }

  private static String format(String what, List<Problem> problems) {
    if (problems.size() == 1) {
      return "invalid " + what + ": " + problems.get(0);
    }
    StringBuilder sb =
        new StringBuilder("invalid ")
            .append(what)
            .append(": ")
            .append(problems.size())
            .append(" problems");
    for (Problem p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }
}
