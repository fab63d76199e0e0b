package io.github.vnetjail.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Objects;

/**
 * One validation problem: the field it concerns, the offending value, the rule it breaks and how to
 * fix it.
 *
 * <pre>{@code
 * try {
 *   VnetJail.builder().name("my jail").build();
 * } catch (ValidationException e) {
 *   for (Problem p : e.problems()) {
 *     System.err.println(p.field() + ": " + p.message() + "; " + p.fix());
 *   }
 * }
 * }</pre>
 */
public final class Problem {
  private final String field;
  private final String value;
  private final String message;
  private final String fix;

  private Problem(String field, String value, String message, String fix) {
    this.field = checkNotNull(field, "field");
    this.value = checkNotNull(value, "value");
    this.message = checkNotNull(message, "message");
    this.fix = checkNotNull(fix, "fix");
  }

  /**
   * Creates a problem.
   *
   * @param field the field, as the builder method that sets it (e.g. {@code bridge} or {@code
   *     jails[web].ip})
   * @param value the offending value as given ({@code ""} when the value is missing)
   * @param message what is wrong: the rule the value breaks
   * @param fix how to fix it, e.g. {@code use VnetJail.builder().bridge("bridge0")}
   */
  public static Problem of(String field, String value, String message, String fix) {
    return new Problem(field, value, message, fix);
  }

  /** The field the problem concerns, e.g. {@code bridge} or {@code jails[web].ip}. */
  public String field() {
    return field;
  }

  /** The offending value as the user gave it; empty when the value is missing. */
  public String value() {
    return value;
  }

  /** What is wrong: the rule the value breaks. */
  public String message() {
    return message;
  }

  /** How to fix it. */
  public String fix() {
    return fix;
  }

  /** Returns this problem with its field prefixed, e.g. {@code jails[web].} + {@code ip}. */
  public Problem withFieldPrefix(String prefix) {
    return new Problem(prefix + field, value, message, fix);
  }

  /** Returns this problem reported against another field name. */
  public Problem withField(String newField) {
    return new Problem(newField, value, message, fix);
  }

  /**
   * The problem as one line: {@code field: message; fix}. The message already shows the value, with
   * control characters escaped so that hostile input stays on one line.
   */
  @Override
  public String toString() {
    return field + ": " + message + "; " + fix;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Problem)) {
      return false;
    }
    Problem p = (Problem) o;
    return field.equals(p.field)
        && value.equals(p.value)
        && message.equals(p.message)
        && fix.equals(p.fix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, value, message, fix);
  }
}
