package io.github.vnetjail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.vnetjail.core.testing.HostileInput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every user-supplied string of the model, {@link HostileInput#COUNT} hostile values each: a value
 * is either refused when the model is built, by a {@link ValidationException} with a problem that
 * names the field, or accepted and given back exactly by the model's accessor. Nothing else (no
 * {@code IllegalArgumentException}, no {@code NullPointerException}, no silent change) is allowed.
 */
class ModelHostileInputTest {

  /** A field: its name in problems, how to build a model with the value, and what comes back. */
  private record Field(String name, String problemField, Function<String, Object> build) {}

  private static VnetJail.Builder vnet() {
    return VnetJail.builder()
        .name("web")
        .id(7)
        .bridge("bridge0")
        .ip("192.168.1.7/24")
        .gateway("192.168.1.1");
  }

  private static PlainJail.Builder plain() {
    return PlainJail.builder().name("old").addAlias("em0|192.168.1.9/24");
  }

  private static HostConfig.Builder host() {
    return HostConfig.builder()
        .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
        .addJail(vnet().build());
  }

  /** Paths get an absolute prefix, so that the generator's values reach the accepting path too. */
  private static String under(String prefix, String path) {
    assertThat(path).startsWith(prefix);
    return path.substring(prefix.length());
  }

  private static List<Field> fields() {
    List<Field> f = new ArrayList<>();
    f.add(new Field("VnetJail.name", "name", v -> vnet().name(v).build().name()));
    f.add(
        new Field(
            "VnetJail.hostname", "hostname", v -> vnet().hostname(v).build().hostname().get()));
    f.add(
        new Field(
            "VnetJail.path", "path", v -> under("/j/", vnet().path("/j/" + v).build().path())));
    f.add(new Field("VnetJail.bridge", "bridge", v -> vnet().bridge(v).build().bridge()));
    f.add(
        new Field(
            "VnetJail.depend", "depend[0]", v -> vnet().addDepend(v).build().depend().get(0)));
    f.add(
        new Field(
            "VnetJail.hook",
            "hooks[0]",
            v -> vnet().addHook(Hook.POSTSTART, v).build().hooks().get(0).command()));
    f.add(
        new Field(
            "VnetJail.rawParameter name",
            "rawParameters[",
            v ->
                vnet().putRawParameter(v, "1").build().rawParameters().keySet().iterator().next()));
    f.add(
        new Field(
            "VnetJail.rawParameter value",
            "rawParameters[securelevel]",
            v ->
                vnet()
                    .putRawParameter("securelevel", v)
                    .build()
                    .rawParameters()
                    .get("securelevel")
                    .get(0)));
    f.add(
        new Field(
            "VnetJail.mountFstab",
            "mountFstab",
            v -> under("/etc/", vnet().mountFstab("/etc/" + v).build().mountFstab().get())));
    f.add(
        new Field(
            "VnetJail.pfRules",
            "pfRules",
            v ->
                under(
                    "/etc/",
                    vnet()
                        .devfsRuleset(DevfsRuleset.jailVnet())
                        .pfRules("/etc/" + v)
                        .build()
                        .pfRules()
                        .get())));
    f.add(new Field("VnetJail.dnsName", "dnsName", v -> vnet().dnsName(v).build().dnsName().get()));
    f.add(
        new Field(
            "Mount source",
            "mount",
            v ->
                vnet()
                    .addMount(Mount.of(v, "/jails/web/data", "nullfs"))
                    .build()
                    .mounts()
                    .get(0)
                    .source()));
    f.add(
        new Field(
            "Mount mount point",
            "mount",
            v ->
                under(
                    "/jails/web/",
                    vnet()
                        .addMount(Mount.of("/data", "/jails/web/" + v, "nullfs"))
                        .build()
                        .mounts()
                        .get(0)
                        .mountPoint())));
    f.add(
        new Field(
            "Mount type",
            "mount",
            v ->
                vnet()
                    .addMount(Mount.of("/data", "/jails/web/data", v))
                    .build()
                    .mounts()
                    .get(0)
                    .type()));
    f.add(
        new Field(
            "Mount options",
            "mount",
            v ->
                vnet()
                    .addMount(Mount.of("/data", "/jails/web/data", "nullfs", v))
                    .build()
                    .mounts()
                    .get(0)
                    .options()
                    .orElse("")));
    f.add(
        new Field(
            "VnetJail.addMount line",
            "mounts[",
            v -> {
              Mount m = vnet().addMount(v).build().mounts().get(0);
              // the first four words of the line, as jail(8) reads them
              List<String> words = List.of(v.strip().split("[ \t]+"));
              String expected = String.join(" ", words.subList(0, Math.min(4, words.size())));
              return m.fstabLine().equals(expected) ? v : m.fstabLine();
            }));
    f.add(
        new Field(
            "PlainJail.addMount line",
            "mounts[",
            v -> {
              plain().addMount(v).build();
              return v; // parsed: the vnet field above checks what is kept
            }));
    f.add(
        new Field(
            "VnetJail.route destination",
            "routes[",
            v -> {
              vnet().addRoute(v, "192.168.1.254").build();
              return v; // parsed into a Cidr; only the refusal is checked here
            }));
    f.add(
        new Field(
            "VnetJail.ip",
            "ip",
            v -> {
              vnet().ip(v).build();
              return v;
            }));
    f.add(
        new Field(
            "VnetJail.gateway",
            "gateway",
            v -> {
              vnet().gateway(v).build();
              return v;
            }));
    f.add(
        new Field(
            "VnetJail.hostMac",
            "hostMac",
            v -> {
              vnet().hostMac(v).build();
              return v;
            }));
    f.add(new Field("PlainJail.name", "name", v -> plain().name(v).build().name()));
    f.add(
        new Field(
            "PlainJail.hostname", "hostname", v -> plain().hostname(v).build().hostname().get()));
    f.add(
        new Field(
            "PlainJail.path", "path", v -> under("/j/", plain().path("/j/" + v).build().path())));
    f.add(
        new Field(
            "PlainJail.depend", "depend[0]", v -> plain().addDepend(v).build().depend().get(0)));
    f.add(
        new Field(
            "PlainJail.hook",
            "hooks[0]",
            v -> plain().addHook(Hook.PRESTART, v).build().hooks().get(0).command()));
    f.add(
        new Field(
            "PlainJail.rawParameter value",
            "rawParameters[securelevel]",
            v ->
                plain()
                    .putRawParameter("securelevel", v)
                    .build()
                    .rawParameters()
                    .get("securelevel")
                    .get(0)));
    f.add(new Field("Bridge.name", "name", v -> Bridge.builder().name(v).build().name()));
    f.add(
        new Field(
            "Bridge.member",
            "members",
            v -> Bridge.builder().name("bridge0").addMember(v).build().members().get(0)));
    // A long parent makes the derived interface name PARENT.TAG too long: reported as "name".
    f.add(
        new Field(
            "Vlan.parent", "parent|name", v -> Vlan.builder().parent(v).tag(10).build().parent()));
    f.add(
        new Field(
            "HostConfig.uplink", "uplinks", v -> host().addUplink(v).build().uplinks().get(0)));
    f.add(
        new Field(
            "HostConfig default name",
            "defaults[",
            v -> host().putDefault(v, "1").build().defaults().keySet().iterator().next()));
    f.add(
        new Field(
            "HostConfig default value",
            "defaults[exec.timeout]",
            v ->
                host()
                    .putDefault("exec.timeout", v)
                    .build()
                    .defaults()
                    .get("exec.timeout")
                    .get(0)));
    return f;
  }

