package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class VlanTest {
  @Test
  void namesTheInterfaceParentDotTagByDefault() {
    Vlan v = Vlan.of("em0", 10);
    assertThat(v.parent()).isEqualTo("em0");
    assertThat(v.tag()).isEqualTo(10);
    assertThat(v.name()).isEmpty();
    assertThat(v.interfaceName()).isEqualTo("em0.10");
  }

  @Test
  void takesACustomName() {
    Vlan v = Vlan.builder().parent("em0").tag(10).name("vlan10").build();
    assertThat(v.interfaceName()).isEqualTo("vlan10");
    assertThat(v.toBuilder().build()).isEqualTo(v);
  }

  @Test
  void rejectsBadParentTagAndName() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () -> Vlan.builder().parent("em 0").tag(4095).name("vlan;10").build());
    assertThat(e.problems()).extracting(Problem::field).containsExactly("parent", "tag", "name");
    assertThat(e.problems().get(1).message())
        .isEqualTo("VLAN tag 4095 is out of range: 802.1Q tags are 1 to 4094");
    ValidationException missing =
        catchThrowableOfType(ValidationException.class, () -> Vlan.builder().tag(1).build());
    assertThat(missing.problems().get(0).message()).isEqualTo("parent must be set");
  }

  @Test
  void rejectsDerivedNameOver15CharactersInsteadOfTruncating() {
    assertThat(Vlan.of("ixl0123456", 4000).interfaceName()).hasSize(15);
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> Vlan.of("ixl01234567", 4000));
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .isEqualTo(
                      "VLAN interface name \"ixl01234567.4000\" is 16 characters long: FreeBSD"
                          + " interface names have at most 15");
            });
  }
}
