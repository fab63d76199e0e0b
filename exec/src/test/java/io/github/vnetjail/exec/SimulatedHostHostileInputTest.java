package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HostileInput#COUNT} hostile values through the simulated host: an interface description
 * set with {@code ifconfig IF descr VALUE} is read back exactly (or refused as the kernel refuses
 * it), and a value set with {@code sysrc NAME=VALUE} is read back by {@code sysrc -n} and, from the
 * simulated /etc/rc.conf, by a real {@code sh}.
 */
class SimulatedHostHostileInputTest {
  private static final int BATCH = 500;
  // sys/net/if.c: net.ifdescr_maxlen (1024) counts the terminating NUL.
  private static final int IFDESCR_MAXLEN = 1024;

  @TempDir Path tmp;

  @Test
  void everyInterfaceDescriptionIsReadBackExactlyOrRefusedAsTheKernelDoes() {
    long fieldSeed = 500;
    SimulatedHost host = SimulatedHost.create();
    assertThat(host.execute(Command.of("ifconfig", "epair0", "create")).exitCode()).isZero();
    int tooLong = 0;
    for (int i = 0; i < HostileInput.COUNT; i++) {
      String v = HostileInput.value(fieldSeed, i);
      String label = HostileInput.label("ifconfig descr", fieldSeed, i, v);
      if (v.indexOf('\0') >= 0) {
        continue; // no argv can hold a NUL: Command refuses it (see DryRunHostileInputTest)
      }
      ExecResult r = host.execute(Command.of("ifconfig", "epair0a", "descr", v));
      if (v.getBytes(StandardCharsets.UTF_8).length + 1 > IFDESCR_MAXLEN) {
        assertThat(r.exitCode()).as(label + ": " + r).isEqualTo(1);
        assertThat(r.stderr())
            .as(label)
            .isEqualTo("ifconfig: ioctl SIOCSIFDESCR (set descr): File name too long\n");
        tooLong++;
        continue;
      }
      assertThat(r.exitCode()).as(label + ": " + r).isZero();
      assertThat(description(host, "epair0a"))
          .as(label)
          .isEqualTo(v.isEmpty() ? Optional.empty() : Optional.of(v));
    }
    assertThat(tooLong).as("values over the kernel's limit were tried").isPositive();
  }

  private static Optional<String> description(SimulatedHost host, String name) {
    return host.state().host().interfaces().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow()
        .description();
  }

  @Test
  void everySysrcValueIsReadBackBySysrcAndByShOrRefused() throws Exception {
    long fieldSeed = 501;
    for (int start = 0; start < HostileInput.COUNT; start += BATCH) {
      int end = Math.min(HostileInput.COUNT, start + BATCH);
      SimulatedHost host = SimulatedHost.create();
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = start; i < end; i++) {
        String v = HostileInput.value(fieldSeed, i);
        String label = HostileInput.label("sysrc value", fieldSeed, i, v);
        if (v.indexOf('\0') >= 0) {
          continue; // no argv can hold a NUL
        }
        String name = "v" + i;
        ExecResult r = host.execute(Command.of("sysrc", name + "=" + v));
        if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
          // one rc.conf line cannot hold it: refused, the file untouched
          assertThat(r.exitCode()).as(label + ": " + r).isNotZero();
          assertThat(r.stderr()).as(label).startsWith("sysrc: ").contains(name);
          continue;
        }
        assertThat(r.exitCode()).as(label + ": " + r).isZero();
        ExecResult back = host.execute(Command.of("sysrc", "-n", name));
        assertThat(back.stdout()).as(label).isEqualTo(v + "\n");
        expected.put(name, v);
      }
      String rcConf = host.state().files().getOrDefault("/etc/rc.conf", "");
      Map<String, String> seen = source(rcConf, new ArrayList<>(expected.keySet()));
      for (Map.Entry<String, String> e : expected.entrySet()) {
        int i = Integer.parseInt(e.getKey().substring(1));
        assertThat(seen.get(e.getKey()))
            .as(HostileInput.label("sysrc value (sh)", fieldSeed, i, e.getValue()))
            .isEqualTo(e.getValue());
      }
    }
  }

  /** What a real sh sees for each name after sourcing {@code rcConf}. */
  private Map<String, String> source(String rcConf, List<String> names) throws Exception {
    Path file = Files.writeString(tmp.resolve("rc.conf"), rcConf, StandardCharsets.UTF_8);
    StringBuilder script = new StringBuilder(". ").append(file).append('\n');
    for (String name : names) {
      script.append("printf '%s\\0' \"$").append(name).append("\"\n");
    }
    Path scriptFile = Files.writeString(tmp.resolve("print.sh"), script, StandardCharsets.UTF_8);
    ProcessBuilder pb =
        new ProcessBuilder("sh", scriptFile.toString())
            .redirectError(tmp.resolve("stderr").toFile());
    String path = pb.environment().getOrDefault("PATH", "/usr/bin:/bin");
    pb.environment().clear();
    pb.environment().put("PATH", path);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as("sh: %s", Files.readString(tmp.resolve("stderr"))).isZero();
    String[] fields = new String(out, StandardCharsets.UTF_8).split("\0", -1);
    assertThat(fields).hasSize(names.size() + 1);
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      values.put(names.get(i), fields[i]);
    }
    return values;
  }
}