  @Test
  void everyModelStringIsRefusedNamingTheFieldOrKeptExactly() {
    List<String> summary = new ArrayList<>();
    long fieldSeed = 0;
    for (Field field : fields()) {
      fieldSeed++;
      int accepted = 0;
      for (int i = 0; i < HostileInput.COUNT; i++) {
        String v = HostileInput.value(fieldSeed, i);
        String label = HostileInput.label(field.name(), fieldSeed, i, v);
        Object back;
        try {
          back = field.build().apply(v);
        } catch (ValidationException e) {
          // problemField lists the acceptable field prefixes, separated by '|'
          List<String> prefixes = List.of(field.problemField().split("\\|"));
          assertThat(e.problems())
              .as(label)
              .anySatisfy(
                  p -> assertThat(prefixes.stream().anyMatch(p.field()::startsWith)).isTrue());
          assertThat(prefixes.stream().anyMatch(e.getMessage()::contains)).as(label).isTrue();
          // The message is one line per problem and carries no raw control byte.
          assertThat(e.getMessage().chars().filter(c -> c < 0x20 && c != '\n')).as(label).isEmpty();
          continue;
        } catch (RuntimeException e) {
          fail(label + ": threw " + e + " instead of a ValidationException naming the field", e);
          return;
        }
        assertThat(back).as(label).isEqualTo(v);
        accepted++;
      }
      summary.add(field.name() + " " + accepted + "/" + HostileInput.COUNT);
    }
    System.out.println("ModelHostileInputTest accepted: " + summary);
  }

  /**
   * The fields of {@link Mount#of} are joined into one fstab line: a field holding blanks must not
   * shift its words into the next fields ({@code "/a /jails/web/b nullfs"} as the source would
   * otherwise become source, mount point and type, and the real mount point the options).
   */
  @Test
  void mountFieldsWithBlanksAreRefusedNotShiftedIntoOtherFields() {
    List<String> tokens = List.of("/a", "/jails/web/b", "nullfs", "ro", "rw,noatime", "0", "tmpfs");
    long fieldSeed = 99;
    java.util.Random r = new java.util.Random(HostileInput.SEED ^ fieldSeed);
    for (int i = 0; i < HostileInput.COUNT; i++) {
      StringBuilder sb = new StringBuilder(tokens.get(r.nextInt(tokens.size())));
      int extra = r.nextInt(4);
      for (int k = 0; k < extra; k++) {
        sb.append(r.nextBoolean() ? " " : "\t");
        sb.append(tokens.get(r.nextInt(tokens.size())));
      }
      String v = sb.toString();
      int slot = r.nextInt(4);
      String[] f = {"/data", "/jails/web/data", "nullfs", "ro"};
      f[slot] = v;
      String label = HostileInput.label("Mount.of field " + slot, fieldSeed, i, v);
      Mount m;
      try {
        m = Mount.of(f[0], f[1], f[2], f[3]);
      } catch (ValidationException e) {
        assertThat(e.getMessage()).as(label).contains("mount");
        continue;
      }
      assertThat(List.of(m.source(), m.mountPoint(), m.type(), m.options().orElse("")))
          .as(label)
          .containsExactly(f[0], f[1], f[2], f[3]);
    }
  }
}
