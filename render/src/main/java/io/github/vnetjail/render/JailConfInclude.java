package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * An {@code .include "file-or-glob";} statement (FreeBSD 14.0 and later). Relative names are taken
 * from the including file's directory; a glob that matches nothing is skipped. A parsed include
 * also holds the files it read, so the evaluator sees their statements in place.
 *
 * <pre>{@code
 * JailConfInclude.of("/etc/jail.conf.d/*.conf")   // .include "/etc/jail.conf.d/*.conf";
 * }</pre>
 */
public final class JailConfInclude implements JailConfStatement {
  private final List<String> patterns;
  private final List<JailConf> files;
  private final int line;

  private JailConfInclude(List<String> patterns, List<JailConf> files, int line) {
    this.patterns = patterns;
    this.files = files;
    this.line = line;
  }

  /** Returns an include of one or more file names or globs (written as literal strings). */
  public static JailConfInclude of(String... patterns) {
    checkArgument(patterns.length > 0, "give one or more file names");
    List<String> copy = new ArrayList<>();
    for (String p : patterns) {
      checkNotNull(p, "pattern");
      checkArgument(p.indexOf('\0') < 0, "include pattern %s holds a NUL byte", p);
      copy.add(p);
    }
    return new JailConfInclude(Collections.unmodifiableList(copy), List.of(), 0);
  }

  static JailConfInclude parsed(List<String> patterns, List<JailConf> files, int line) {
    return new JailConfInclude(
        Collections.unmodifiableList(new ArrayList<>(patterns)),
        Collections.unmodifiableList(new ArrayList<>(files)),
        line);
  }

  /** Returns the file names or globs, as written. */
  public List<String> patterns() {
    return patterns;
  }

  /**
   * Returns the files read for this statement, in jail(8)'s order (each glob's matches sorted);
   * empty for an include that was built rather than parsed.
   */
  public List<JailConf> files() {
    return files;
  }

  /** Returns the line the statement starts on, when it was parsed from a file. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** Equal when the patterns are equal (the files read and the line are ignored). */
  @Override
  public boolean equals(Object o) {
    return o instanceof JailConfInclude && ((JailConfInclude) o).patterns.equals(patterns);
  }

  @Override
  public int hashCode() {
    return patterns.hashCode();
  }

  @Override
  public String toString() {
    return JailConfWriter.write(this);
  }
}
