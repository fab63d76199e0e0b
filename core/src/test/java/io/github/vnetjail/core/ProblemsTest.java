package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  private static final Problem BAD = Problem.of("mount", "a\nb", "bad line", "fix it");

  @Test
  void parseOrThrowReturnsTheValueWhenTheParserFoundNoProblem() {
    Integer value = Problems.parseOrThrow(p -> 42, "mount", "x");
    assertThat(value).isEqualTo(42);
  }

  @Test
  void parseOrThrowNamesTheKindAndTheEscapedText() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                Problems.parseOrThrow(
                    p -> {
                      p.add(BAD);
                      return null;
                    },
                    "mount",
                    "a\nb"));
    assertThat(e.subject()).isEqualTo("mount \"a\\nb\"");
    assertThat(e.problems()).containsExactly(BAD);
  }

  @Test
  void throwIfAnyPassesAnEmptyListAndThrowsForAnyProblem() {
    Problems.throwIfAny(List.of(), "jail name", "web");
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class, () -> Problems.throwIfAny(List.of(BAD), "jail name", "a b"));
    assertThat(e.subject()).isEqualTo("jail name \"a b\"");
    assertThat(e.problems()).containsExactly(BAD);
  }
}
