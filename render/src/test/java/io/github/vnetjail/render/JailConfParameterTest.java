package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** JailConfParameter: the statement forms, their checks, equality and text. */
class JailConfParameterTest {
  static final JailConfValue A = JailConfValue.literal("a");
  static final JailConfValue B = JailConfValue.literal("b");

  @Test
  void buildsEachStatementForm() {
    JailConfParameter set = JailConfParameter.set("path", "/x", "/y");
    JailConfParameter append = JailConfParameter.append("exec.start", "/bin/sh /etc/rc");
    JailConfParameter flag = JailConfParameter.flag("vnet");
    JailConfParameter var = JailConfParameter.variable("id", "154");
    JailConfParameter varRef = JailConfParameter.variable("epair", JailConfValue.variable("id"));

    assertThat(set.name()).isEqualTo("path");
    assertThat(set.isVariable()).isFalse();
    assertThat(set.operator()).isEqualTo(JailConfParameter.Operator.ASSIGN);
    assertThat(set.values())
        .containsExactly(JailConfValue.literal("/x"), JailConfValue.literal("/y"));
    assertThat(append.operator()).isEqualTo(JailConfParameter.Operator.APPEND);
    assertThat(append.isVariable()).isFalse();
    assertThat(append.values()).containsExactly(JailConfValue.literal("/bin/sh /etc/rc"));
    assertThat(flag.operator()).isEqualTo(JailConfParameter.Operator.NONE);
    assertThat(flag.values()).isEmpty();
    assertThat(var.isVariable()).isTrue();
    assertThat(var.operator()).isEqualTo(JailConfParameter.Operator.ASSIGN);
    assertThat(var.values()).containsExactly(JailConfValue.literal("154"));
    assertThat(varRef.values()).containsExactly(JailConfValue.variable("id"));
    assertThat(JailConfParameter.set("x", List.of(A, B)))
        .isEqualTo(
            JailConfParameter.of("x", false, JailConfParameter.Operator.ASSIGN, List.of(A, B)));
    assertThat(JailConfParameter.append("x", List.of(A)))
        .isEqualTo(JailConfParameter.of("x", false, JailConfParameter.Operator.APPEND, List.of(A)));
  }

  @Test
  void writesItselfAsJailConfText() {
    assertThat(JailConfParameter.set("path", "/x", "/y")).hasToString("path = \"/x\", \"/y\";");
    assertThat(JailConfParameter.append("exec.start", "a")).hasToString("exec.start += \"a\";");
    assertThat(JailConfParameter.flag("vnet")).hasToString("vnet;");
    assertThat(JailConfParameter.variable("id", "154")).hasToString("$id = \"154\";");
  }

  @Test
  void refusesValuesThatDoNotFitTheOperator() {
    assertThatThrownBy(
            () -> JailConfParameter.of("x", false, JailConfParameter.Operator.NONE, List.of(A)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter x: operator NONE takes no values");
    assertThatThrownBy(
            () -> JailConfParameter.of("x", false, JailConfParameter.Operator.ASSIGN, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter x: operator ASSIGN needs one or more values");
    assertThatThrownBy(() -> JailConfParameter.set("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("give one or more values, or use flag(name)");
    assertThatThrownBy(() -> JailConfParameter.append("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("give one or more values, or use flag(name)");
    List<JailConfValue> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> JailConfParameter.set("x", withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }

  @Test
  void refusesANulByteInTheName() {
    for (String bad : List.of("\0", "\0x", "x\0")) {
      assertThatThrownBy(() -> JailConfParameter.flag(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("parameter name " + bad + " holds a NUL byte");
    }
  }

  @Test
  void copiesTheValuesItIsGiven() {
    List<JailConfValue> values = new ArrayList<>(List.of(A));
    JailConfParameter p = JailConfParameter.set("x", values);
    values.add(B);

    assertThat(p.values()).containsExactly(A);
    assertThat(p.values()).isUnmodifiable();
  }

  @Test
  void knowsItsLineOnlyWhenParsed() {
    JailConf conf = JailConf.parse("a;\n\n  b = 1;\n");

    assertThat(((JailConfParameter) conf.statements().get(0)).line()).isEqualTo(OptionalInt.of(1));
    assertThat(((JailConfParameter) conf.statements().get(1)).line()).isEqualTo(OptionalInt.of(3));
    assertThat(JailConfParameter.flag("a").line()).isEmpty();
  }

  @Test
  void isEqualByNameKindOperatorAndValuesButNotLine() {
    JailConfParameter p = JailConfParameter.set("x", "a");
    JailConfParameter parsed = (JailConfParameter) JailConf.parse("\n\nx = a;").statements().get(0);

    assertThat(p).isEqualTo(p).isEqualTo(parsed).hasSameHashCodeAs(parsed);
    assertThat(p).isNotEqualTo(JailConfParameter.set("y", "a"));
    assertThat(p).isNotEqualTo(JailConfParameter.variable("x", "a"));
    assertThat(p).isNotEqualTo(JailConfParameter.append("x", "a"));
    assertThat(p).isNotEqualTo(JailConfParameter.set("x", "b"));
    assertThat(p).isNotEqualTo(JailConfParameter.flag("x"));
    assertThat(p).isNotEqualTo("x = \"a\";");
    assertThat(p.hashCode()).isNotEqualTo(JailConfParameter.set("x", "b").hashCode());
  }
}
