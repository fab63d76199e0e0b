package io.github.vnetjail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code jbang/seed.java} with a real JBang ({@code dev.jbang:jbang-cli} from Maven Central,
 * on the test class path) offline, against the SDK installed in the local Maven repository by
 * {@code ./mvnw install}. JBang resolves the script's {@code //DEPS}, compiles it, and (exit 255)
 * prints the java command to run; the test runs that command and checks what the script prints.
 */
class JBangScriptTest {
  /**
   * The local repository Maven installs to ({@code settings.localRepository}, passed by the
   * examples POM), so the test also works with {@code -Dmaven.repo.local} or a settings.xml; {@code
   * ~/.m2/repository} when run outside Maven.
   */
  private static final Path LOCAL_REPOSITORY =
      Path.of(
          System.getProperty(
              "vnetjail.localRepository",
              Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));

  private static final Path INSTALLED_EXEC =
      LOCAL_REPOSITORY.resolve(
          "io/github/vnetjail/vnetjail-exec/0.1.0-SNAPSHOT/vnetjail-exec-0.1.0-SNAPSHOT.jar");

  @TempDir Path jbangDir;

  @Test
  void seedScriptStartsTheSeedJailOnTheSimulatedHostThroughJBang() throws Exception {
    assertThat(INSTALLED_EXEC)
        .as(
            "the JBang test resolves //DEPS from the local Maven repository: run ./mvnw -B -ntp"
                + " install (it installs core, render and exec before this test runs)")
        .exists();
    Path script = Path.of("jbang", "seed.java").toAbsolutePath();
    assertThat(script).exists();

    List<String> jbang = new ArrayList<>();
    jbang.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    jbang.add("-cp");
    jbang.add(System.getProperty("java.class.path"));
    jbang.add("dev.jbang.Main");
    jbang.add("--offline");
    jbang.add("run");
    jbang.add(script.toString());
    Result prepared = run(jbang);
    // 255: JBang's launcher protocol, "run the command printed on stdout".
    assertThat(prepared.exitCode()).as(prepared.toString()).isEqualTo(255);
    assertThat(prepared.stderr()).contains("io.github.vnetjail:vnetjail-exec:0.1.0-SNAPSHOT");
    List<String> command = words(prepared.stdout().strip());
    assertThat(command).as(prepared.stdout()).contains("seed").hasSizeGreaterThan(3);
    assertThat(String.join(" ", command)).contains("vnetjail-exec-0.1.0-SNAPSHOT.jar");

    Result seed = run(command);
    assertThat(seed.exitCode()).as(seed.toString()).isZero();
    assertThat(seed.stdout())
        .contains("my-vnet-jail {")
        .contains("vnet.interface = \"${epair}b\";")
        .contains("started my-vnet-jail (jid 1)")
        .contains("status: epair154b 192.168.1.154/24, default via 192.168.1.1")
        .contains("stopped my-vnet-jail; host interfaces: lo0 em0 bridge0");
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("JBANG_DIR", jbangDir.toString());
    // JBang resolves //DEPS from JBANG_REPO (default ~/.m2/repository)
    pb.environment().put("JBANG_REPO", LOCAL_REPOSITORY.toString());
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Path out = Files.createTempFile(jbangDir, "out", ".txt");
    Path err = Files.createTempFile(jbangDir, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("did not finish in 5 minutes: " + command);
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Splits the command line JBang prints (POSIX sh quoting, as it quotes on Linux). */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          w.append(line.charAt(++i));
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        w.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }
}
