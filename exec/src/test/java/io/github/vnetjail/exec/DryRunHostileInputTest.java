package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.vnetjail.core.VnetJailException;
import io.github.vnetjail.core.testing.HostileInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HostileInput#COUNT} hostile argv words, standard inputs and file contents through {@link
 * DryRunExecutor#script()}, run by a real {@code sh} in which the program is a function that echoes
 * its arguments (or input) NUL-terminated: one sh per batch, and every value must come out exactly.
 * A value with a NUL byte is refused, by {@link Command} or by {@code script()}.
 */
class DryRunHostileInputTest {
  private static final int BATCH = 2_000;
  private static final String STUB = "vnetjail_stub";

  /** Functions shadow programs, so no process starts per command. */
  private static final String PRELUDE =
      STUB
          + "() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\n"
          + STUB
          + "_in() { printf '%s\\0' \"$1\"; cat; printf '\\0'; }\n";

  @TempDir Path tmp;

  @Test
  void everyArgvWordReachesTheProgramExactly() throws Exception {
    long fieldSeed = 400;
    for (int start = 0; start < HostileInput.COUNT; start += BATCH) {
      int end = Math.min(HostileInput.COUNT, start + BATCH);
      DryRunExecutor dry = CommandExecutors.dryRun();
      List<String> expected = new ArrayList<>();
      for (int i = start; i < end; i++) {
        String v = HostileInput.value(fieldSeed, i);
        String label = HostileInput.label("argv", fieldSeed, i, v);
        if (v.indexOf('\0') >= 0) {
          Throwable t = catchThrowable(() -> Command.of(STUB, v));
          assertThat(t).as(label).isInstanceOf(IllegalArgumentException.class);
          assertThat(t.getMessage()).as(label).contains("NUL");
          continue;
        }
        dry.execute(Command.of(STUB, Integer.toString(i), v));
        expected.add(Integer.toString(i));
        expected.add(v);
      }
      List<String> out = runScript(dry.script());
      assertEachPair(out, expected, fieldSeed, "argv");
    }
  }

  @Test
  void everyStandardInputReachesTheProgramExactly() throws Exception {
    long fieldSeed = 401;
    for (int start = 0; start < HostileInput.COUNT; start += BATCH) {
      int end = Math.min(HostileInput.COUNT, start + BATCH);
      DryRunExecutor dry = CommandExecutors.dryRun();
      List<String> expected = new ArrayList<>();
      for (int i = start; i < end; i++) {
        // Half the inputs end in a newline, so the here-document path runs as well as printf.
        String v = HostileInput.value(fieldSeed, i) + (i % 2 == 0 ? "\n" : "");
        String label = HostileInput.label("stdin", fieldSeed, i, v);
        if (v.indexOf('\0') >= 0) {
          DryRunExecutor alone = CommandExecutors.dryRun();
          alone.execute(Command.builder().addArgv(STUB + "_in").stdin(v).build());
          Throwable t = catchThrowable(alone::script);
          assertThat(t).as(label).isInstanceOf(VnetJailException.class);
          assertThat(t.getMessage()).as(label).contains("NUL");
          continue;
        }
        dry.execute(Command.builder().addArgv(STUB + "_in", Integer.toString(i)).stdin(v).build());
        expected.add(Integer.toString(i));
        expected.add(v);
      }
      List<String> out = runScript(dry.script());
      assertEachPair(out, expected, fieldSeed, "stdin");
    }
  }

  @Test
  void everyFileContentIsWrittenExactly() throws Exception {
    long fieldSeed = 402;
    Path dir = Files.createDirectories(tmp.resolve("root"));
    // Each write runs a few processes (sh -c, mv, ...): a tenth of the count keeps this cheap.
    int count = Math.max(1, HostileInput.COUNT / 10);
    for (int start = 0; start < count; start += BATCH) {
      int end = Math.min(count, start + BATCH);
      DryRunExecutor dry = CommandExecutors.dryRun();
      List<Integer> kept = new ArrayList<>();
      for (int i = start; i < end; i++) {
        String v = HostileInput.value(fieldSeed, i);
        if (v.indexOf('\0') >= 0) {
          continue; // the argv and stdin tests cover NUL refusal
        }
        dry.files().writeAtomically(dir.resolve("f" + i).toString(), v);
        kept.add(i);
      }
      runScript(dry.script());
      for (int i : kept) {
        String v = HostileInput.value(fieldSeed, i);
        assertThat(Files.readAllBytes(dir.resolve("f" + i)))
            .as(HostileInput.label("file content", fieldSeed, i, v))
            .isEqualTo(v.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void assertEachPair(
      List<String> out, List<String> expected, long fieldSeed, String field) {
    for (int k = 0; k < expected.size(); k += 2) {
      int i = Integer.parseInt(expected.get(k));
      String label = HostileInput.label(field, fieldSeed, i, expected.get(k + 1));
      assertThat(out.size()).as(label + ": output ended early").isGreaterThan(k + 1);
      assertThat(out.get(k)).as(label + ": command order").isEqualTo(expected.get(k));
      assertThat(out.get(k + 1)).as(label).isEqualTo(expected.get(k + 1));
    }
    assertThat(out).hasSameSizeAs(expected);
  }

  /** Runs the script with the stub functions defined; returns its NUL-terminated output fields. */
  private List<String> runScript(String script) throws IOException, InterruptedException {
    Path file = Files.writeString(tmp.resolve("run.sh"), PRELUDE + script, StandardCharsets.UTF_8);
    Path err = tmp.resolve("stderr");
    Process p =
        new ProcessBuilder("sh", file.toString())
            .directory(tmp.toFile())
            .redirectError(err.toFile())
            .start();
    p.getOutputStream().close();
    byte[] bytes;
    try (var stdout = p.getInputStream()) {
      bytes = stdout.readAllBytes();
    }
    assertThat(p.waitFor()).as("sh exit status; stderr: %s", Files.readString(err)).isZero();
    assertThat(Files.readString(err)).as("sh stderr").isEmpty();
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> fields = new ArrayList<>(List.of(text.split("\0", -1)));
    assertThat(fields.remove(fields.size() - 1)).as("output ends with a NUL").isEmpty();
    return fields;
  }
}
