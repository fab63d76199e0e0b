package io.github.vnetjail.core;

/**
 * A value type that is one checked string: equal, hashed and printed as that string. Subclasses are
 * final, check the string in their factory and compare only with their own kind.
 */
abstract class StringValue {
  private final String value;

  StringValue(String value) {
    this.value = value;
  }

  /** The value as text, e.g. {@code bridge0}, {@code web.lan} or {@code 02:00:00:00:9a:0a}. */
  public final String value() {
    return value;
  }

  /** The value as text, as {@link #value()}. */
  @Override
  public final String toString() {
    return value;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((StringValue) o).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }
}
