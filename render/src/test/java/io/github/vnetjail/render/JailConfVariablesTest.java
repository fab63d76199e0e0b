package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.ValidationException;
import io.github.vnetjail.core.VnetJail;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The variables the renderer writes into a VNET jail's block, and the raw parameter names the model
 * refuses: jail(8) refuses a parameter named like a variable of its jail, so every variable the
 * renderer may write must be a name the model refuses (found by the 100,000-value run of {@link
 * JailConfHostileInputTest}: a raw parameter named "id" made the seed-style file unloadable).
 */
class JailConfVariablesTest {

  private static VnetJail.Builder full() {
    return VnetJail.builder()
        .name("web")
        .id(154)
        .bridge("bridge0")
        .ip("192.168.1.154/24")
        .gateway("192.168.1.1")
        .ip6("2001:db8::154/64")
        .ip6Gateway("2001:db8::1");
  }

  @Test
  void everyVariableOfTheSeedStyleIsARefusedRawParameterName() {
    String text = JailConfRenderer.render(full().build(), JailConfRenderOptions.defaults());
    Set<String> variables = new LinkedHashSet<>();
    for (JailConfStatement s : JailConf.parse(text).jail("web").get().body()) {
      if (s instanceof JailConfParameter p && p.isVariable()) {
        variables.add(p.name());
      }
    }
    assertThat(variables)
        .containsExactlyInAnyOrder("id", "ip", "gateway", "ip6", "gateway6", "bridge", "epair");
    for (String v : variables) {
      for (String name : new String[] {v, "no" + v}) {
        ValidationException e =
            assertThrows(
                ValidationException.class, () -> full().putRawParameter(name, "1").build(), name);
        assertThat(e.problems().get(0).field()).isEqualTo("rawParameters[" + name + "]");
        ValidationException d =
            assertThrows(
                ValidationException.class,
                () ->
                    HostConfig.builder()
                        .addBridge(Bridge.builder().name("bridge0").build())
                        .putDefault(name, "1")
                        .addJail(full().build())
                        .build(),
                name);
        assertThat(d.problems().get(0).field()).isEqualTo("defaults[" + name + "]");
      }
    }
  }

  @Test
  void aJailWithRawParametersNextToTheVariablesLoadsInJail8sEvaluator() {
    VnetJail j = full().putRawParameter("ipv4", "1").putRawParameter("enforce_statfs", "2").build();
    JailConf conf = JailConf.parse(JailConfRenderer.render(j, JailConfRenderOptions.defaults()));
    assertThat(conf.effectiveParameters("web"))
        .containsEntry("ipv4", java.util.List.of("1"))
        .containsEntry("vnet.interface", java.util.List.of("epair154b"));
  }
}
