package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.Hook;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.Mount;
import io.github.vnetjail.core.ValidationException;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.core.VnetJailException;
import io.github.vnetjail.core.testing.HostileInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link HostileInput#COUNT} hostile values per field through jail.conf: the model's fields through
 * {@link JailConfRenderer}, then {@link JailConf#parse} and the evaluator; and raw AST values,
 * names and jail names through the writer, parser and evaluator. A value is refused with a message
 * naming the field, or jail(8)'s view of the rendered file holds exactly that value.
 */
class JailConfHostileInputTest {
  private static final int BATCH = 500;

  private static final List<JailConfRenderOptions> OPTIONS =
      List.of(
          JailConfRenderOptions.defaults(),
          JailConfRenderOptions.builder()
              .style(JailConfRenderOptions.Style.EXPANDED)
              .hooks(JailConfRenderOptions.Hooks.SEED)
              .build());

  private static VnetJail.Builder vnet() {
    return VnetJail.builder()
        .name("web")
        .id(7)
        .bridge("bridge0")
        .ip("192.168.1.7/24")
        .gateway("192.168.1.1");
  }

  /** A model field: how to build the host with the value, and what jail(8) must then see. */
  private record Field(
      String name,
      String problemField,
      Function<String, HostConfig> build,
      Function<String, String> jail,
      BiConsumer<Map<String, List<String>>, String> check) {}

  private static HostConfig host(VnetJail.Builder jail) {
    return HostConfig.builder()
        .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
        .addJail(jail.build())
        .build();
  }

  private static List<Field> fields() {
    Function<String, String> web = v -> "web";
    List<Field> f = new ArrayList<>();
    f.add(
        new Field(
            "name",
            "name",
            v -> host(vnet().name(v)),
            v -> v,
            (eff, v) -> assertThat(eff.get("name")).containsExactly(v)));
    f.add(
        new Field(
            "hostname",
            "hostname",
            v -> host(vnet().hostname(v)),
            web,
            (eff, v) -> assertThat(eff.get("host.hostname")).containsExactly(v)));
    f.add(
        new Field(
            "path",
            "path",
            v -> host(vnet().path("/jails/" + v)),
            web,
            (eff, v) -> assertThat(eff.get("path")).containsExactly("/jails/" + v)));
    f.add(
        new Field(
            "depend",
            "depend|jails[",
            // the jail depended on must exist on the host
            v ->
                HostConfig.builder()
                    .addBridge(Bridge.builder().name("bridge0").build())
                    .addJail(vnet().addDepend(v).build())
                    .addJail(vnet().name(v).id(8).ip("192.168.1.8/24").build())
                    .build(),
            web,
            (eff, v) -> assertThat(eff.get("depend")).containsExactly(v)));
    f.add(
        new Field(
            "hook command",
            "hooks[0]",
            v -> host(vnet().addHook(Hook.POSTSTART, v)),
            web,
            (eff, v) -> assertThat(eff.get("exec.poststart")).containsExactly(v)));
    f.add(
        new Field(
            "raw parameter value",
            "rawParameters[securelevel]",
            v -> host(vnet().putRawParameter("securelevel", v)),
            web,
            (eff, v) -> assertThat(eff.get("securelevel")).containsExactly(v)));
    f.add(
        new Field(
            "raw parameter name",
            "rawParameters[",
            v -> host(vnet().putRawParameter(v, "1")),
            web,
            (eff, v) -> assertThat(eff.get(v)).containsExactly("1")));
    f.add(
        new Field(
            "mount.fstab",
            "mountFstab",
            v -> host(vnet().mountFstab("/etc/" + v)),
            web,
            (eff, v) -> assertThat(eff.get("mount.fstab")).containsExactly("/etc/" + v)));
    f.add(
        new Field(
            "mount line",
            "mounts[",
            v -> host(vnet().addMount("/data /jails/web/data nullfs " + v)),
            web,
            (eff, v) ->
                assertThat(eff.get("mount"))
                    .containsExactly(
                        Mount.parse("/data /jails/web/data nullfs " + v).fstabLine())));
    f.add(
        new Field(
            "host default value",
            "defaults[exec.timeout]",
            v ->
                HostConfig.builder()
                    .addBridge(Bridge.builder().name("bridge0").build())
                    .putDefault("exec.timeout", v)
                    .addJail(vnet().build())
                    .build(),
            web,
            (eff, v) -> assertThat(eff.get("exec.timeout")).containsExactly(v)));
    return f;
  }

  @Test
  void everyModelStringIsRefusedOrComesBackExactlyThroughJailConf() {
    List<String> summary = new ArrayList<>();
    long fieldSeed = 100;
    for (Field field : fields()) {
      fieldSeed++;
      int accepted = 0;
      for (int i = 0; i < HostileInput.COUNT; i++) {
        String v = HostileInput.value(fieldSeed, i);
        String label = HostileInput.label(field.name(), fieldSeed, i, v);
        HostConfig host;
        try {
          host = field.build().apply(v);
        } catch (ValidationException e) {
          // problemField lists the acceptable field prefixes, separated by '|'
          assertThat(List.of(field.problemField().split("\\|")))
              .as(label + ": " + e.getMessage())
              .anyMatch(e.getMessage()::contains);
          continue;
        } catch (RuntimeException e) {
          fail(label + ": threw " + e + " instead of a ValidationException", e);
          return;
        }
        accepted++;
        for (JailConfRenderOptions o : OPTIONS) {
          String text;
          try {
            text = JailConfRenderer.render(host, o);
          } catch (VnetJailException e) {
            fail(label + ": accepted by build() but not rendered: " + e, e);
            return;
          }
          Map<String, List<String>> effective;
          JailConf parsed;
          try {
            parsed = JailConf.parse(text);
            effective = parsed.effectiveParameters(field.jail().apply(v));
          } catch (RuntimeException e) {
            // name the seed and value: a file jail(8) would refuse is a defect, never skipped
            fail(label + " (" + o.style() + "): rendered but not loadable: " + e, e);
            return;
          }
          assertThat(parsed.render()).as(label).isEqualTo(JailConf.parse(parsed.render()).render());
          field.check().accept(effective, v);
        }
      }
      summary.add(field.name() + " " + accepted + "/" + HostileInput.COUNT);
    }
    System.out.println("JailConfHostileInputTest accepted: " + summary);
  }

  @Test
  void everyAstValueNameAndJailNameComesBackExactlyThroughWriterParserAndEvaluator() {
    for (int kind = 0; kind < 3; kind++) {
      long fieldSeed = 200 + kind;
      for (int start = 0; start < HostileInput.COUNT; start += BATCH) {
        int end = Math.min(HostileInput.COUNT, start + BATCH);
        List<JailConfStatement> top = new ArrayList<>();
        List<JailConfStatement> body = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = start; i < end; i++) {
          String v = HostileInput.value(fieldSeed, i);
          if (v.indexOf('\0') >= 0) {
            // No jail.conf text can carry a NUL: the AST or the writer refuses it.
            assertRefusesNul(kind, v, HostileInput.label("ast " + kind, fieldSeed, i, v));
            continue;
          }
          if (kind == 2 && v.indexOf('*') >= 0) {
            continue; // a name with '*' is a wildcard section, not a jail
          }
          kept.add(i);
          switch (kind) {
            case 0 -> body.add(JailConfParameter.set("p" + i, v));
            case 1 -> body.add(JailConfParameter.set("p" + i + "." + v, "x"));
            default ->
                top.add(
                    JailConfJail.of("j" + i + "_" + v, List.of(JailConfParameter.set("k", "v"))));
          }
        }
        if (kind < 2) {
          top.add(JailConfJail.of("j", body));
        }
        String text = JailConf.of(top).render();
        JailConf parsed = JailConf.parse(text);
        assertThat(parsed.render()).as("batch %d..%d of kind %d", start, end, kind).isEqualTo(text);
        for (int i : kept) {
          String v = HostileInput.value(fieldSeed, i);
          String label = HostileInput.label("ast " + kind, fieldSeed, i, v);
          switch (kind) {
            case 0 ->
                assertThat(parsed.effectiveParameters("j").get("p" + i))
                    .as(label)
                    .containsExactly(v);
            case 1 ->
                assertThat(parsed.effectiveParameters("j").get("p" + i + "." + v))
                    .as(label)
                    .containsExactly("x");
            default -> {
              Map<String, List<String>> eff = parsed.effectiveParameters("j" + i + "_" + v);
              assertThat(eff.get("name")).as(label).containsExactly("j" + i + "_" + v);
              assertThat(eff.get("k")).as(label).containsExactly("v");
            }
          }
        }
      }
    }
  }

  private static void assertRefusesNul(int kind, String v, String label) {
    try {
      JailConfStatement s =
          kind == 0
              ? JailConfParameter.set("p", v)
              : kind == 1
                  ? JailConfParameter.set("p." + v, "x")
                  : JailConfJail.of("j" + v, List.of());
      JailConf.of(List.of(kind < 2 ? JailConfJail.of("j", List.of(s)) : s)).render();
    } catch (IllegalArgumentException | VnetJailException e) {
      assertThat(e.getMessage()).as(label).containsIgnoringCase("NUL");
      return;
    }
    fail(label + ": a NUL byte was written into jail.conf text");
  }
}
