package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A parameter or variable statement of jail.conf: {@code name;}, {@code name = a, b;}, {@code name
 * += a;}, {@code name a;} or, for a variable, {@code $name = a;}.
 *
 * <pre>{@code
 * JailConfParameter.set("path", "/usr/jails/web");        // path = "/usr/jails/web";
 * JailConfParameter.append("exec.start", "/bin/sh /etc/rc"); // exec.start += "/bin/sh /etc/rc";
 * JailConfParameter.flag("vnet");                         // vnet;
 * JailConfParameter.variable("id", "154");                // $id = "154";
 * }</pre>
 */
public final class JailConfParameter implements JailConfStatement {

  /** How a statement gives its values. */
  public enum Operator {
    /** {@code name;}: no value (a boolean set, or a list cleared). */
    NONE,
    /** {@code name = a, b;}: replaces the list. */
    ASSIGN,
    /** {@code name += a, b;}: appends to the list, or creates it. */
    APPEND,
    /** {@code name a, b;}: the same as {@code =} (and the form of {@code .include}). */
    IMPLICIT
  }

  private final String name;
  private final boolean variable;
  private final Operator operator;
  private final List<JailConfValue> values;
  private final int line;

  private JailConfParameter(
      String name, boolean variable, Operator operator, List<JailConfValue> values, int line) {
    this.name = name;
    this.variable = variable;
    this.operator = operator;
    this.values = values;
    this.line = line;
  }

  /**
   * Returns a statement; {@code values} must be empty for {@link Operator#NONE} and non-empty
   * otherwise.
   */
  public static JailConfParameter of(
      String name, boolean variable, Operator operator, List<JailConfValue> values) {
    return of(name, variable, operator, values, 0);
  }

  static JailConfParameter of(
      String name, boolean variable, Operator operator, List<JailConfValue> values, int line) {
    checkNotNull(name, "name");
    checkNotNull(operator, "operator");
    checkNotNull(values, "values");
    checkArgument(name.indexOf('\0') < 0, "parameter name %s holds a NUL byte", name);
    checkArgument(
        (operator == Operator.NONE) == values.isEmpty(),
        "parameter %s: operator %s %s values",
        name,
        operator,
        operator == Operator.NONE ? "takes no" : "needs one or more");
    List<JailConfValue> copy = new ArrayList<>(values.size());
    for (JailConfValue v : values) {
      copy.add(checkNotNull(v, "value"));
    }
    return new JailConfParameter(
        name, variable, operator, Collections.unmodifiableList(copy), line);
  }

  /** Returns {@code name = "v1", "v2";} with literal values. */
  public static JailConfParameter set(String name, String... values) {
    return of(name, false, Operator.ASSIGN, literals(values));
  }

  /** Returns {@code name = v1, v2;}. */
  public static JailConfParameter set(String name, List<JailConfValue> values) {
    return of(name, false, Operator.ASSIGN, values);
  }

  /** Returns {@code name += "v1", "v2";} with literal values. */
  public static JailConfParameter append(String name, String... values) {
    return of(name, false, Operator.APPEND, literals(values));
  }

  /** Returns {@code name += v1, v2;}. */
  public static JailConfParameter append(String name, List<JailConfValue> values) {
    return of(name, false, Operator.APPEND, values);
  }

  /** Returns the valueless {@code name;}. */
  public static JailConfParameter flag(String name) {
    return of(name, false, Operator.NONE, List.of());
  }

  /** Returns the variable definition {@code $name = "value";}. */
  public static JailConfParameter variable(String name, String value) {
    return of(name, true, Operator.ASSIGN, List.of(JailConfValue.literal(value)));
  }

  /** Returns the variable definition {@code $name = value;}. */
  public static JailConfParameter variable(String name, JailConfValue value) {
    return of(name, true, Operator.ASSIGN, List.of(value));
  }

  private static List<JailConfValue> literals(String... values) {
    checkArgument(values.length > 0, "give one or more values, or use flag(name)");
    List<JailConfValue> out = new ArrayList<>(values.length);
    for (String v : values) {
      out.add(JailConfValue.literal(v));
    }
    return out;
  }

  /** Returns the parameter's or variable's name (without the {@code $}). */
  public String name() {
    return name;
  }

  /** Returns true for a variable definition ({@code $name = ...}). */
  public boolean isVariable() {
    return variable;
  }

  /** Returns how the statement gives its values. */
  public Operator operator() {
    return operator;
  }

  /** Returns the values, in order; empty for {@link Operator#NONE}. */
  public List<JailConfValue> values() {
    return values;
  }

  /** Returns the line the statement starts on, when it was parsed from a file. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** Equal when name, kind, operator and values are equal (the source line is ignored). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JailConfParameter)) {
      return false;
    }
    JailConfParameter p = (JailConfParameter) o;
    return name.equals(p.name)
        && variable == p.variable
        && operator == p.operator
        && values.equals(p.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, variable, operator, values);
  }

  @Override
  public String toString() {
    return JailConfWriter.write(this);
  }
}
