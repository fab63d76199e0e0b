package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.core.Allow;
import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.DevfsRuleset;
import io.github.vnetjail.core.FreeBsdRelease;
import io.github.vnetjail.core.Hook;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.InterfaceNaming;
import io.github.vnetjail.core.IpAlias;
import io.github.vnetjail.core.Mount;
import io.github.vnetjail.core.PlainJail;
import io.github.vnetjail.core.SysvIpc;
import io.github.vnetjail.core.VnetJail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JailConfRenderer: the seed, golden files, styles and the epair lifecycle hooks. */
class JailConfRendererTest {
  static final JailConfRenderOptions SEED_HOOKS =
      JailConfRenderOptions.builder().hooks(JailConfRenderOptions.Hooks.SEED).build();

  static JailConfRenderOptions expanded(JailConfRenderOptions o) {
    return JailConfRenderOptions.builder()
        .from(o)
        .style(JailConfRenderOptions.Style.EXPANDED)
        .build();
  }

  static VnetJail seedJail() {
    return VnetJail.builder()
        .name("my-vnet-jail")
        .id(154)
        .bridge("bridge0")
        .ip("192.168.1.154/24")
        .gateway("192.168.1.1")
        .build();
  }

  /** A host with one jail of every kind the renderer handles. */
  static HostConfig richHost() {
    return HostConfig.builder()
        .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
        .addBridge(Bridge.builder().name("bridge1").build())
        .putDefault("exec.clean")
        .putDefault("exec.consolelog", "/var/log/jail_console.log")
        .putDefault("exec.timeout", "${literal}")
        .addJail(seedJail())
        .addJail(
            VnetJail.builder()
                .name("dhcp")
                .id(10)
                .bridge("bridge1")
                .dhcp()
                .slaac()
                .devfsRuleset(DevfsRuleset.vnetWithBpf(10))
                .build())
        .addJail(
            VnetJail.builder()
                .name("vpn")
                .id(11)
                .bridge("bridge0")
                .ip("192.168.1.11/24")
                .gateway("192.168.1.1")
                .ip6("2001:db8::11/64")
                .ip6Gateway("2001:db8::1")
                .addRoute("10.8.0.0/24", "192.168.1.2")
                .hostMac("02:00:00:00:0b:0a")
                .jailMac("02:00:00:00:0b:0b")
                .pf()
                .devfsRuleset(DevfsRuleset.jailVnet())
                .hostname("vpn.example.org")
                .addAllow(Allow.RAW_SOCKETS)
                .addDeny(Allow.SET_HOSTNAME)
                .sysvmsg(SysvIpc.NEW)
                .sysvsem(SysvIpc.NEW)
                .sysvshm(SysvIpc.NEW)
                .addDepend("my-vnet-jail")
                .addMount(Mount.of("/data", "/jails/vpn/data", "nullfs", "ro"))
                .addHook(Hook.START, "/usr/local/bin/start-vpn")
                .addHook(Hook.POSTSTOP, "logger vpn stopped")
                .putRawParameter("securelevel", "2")
                .build())
        .addJail(
            VnetJail.builder()
                .name("jib")
                .id(12)
                .bridge("bridge0")
                .interfaceNaming(InterfaceNaming.JIB)
                .ip("192.168.1.12/24")
                .persist(false)
                .build())
        .addJail(
            PlainJail.builder()
                .name("plain")
                .addAlias(IpAlias.of("em0", "192.168.1.50/24"))
                .addHook(Hook.START, "/bin/sh /etc/rc")
                .build())
        .build();
  }

