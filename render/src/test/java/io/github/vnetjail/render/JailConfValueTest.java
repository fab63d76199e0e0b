package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.VnetJailException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JailConfValue: literal text with variable references at positions, as jail(8) holds a value. */
class JailConfValueTest {

  static JailConfValue.Piece text(String t) {
    return new JailConfValue.Piece(t, false);
  }

  static JailConfValue.Piece ref(String name) {
    return new JailConfValue.Piece(name, true);
  }

  @Test
  void holdsALiteralAsTextWithoutReferences() {
    JailConfValue v = JailConfValue.literal("/usr/jails/$web");

    assertThat(v.isLiteral()).isTrue();
    assertThat(v.text()).isEqualTo("/usr/jails/$web");
    assertThat(v.variables()).isEmpty();
    assertThat(v.pieces()).containsExactly(text("/usr/jails/$web"));
    assertThat(v).hasToString("\"/usr/jails/\\$web\"");
  }

  @Test
  void splitsAValueIntoTextAndReferencesInOrder() {
    JailConfValue v =
        JailConfValue.builder()
            .variable("a")
            .text("x")
            .variable("b")
            .variable("c")
            .text("y")
            .build();

    assertThat(v.isLiteral()).isFalse();
    assertThat(v.text()).isEqualTo("xy");
    assertThat(v.variables()).containsExactly("a", "b", "c");
    assertThat(v.pieces()).containsExactly(ref("a"), text("x"), ref("b"), ref("c"), text("y"));
    assertThat(v).hasToString("\"${a}x${b}${c}y\"");
  }

  @Test
  void givesNoEmptyPiecesForAValueThatIsOneReferenceOrNothing() {
    assertThat(JailConfValue.variable("epair").pieces()).containsExactly(ref("epair"));
    assertThat(JailConfValue.variable("epair").text()).isEmpty();
    assertThat(JailConfValue.variable("epair")).hasToString("\"${epair}\"");
    assertThat(JailConfValue.literal("").pieces()).isEmpty();
    assertThat(JailConfValue.builder().build()).isEqualTo(JailConfValue.literal(""));
    assertThat(JailConfValue.builder().text("a").text("b").build())
        .isEqualTo(JailConfValue.literal("ab"));
  }

  @Test
  void keepsEveryReferenceOfALongValue() {
    JailConfValue.Builder b = JailConfValue.builder();
    List<String> names = new ArrayList<>();
    List<JailConfValue.Piece> pieces = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      b.text("t" + i).variable("v" + i);
      names.add("v" + i);
      pieces.add(text("t" + i));
      pieces.add(ref("v" + i));
    }
    JailConfValue v = b.build();

    assertThat(v.variables()).containsExactlyElementsOf(names);
    assertThat(v.pieces()).containsExactlyElementsOf(pieces);
    assertThat(v.variableCount()).isEqualTo(11);
    assertThat(v.variablePosition(10)).isEqualTo(v.text().length());
  }

  @Test
  void isEqualOnlyWithTheSameTextReferencesAndPositions() {
    JailConfValue v = JailConfValue.builder().text("a").variable("v").text("b").build();
    JailConfValue same = JailConfValue.builder().text("a").variable("v").text("b").build();

    assertThat(v).isEqualTo(v).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(v).isNotEqualTo(JailConfValue.builder().text("ab").variable("v").build());
    assertThat(v).isNotEqualTo(JailConfValue.builder().text("a").variable("w").text("b").build());
    assertThat(v).isNotEqualTo(JailConfValue.builder().text("a").variable("v").text("c").build());
    assertThat(v).isNotEqualTo(JailConfValue.literal("ab"));
    assertThat(v).isNotEqualTo("\"a${v}b\"");
    assertThat(v.hashCode())
        .isNotEqualTo(JailConfValue.builder().text("ab").variable("v").build().hashCode());
    assertThat(v.variables()).isUnmodifiable();
    assertThat(v.pieces()).isUnmodifiable();
  }

  @Test
  void comparesPiecesByTextAndKind() {
    assertThat(text("a")).isEqualTo(text("a")).hasSameHashCodeAs(text("a"));
    assertThat(text("a")).isNotEqualTo(ref("a")).isNotEqualTo(text("b")).isNotEqualTo("a");
    assertThat(ref("a")).isNotEqualTo(text("a"));
    assertThat(text("a").hashCode()).isNotEqualTo(ref("a").hashCode());
    assertThat(ref("a").isVariable()).isTrue();
    assertThat(text("a").isVariable()).isFalse();
    assertThat(ref("a").text()).isEqualTo("a");
    assertThat(ref("a")).hasToString("${a}");
    assertThat(text("a")).hasToString("a");
  }

  @Test
  void refusesANulByteWhereverItIs() {
    for (String bad : List.of("\0", "\0a", "a\0", "a\0b")) {
      assertThatThrownBy(() -> JailConfValue.literal(bad))
          .isInstanceOf(VnetJailException.class)
          .hasMessageContaining("holds a NUL byte; jail(8) ends a value there");
      assertThatThrownBy(() -> JailConfValue.builder().text(bad))
          .isInstanceOf(VnetJailException.class)
          .hasMessageContaining("holds a NUL byte");
      assertThatThrownBy(() -> JailConfValue.variable(bad))
          .isInstanceOf(VnetJailException.class)
          .hasMessageContaining("holds a NUL byte");
    }
    assertThatThrownBy(() -> JailConfValue.literal(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
    assertThatThrownBy(() -> JailConfValue.builder().text(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("literal");
    assertThatThrownBy(() -> JailConfValue.builder().variable(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }
}
