package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedTest {
  @Test
  void seedJailBuildsExactlyAsDesignShows() {
    VnetJail web =
        VnetJail.builder()
            .name("my-vnet-jail")
            .id(154)
            .bridge("bridge0")
            .ip("192.168.1.154/24")
            .gateway("192.168.1.1")
            .build();

    HostConfig host =
        HostConfig.builder()
            .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
            .addJail(web)
            .build();

    VnetJail j = host.jail("my-vnet-jail").orElseThrow();
    assertThat(j.epairUnit()).isEqualTo(154);
    assertThat(j.epair()).isEqualTo("epair154");
    assertThat(j.hostInterface()).isEqualTo("epair154a");
    assertThat(j.jailInterface()).isEqualTo("epair154b");
    assertThat(j.bridge()).isEqualTo("bridge0");
    assertThat(j.ip().orElseThrow().toString()).isEqualTo("192.168.1.154/24");
    assertThat(j.ip().orElseThrow().netmask()).contains("255.255.255.0");
    assertThat(j.gateway().orElseThrow().toString()).isEqualTo("192.168.1.1");
    assertThat(j.ipv4Mode()).isEqualTo(AddressMode.STATIC);
    assertThat(j.ipv6Mode()).isEqualTo(AddressMode.NONE);
    assertThat(j.path()).isEqualTo("/jails/my-vnet-jail");
    assertThat(j.persist()).isTrue();
    assertThat(j.mountDevfs()).isTrue();
    assertThat(j.warnings()).isEmpty();
    assertThat(host.bridge("bridge0").orElseThrow().members()).containsExactly("em0");
    assertThat(host.jails()).containsExactly(web);
  }
}
