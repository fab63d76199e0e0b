package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VlanTagTest {
  @Test
  void acceptsOneTo4094() {
    assertThat(VlanTag.of(1).value()).isEqualTo(1);
    assertThat(VlanTag.of(4094).value()).isEqualTo(4094);
    assertThat(VlanTag.of(10)).isEqualTo(VlanTag.of(10)).hasToString("10");
    assertThat(VlanTag.of(10).compareTo(VlanTag.of(20))).isNegative();
    assertThat(VlanTag.of(10).hashCode()).isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4095, -1, 65536})
  void rejectsTagsOutside1To4094(int tag) {
    assertThatThrownBy(() -> VlanTag.of(tag))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("VLAN tag " + tag + " is out of range: 802.1Q tags are 1 to 4094");
  }
}
