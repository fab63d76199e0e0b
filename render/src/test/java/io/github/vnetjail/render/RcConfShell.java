package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helper: sources an rc.conf with the real {@code sh} and reports what it assigned. */
final class RcConfShell {
  private RcConfShell() {}

  /**
   * Returns, for each name, the value sh gives it after {@code . ./rc.conf}, or empty when unset.
   */
  static Map<String, Optional<String>> source(String rcConf, List<String> names)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("rcconf");
    try {
      Files.writeString(dir.resolve("rc.conf"), rcConf, StandardCharsets.UTF_8);
      // A command of the file that fails (the file may hold more than assignments) is no
      // failure of the test; a syntax error still makes sh exit non-zero.
      StringBuilder script = new StringBuilder(". ./rc.conf 2>/dev/null\n");
      for (String name : names) {
        // "S" + value when set, "U" when unset; NUL-terminated so any value survives.
        script.append("if [ \"${").append(name).append("+set}\" ]; then printf 'S%s\\0' \"$");
        script.append(name).append("\"; else printf 'U\\0'; fi\n");
      }
      Path scriptFile = Files.createTempFile("rcconf-print", ".sh");
      Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
      ProcessBuilder pb =
          new ProcessBuilder("sh", scriptFile.toString())
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT);
      // a clean environment, as rc has: no inherited variable can fill a reference
      String path = pb.environment().getOrDefault("PATH", "/usr/bin:/bin");
      pb.environment().clear();
      pb.environment().put("PATH", path);
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      assertThat(p.waitFor()).as("sh exit status").isZero();
      Files.delete(scriptFile);
      try (var listing = Files.list(dir)) {
        // nothing in the file ran a command: sourcing it created no file
        assertThat(listing.map(f -> f.getFileName().toString())).containsExactly("rc.conf");
      }
      String[] fields = new String(out, StandardCharsets.UTF_8).split("\0", -1);
      assertThat(fields).hasSize(names.size() + 1);
      Map<String, Optional<String>> values = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        String f = fields[i];
        values.put(
            names.get(i), f.startsWith("S") ? Optional.of(f.substring(1)) : Optional.empty());
      }
      return values;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** Returns true when {@code sh -n} accepts the text. */
  static boolean syntaxOk(String rcConf) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-n").redirectErrorStream(true).start();
    p.getOutputStream().write(rcConf.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }
}
