package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The simulated host's sh against a real {@code /bin/sh}: lists, and-or precedence, brace groups,
 * {@code !}, {@code set -e}, {@code exit} and redirections of groups give the same output and exit
 * status. Only {@code echo}, {@code true}, {@code false} and {@code exit} are used, so the real
 * shell needs no stub.
 */
class SimShellTest {
  private final SimulatedHost host = SimulatedHost.builder().withDirectory("/tmp").build();

  private static final List<String> TABLE =
      List.of(
          "true && echo a || echo b",
          "false && echo a || echo b",
          "false || echo a && echo b",
          "true || echo a && echo b",
          "false && echo a; echo b",
          "true || { echo a; echo b; }; echo c",
          "false || { echo a; false; } || echo b; echo $?",
          "{ echo a; }",
          "{ { echo a; } }",
          "{ { echo a; false; }; echo $?; }",
          "{ false; }; echo $?",
          "! { false; }; echo $?",
          "! { true; } && echo a || echo b",
          "true && { false || echo x; }; echo $?",
          "{ exit 3; }; echo never",
          "{ true; exit; }; echo never",
          "false; { exit; }",
          "echo }",
          "echo {",
          "echo { a }",
          "{ echo a; } > /dev/null; echo $?",
          "{ echo a; echo b >&2; } 2>/dev/null",
          "{ echo a; } >/tmp/sh-group; { echo b; } >>/tmp/sh-group; cat /tmp/sh-group",
          "x=1; { x=2; }; echo $x",
          "{ echo a\necho b\n}",
          "true &&\n{ echo a; }",
          "true | { false; }; echo $?",
          "set -e; false && true; echo still",
          "set -e; true && false; echo never",
          "set -e; { false; echo never; }; echo never",
          "set -e; { false; echo shown; } || echo also",
          "set -e; ! true; echo shown",
          "set -e; false || { false; echo never; }; echo never",
          "/sbin/ifconfig epair1a destroy 2>/dev/null; true && "
              + "{ true && false || { echo undo; false; }; }; echo $?",
          // syntax errors: exit 2 in both
          "{ true }",
          "{ echo a; } }",
          "{echo a;}",
          "{ }",
          "}",
          "true && }",
          "{ true; } echo");

  @Test
  void agreesWithARealShOnATableOfLines() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a real /bin/sh");
    for (String line : TABLE) {
      compare(line);
    }
  }

  @Test
  void agreesWithARealShOnRandomNestedLists() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a real /bin/sh");
    Random random = new Random(20261204L);
    for (int n = 0; n < 300; n++) {
      StringBuilder line = new StringBuilder();
      if (random.nextInt(4) == 0) {
        line.append("set -e; ");
      }
      list(random, 3, line);
      compare(line.toString());
    }
  }

  @Test
  void reportsAnUnclosedGroup() {
    ExecResult r = host.execute(Command.of("sh", "-c", "{ true; echo a"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr())
        .isEqualTo("sh: syntax error: unexpected end of file (expecting \"}\")\n");
    assertThat(host.execute(Command.of("sh", "-c", "echo a; }")).stderr())
        .isEqualTo("sh: syntax error: unexpected \"}\"\n");
  }

  @Test
  void runsTrueAndFalseAsBuiltins() {
    ExecResult r = host.execute(Command.of("sh", "-c", "true && false || true"));
    assertThat(r.exitCode()).isZero();
    assertThat(host.processes()).extracting(p -> p.argv().get(0)).doesNotContain("true", "false");
  }

  private void compare(String line) throws IOException, InterruptedException {
    host.execute(Command.of("rm", "-f", "/tmp/sh-group"));
    Files.deleteIfExists(Path.of("/tmp/sh-group"));
    Process real =
        new ProcessBuilder("/bin/sh", "-c", line)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(real.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = real.waitFor();
    ExecResult sim = host.execute(Command.of("/bin/sh", "-c", line));
    assertThat(sim.stdout()).as("stdout of %s", line).isEqualTo(out);
    assertThat(sim.exitCode())
        .as("exit status of %s (stderr %s)", line, sim.stderr())
        .isEqualTo(code);
  }

  private static void list(Random r, int depth, StringBuilder b) {
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        b.append(r.nextInt(4) == 0 ? "\n" : "; ");
      }
      andOr(r, depth, b);
    }
  }

  private static void andOr(Random r, int depth, StringBuilder b) {
    int n = 1 + r.nextInt(4);
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        b.append(r.nextBoolean() ? " && " : " || ");
      }
      if (r.nextInt(5) == 0) {
        b.append("! ");
      }
      command(r, depth, b);
    }
  }

  private static void command(Random r, int depth, StringBuilder b) {
    int kind = r.nextInt(depth > 0 ? 8 : 6);
    switch (kind) {
      case 0 -> b.append("true");
      case 1 -> b.append("false");
      case 2 -> b.append("echo $?");
      case 3 -> b.append("echo w").append(r.nextInt(100));
      case 4 -> b.append(r.nextInt(10) == 0 ? "exit " + r.nextInt(4) : "echo x");
      case 5 -> b.append("echo y >/dev/null");
      default -> {
        b.append("{ ");
        list(r, depth - 1, b);
        b.append(r.nextInt(3) == 0 ? "\n}" : "; }");
        if (r.nextInt(4) == 0) {
          b.append(" >/dev/null");
        }
      }
    }
  }
}
