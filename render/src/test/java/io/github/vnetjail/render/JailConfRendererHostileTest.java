package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.vnetjail.core.Hook;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.Mount;
import io.github.vnetjail.core.ValidationException;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.core.VnetJailException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Every string field of the model, with hostile values: each is either refused when the model is
 * built (with a message naming the field) or comes back exactly through writer, parser and
 * evaluator, in both styles and with both hook sets.
 */
class JailConfRendererHostileTest {
  static final List<String> HOSTILE =
      List.of(
          "\"",
          "\\",
          "$",
          "${x}",
          "$x",
          ";",
          "#",
          "//",
          "/*",
          "*/",
          "\n",
          "\t",
          ",",
          "{}",
          "'",
          "caf\u00e9",
          "\u65e5\u672c",
          "",
          " ",
          "a b",
          "\u0000",
          "`id`",
          "$(id)",
          "a&b",
          "-x");

  static final List<JailConfRenderOptions> OPTIONS =
      List.of(
          JailConfRenderOptions.defaults(),
          JailConfRendererTest.expanded(JailConfRenderOptions.defaults()),
          JailConfRendererTest.SEED_HOOKS,
          JailConfRendererTest.expanded(JailConfRendererTest.SEED_HOOKS));

  static VnetJail.Builder base() {
    return VnetJail.builder()
        .name("web")
        .id(7)
        .bridge("bridge0")
        .ip("192.168.1.7/24")
        .gateway("192.168.1.1");
  }

  /** A field: how to set the value, and what must come back when the model accepts it. */
  static final class Field {
    final String name;
    final BiFunction<VnetJail.Builder, String, VnetJail.Builder> set;
    final BiConsumer<Map<String, List<String>>, String> check;
    final String jail;

    Field(
        String name,
        BiFunction<VnetJail.Builder, String, VnetJail.Builder> set,
        BiConsumer<Map<String, List<String>>, String> check,
        String jail) {
      this.name = name;
      this.set = set;
      this.check = check;
      this.jail = jail;
    }
  }

