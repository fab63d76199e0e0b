package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the SDK renders passes its own linter. */
class LintRenderedTest {

  private static Lint renderedHost(HostConfig host) {
    Lint lint =
        Lint.files()
            .rcConf("/etc/rc.conf", RcConfRenderer.render(host))
            .devfsRules("/etc/devfs.rules", DevfsRules.empty().withRulesetsOf(host).render());
    for (Map.Entry<String, String> file : JailConfRenderer.renderFiles(host).entrySet()) {
      String path =
          file.getKey().startsWith("/") ? file.getKey() : "/etc/jail.conf.d/" + file.getKey();
      lint = lint.jailConf(path, file.getValue());
    }
    for (VnetJail jail : host.jails()) {
      lint =
          lint.jailRcConf(
              jail.name(), jail.path() + "/etc/rc.conf", JailRcConfRenderer.render(jail));
    }
    return lint;
  }

  @Test
  void theRenderedSeedHostHasNoFindings() {
    assertThat(renderedHost(RcConfRendererTest.seedHost()).check()).isEmpty();
  }

  @Test
  void theRenderedRichHostHasNoFindings() {
    assertThat(renderedHost(RcConfRendererTest.richHost()).check()).isEmpty();
  }

  @Test
  void theRenderedSingleJailConfHasNoFindings() {
    HostConfig host = RcConfRendererTest.richHost();
    assertThat(
            Lint.files()
                .rcConf("/etc/rc.conf", RcConfRenderer.render(host))
                .jailConf("/etc/jail.conf", JailConfRenderer.render(host))
                .devfsRules("/etc/devfs.rules", DevfsRules.empty().withRulesetsOf(host).render())
                .check())
        .isEmpty();
  }

  @Test
  void withoutTheGeneratedRulesetTheDhcpJailIsFlagged() {
    HostConfig host = RcConfRendererTest.richHost();
    assertThat(
            Lint.files()
                .jailConf("/etc/jail.conf", JailConfRenderer.render(host))
                .jailRcConf(
                    "db",
                    "/jails/db/etc/rc.conf",
                    JailRcConfRenderer.render(host.jail("db").orElseThrow()))
                .devfsRules("/etc/devfs.rules", "")
                .check())
        .extracting(Finding::code, Finding::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "jail-dhcp-without-bpf",
                "jail db gets its address by DHCP, but devfs ruleset 10 is not defined in the"
                    + " devfs.rules given; dhclient needs /dev/bpf and fails"));
  }
}
