package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RcConfEditTest {

  @Test
  void carriesItsKindNameAndValue() {
    RcConfEdit set = RcConfEdit.set("jail_enable", "YES");
    assertThat(set.kind()).isEqualTo(RcConfEdit.Kind.SET);
    assertThat(set.name()).isEqualTo("jail_enable");
    assertThat(set.value()).contains("YES");

    RcConfEdit add = RcConfEdit.addWord("jail_list", "web");
    assertThat(add.kind()).isEqualTo(RcConfEdit.Kind.ADD_WORD);
    assertThat(add.name()).isEqualTo("jail_list");
    assertThat(add.value()).contains("web");

    RcConfEdit remove = RcConfEdit.removeWord("jail_list", "old");
    assertThat(remove.kind()).isEqualTo(RcConfEdit.Kind.REMOVE_WORD);
    assertThat(remove.value()).contains("old");

    RcConfEdit delete = RcConfEdit.delete("jail_old_enable");
    assertThat(delete.kind()).isEqualTo(RcConfEdit.Kind.DELETE);
    assertThat(delete.name()).isEqualTo("jail_old_enable");
    assertThat(delete.value()).isEmpty();
  }

  @Test
  void printsInSysrcArgumentForm() {
    assertThat(RcConfEdit.set("ifconfig_bridge0", "addm em0 up"))
        .hasToString("ifconfig_bridge0=addm em0 up");
    assertThat(RcConfEdit.set("x", "")).hasToString("x=");
    assertThat(RcConfEdit.addWord("jail_list", "web")).hasToString("jail_list+=web");
    assertThat(RcConfEdit.removeWord("jail_list", "old")).hasToString("jail_list-=old");
    assertThat(RcConfEdit.delete("x")).hasToString("-x x");
  }

  @Test
  void equalsComparesKindNameAndValue() {
    RcConfEdit a = RcConfEdit.addWord("l", "w");
    assertThat(a)
        .isEqualTo(RcConfEdit.addWord("l", "w"))
        .hasSameHashCodeAs(RcConfEdit.addWord("l", "w"))
        .isNotEqualTo(RcConfEdit.removeWord("l", "w"))
        .isNotEqualTo(RcConfEdit.addWord("m", "w"))
        .isNotEqualTo(RcConfEdit.addWord("l", "v"))
        .isNotEqualTo(RcConfEdit.set("l", "w"))
        .isNotEqualTo("l+=w");
    assertThat(RcConfEdit.delete("l")).isEqualTo(RcConfEdit.delete("l"));
    // names that differ in one character hash differently, whatever the kind's hash is
    assertThat(a.hashCode()).isNotEqualTo(RcConfEdit.addWord("m", "w").hashCode());
  }

  @Test
  void appliesEachKindLikeTheMatchingRcConfMethod() {
    RcConf rc = RcConf.parse("l=\"a b\"\nx=1\n");
    assertThat(RcConfEdit.set("x", "2").applyTo(rc).render()).isEqualTo("l=\"a b\"\nx=\"2\"\n");
    assertThat(RcConfEdit.addWord("l", "c").applyTo(rc).render()).isEqualTo("l=\"a b c\"\nx=1\n");
    assertThat(RcConfEdit.removeWord("l", "a").applyTo(rc).render()).isEqualTo("l=\"b\"\nx=1\n");
    assertThat(RcConfEdit.delete("x").applyTo(rc).render()).isEqualTo("l=\"a b\"\n");
    assertThat(rc.apply(List.of())).isSameAs(rc);
  }

  @Test
  void refusesANameThatIsNoShVariableForEveryKind() {
    for (Runnable r :
        List.<Runnable>of(
            () -> RcConfEdit.set("jail_my-jail_enable", "YES"),
            () -> RcConfEdit.addWord("jail_my-jail_enable", "YES"),
            () -> RcConfEdit.removeWord("jail_my-jail_enable", "YES"),
            () -> RcConfEdit.delete("jail_my-jail_enable"))) {
      assertThatThrownBy(r::run)
          .isExactlyInstanceOf(RcConfException.class)
          .hasMessage(
              "rc.conf variable name \"jail_my-jail_enable\" is not an sh variable name; use"
                  + " letters, digits and '_', not starting with a digit (rc.d scripts turn other"
                  + " characters of jail and interface names into '_')");
    }
  }

  @Test
  void refusesAWordWithABlankWhenTheEditIsMadeNotWhenItIsApplied() {
    assertThatThrownBy(() -> RcConfEdit.addWord("l", "a b"))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessage(
            "cannot add \"a b\" to the list in l: a list word must be one non-empty word without"
                + " blanks (space, tab, newline); call addWord(\"l\", word) once for each word");
    assertThatThrownBy(() -> RcConfEdit.removeWord("l", ""))
        .isExactlyInstanceOf(RcConfException.class)
        .hasMessage(
            "cannot remove \"\" from the list in l: a list word must be one non-empty word"
                + " without blanks (space, tab, newline); call removeWord(\"l\", word) once for"
                + " each word");
    assertThatThrownBy(() -> RcConfEdit.set("l", null)).isInstanceOf(NullPointerException.class);
    assertThat(RcConfEdit.set("l", "a b").value()).isEqualTo(Optional.of("a b"));
  }
}
