package io.github.vnetjail.core;

import static io.github.vnetjail.core.internal.Text.show;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects problems during a validation pass, so that build() reports all of them at once. */
final class Problems {
  private final List<Problem> list = new ArrayList<>();

  Problems add(String field, String value, String message, String fix) {
    list.add(Problem.of(field, value, message, fix));
    return this;
  }

  Problems add(Problem problem) {
    list.add(problem);
    return this;
  }

  Problems addAll(List<Problem> problems) {
    list.addAll(problems);
    return this;
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<Problem> list() {
    return List.copyOf(list);
  }

  /**
   * What a model type's problems are about: {@code type} and its name, e.g. {@code VnetJail "web"},
   * or only {@code type} while the name is unset.
   */
  static String subject(String type, String name) {
    return name == null ? type : type + " " + show(name);
  }

  /**
   * Runs {@code parser}, which adds a problem and returns null when the text is invalid, and throws
   * a {@link ValidationException} for {@code kind} {@code "text"} if it found any.
   */
  static <T> T parseOrThrow(Function<Problems, T> parser, String kind, String text) {
    Problems p = new Problems();
    T value = parser.apply(p);
    p.throwIfAny(kind + " " + show(text));
    return value;
  }

  /**
   * Throws a {@link ValidationException} for {@code kind} {@code "value"} (e.g. {@code jail name "a
   * b"}) if {@code problems} is not empty.
   */
  static void throwIfAny(List<Problem> problems, String kind, String value) {
    if (!problems.isEmpty()) {
      throw new ValidationException(kind + " " + show(value), problems);
    }
  }

  void throwIfAny(String what) {
    if (!list.isEmpty()) {
      throw new ValidationException(what, list);
    }
  }
}
