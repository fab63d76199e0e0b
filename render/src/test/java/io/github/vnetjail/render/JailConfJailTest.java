package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** JailConfJail: a block, its checks, equality and text. */
class JailConfJailTest {
  static final JailConfParameter PERSIST = JailConfParameter.flag("persist");

  @Test
  void holdsACopyOfItsBody() {
    List<JailConfStatement> body = new ArrayList<>(List.of(PERSIST));
    JailConfJail j = JailConfJail.of("web", body);
    body.add(JailConfParameter.flag("vnet"));

    assertThat(j.name()).isEqualTo("web");
    assertThat(j.body()).containsExactly(PERSIST);
    assertThat(j.body()).isUnmodifiable();
  }

  @Test
  void keepsNameAndLineWhenTheBodyChanges() {
    JailConfJail parsed = (JailConfJail) JailConf.parse("\nweb {\n}\n").statements().get(0);
    JailConfJail changed = parsed.withBody(List.of(PERSIST));

    assertThat(parsed.line()).isEqualTo(OptionalInt.of(2));
    assertThat(changed.name()).isEqualTo("web");
    assertThat(changed.line()).isEqualTo(OptionalInt.of(2));
    assertThat(changed.body()).containsExactly(PERSIST);
    assertThat(JailConfJail.of("web", List.of()).line()).isEmpty();
  }

  @Test
  void refusesANulByteInTheNameAndANullStatement() {
    for (String bad : List.of("\0", "\0x", "x\0")) {
      assertThatThrownBy(() -> JailConfJail.of(bad, List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("jail name " + bad + " holds a NUL byte");
    }
    List<JailConfStatement> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> JailConfJail.of("j", withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("statement");
  }

  @Test
  void isEqualByNameAndBodyButNotLine() {
    JailConfJail j = JailConfJail.of("web", List.of(PERSIST));
    JailConfJail parsed = (JailConfJail) JailConf.parse("\n\nweb { persist; }").statements().get(0);

    assertThat(j).isEqualTo(j).isEqualTo(parsed).hasSameHashCodeAs(parsed);
    assertThat(j).isNotEqualTo(JailConfJail.of("db", List.of(PERSIST)));
    assertThat(j).isNotEqualTo(JailConfJail.of("web", List.of()));
    assertThat(j).isNotEqualTo("web");
    assertThat(j.hashCode()).isNotEqualTo(JailConfJail.of("web", List.of()).hashCode());
  }

  @Test
  void writesItselfAsABlock() {
    assertThat(JailConfJail.of("web", List.of(PERSIST))).hasToString("web {\n  persist;\n}");
  }
}
