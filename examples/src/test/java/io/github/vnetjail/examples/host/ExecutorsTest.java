package io.github.vnetjail.examples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.VnetJailException;
import io.github.vnetjail.exec.Command;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.DryRunExecutor;
import io.github.vnetjail.exec.LocalExecutor;
import io.github.vnetjail.exec.SimulatedHost;
import org.junit.jupiter.api.Test;

class ExecutorsTest {
  @Test
  void simulatedIsAFreshHostWithEm0() {
    try (CommandExecutor exec = Executors.parse("simulated")) {
      assertThat(exec).isInstanceOf(SimulatedHost.class);
      assertThat(exec.execute(Command.of("ifconfig", "-l")).stdout()).isEqualTo("lo0 em0\n");
    }
  }

  @Test
  void namesTheLocalAndDryRunExecutors() {
    assertThat(Executors.parse("local")).isInstanceOf(LocalExecutor.class);
    assertThat(Executors.parse("dry-run")).isInstanceOf(DryRunExecutor.class);
  }

  @Test
  void refusesAnUnknownWordListingTheChoices() {
    assertThatThrownBy(() -> Executors.parse("jail0"))
        .isInstanceOf(VnetJailException.class)
        .hasMessage(
            "unknown executor \"jail0\"; use one of simulated|local|dry-run|ssh://user@host[:port]");
  }

  @Test
  void refusesAnSshUriWithoutAHostOrWithAPath() {
    assertThatThrownBy(() -> Executors.parse("ssh://root@"))
        .hasMessageContaining("bad executor \"ssh://root@\"")
        .hasMessageContaining("use ssh://user@host[:port]");
    assertThatThrownBy(() -> Executors.parse("ssh://root@host/etc"))
        .hasMessageContaining("no host; use ssh://user@host[:port]");
  }
}
