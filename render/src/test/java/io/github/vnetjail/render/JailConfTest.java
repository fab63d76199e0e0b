package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JailConfTest {

  static String resource(String name) {
    try (InputStream in = JailConfTest.class.getResourceAsStream("jailconf/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource jailconf/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, List<String>> seedEffectiveParameters() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("name", List.of("my-vnet-jail"));
    m.put("vnet", List.of());
    m.put("vnet.interface", List.of("epair154b"));
    m.put(
        "exec.prestart",
        List.of(
            "/sbin/ifconfig epair154 create up",
            "/sbin/ifconfig epair154a up descr jail:my-vnet-jail",
            "/sbin/ifconfig bridge0 addm epair154a up"));
    m.put(
        "exec.start",
        List.of(
            "/sbin/ifconfig epair154b 192.168.1.154/24 up", "/sbin/route add default 192.168.1.1"));
    m.put(
        "exec.poststop",
        List.of("/sbin/ifconfig bridge0 deletem epair154a", "/sbin/ifconfig epair154a destroy"));
    return m;
  }

  @Test
  void evaluatesTheSeedJailLikeJail8() {
    JailConf conf = JailConf.parse(resource("seed.jail.conf"));

    assertThat(conf.jailNames()).containsExactly("my-vnet-jail");
    Map<String, List<String>> eff = conf.effectiveParameters("my-vnet-jail");
    assertThat(eff).containsExactlyEntriesOf(seedEffectiveParameters());
    assertThat(eff.keySet()).containsExactlyElementsOf(seedEffectiveParameters().keySet());
  }

  @Test
  void keepsTheSeedsCommentsAndRendersStably() {
    JailConf conf = JailConf.parse(resource("seed.jail.conf"));
    String once = conf.render();
    String twice = JailConf.parse(once).render();

    assertThat(twice).isEqualTo(once);
    assertThat(once).contains("# VNET/VIMAGE", "vnet.interface = \"${epair}b\";", "$id = \"154\";");
    assertThat(JailConf.parse(once)).isEqualTo(conf);
  }

  @Test
  void reportsAMissingJailInJail8sWords() {
    JailConf conf = JailConf.parse("a { persist; }");

    assertThatThrownBy(() -> conf.effectiveParameters("b"))
        .isInstanceOf(JailConfEvaluationException.class)
        .hasMessageStartingWith("jail: \"b\" not found");
  }

  @Test
  void replacesOneBlockAndKeepsEveryOtherStatementAndComment() {
    JailConf conf = JailConf.parse("# keep me\npersist;\n\na {\n  x = 1; # note\n}\n\nb {\n}\n");
    JailConf edited =
        conf.withJail(JailConfJail.of("a", List.of(JailConfParameter.set("x", "2"))))
            .withJail(JailConfJail.of("c", List.of()));

    assertThat(edited.render())
        .isEqualTo("# keep me\npersist;\n\na {\n  x = \"2\";\n}\n\nb {\n}\n\nc {\n}\n");
    assertThat(edited.jail("a").orElseThrow().body()).hasSize(1);
    assertThat(edited.withoutJail("b").jailNames()).containsExactly("a", "c");
    assertThat(conf.jail("a").orElseThrow().body()).hasSize(2);
  }

  @Test
  void keepsItsFileNameAndDialectThroughEdits() {
    JailConf conf =
        JailConf.parse(
            "a { }",
            "/usr/local/etc/jail.conf",
            JailConfFileSource.none(),
            JailConfDialect.FREEBSD_13);
    JailConf edited = conf.withStatements(List.of(JailConfParameter.flag("persist")));

    assertThat(JailConf.parse("a { }").fileName()).isEqualTo(JailConf.DEFAULT_FILE);
    assertThat(JailConf.DEFAULT_FILE).isEqualTo("/etc/jail.conf");
    assertThat(JailConf.parse("a { }").dialect()).isEqualTo(JailConfDialect.FREEBSD_14);
    assertThat(conf.fileName()).isEqualTo("/usr/local/etc/jail.conf");
    assertThat(conf.dialect()).isEqualTo(JailConfDialect.FREEBSD_13);
    assertThat(edited.fileName()).isEqualTo("/usr/local/etc/jail.conf");
    assertThat(edited.dialect()).isEqualTo(JailConfDialect.FREEBSD_13);
    assertThat(edited.statements()).containsExactly(JailConfParameter.flag("persist"));
    assertThat(conf.withJail(JailConfJail.of("b", List.of())).fileName())
        .isEqualTo("/usr/local/etc/jail.conf");
    assertThat(conf.withoutJail("a").statements()).isEmpty();
    assertThat(conf.withoutJail("a").dialect()).isEqualTo(JailConfDialect.FREEBSD_13);
  }

  @Test
  void buildsAFileOfStatementsForEitherDialect() {
    JailConf conf = JailConf.of(List.of(JailConfJail.of("a", List.of())));
    JailConf conf13 =
        JailConf.of(List.of(JailConfJail.of("a", List.of())), JailConfDialect.FREEBSD_13);

    assertThat(conf.fileName()).isEqualTo("/etc/jail.conf");
    assertThat(conf.dialect()).isEqualTo(JailConfDialect.FREEBSD_14);
    assertThat(conf13.dialect()).isEqualTo(JailConfDialect.FREEBSD_13);
    assertThat(conf.statements()).isUnmodifiable();
    List<JailConfStatement> withNull = new java.util.ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> JailConf.of(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("statement");
  }

  @Test
  void isEqualByDialectAndStatementsAndPrintsAsItRenders() {
    JailConf conf = JailConf.parse("# c\na { persist; }\n");
    JailConf other = JailConf.parse("# c\na { persist; }\n", "/x.conf", JailConfFileSource.none());

    assertThat(conf).isEqualTo(conf).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(conf)
        .isNotEqualTo(
            JailConf.parse(
                "# c\na { persist; }\n",
                "/x.conf",
                JailConfFileSource.none(),
                JailConfDialect.FREEBSD_13));
    assertThat(conf).isNotEqualTo(JailConf.parse("# c\na { }\n"));
    assertThat(conf).isNotEqualTo("# c\na {\n  persist;\n}\n");
    assertThat(conf.hashCode()).isNotEqualTo(JailConf.parse("# c\na { }\n").hashCode());
    assertThat(conf).hasToString("# c\na {\n  persist;\n}\n");
    assertThat(conf.render()).isEqualTo("# c\na {\n  persist;\n}\n");
  }

  @Test
  void evaluatesOnceAndAnswersFromThatResult() {
    JailConf conf = JailConf.parse("b { x = 1; }\na { }");

    assertThat(conf.evaluate()).isSameAs(conf.evaluate());
    assertThat(conf.jailNames()).containsExactly("b", "a");
    assertThat(conf.effectiveParameters("b"))
        .containsExactly(Map.entry("name", List.of("b")), Map.entry("x", List.of("1")));
  }

  @Test
  void findsOnlyATopLevelBlockByItsWrittenName() {
    JailConf conf = JailConf.parse("x = 1;\nouter { inner { } }\n\"web.*\" { }\nouter { a; }");

    assertThat(conf.jail("outer")).contains((JailConfJail) conf.statements().get(1));
    assertThat(conf.jail("web.*")).contains((JailConfJail) conf.statements().get(2));
    assertThat(conf.jail("inner")).isEmpty();
    assertThat(conf.jail("outer.inner")).isEmpty();
    assertThat(conf.jail("x")).isEmpty();
    assertThat(conf.withoutJail("outer").render()).isEqualTo("x = \"1\";\n\n\"web.*\" {\n}\n");
  }
}
