package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeferredProblemsTest {
  private static final Problem EARLY = Problem.of("ip", "x", "bad ip", "fix ip");
  private static final Problem LATE = Problem.of("name", "", "name must be set", "set it");

  private static String failingParse(Problems p) {
    p.add(EARLY);
    return null;
  }

  @Test
  void returnsTheParsedValueAndKeepsNoProblemForValidText() {
    DeferredProblems d = new DeferredProblems();
    String parsed = d.parse("ip", p -> "ok");
    assertThat(parsed).isEqualTo("ok");
    assertThat(d.build(() -> "built", b -> "subject")).isEqualTo("built");
  }

  @Test
  void reportsAnInvalidSetterAtBuildUnderTheBuiltValuesSubject() {
    DeferredProblems d = new DeferredProblems();
    assertThat(d.parse("ip", DeferredProblemsTest::failingParse)).isNull();
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class, () -> d.build(() -> "web", b -> "VnetJail \"" + b + "\""));
    assertThat(e.subject()).isEqualTo("VnetJail \"web\"");
    assertThat(e.problems()).containsExactly(EARLY);
  }

  @Test
  void settingTheSameKeyAgainWithValidTextClearsTheEarlierProblem() {
    DeferredProblems d = new DeferredProblems();
    d.parse("ip", DeferredProblemsTest::failingParse);
    d.parse("ip", p -> "ok");
    assertThat(d.build(() -> "built", b -> "subject")).isEqualTo("built");
  }

  @Test
  void listsDeferredProblemsBeforeTheModelsOwnUnderTheModelsSubject() {
    DeferredProblems d = new DeferredProblems();
    d.parse("ip", DeferredProblemsTest::failingParse);
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                d.build(
                    () -> {
                      throw new ValidationException("VnetJail", List.of(LATE));
                    },
                    b -> "unused"));
    assertThat(e.subject()).isEqualTo("VnetJail");
    assertThat(e.problems()).containsExactly(EARLY, LATE);
  }

  @Test
  void rethrowsTheModelsOwnExceptionWhenNothingWasDeferred() {
    DeferredProblems d = new DeferredProblems();
    ValidationException own = new ValidationException("Bridge", List.of(LATE));
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                d.build(
                    () -> {
                      throw own;
                    },
                    b -> "unused"));
    assertThat(e).isSameAs(own);
  }

  @Test
  void vnetJailBuilderForgetsAnInvalidIpOnceAValidOneIsSet() {
    VnetJail j =
        VnetJail.builder()
            .name("web")
            .bridge("bridge0")
            .ip("not an address")
            .ip("192.168.1.5/24")
            .build();
    assertThat(j.ip()).contains(Cidr.parse("192.168.1.5/24"));
  }
}
