package io.github.vnetjail.render;

/**
 * The FreeBSD release whose jail(8) reads a jail.conf: the parser and evaluator follow its grammar
 * where releases differ.
 *
 * <pre>{@code
 * JailConf conf = JailConf.parse(text, "/etc/jail.conf", JailConfFileSource.none(),
 *     JailConfDialect.FREEBSD_13);
 * }</pre>
 */
public enum JailConfDialect {
  /**
   * FreeBSD 13.x: a carriage return is not whitespace (CRLF files fail), each run of top-level
   * statements starts its own {@code *} section, no {@code .include}, no nested blocks, the implied
   * {@code name} of a jail named by a number is not added, and whole-list substitution crashes
   * jail(8) (our evaluator fails that jail instead).
   */
  FREEBSD_13,
  /**
   * FreeBSD 14.0 and later (the default): {@code .include} with globs, nested blocks, all top-level
   * statements in one {@code *} section, CR is whitespace.
   */
  FREEBSD_14;

  /** Returns the default dialect, {@link #FREEBSD_14}. */
  public static JailConfDialect defaultDialect() {
    return FREEBSD_14;
  }
}
