package io.github.vnetjail.core;

import java.util.ArrayList;
import java.util.List;

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

  void throwIfAny(String what) {
    if (!list.isEmpty()) {
      throw new ValidationException(what, list);
    }
  }
}