  static String golden(String name) {
    Path file = Paths.get("src/test/resources/io/github/vnetjail/render/jailconf/golden", name);
    try (InputStream in =
        JailConfRendererTest.class.getResourceAsStream("jailconf/golden/" + name)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }

  /** Compares with the golden file; {@code -Dgolden.update=true} rewrites it instead. */
  static void assertGolden(String name, String actual) {
    if (Boolean.getBoolean("golden.update")) {
      try {
        Path file = Paths.get("src/test/resources/io/github/vnetjail/render/jailconf/golden", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    assertThat(actual).as("golden file %s", name).isEqualTo(golden(name));
  }

  // --- The seed

  @Test
  void rendersTheSeedJailWithSeedHooksToTheSeedsParametersPlusTheReleaseFix() {
    String text = JailConfRenderer.render(seedJail(), SEED_HOOKS);
    Map<String, List<String>> eff = JailConf.parse(text).effectiveParameters("my-vnet-jail");
    Map<String, List<String>> seed =
        JailConf.parse(JailConfTest.resource("seed.jail.conf")).effectiveParameters("my-vnet-jail");

    Map<String, List<String>> onlySeedKeys = new LinkedHashMap<>(eff);
    onlySeedKeys.keySet().retainAll(seed.keySet());
    assertThat(onlySeedKeys).containsExactlyEntriesOf(seed);
    // The release fix, and what the seed's "# ..." elides but the model always sets.
    assertThat(eff)
        .containsEntry(
            "exec.prestop",
            List.of("/sbin/ifconfig epair154b || /sbin/ifconfig epair154b -vnet my-vnet-jail"));
    Map<String, List<String>> extra = new LinkedHashMap<>(eff);
    extra.keySet().removeAll(seed.keySet());
    assertThat(extra.keySet()).containsExactly("path", "persist", "mount.devfs", "exec.prestop");
    assertGolden("seed-seedhooks.conf", text);
  }

  @Test
  void rendersTheSeedInExpandedStyleWithTheSameEffectiveParameters() {
    for (JailConfRenderOptions o : List.of(SEED_HOOKS, JailConfRenderOptions.defaults())) {
      String vars = JailConfRenderer.render(seedJail(), o);
      String plain = JailConfRenderer.render(seedJail(), expanded(o));

      assertThat(plain).doesNotContain("$");
      assertThat(JailConf.parse(plain).effectiveParameters("my-vnet-jail"))
          .containsExactlyEntriesOf(JailConf.parse(vars).effectiveParameters("my-vnet-jail"));
    }
    assertGolden(
        "seed-seedhooks-expanded.conf", JailConfRenderer.render(seedJail(), expanded(SEED_HOOKS)));
  }

  @Test
  void rendersTheSeedInTheSeedsVariables() {
    String text = JailConfRenderer.render(seedJail());

    assertThat(text)
        .contains(
            "  vnet;\n  vnet.interface = \"${epair}b\";\n",
            "  $id = \"154\";\n",
            "  $ip = \"192.168.1.${id}/24\";\n",
            "  $gateway = \"192.168.1.1\";\n",
            "  $bridge = \"bridge0\";\n",
            "  $epair = \"epair${id}\";\n");
    assertGolden("seed-robust.conf", text);
  }

  // --- Robust hooks

  @Test
  void makesPrestartDestroyAStalePairAndCleanUpWhenAStepFails() {
    Map<String, List<String>> eff =
        JailConf.parse(JailConfRenderer.render(seedJail())).effectiveParameters("my-vnet-jail");

    assertThat(eff.get("exec.prestart"))
        .containsExactly(
            "/sbin/ifconfig epair154a destroy 2>/dev/null; "
                + "/sbin/ifconfig epair154 create up && { "
                + "/sbin/ifconfig epair154a up descr jail:my-vnet-jail && "
                + "/sbin/ifconfig bridge0 addm epair154a up || "
                + "{ /sbin/ifconfig epair154a destroy; false; }; }");
  }

  @Test
  void configuresTheNetworkInExecStartBeforeRc() {
    Map<String, List<String>> eff =
        JailConf.parse(JailConfRenderer.render(seedJail())).effectiveParameters("my-vnet-jail");

    assertThat(eff.get("exec.start"))
        .containsExactly(
            "/sbin/ifconfig epair154b 192.168.1.154/24 up && "
                + "/sbin/route add default 192.168.1.1 || "
                + "{ /sbin/ifconfig epair154b destroy; false; }",
            "/bin/sh /etc/rc");
    assertThat(eff.get("exec.prestop"))
        .containsExactly("/sbin/ifconfig epair154b -vnet my-vnet-jail 2>/dev/null || true");
    assertThat(eff.get("exec.poststop"))
        .containsExactly(
            "/sbin/ifconfig bridge0 deletem epair154a 2>/dev/null; "
                + "/sbin/ifconfig epair154a destroy 2>/dev/null || true");
    assertThat(eff.get("exec.stop")).containsExactly("/bin/sh /etc/rc.shutdown");
  }

  @Test
  void documentsTheHookDesignInTheRenderedFile() {
    String text = JailConfRenderer.render(seedJail());

    assertThat(text)
        .startsWith("# Written by vnetjail.")
        .contains("No epair outlives a failed start");
  }

  // --- The rich host: every feature, every style

  @Test
  void rendersARichHostToGoldenFiles() {
    HostConfig host = richHost();

    assertGolden("host.conf", JailConfRenderer.render(host));
    assertGolden("host-seedhooks.conf", JailConfRenderer.render(host, SEED_HOOKS));
    assertGolden(
        "host-expanded.conf",
        JailConfRenderer.render(host, expanded(JailConfRenderOptions.defaults())));
  }

  @Test
  void givesTheSameEffectiveParametersInBothStyles() {
    HostConfig host = richHost();
    for (JailConfRenderOptions o : List.of(JailConfRenderOptions.defaults(), SEED_HOOKS)) {
      JailConf vars = JailConf.parse(JailConfRenderer.render(host, o));
      JailConf plain = JailConf.parse(JailConfRenderer.render(host, expanded(o)));

      assertThat(plain.jailNames()).containsExactly("my-vnet-jail", "dhcp", "vpn", "jib", "plain");
      for (String name : vars.jailNames()) {
        assertThat(plain.effectiveParameters(name))
            .as(name)
            .containsExactlyEntriesOf(vars.effectiveParameters(name));
      }
    }
  }

  @Test
  void rendersDhcpWithItsDevfsRulesetAndSlaac() {
    Map<String, List<String>> eff =
        JailConf.parse(JailConfRenderer.render(richHost())).effectiveParameters("dhcp");

    assertThat(eff).containsEntry("devfs_ruleset", List.of("10")).containsKey("mount.devfs");
    assertThat(eff.get("exec.start").get(0))
        .isEqualTo(
            "/sbin/ifconfig epair10b up && "
                + "/sbin/ifconfig epair10b inet6 -ifdisabled accept_rtadv up || "
                + "{ /sbin/ifconfig epair10b destroy; false; }");
  }

  @Test
  void rendersStaticIpv6RoutesMacsPfAndPermissions() {
    Map<String, List<String>> eff =
        JailConf.parse(JailConfRenderer.render(richHost())).effectiveParameters("vpn");

    assertThat(eff.get("exec.start"))
        .containsExactly(
            "/sbin/ifconfig epair11b 192.168.1.11/24 up && "
                + "/sbin/ifconfig epair11b inet6 2001:db8::11/64 up && "
                + "/sbin/route add default 192.168.1.1 && "
                + "/sbin/route -6 add default 2001:db8::1 && "
                + "/sbin/route add -net 10.8.0.0/24 192.168.1.2 || "
                + "{ /sbin/ifconfig epair11b destroy; false; }",
            "/bin/sh /etc/rc",
            "/usr/local/bin/start-vpn");
    assertThat(eff.get("exec.prestart").get(0))
        .contains(
            "/sbin/ifconfig epair11a ether 02:00:00:00:0b:0a && "
                + "/sbin/ifconfig epair11b ether 02:00:00:00:0b:0b && ");
    assertThat(eff)
        .containsEntry("devfs_ruleset", List.of("5"))
        .containsEntry("host.hostname", List.of("vpn.example.org"))
        .containsEntry("allow.raw_sockets", List.of())
        .containsEntry("allow.noset_hostname", List.of())
        .containsEntry("sysvshm", List.of("new"))
        .containsEntry("depend", List.of("my-vnet-jail"))
        .containsEntry("mount", List.of("/data /jails/vpn/data nullfs ro"))
        .containsEntry("securelevel", List.of("2"))
        .containsEntry("exec.clean", List.of())
        .containsEntry("exec.consolelog", List.of("/var/log/jail_console.log"))
        .containsEntry("exec.timeout", List.of("${literal}"));
    assertThat(eff.get("exec.poststop")).endsWith("logger vpn stopped");
  }

  @Test
  void renamesTheSidesForJibNaming() {
    Map<String, List<String>> eff =
        JailConf.parse(JailConfRenderer.render(richHost())).effectiveParameters("jib");

    assertThat(eff.get("vnet.interface")).containsExactly("e0b_jib");
    assertThat(eff.get("exec.prestart").get(0))
        .isEqualTo(
            "/sbin/ifconfig e0a_jib destroy 2>/dev/null; /sbin/ifconfig epair12a destroy 2>/dev/null;"
                + " /sbin/ifconfig epair12 create up && { "
                + "/sbin/ifconfig epair12a name e0a_jib && /sbin/ifconfig epair12b name e0b_jib && "
                + "/sbin/ifconfig e0a_jib up descr jail:jib && "
                + "/sbin/ifconfig bridge0 addm e0a_jib up || "
                + "{ /sbin/ifconfig e0a_jib destroy 2>/dev/null || /sbin/ifconfig epair12a destroy;"
                + " false; }; }");
    assertThat(eff).doesNotContainKey("persist");
  }

  @Test
  void rendersAPlainJailWithItsAliases() {
    Map<String, List<String>> eff =
        JailConf.parse(JailConfRenderer.render(richHost())).effectiveParameters("plain");

    assertThat(eff.get("ip4.addr")).containsExactly("em0|192.168.1.50/24");
    assertThat(eff.get("exec.start")).containsExactly("/bin/sh /etc/rc");
    assertThat(eff).doesNotContainKey("vnet");
  }

  @Test
  void rendersOneFilePerJailWithAnIncludeOn14() {
    Map<String, String> files = JailConfRenderer.renderFiles(richHost());

    assertThat(files.keySet())
        .containsExactly(
            "/etc/jail.conf",
            "/etc/jail.conf.d/my-vnet-jail.conf",
            "/etc/jail.conf.d/dhcp.conf",
            "/etc/jail.conf.d/vpn.conf",
            "/etc/jail.conf.d/jib.conf",
            "/etc/jail.conf.d/plain.conf");
    assertThat(files.get("/etc/jail.conf")).contains(".include \"/etc/jail.conf.d/*.conf\";");
    JailConf all =
        JailConf.parse(files.get("/etc/jail.conf"), "/etc/jail.conf", JailConfFileSource.of(files));
    JailConf one = JailConf.parse(JailConfRenderer.render(richHost()));
    assertThat(all.jailNames()).containsExactlyInAnyOrderElementsOf(one.jailNames());
    for (String name : one.jailNames()) {
      JailConf single = JailConf.parse(files.get("/etc/jail.conf.d/" + name + ".conf"));
      // the one file has depend; a per-jail file cannot (see dropsDependFromPerJailFiles)
      Map<String, List<String>> expected = new LinkedHashMap<>(one.effectiveParameters(name));
      expected.remove("depend");
      assertThat(single.effectiveParameters(name)).containsExactlyEntriesOf(expected);
      assertThat(all.effectiveParameters(name)).isEqualTo(expected);
    }
    assertGolden("vpn.conf", files.get("/etc/jail.conf.d/vpn.conf"));
  }

  @Test
  void dropsDependFromPerJailFilesAndNamesTheDependenciesInAComment() {
    // jail(8) reading vpn.conf alone (rc.d/jail does) would fail: usr.sbin/jail/state.c dep_setup
    // warns 'depends on undefined jail "my-vnet-jail"' and fails the jail
    String vpn = JailConfRenderer.renderFiles(richHost()).get("/etc/jail.conf.d/vpn.conf");

    assertThat(JailConf.parse(vpn).effectiveParameters("vpn")).doesNotContainKey("depend");
    assertThat(vpn)
        .doesNotContain("depend =")
        .contains("  # depends on: my-vnet-jail\n")
        .contains("depends on undefined jail");
    assertThat(JailConf.parse(JailConfRenderer.render(richHost())).effectiveParameters("vpn"))
        .containsEntry("depend", List.of("my-vnet-jail"));
    VnetJail alone = richHost().jail("vpn").orElseThrow();
    assertThat(JailConf.parse(JailConfRenderer.render(alone)).effectiveParameters("vpn"))
        .doesNotContainKey("depend");
  }

  @Test
  void writesNoIncludeFor13() {
    HostConfig host = richHost().toBuilder().release(FreeBsdRelease.V13).build();
    Map<String, String> files = JailConfRenderer.renderFiles(host);

    assertThat(files).doesNotContainKey("/etc/jail.conf");
    for (Map.Entry<String, String> f : files.entrySet()) {
      assertThat(f.getValue()).doesNotContain(".include");
      JailConf.parse(
              f.getValue(), f.getKey(), JailConfFileSource.none(), JailConfDialect.FREEBSD_13)
          .evaluate();
    }
  }

  @Test
  void keepsRenderOfParseStableForEveryRenderedFile() {
    for (String text :
        List.of(
            JailConfRenderer.render(richHost()),
            JailConfRenderer.render(richHost(), SEED_HOOKS),
            JailConfRenderer.render(richHost(), expanded(SEED_HOOKS)))) {
      assertThat(JailConf.parse(text).render()).isEqualTo(text);
    }
  }

  static VnetJail jailWithEveryHook() {
    VnetJail.Builder b = VnetJail.builder().from(seedJail());
    for (Hook hook : Hook.values()) {
      b.addHook(hook, "user " + hook.parameter());
    }
    return b.build();
  }

  /** The exec.* parameters in the order jail(8) holds them. */
  static Map<String, List<String>> hooks(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    JailConf.parse(text)
        .effectiveParameters("my-vnet-jail")
        .forEach(
            (k, v) -> {
              if (k.startsWith("exec.")) {
                out.put(k, v);
              }
            });
    return out;
  }

  @Test
  void appendsTheUsersCommandForEveryHookAfterTheRobustOnes() {
    for (JailConfRenderOptions o :
        List.of(JailConfRenderOptions.defaults(), expanded(JailConfRenderOptions.defaults()))) {
      Map<String, List<String>> h = hooks(JailConfRenderer.render(jailWithEveryHook(), o));

      assertThat(h.keySet())
          .containsExactly(
              "exec.prepare",
              "exec.prestart",
              "exec.created",
              "exec.start",
              "exec.poststart",
              "exec.prestop",
              "exec.stop",
              "exec.poststop",
              "exec.release");
      assertThat(h.get("exec.prepare")).containsExactly("user exec.prepare");
      assertThat(h.get("exec.prestart")).hasSize(2).last().isEqualTo("user exec.prestart");
      assertThat(h.get("exec.created")).containsExactly("user exec.created");
      assertThat(h.get("exec.start")).hasSize(3).endsWith("/bin/sh /etc/rc", "user exec.start");
      assertThat(h.get("exec.poststart")).containsExactly("user exec.poststart");
      assertThat(h.get("exec.prestop"))
          .containsExactly(
              "/sbin/ifconfig epair154b -vnet my-vnet-jail 2>/dev/null || true",
              "user exec.prestop");
      assertThat(h.get("exec.stop")).containsExactly("/bin/sh /etc/rc.shutdown", "user exec.stop");
      assertThat(h.get("exec.poststop"))
          .containsExactly(
              "/sbin/ifconfig bridge0 deletem epair154a 2>/dev/null;"
                  + " /sbin/ifconfig epair154a destroy 2>/dev/null || true",
              "user exec.poststop");
      assertThat(h.get("exec.release")).containsExactly("user exec.release");
    }
  }

  @Test
  void appendsTheUsersCommandForEveryHookAfterTheSeedOnes() {
    for (JailConfRenderOptions o : List.of(SEED_HOOKS, expanded(SEED_HOOKS))) {
      Map<String, List<String>> h = hooks(JailConfRenderer.render(jailWithEveryHook(), o));

      assertThat(h.keySet())
          .containsExactly(
              "exec.prestart",
              "exec.start",
              "exec.created",
              "exec.poststart",
              "exec.prepare",
              "exec.prestop",
              "exec.stop",
              "exec.poststop",
              "exec.release");
      assertThat(h.get("exec.prestart"))
          .containsExactly(
              "/sbin/ifconfig epair154 create up",
              "/sbin/ifconfig epair154a up descr jail:my-vnet-jail",
              "/sbin/ifconfig bridge0 addm epair154a up",
              "user exec.prestart");
      assertThat(h.get("exec.start"))
          .containsExactly(
              "/sbin/ifconfig epair154b 192.168.1.154/24 up",
              "/sbin/route add default 192.168.1.1",
              "user exec.start");
      assertThat(h.get("exec.created")).containsExactly("user exec.created");
      assertThat(h.get("exec.poststart")).containsExactly("user exec.poststart");
      assertThat(h.get("exec.prepare")).containsExactly("user exec.prepare");
      assertThat(h.get("exec.prestop"))
          .containsExactly(
              "/sbin/ifconfig epair154b || /sbin/ifconfig epair154b -vnet my-vnet-jail",
              "user exec.prestop");
      assertThat(h.get("exec.stop")).containsExactly("user exec.stop");
      assertThat(h.get("exec.poststop"))
          .containsExactly(
              "/sbin/ifconfig bridge0 deletem epair154a",
              "/sbin/ifconfig epair154a destroy",
              "user exec.poststop");
      assertThat(h.get("exec.release")).containsExactly("user exec.release");
    }
  }

  @Test
  void usesTheDocumentedDefaultOptions() {
    JailConfRenderOptions o = JailConfRenderOptions.defaults();

    assertThat(o.style()).isEqualTo(JailConfRenderOptions.Style.VARIABLES);
    assertThat(o.hooks()).isEqualTo(JailConfRenderOptions.Hooks.ROBUST);
    assertThat(o.dialect()).isEqualTo(JailConfDialect.FREEBSD_14);
    assertThat(o.confDirectory()).isEqualTo("/etc/jail.conf.d");
    assertThat(JailConfDialect.defaultDialect()).isEqualTo(JailConfDialect.FREEBSD_14);
  }
}
