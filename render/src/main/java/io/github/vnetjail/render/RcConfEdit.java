package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Objects;
import java.util.Optional;

/**
 * One sysrc(8)-style change to an rc.conf: set a variable, add a word to a list, remove a word,
 * delete a variable. An installer applies a list of them to the rc.conf it finds on the host, so
 * that nothing else in that file changes.
 *
 * <pre>{@code
 * List<RcConfEdit> edits = RcConfRenderer.edits(host);
 * String edited = RcConf.parse(existing).apply(edits).render();
 * }</pre>
 */
public final class RcConfEdit {
  /** What an edit does, named after the sysrc(8) form it mirrors. */
  public enum Kind {
    /** {@code sysrc name=value}. */
    SET,
    /** {@code sysrc name+=word}. */
    ADD_WORD,
    /** {@code sysrc name-=word}. */
    REMOVE_WORD,
    /** {@code sysrc -x name}. */
    DELETE
  }

  private final Kind kind;
  private final String name;
  private final Optional<String> value;

  private RcConfEdit(Kind kind, String name, Optional<String> value) {
    RcConf.checkVariableName(name);
    this.kind = kind;
    this.name = name;
    this.value = value;
  }

  /** Returns an edit that sets {@code name} to {@code value}. */
  public static RcConfEdit set(String name, String value) {
    return new RcConfEdit(Kind.SET, name, Optional.of(checkNotNull(value, "value")));
  }

  /**
   * Returns an edit that adds {@code word} to the list in {@code name} unless present.
   *
   * @throws RcConfException if {@code word} is empty or holds a blank
   */
  public static RcConfEdit addWord(String name, String word) {
    return wordEdit(Kind.ADD_WORD, name, word);
  }

  /**
   * Returns an edit that removes {@code word} from the list in {@code name}.
   *
   * @throws RcConfException if {@code word} is empty or holds a blank
   */
  public static RcConfEdit removeWord(String name, String word) {
    return wordEdit(Kind.REMOVE_WORD, name, word);
  }

  /** Returns an edit that deletes every assignment of {@code name}. */
  public static RcConfEdit delete(String name) {
    return new RcConfEdit(Kind.DELETE, name, Optional.empty());
  }

  /** Returns what the edit does. */
  public Kind kind() {
    return kind;
  }

  /** Returns the variable it changes. */
  public String name() {
    return name;
  }

  /** Returns the value (for {@link Kind#SET}) or the word; empty for {@link Kind#DELETE}. */
  public Optional<String> value() {
    return value;
  }

  /** Applies this edit to {@code rc} and returns the result. */
  public RcConf applyTo(RcConf rc) {
    checkNotNull(rc, "rc");
    switch (kind) {
      case SET:
        return rc.set(name, value.orElseThrow());
      case ADD_WORD:
        return rc.addWord(name, value.orElseThrow());
      case REMOVE_WORD:
        return rc.removeWord(name, value.orElseThrow());
      default:
        return rc.delete(name);
    }
  }

  private static RcConfEdit wordEdit(Kind kind, String name, String word) {
    RcConf.checkVariableName(name); // before the word, whose message names the variable
    RcConf.checkWord(kind, name, word);
    return new RcConfEdit(kind, name, Optional.of(word));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RcConfEdit)) {
      return false;
    }
    RcConfEdit other = (RcConfEdit) o;
    return kind == other.kind && name.equals(other.name) && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, value);
  }

  /** Returns the edit in sysrc's argument form: {@code name=value}, {@code name+=word}, ... */
  @Override
  public String toString() {
    switch (kind) {
      case SET:
        return name + "=" + value.orElseThrow();
      case ADD_WORD:
        return name + "+=" + value.orElseThrow();
      case REMOVE_WORD:
        return name + "-=" + value.orElseThrow();
      default:
        return "-x " + name;
    }
  }
}
