package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A jail block of jail.conf: {@code name { ... }}. The name may be a wildcard ({@code *}, {@code
 * prefix.*}); on FreeBSD 14.0 and later a block may hold nested blocks, which only build the name
 * {@code outer.inner}.
 *
 * <pre>{@code
 * JailConfJail web = JailConfJail.of("web", List.of(
 *     JailConfParameter.set("path", "/usr/jails/web"),
 *     JailConfParameter.flag("persist")));
 * }</pre>
 */
public final class JailConfJail implements JailConfStatement {
  private final String name;
  private final List<JailConfStatement> body;
  private final int line;

  private JailConfJail(String name, List<JailConfStatement> body, int line) {
    this.name = name;
    this.body = body;
    this.line = line;
  }

  /** Returns a block with the given statements. */
  public static JailConfJail of(String name, List<? extends JailConfStatement> body) {
    return of(name, body, 0);
  }

  static JailConfJail of(String name, List<? extends JailConfStatement> body, int line) {
    checkNotNull(name, "name");
    checkNotNull(body, "body");
    checkArgument(name.indexOf('\0') < 0, "jail name %s holds a NUL byte", name);
    List<JailConfStatement> copy = new ArrayList<>(body.size());
    for (JailConfStatement s : body) {
      copy.add(checkNotNull(s, "statement"));
    }
    return new JailConfJail(name, Collections.unmodifiableList(copy), line);
  }

  /** Returns the block's name as written (for a nested block, without the outer name). */
  public String name() {
    return name;
  }

  /** Returns the statements inside the block, in order. */
  public List<JailConfStatement> body() {
    return body;
  }

  /** Returns a copy with other statements. */
  public JailConfJail withBody(List<? extends JailConfStatement> newBody) {
    return of(name, newBody, line);
  }

  /** Returns the line the block starts on, when it was parsed from a file. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** Equal when name and body are equal (the source line is ignored). */
  @Override
  public boolean equals(Object o) {
    return o instanceof JailConfJail
        && ((JailConfJail) o).name.equals(name)
        && ((JailConfJail) o).body.equals(body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, body);
  }

  @Override
  public String toString() {
    return JailConfWriter.write(this);
  }
}
