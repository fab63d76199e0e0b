package io.github.vnetjail.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the CLI with its exit status and captured output. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    return with(io.github.vnetjail.examples.host.Executors::parse, args);
  }

  /** Runs with every --executor word opening {@code host} (so up, then down, see one host). */
  static CliRun on(io.github.vnetjail.exec.CommandExecutor host, String... args) {
    return with(word -> host, args);
  }

  static CliRun with(
      java.util.function.Function<String, io.github.vnetjail.exec.CommandExecutor> executors,
      String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      rc = VnetjailCli.run(o, e, executors, args);
    }
    return new CliRun(
        rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
