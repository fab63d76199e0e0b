package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Objects;

/**
 * A comment of jail.conf, kept for editing: {@code # ...}, {@code // ...} or {@code /* ... *}{@code
 * /}. A trailing comment stands on the same line as the statement before it.
 *
 * <pre>{@code
 * JailConfComment.line("managed by vnetjail")   // # managed by vnetjail
 * }</pre>
 */
public final class JailConfComment implements JailConfStatement {
  private final String text;
  private final boolean trailing;

  private JailConfComment(String text, boolean trailing) {
    this.text = text;
    this.trailing = trailing;
  }

  /** Returns the line comment {@code # text}; the text must be one line. */
  public static JailConfComment line(String text) {
    checkNotNull(text, "text");
    return of(text.isEmpty() ? "#" : "# " + text, false);
  }

  /**
   * Returns a comment from its exact source text, markers included ({@code #}, {@code //} or a
   * closed {@code /*} block comment); {@code trailing} puts it at the end of the previous line.
   */
  public static JailConfComment of(String text, boolean trailing) {
    checkNotNull(text, "text");
    checkArgument(text.indexOf('\0') < 0, "comment %s holds a NUL byte", text);
    if (text.startsWith("#") || text.startsWith("//")) {
      checkArgument(
          text.indexOf('\n') < 0,
          "line comment %s holds a newline; use one comment per line",
          text);
    } else {
      checkArgument(
          text.startsWith("/*") && text.endsWith("*/") && text.length() >= 4,
          "comment %s must start with #, // or /* (and end with */)",
          text);
      checkArgument(
          text.indexOf("*/", 2) == text.length() - 2,
          "block comment %s holds */ before its end; comments do not nest",
          text);
    }
    return new JailConfComment(text, trailing);
  }

  /** Returns the comment's exact text, markers included. */
  public String text() {
    return text;
  }

  /** Returns true if the comment stands at the end of the previous statement's line. */
  public boolean isTrailing() {
    return trailing;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JailConfComment
        && ((JailConfComment) o).text.equals(text)
        && ((JailConfComment) o).trailing == trailing;
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, trailing);
  }

  @Override
  public String toString() {
    return text;
  }
}
