package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SshTargetTest {
  @Test
  void parsesUserHostAndPort() {
    SshTarget t = SshTarget.parse("root@jails.example.org:2222");

    assertThat(t.user()).isEqualTo("root");
    assertThat(t.host()).isEqualTo("jails.example.org");
    assertThat(t.port()).isEqualTo(2222);
    assertThat(t.knownHostsName()).isEqualTo("[jails.example.org]:2222");
  }

  @Test
  void defaultsToPort22AndNamesThePlainHostInKnownHosts() {
    SshTarget t = SshTarget.parse("admin@192.0.2.10");

    assertThat(t.port()).isEqualTo(22);
    assertThat(t.knownHostsName()).isEqualTo("192.0.2.10");
    assertThat(t).hasToString("admin@192.0.2.10:22");
  }

  @Test
  void parsesABracketedIpv6Address() {
    SshTarget t = SshTarget.parse("root@[2001:db8::1]:2200");

    assertThat(t.host()).isEqualTo("2001:db8::1");
    assertThat(t.port()).isEqualTo(2200);
    assertThat(t).hasToString("root@[2001:db8::1]:2200");
  }

  @Test
  void rejectsASpecWithoutUser() {
    assertThatThrownBy(() -> SshTarget.parse("jails.example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user@host");
  }

  @Test
  void rejectsAPortOutOfRangeOrNotANumber() {
    assertThatThrownBy(() -> SshTarget.parse("root@h:70000"))
        .hasMessageContaining("70000 is not in 1..65535");
    assertThatThrownBy(() -> SshTarget.parse("root@h:ssh")).hasMessageContaining("\"ssh\"");
  }

  @Test
  void rejectsAHostWithSpaces() {
    assertThatThrownBy(() -> SshTarget.builder().user("root").host("a b").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionsNeverShowThePassphrase() {
    SshOptions o =
        SshOptions.builder()
            .addIdentities(SshIdentity.of(Path.of("/k/id_rsa"), "s3cret-passphrase"))
            .build();

    assertThat(o.toString()).contains("/k/id_rsa").doesNotContain("s3cret-passphrase");
    assertThat(o.identities().get(0).passphrase()).contains("s3cret-passphrase");
  }

  @Test
  void optionsDefaultToStrictHostKeysAndTheUsersKnownHosts() {
    SshOptions o = SshOptions.builder().addIdentities(SshIdentity.of(Path.of("/k"))).build();

    assertThat(o.hostKeyPolicy()).isEqualTo(SshHostKeyPolicy.STRICT);
    assertThat(o.knownHosts())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
    assertThat(o.privilege()).isEqualTo(SshPrivilege.NONE);
  }

  @Test
  void optionsListEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                SshOptions.builder().connectTimeout(Duration.ZERO).maxConcurrentCommands(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("identities is empty")
        .hasMessageContaining("connectTimeout must be positive")
        .hasMessageContaining("maxConcurrentCommands must be at least 1");
  }
}
