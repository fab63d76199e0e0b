package io.github.vnetjail.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The problems a builder's string setters found, kept until {@code build()} so that it reports them
 * together with the model's own. Each setter call replaces the problems of its key: setting a field
 * again with a valid value clears the earlier complaint.
 */
final class DeferredProblems {
  private final Map<String, List<Problem>> byKey = new LinkedHashMap<>();

  /**
   * Runs {@code parser}, which adds a problem and returns null when the text is invalid, and keeps
   * its problems under {@code key}.
   *
   * @return the parsed value, or null when it was invalid
   */
  <T> T parse(String key, Function<Problems, T> parser) {
    Problems p = new Problems();
    T value = parser.apply(p);
    byKey.remove(key);
    if (!p.isEmpty()) {
      byKey.put(key, p.list());
    }
    return value;
  }

  /**
   * Builds with {@code build}, reporting the deferred problems first and the model's own after them
   * in one {@link ValidationException}.
   *
   * @param subject what was built, from the built value's name, e.g. {@code VnetJail "web"}
   */
  <T> T build(Supplier<T> build, Function<T, String> subject) {
    List<Problem> early = new ArrayList<>();
    byKey.values().forEach(early::addAll);
    T built;
    try {
      built = build.get();
    } catch (ValidationException e) {
      if (early.isEmpty()) {
        throw e;
      }
      early.addAll(e.problems());
      throw new ValidationException(e.subject(), early);
    }
    if (!early.isEmpty()) {
      throw new ValidationException(subject.apply(built), early);
    }
    return built;
  }
}
