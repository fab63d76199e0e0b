package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.vnetjail.core.DevfsRuleset;
import io.github.vnetjail.core.ValidationException;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.core.testing.HostileInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link HostileInput#COUNT} hostile values through {@link RcConf#set} and {@link RcConf#addWord},
 * each checked by a real {@code sh} sourcing the rendered file (one sh per batch of values): a
 * value is refused with an {@link RcConfException} that names the variable, or sh sees exactly that
 * value, and so does {@link RcConf#get} on the re-parsed text.
 */
class RcConfHostileInputTest {
  private static final int BATCH = 1_000;

  /** Lines that already assign some of the names, in each quoting style sysrc meets. */
  private static String existing(int start, int end) {
    StringBuilder s = new StringBuilder("# rc.conf with old values\n");
    for (int i = start; i < end; i++) {
      switch (i % 4) {
        case 0 -> s.append("v").append(i).append("=\"old value\" # keep me\n");
        case 1 -> s.append("  v").append(i).append("='old'\n");
        case 2 -> s.append("v").append(i).append("=old\n");
        default -> {} // appended by set
      }
    }
    return s.toString();
  }

  @Test
  void everyValueSetIsRefusedOrSourcedBackExactlyBySh() throws Exception {
    long fieldSeed = 300;
    int accepted = 0;
    for (int start = 0; start < HostileInput.COUNT; start += BATCH) {
      int end = Math.min(HostileInput.COUNT, start + BATCH);
      RcConf rc = RcConf.parse(existing(start, end));
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = start; i < end; i++) {
        String v = HostileInput.value(fieldSeed, i);
        String name = "v" + i;
        String label = HostileInput.label("RcConf.set value", fieldSeed, i, v);
        boolean oneLine = v.indexOf('\n') < 0 && v.indexOf('\r') < 0 && v.indexOf('\0') < 0;
        try {
          rc = rc.set(name, v);
        } catch (RcConfException e) {
          assertThat(oneLine).as(label + " refused: " + e.getMessage()).isFalse();
          assertThat(e.getMessage()).as(label).contains(name);
          continue;
        }
        assertThat(oneLine).as(label + " accepted").isTrue();
        expected.put(name, v);
      }
      accepted += expected.size();
      String text = rc.render();
      assertThat(text).as("batch %d: the old comment stays", start).contains("# keep me");
      RcConf reparsed = RcConf.parse(text);
      Map<String, Optional<String>> seen =
          RcConfShell.source(text, new ArrayList<>(expected.keySet()));
      for (Map.Entry<String, String> e : expected.entrySet()) {
        int i = Integer.parseInt(e.getKey().substring(1));
        String label = HostileInput.label("RcConf.set value", fieldSeed, i, e.getValue());
        assertThat(seen.get(e.getKey())).as(label + " sourced by sh").contains(e.getValue());
        assertThat(reparsed.get(e.getKey())).as(label + " RcConf.get").contains(e.getValue());
      }
    }
    assertThat(accepted).isGreaterThan(HostileInput.COUNT / 2);
  }

  @Test
  void everyWordAddedIsRefusedOrSourcedBackAsOneWordOfTheList() throws Exception {
    long fieldSeed = 301;
    for (int start = 0; start < HostileInput.COUNT; start += BATCH) {
      int end = Math.min(HostileInput.COUNT, start + BATCH);
      RcConf rc = RcConf.parse("cloned_interfaces=\"bridge0\"\n");
      List<String> words = new ArrayList<>(List.of("bridge0"));
      for (int i = start; i < end; i++) {
        String w = HostileInput.value(fieldSeed, i);
        String label = HostileInput.label("RcConf.addWord", fieldSeed, i, w);
        try {
          rc = rc.addWord("cloned_interfaces", w);
        } catch (RcConfException e) {
          assertThat(e.getMessage()).as(label).contains("cloned_interfaces");
          if (w.matches("(?s).*[ \t\n].*|")) {
            // several words or none
            assertThat(e.getMessage())
                .as(label)
                .startsWith("cannot add " + ShellQuoting.describe(w) + " to the list in")
                .endsWith("call addWord(\"cloned_interfaces\", word) once for each word");
          } else {
            // one word, but no rc.conf value can hold it
            assertThat(w).as(label + " refused: " + e.getMessage()).matches("(?s).*[\r\0].*");
          }
          continue;
        }
        assertThat(w).as(label + " accepted").doesNotMatch("(?s).*[ \t\n\r\0].*|");
        if (!words.contains(w)) {
          words.add(w);
        }
      }
      String text = rc.render();
      Optional<String> seen =
          RcConfShell.source(text, List.of("cloned_interfaces")).get("cloned_interfaces");
      assertThat(seen).as("batch %d", start).contains(String.join(" ", words));
    }
  }

  @Test
  void everyHostileVariableNameIsRefusedWithTheName() {
    long fieldSeed = 302;
    for (int i = 0; i < HostileInput.COUNT; i++) {
      String n = HostileInput.value(fieldSeed, i);
      String label = HostileInput.label("RcConf.set name", fieldSeed, i, n);
      boolean valid = n.matches("[A-Za-z_][A-Za-z0-9_]*");
      try {
        RcConf rc = RcConf.empty().set(n, "x");
        assertThat(valid).as(label + " accepted").isTrue();
        assertThat(rc.get(n)).as(label).contains("x");
      } catch (RcConfException e) {
        assertThat(valid).as(label + " refused").isFalse();
        assertThat(e.getMessage()).as(label).contains("is not an sh variable name");
      } catch (RuntimeException e) {
        fail(label + ": threw " + e + " instead of an RcConfException", e);
      }
    }
  }

  /**
   * The jail's own rc.conf from {@link JailRcConfRenderer}: a pf rules path is refused by the model
   * or sourced back exactly as {@code pf_rules}. One sh per batch: each rendered file is followed
   * by a printf of {@code $pf_rules}.
   */
  @Test
  void everyPfRulesPathIsRefusedOrSourcedBackExactlyFromTheJailsRcConf() throws Exception {
    long fieldSeed = 303;
    for (int start = 0; start < HostileInput.COUNT; start += BATCH) {
      int end = Math.min(HostileInput.COUNT, start + BATCH);
      StringBuilder script = new StringBuilder();
      List<String> expected = new ArrayList<>();
      List<Integer> indexes = new ArrayList<>();
      for (int i = start; i < end; i++) {
        String v = "/etc/" + HostileInput.value(fieldSeed, i);
        String label = HostileInput.label("pfRules", fieldSeed, i, v);
        VnetJail jail;
        try {
          jail =
              VnetJail.builder()
                  .name("web")
                  .id(7)
                  .bridge("bridge0")
                  .ip("192.168.1.7/24")
                  .devfsRuleset(DevfsRuleset.jailVnet())
                  .pfRules(v)
                  .build();
        } catch (ValidationException e) {
          assertThat(e.getMessage()).as(label).contains("pfRules");
          continue;
        }
        String text = JailRcConfRenderer.render(jail);
        assertThat(RcConf.parse(text).get("pf_rules")).as(label).contains(v);
        script.append(text).append("printf '%s\\0' \"$pf_rules\"\n");
        expected.add(v);
        indexes.add(i);
      }
      Path file = Files.createTempFile("pfrules", ".sh");
      try {
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Path errFile = Path.of(file + ".err");
        Process p =
            new ProcessBuilder("sh", file.toString()).redirectError(errFile.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as("sh: " + Files.readString(errFile)).isZero();
        assertThat(Files.readString(errFile)).as("sh stderr").isEmpty();
        Files.delete(errFile);
        String[] seen = new String(out, StandardCharsets.UTF_8).split("\0", -1);
        assertThat(seen).hasSize(expected.size() + 1);
        for (int k = 0; k < expected.size(); k++) {
          assertThat(seen[k])
              .as(HostileInput.label("pfRules (sh)", fieldSeed, indexes.get(k), expected.get(k)))
              .isEqualTo(expected.get(k));
        }
      } finally {
        Files.delete(file);
      }
    }
  }
}