  static List<Field> fields() {
    List<Field> f = new ArrayList<>();
    f.add(
        new Field(
            "name",
            (b, v) -> b.name("w" + v),
            (eff, v) -> assertThat(eff.get("name")).containsExactly("w" + v),
            null));
    f.add(
        new Field(
            "path",
            (b, v) -> b.path("/jails/w" + v),
            (eff, v) -> assertThat(eff.get("path")).containsExactly("/jails/w" + v),
            "web"));
    f.add(
        new Field(
            "hostname",
            (b, v) -> b.hostname("h" + v),
            (eff, v) -> assertThat(eff.get("host.hostname")).containsExactly("h" + v),
            "web"));
    f.add(
        new Field(
            "bridge",
            (b, v) -> b.bridge("bridge" + v),
            (eff, v) ->
                assertThat(String.join("\n", eff.get("exec.prestart")))
                    .contains(ShellQuoting.quote("bridge" + v)),
            "web"));
    f.add(
        new Field(
            "depend",
            (b, v) -> b.addDepend("d" + v),
            (eff, v) -> assertThat(eff.get("depend")).containsExactly("d" + v),
            "web"));
    f.add(
        new Field(
            "hook command",
            (b, v) -> b.addHook(Hook.POSTSTART, "echo " + v),
            (eff, v) -> assertThat(eff.get("exec.poststart")).containsExactly("echo " + v),
            "web"));
    f.add(
        new Field(
            "raw parameter value",
            (b, v) -> b.putRawParameter("securelevel", v),
            (eff, v) -> assertThat(eff.get("securelevel")).containsExactly(v),
            "web"));
    f.add(
        new Field(
            "raw parameter name",
            (b, v) -> b.putRawParameter("x.y" + v, "1"),
            (eff, v) -> assertThat(eff.get("x.y" + v)).containsExactly("1"),
            "web"));
    f.add(
        new Field(
            "mount source",
            (b, v) -> b.addMount(Mount.of("/data" + v, "/jails/web/data", "nullfs")),
            (eff, v) ->
                assertThat(eff.get("mount"))
                    .containsExactly(
                        Mount.of("/data" + v, "/jails/web/data", "nullfs").fstabLine()),
            "web"));
    f.add(
        new Field(
            "mount point",
            (b, v) -> b.addMount(Mount.of("/data", "/jails/web/d" + v, "nullfs")),
            (eff, v) ->
                assertThat(eff.get("mount"))
                    .containsExactly(Mount.of("/data", "/jails/web/d" + v, "nullfs").fstabLine()),
            "web"));
    f.add(
        new Field(
            "mount options",
            (b, v) -> b.addMount(Mount.of("/data", "/jails/web/data", "nullfs", "ro" + v)),
            (eff, v) ->
                assertThat(eff.get("mount"))
                    .containsExactly(
                        Mount.of("/data", "/jails/web/data", "nullfs", "ro" + v).fstabLine()),
            "web"));
    f.add(
        new Field(
            "mount type",
            (b, v) -> b.addMount(Mount.of("/data", "/jails/web/data", "t" + v)),
            (eff, v) ->
                assertThat(eff.get("mount"))
                    .containsExactly(Mount.of("/data", "/jails/web/data", "t" + v).fstabLine()),
            "web"));
    f.add(
        new Field(
            "mount.fstab",
            (b, v) -> b.mountFstab("/etc/fstab." + v),
            (eff, v) -> assertThat(eff.get("mount.fstab")).containsExactly("/etc/fstab." + v),
            "web"));
    f.add(
        new Field(
            "pfRules",
            (b, v) -> b.pfRules("/etc/pf" + v + ".conf"),
            (eff, v) -> assertThat(eff).containsKey("vnet"),
            "web"));
    f.add(
        new Field(
            "dnsName",
            (b, v) -> b.dnsName("web" + v + ".lan"),
            (eff, v) -> assertThat(eff).containsKey("vnet"),
            "web"));
    return f;
  }

  @Test
  void refusesOrRoundTripsEveryHostileValueInEveryStringField() {
    int refused = 0;
    int roundTripped = 0;
    for (Field field : fields()) {
      for (String v : HOSTILE) {
        VnetJail jail;
        try {
          jail = field.set.apply(base(), v).build();
        } catch (VnetJailException e) {
          assertThat(e).isInstanceOf(ValidationException.class);
          assertThat(e.getMessage()).as("%s = %s", field.name, v).isNotBlank();
          refused++;
          continue;
        }
        String jailName = field.jail == null ? jail.name() : field.jail;
        for (JailConfRenderOptions o : OPTIONS) {
          String text;
          try {
            text = JailConfRenderer.render(jail, o);
          } catch (VnetJailException e) {
            fail("%s = %s was accepted by build() but cannot be rendered: %s", field.name, v, e);
            return;
          }
          Map<String, List<String>> eff = JailConf.parse(text).effectiveParameters(jailName);
          field.check.accept(eff, v);
        }
        roundTripped++;
      }
    }
    assertThat(refused).isPositive();
    assertThat(roundTripped).isPositive();
  }

  @Test
  void roundTripsHostileHostDefaults() {
    for (String v : HOSTILE) {
      HostConfig host;
      try {
        host =
            HostConfig.builder()
                .addBridge(io.github.vnetjail.core.Bridge.builder().name("bridge0").build())
                .putDefault("exec.consolelog", "/var/log/" + v)
                .addJail(base().build())
                .build();
      } catch (VnetJailException e) {
        assertThat(e.getMessage()).isNotBlank();
        continue;
      }
      Map<String, List<String>> eff =
          JailConf.parse(JailConfRenderer.render(host)).effectiveParameters("web");

      assertThat(eff.get("exec.consolelog")).as(v).containsExactly("/var/log/" + v);
    }
  }
}
