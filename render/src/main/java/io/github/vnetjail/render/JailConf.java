package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A jail.conf file: its statements (comments kept), read with FreeBSD's grammar, evaluated the way
 * jail(8) computes each jail's parameters, and written back with safe quoting.
 *
 * <pre>{@code
 * JailConf conf = JailConf.parse(text);                   // errors carry file:line:column
 * List<String> names = conf.jailNames();                  // jail(8)'s order, wildcards excluded
 * Map<String, List<String>> eff = conf.effectiveParameters("my-vnet-jail");
 * String again = conf.render();                           // stable: render(parse(render(x)))
 * }</pre>
 */
public final class JailConf {
  /** jail(8)'s default configuration file. */
  public static final String DEFAULT_FILE = "/etc/jail.conf";

  private final String fileName;
  private final JailConfDialect dialect;
  private final List<JailConfStatement> statements;
  private volatile JailConfEvaluation evaluation;

  JailConf(String fileName, JailConfDialect dialect, List<JailConfStatement> statements) {
    this.fileName = fileName;
    this.dialect = dialect;
    this.statements = Collections.unmodifiableList(statements);
  }

  /**
   * Parses {@code /etc/jail.conf} text for FreeBSD 14.0 and later; {@code .include} finds no file.
   */
  public static JailConf parse(String text) {
    return parse(text, DEFAULT_FILE, JailConfFileSource.none(), JailConfDialect.defaultDialect());
  }

  /**
   * Parses the text of {@code fileName} for FreeBSD 14.0 and later; {@code .include} reads from
   * {@code files}, relative names from {@code fileName}'s directory.
   *
   * @throws JailConfParseException with jail(8)'s message, file, line and column
   */
  public static JailConf parse(String text, String fileName, JailConfFileSource files) {
    return parse(text, fileName, files, JailConfDialect.defaultDialect());
  }

  /** Parses the text of {@code fileName} as the given FreeBSD release reads it. */
  public static JailConf parse(
      String text, String fileName, JailConfFileSource files, JailConfDialect dialect) {
    checkNotNull(text, "text");
    checkNotNull(fileName, "fileName");
    checkNotNull(files, "files");
    checkNotNull(dialect, "dialect");
    return JailConfParser.parse(text, fileName, files, dialect, 0);
  }

  /** Returns a file of the given statements, for FreeBSD 14.0 and later. */
  public static JailConf of(List<? extends JailConfStatement> statements) {
    return of(statements, JailConfDialect.defaultDialect());
  }

  /** Returns a file of the given statements, for the given release. */
  public static JailConf of(List<? extends JailConfStatement> statements, JailConfDialect dialect) {
    checkNotNull(statements, "statements");
    checkNotNull(dialect, "dialect");
    List<JailConfStatement> copy = new ArrayList<>(statements.size());
    for (JailConfStatement s : statements) {
      copy.add(checkNotNull(s, "statement"));
    }
    return new JailConf(DEFAULT_FILE, dialect, copy);
  }

  /** Returns the file name used in messages and to resolve relative includes. */
  public String fileName() {
    return fileName;
  }

  /** Returns the FreeBSD release whose grammar and evaluation apply. */
  public JailConfDialect dialect() {
    return dialect;
  }

  /** Returns the top-level statements, in order. */
  public List<JailConfStatement> statements() {
    return statements;
  }

  /** Returns a copy with other statements (same file name and dialect). */
  public JailConf withStatements(List<? extends JailConfStatement> newStatements) {
    return new JailConf(fileName, dialect, new ArrayList<>(newStatements));
  }

  /** Returns the first top-level block named {@code name} (as written, wildcards included). */
  public Optional<JailConfJail> jail(String name) {
    checkNotNull(name, "name");
    for (JailConfStatement s : statements) {
      if (s instanceof JailConfJail && ((JailConfJail) s).name().equals(name)) {
        return Optional.of((JailConfJail) s);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns a copy where {@code jail} replaces the first top-level block of the same name, or is
   * appended at the end; every other statement and comment stays as it was.
   *
   * <pre>{@code
   * String edited = JailConf.parse(existing)
   *     .withJail(JailConfJail.of("web", List.of(JailConfParameter.flag("persist"))))
   *     .render();
   * }</pre>
   */
  public JailConf withJail(JailConfJail jail) {
    checkNotNull(jail, "jail");
    List<JailConfStatement> copy = new ArrayList<>(statements);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) instanceof JailConfJail
          && ((JailConfJail) copy.get(i)).name().equals(jail.name())) {
        copy.set(i, jail);
        return new JailConf(fileName, dialect, copy);
      }
    }
    copy.add(jail);
    return new JailConf(fileName, dialect, copy);
  }

  /** Returns a copy without the top-level blocks named {@code name}. */
  public JailConf withoutJail(String name) {
    checkNotNull(name, "name");
    List<JailConfStatement> copy = new ArrayList<>(statements);
    copy.removeIf(s -> s instanceof JailConfJail && ((JailConfJail) s).name().equals(name));
    return new JailConf(fileName, dialect, copy);
  }

  /** Returns every jail's effective parameters, computed once. */
  public JailConfEvaluation evaluate() {
    JailConfEvaluation e = evaluation;
    if (e == null) {
      e = JailConfEvaluator.evaluate(this);
      evaluation = e;
    }
    return e;
  }

  /**
   * Returns the jails in jail(8)'s order (the file's order, includes in place, nested blocks as
   * {@code outer.inner}), wildcard sections excluded.
   */
  public List<String> jailNames() {
    return evaluate().jailNames();
  }

  /**
   * Returns what jail(8) would use for the jail: parameter name to values, insertion-ordered,
   * variables expanded and removed; a valueless parameter maps to an empty list.
   *
   * @throws JailConfEvaluationException if the jail is not in the file, or its expansion fails (the
   *     message holds jail(8)'s, e.g. {@code jail: j: path: variable "nope" not found})
   */
  public Map<String, List<String>> effectiveParameters(String jailName) {
    return evaluate().effectiveParameters(jailName);
  }

  /** Returns the file as text, every value double-quoted and escaped. */
  public String render() {
    return JailConfWriter.write(this);
  }

  /** Equal when dialect and statements are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof JailConf
        && ((JailConf) o).dialect == dialect
        && ((JailConf) o).statements.equals(statements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dialect, statements);
  }

  @Override
  public String toString() {
    return render();
  }
}
