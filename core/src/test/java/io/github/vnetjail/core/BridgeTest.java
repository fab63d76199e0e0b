package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class BridgeTest {
  private static List<Problem> problems(Bridge.Builder b) {
    return catchThrowableOfType(ValidationException.class, b::build).problems();
  }

  private static Problem onlyProblem(Bridge.Builder b) {
    List<Problem> ps = problems(b);
    assertThat(ps).hasSize(1);
    return ps.get(0);
  }

  @Test
  void buildsTheSeedBridge() {
    Bridge b = Bridge.builder().name("bridge0").addMember("em0").build();
    assertThat(b.name()).isEqualTo("bridge0");
    assertThat(b.members()).containsExactly("em0");
    assertThat(b.subnet()).isEmpty();
    assertThat(b.gateway()).isEmpty();
    assertThat(b.address()).isEmpty();
    assertThat(b.reserved()).isEmpty();
  }

  @Test
  void takesVlanInterfacesAsMembers() {
    Bridge b =
        Bridge.builder().name("bridge10").addMember(Vlan.of("em0", 10).interfaceName()).build();
    assertThat(b.members()).containsExactly("em0.10");
  }

  @Test
  void requiresAValidName() {
    Problem p = onlyProblem(Bridge.builder());
    assertThat(p.message()).isEqualTo("name must be set");
    assertThat(p.fix()).isEqualTo("use Bridge.builder().name(\"bridge0\")");
    assertThat(onlyProblem(Bridge.builder().name("bridge$0")).message()).contains("contains '$'");
  }

  @Test
  void checksMembers() {
    assertThat(onlyProblem(Bridge.builder().name("bridge0").addMember("em 0")).field())
        .isEqualTo("members[0]");
    assertThat(onlyProblem(Bridge.builder().name("bridge0").addMembers("em0", "em0")).message())
        .isEqualTo("member \"em0\" is listed twice");
    assertThat(onlyProblem(Bridge.builder().name("bridge0").addMember("bridge0")).message())
        .isEqualTo("bridge bridge0 cannot be a member of itself");
  }

  @Test
  void checksSubnetGatewayAddressAndReserved() {
    assertThat(onlyProblem(Bridge.builder().name("b0").subnet("192.168.1.1/24")).message())
        .isEqualTo("subnet 192.168.1.1/24 has host bits set");
    assertThat(onlyProblem(Bridge.builder().name("b0").subnet("192.168.1.0")).message())
        .contains("has no prefix length");
    assertThat(
            onlyProblem(Bridge.builder().name("b0").subnet("192.168.1.0/24").gateway("192.168.2.1"))
                .message())
        .isEqualTo("gateway 192.168.2.1 is outside the subnet 192.168.1.0/24");
    assertThat(
            onlyProblem(
                    Bridge.builder().name("b0").subnet("192.168.1.0/24").address("192.168.2.1/24"))
                .message())
        .isEqualTo("address 192.168.2.1/24 is outside the subnet 192.168.1.0/24");
    assertThat(onlyProblem(Bridge.builder().name("b0").address("192.168.1.0/24")).message())
        .contains("is the network address");
    assertThat(
            onlyProblem(
                    Bridge.builder().name("b0").subnet("192.168.1.0/24").addReserved("10.0.0.1"))
                .message())
        .isEqualTo("reserved address 10.0.0.1 is outside the subnet 192.168.1.0/24");
    assertThat(onlyProblem(Bridge.builder().name("b0").addReserved("x")).field())
        .isEqualTo("reserved");
    assertThat(onlyProblem(Bridge.builder().name("b0").gateway("x")).field()).isEqualTo("gateway");
    assertThat(onlyProblem(Bridge.builder().name("b0").address("x/24")).field())
        .isEqualTo("address");
  }

  @Test
  void listsParseAndRuleProblemsTogether() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () -> Bridge.builder().name("b 0").subnet("x").addMember("em;0").build());
    assertThat(e.problems())
        .extracting(Problem::field)
        .containsExactly("subnet", "name", "members[0]");
    assertThat(e.subject()).isEqualTo("Bridge \"b 0\"");
  }

  @Test
  void toBuilderKeepsEverything() {
    Bridge b =
        Bridge.builder()
            .name("bridge0")
            .addMember("em0")
            .subnet("192.168.1.0/24")
            .gateway("192.168.1.1")
            .address("192.168.1.10/24")
            .addReserved("192.168.1.2")
            .build();
    assertThat(b.toBuilder().build()).isEqualTo(b);
    assertThat(b.reserved()).containsExactly(IpAddress.parse("192.168.1.2"));
  }
}
