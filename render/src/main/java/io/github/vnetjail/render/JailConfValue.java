package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.VnetJailException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One value string of a jail.conf parameter, as jail(8) holds it before expansion: literal text
 * with variable references ({@code $name}, {@code ${name}}) at positions in it.
 *
 * <pre>{@code
 * JailConfValue v = JailConfValue.builder().variable("epair").text("b").build(); // "${epair}b"
 * JailConfValue w = JailConfValue.literal("/usr/jails/web");
 * }</pre>
 */
public final class JailConfValue {
  private static final int[] NO_POSITIONS = new int[0];
  private static final String[] NO_NAMES = new String[0];

  private final String text;
  private final int[] varPositions;
  private final String[] varNames;

  JailConfValue(String text, int[] varPositions, String[] varNames) {
    this.text = text;
    this.varPositions = varPositions;
    this.varNames = varNames;
  }

  /**
   * Returns a value of literal text only (no variable is expanded in it).
   *
   * @throws VnetJailException if the text holds a NUL byte, where jail(8) would end the value
   */
  public static JailConfValue literal(String text) {
    checkNotNull(text, "text");
    rejectNul(text);
    return new JailConfValue(text, NO_POSITIONS, NO_NAMES);
  }

  static void rejectNul(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new VnetJailException(
          "jail.conf value "
              + ShellQuoting.describe(text)
              + " holds a NUL byte; jail(8) ends a value there, so it cannot be written."
              + " Remove the NUL byte");
    }
  }

  /** Returns a value that is exactly one variable reference, {@code ${name}}. */
  public static JailConfValue variable(String name) {
    return builder().variable(name).build();
  }

  /** Returns a builder that appends literal text and variable references in order. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns true if the value holds no variable reference. */
  public boolean isLiteral() {
    return varNames.length == 0;
  }

  /** Returns the literal text with every variable reference left out. */
  public String text() {
    return text;
  }

  /** Returns the names of the referenced variables, in order. */
  public List<String> variables() {
    return Collections.unmodifiableList(Arrays.asList(varNames));
  }

  /** Returns the pieces of the value in order: literal text and variable references. */
  public List<Piece> pieces() {
    List<Piece> out = new ArrayList<>();
    int at = 0;
    for (int i = 0; i < varNames.length; i++) {
      if (varPositions[i] > at) {
        out.add(new Piece(text.substring(at, varPositions[i]), false));
        at = varPositions[i];
      }
      out.add(new Piece(varNames[i], true));
    }
    if (at < text.length()) {
      out.add(new Piece(text.substring(at), false));
    }
    return Collections.unmodifiableList(out);
  }

  int variableCount() {
    return varNames.length;
  }

  int variablePosition(int i) {
    return varPositions[i];
  }

  String variableName(int i) {
    return varNames[i];
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JailConfValue)) {
      return false;
    }
    JailConfValue other = (JailConfValue) o;
    return text.equals(other.text)
        && Arrays.equals(varPositions, other.varPositions)
        && Arrays.equals(varNames, other.varNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, Arrays.hashCode(varPositions), Arrays.hashCode(varNames));
  }

  /** Returns the value as the writer would write it (double-quoted). */
  @Override
  public String toString() {
    return JailConfQuoting.quoteValue(this);
  }

  /** A piece of a value: literal text, or the name of a referenced variable. */
  public static final class Piece {
    private final String text;
    private final boolean variable;

    Piece(String text, boolean variable) {
      this.text = text;
      this.variable = variable;
    }

    /** Returns the literal text, or the variable's name for a reference. */
    public String text() {
      return text;
    }

    /** Returns true if this piece is a variable reference. */
    public boolean isVariable() {
      return variable;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Piece
          && ((Piece) o).text.equals(text)
          && ((Piece) o).variable == variable;
    }

    @Override
    public int hashCode() {
      return Objects.hash(text, variable);
    }

    @Override
    public String toString() {
      return variable ? "${" + text + "}" : text;
    }
  }

  /** Builds a value piece by piece. */
  public static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private int[] positions = NO_POSITIONS;
    private String[] names = NO_NAMES;
    private int count;

    Builder() {}

    /** Appends literal text. */
    public Builder text(String literal) {
      checkNotNull(literal, "literal");
      rejectNul(literal);
      text.append(literal);
      return this;
    }

    /** Appends a reference to the variable or parameter {@code name}. */
    public Builder variable(String name) {
      checkNotNull(name, "name");
      rejectNul(name);
      if (count == names.length) {
        int size = Math.max(4, count * 2);
        positions = Arrays.copyOf(positions, size);
        names = Arrays.copyOf(names, size);
      }
      positions[count] = text.length();
      names[count] = name;
      count++;
      return this;
    }

    /** Returns the value. */
    public JailConfValue build() {
      if (count == 0) {
        return new JailConfValue(text.toString(), NO_POSITIONS, NO_NAMES);
      }
      return new JailConfValue(
          text.toString(), Arrays.copyOf(positions, count), Arrays.copyOf(names, count));
    }
  }
}
