package io.github.vnetjail.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vnetjail.render.JailConf;
import io.github.vnetjail.render.JailConfEvaluation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
  static final String SEED =
      "my-vnet-jail {\n"
          + "  vnet;\n"
          + "  vnet.interface = \"${epair}b\";\n"
          + "  $id = \"154\";\n"
          + "  $ip = \"192.168.1.${id}/24\";\n"
          + "  $gateway = \"192.168.1.1\";\n"
          + "  $bridge = \"bridge0\";\n"
          + "  $epair = \"epair${id}\";\n"
          + "  exec.prestart  = \"/sbin/ifconfig ${epair} create up\";\n"
          + "  exec.prestart += \"/sbin/ifconfig ${epair}a up descr jail:${name}\";\n"
          + "  exec.prestart += \"/sbin/ifconfig ${bridge} addm ${epair}a up\";\n"
          + "  exec.start    += \"/sbin/ifconfig ${epair}b ${ip} up\";\n"
          + "  exec.start    += \"/sbin/route add default ${gateway}\";\n"
          + "  exec.poststop = \"/sbin/ifconfig ${bridge} deletem ${epair}a\";\n"
          + "  exec.poststop += \"/sbin/ifconfig ${epair}a destroy\";\n"
          + "}\n";

  @TempDir Path dir;

  private String file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p.toString();
  }

  @Test
  void printsTheSeedJailsEffectiveParametersAsJson() throws Exception {
    CliRun r = CliRun.of("show", "--format", "json", file("jail.conf", SEED));

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            "[{\"jail\":\"my-vnet-jail\",\"params\":["
                + "[\"name\",[\"my-vnet-jail\"]],"
                + "[\"vnet\",[]],"
                + "[\"vnet.interface\",[\"epair154b\"]],"
                + "[\"exec.prestart\",[\"/sbin/ifconfig epair154 create up\","
                + "\"/sbin/ifconfig epair154a up descr jail:my-vnet-jail\","
                + "\"/sbin/ifconfig bridge0 addm epair154a up\"]],"
                + "[\"exec.start\",[\"/sbin/ifconfig epair154b 192.168.1.154/24 up\","
                + "\"/sbin/route add default 192.168.1.1\"]],"
                + "[\"exec.poststop\",[\"/sbin/ifconfig bridge0 deletem epair154a\","
                + "\"/sbin/ifconfig epair154a destroy\"]]]}]\n");
  }

  @Test
  void printsJailsInJailOrderWithWildcardDefaultsMerged() throws Exception {
    String conf =
        "path = \"/usr/jails/$name\";\n"
            + "b { persist; }\n"
            + "a { host.hostname = \"$name.example\"; }\n"
            + "\"*\" { allow.raw_sockets; }\n";
    CliRun r = CliRun.of("show", "--format", "json", file("jail.conf", conf));

    assertThat(r.exitCode()).isZero();
    List<?> parsed = new ObjectMapper().readValue(r.out(), List.class);
    assertThat(parsed).hasSize(2);
    assertThat(r.out())
        .startsWith("[{\"jail\":\"b\",\"params\":[[\"name\",[\"b\"]],[\"path\",[\"/usr/jails/b\"]]")
        .contains("{\"jail\":\"a\",")
        .contains("[\"host.hostname\",[\"a.example\"]]")
        .contains("[\"allow.raw_sockets\",[]]");
  }

  @Test
  void textOutputParsesBackToTheSameParameters() throws Exception {
    CliRun r = CliRun.of("show", file("jail.conf", SEED));

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("my-vnet-jail {").contains("vnet.interface = \"epair154b\";");
    assertThat(effective(JailConf.parse(r.out()))).isEqualTo(effective(JailConf.parse(SEED)));
  }

  @Test
  void textOutputParsesBackForHostileValuesFromASeededGenerator() throws Exception {
    Random random = new Random(20261204L);
    String alphabet = "ab$\"'\\{};,=#/* \t\n+x.-_0";
    for (int round = 0; round < 200; round++) {
      StringBuilder conf = new StringBuilder();
      int jails = 1 + random.nextInt(3);
      for (int j = 0; j < jails; j++) {
        conf.append("\"j").append(j).append(" x\" {\n");
        int params = random.nextInt(4);
        for (int p = 0; p < params; p++) {
          conf.append("  p").append(p).append(random.nextBoolean() ? " = " : " += ");
          int values = 1 + random.nextInt(3);
          for (int v = 0; v < values; v++) {
            if (v > 0) {
              conf.append(", ");
            }
            StringBuilder s = new StringBuilder();
            for (int c = random.nextInt(8); c > 0; c--) {
              s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // Single quotes: no expansion; escape the quote and the backslash.
            conf.append('\'')
                .append(s.toString().replace("\\", "\\\\").replace("'", "\\'"))
                .append('\'');
          }
          conf.append(";\n");
        }
        conf.append("}\n");
      }
      CliRun r = CliRun.of("show", file("jail.conf", conf.toString()));
      assertThat(r.exitCode()).as(conf.toString()).isZero();
      assertThat(effective(JailConf.parse(r.out())))
          .as(conf.toString())
          .isEqualTo(effective(JailConf.parse(conf.toString())));
    }
  }

  @Test
  void textOutputOfAJailNamedByItsJidParsesBack() throws Exception {
    String conf = "5 { path = /j/five; }\n\"my jail\" { persist; }\n";
    CliRun r = CliRun.of("show", file("jail.conf", conf));

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).doesNotContain("jid =").doesNotContain("name =");
    assertThat(effective(JailConf.parse(r.out()))).isEqualTo(effective(JailConf.parse(conf)));
  }

  @Test
  void readsStandardInputForDash() {
    java.io.InputStream old = System.in;
    System.setIn(
        new java.io.ByteArrayInputStream("a { b = c; }\n".getBytes(StandardCharsets.UTF_8)));
    try {
      CliRun r = CliRun.of("show", "--format", "json", "-");
      assertThat(r.out())
          .isEqualTo("[{\"jail\":\"a\",\"params\":[[\"name\",[\"a\"]],[\"b\",[\"c\"]]]}]\n");
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void reportsAParseErrorLikeJailWithFileAndLineAndExitsOne() throws Exception {
    String f = file("bad.conf", "a {\n  path = /x;\n  oops oops oops\n}\n");
    CliRun r = CliRun.of("show", f);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("jail: " + f + " line 3: ").endsWith("syntax error\n");
  }

  @Test
  void reportsAFailedExpansionAndStillPrintsTheOtherJailsWithExitTwo() throws Exception {
    String f = file("jail.conf", "good { path = /j/good; }\nbad { path = \"$nope\"; }\n");
    CliRun r = CliRun.of("show", "--format", "json", f);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("jail: bad: path: variable \"nope\" not found\n");
    assertThat(r.out())
        .isEqualTo(
            "[{\"jail\":\"good\",\"params\":[[\"name\",[\"good\"]],[\"path\",[\"/j/good\"]]]}]\n");
  }

  @Test
  void saysWhenTheFileDoesNotExist() {
    CliRun r = CliRun.of("show", dir.resolve("missing.conf").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("missing.conf: no such file");
  }

  private static List<Map<String, Object>> effective(JailConf conf) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JailConfEvaluation.Jail j : conf.evaluate().jails()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("jail", j.name());
      m.put("params", j.parameters());
      m.put("messages", j.messages());
      out.add(m);
    }
    return out;
  }
}
