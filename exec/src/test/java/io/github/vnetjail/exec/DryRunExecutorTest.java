package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vnetjail.core.VnetJailException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunExecutorTest {
  private final LocalExecutor local =
      LocalExecutor.builder().defaultTimeout(Duration.ofMinutes(2)).build();

  @TempDir Path tmp;

  @Test
  void recordsCommandsAndWritesInOrderAndAnswersWithSuccess() {
    DryRunExecutor dry = CommandExecutors.dryRun();

    ExecResult r = dry.execute(Command.of("/sbin/ifconfig", "epair154", "create", "up"));
    dry.files().writeAtomically("/etc/jail.conf", "web {\n}\n");
    dry.execute(Command.of("service", "jail", "start", "web"));

    assertThat(r.isSuccess()).isTrue();
    assertThat(r.stdout()).isEmpty();
    assertThat(dry.commands())
        .containsExactly(
            Command.of("/sbin/ifconfig", "epair154", "create", "up"),
            Command.of("service", "jail", "start", "web"));
    assertThat(dry.writes())
        .containsExactly(new DryRunExecutor.FileWrite("/etc/jail.conf", "web {\n}\n"));
  }

  @Test
  void rendersAReadableScript() {
    DryRunExecutor dry = CommandExecutors.dryRun();
    dry.execute(Command.of("/sbin/ifconfig", "epair154", "create", "up"));
    dry.execute(
        Command.builder()
            .addArgv("/sbin/ifconfig", "bridge0", "addm", "epair154a", "descr", "jail:my web")
            .putEnvironment("LANG", "C")
            .build());
    dry.execute(Command.builder().addArgv("sh").stdin("echo it's done").build());
    dry.files().writeAtomically("/etc/jail.conf.d/web.conf", "web {\n  vnet;\n}\n");

    assertThat(dry.script())
        .isEqualTo(
            "#!/bin/sh\n"
                + "# Recorded by a vnetjail dry run: 3 commands and 1 file write, in the order they"
                + " were requested.\n"
                + "set -e\n"
                + "\n"
                + "# vnetjail_write PATH: replaces PATH with standard input atomically, keeping"
                + " PATH.bak.\n"
                + "vnetjail_write() {\n"
                + "  sh -c "
                + io.github.vnetjail.render.ShellQuoting.quote(ShellHostFiles.WRITE_SCRIPT)
                + " vnetjail_write \"$1\"\n"
                + "}\n"
                + "\n"
                + "/sbin/ifconfig epair154 create up\n"
                + "env LANG=C /sbin/ifconfig bridge0 addm epair154a descr 'jail:my web'\n"
                + "printf '%s' 'echo it'\\''s done' | sh\n"
                + "vnetjail_write /etc/jail.conf.d/web.conf <<'VNETJAIL_EOF'\n"
                + "web {\n"
                + "  vnet;\n"
                + "}\n"
                + "VNETJAIL_EOF\n");
  }

  @Test
  void leavesOutTheWriteFunctionAndSetEWhenNotNeeded() {
    DryRunExecutor dry = DryRunExecutor.builder().stopOnError(false).build();
    dry.execute(Command.of("true"));

    assertThat(dry.script())
        .isEqualTo(
            "#!/bin/sh\n"
                + "# Recorded by a vnetjail dry run: 1 command and 0 file writes, in the order they"
                + " were requested.\n"
                + "\n"
                + "true\n");
  }

  @Test
  void picksAHereDocumentDelimiterThatIsNotALineOfTheText() {
    assertThat(DryRunExecutor.delimiterFor("a\nb\n")).isEqualTo("VNETJAIL_EOF");
    assertThat(DryRunExecutor.delimiterFor("VNETJAIL_EOF\nVNETJAIL_EOF_1\n"))
        .isEqualTo("VNETJAIL_EOF_2");
    assertThat(DryRunExecutor.delimiterFor(" VNETJAIL_EOF\nVNETJAIL_EOF \n"))
        .isEqualTo("VNETJAIL_EOF");
  }

  @Test
  void protectsProgramNamesThatShWouldReadAsSyntax() {
    DryRunExecutor dry = CommandExecutors.dryRun();
    dry.execute(Command.of("if", "x"));
    dry.execute(Command.of("A=b", "x"));
    dry.execute(Command.of("vnetjail_write", "x"));

    assertThat(dry.script())
        .endsWith("\ncommand if x\ncommand 'A=b' x\ncommand vnetjail_write x\n");
  }

  @Test
  void refusesToRenderWhatShCannotCarry() {
    DryRunExecutor dry = CommandExecutors.dryRun();
    dry.files().writeAtomically("/etc/x", "a\0b\n");

    assertThatThrownBy(dry::script)
        .isInstanceOf(VnetJailException.class)
        .hasMessageContaining("NUL byte");

    DryRunExecutor env = CommandExecutors.dryRun();
    env.execute(Command.builder().addArgv("A=b").putEnvironment("X", "1").build());
    assertThatThrownBy(env::script)
        .isInstanceOf(VnetJailException.class)
        .hasMessageContaining("cannot follow env NAME=VALUE");
  }

  @Test
  void answersMatchingCommandsWithCannedResults() {
    DryRunExecutor dry =
        DryRunExecutor.builder()
            .answer(c -> c.program().equals("jls"), 0, "web\n")
            .answer(c -> c.argv().contains("epair9b"), 1, "")
            .build();

    assertThat(dry.execute(Command.of("jls", "name")).stdout()).isEqualTo("web\n");
    assertThat(dry.execute(Command.of("ifconfig", "epair9b")).exitCode()).isEqualTo(1);
    assertThat(dry.execute(Command.of("ifconfig", "epair8b")).isSuccess()).isTrue();
    assertThat(dry.commands()).hasSize(3);
  }

  @Test
  void filesSeeTheirOwnWritesThenTheReadFromSource() {
    DryRunExecutor seeded = CommandExecutors.dryRun();
    seeded.files().writeAtomically("/etc/rc.conf", "hostname=\"h\"\n");
    DryRunExecutor dry = DryRunExecutor.builder().readFrom(seeded.files()).build();

    assertThat(dry.files().read("/etc/rc.conf")).contains("hostname=\"h\"\n");
    assertThat(dry.files().exists("/etc/rc.conf")).isTrue();
    assertThat(dry.files().exists("/etc/jail.conf")).isFalse();
    assertThat(dry.files().read("/etc/jail.conf")).isEmpty();

    dry.files().writeAtomically("/etc/rc.conf", "new\n");
    assertThat(dry.files().read("/etc/rc.conf")).contains("new\n");
    assertThat(seeded.files().read("/etc/rc.conf")).contains("hostname=\"h\"\n");

    dry.clear();
    assertThat(dry.writes()).isEmpty();
    assertThat(dry.files().read("/etc/rc.conf")).contains("hostname=\"h\"\n");
  }

  @Test
  void hostileArgumentsStdinAndEnvironmentReachTheProgramIntactWhenTheScriptRuns()
      throws IOException {
    Path bin = stubProgram();
    HostileStrings hostile = new HostileStrings(20261204L);
    DryRunExecutor dry = CommandExecutors.dryRun();
    List<Command> commands = new ArrayList<>();
    int values = 0;
    for (int i = 0; i < 400; i++) {
      Command.Builder b =
          Command.builder().addArgv("vnetjail-stub", tmp.resolve("c" + i).toString());
      int args = hostile.nextInt(12);
      for (int a = 0; a < args; a++) {
        b.addArgv(hostile.next());
        values++;
      }
      if (hostile.nextInt(3) == 0) {
        b.stdin(hostile.nextText());
        values++;
      }
      if (hostile.nextInt(3) == 0) {
        b.putEnvironment("VNJ_A", hostile.next());
        values++;
      }
      if (hostile.nextInt(4) == 0) {
        b.putEnvironment("VNJ_B", hostile.next());
        values++;
      }
      Command c = b.build();
      commands.add(c);
      dry.execute(c);
    }
    assertThat(values).isGreaterThan(2000);
    Path script = Files.writeString(tmp.resolve("run.sh"), dry.script());

    // FreeBSD's sh is an ash like dash; bash in POSIX mode is a second opinion.
    for (String shell : List.of("sh", "bash")) {
      assertThat(run(shell, "-n", script.toString()).exitCode()).isZero();
      ExecResult run = run(bin, shell, script.toString());

      assertThat(run.stderr()).isEmpty();
      assertThat(run.exitCode()).isZero();
      for (int i = 0; i < commands.size(); i++) {
        Command c = commands.get(i);
        String out = tmp.resolve("c" + i).toString();
        assertThat(Files.readAllBytes(Path.of(out + ".argv")))
            .as("%s: argv of command %s", shell, i)
            .isEqualTo(nulSeparated(c.argv().subList(2, c.argv().size())));
        assertThat(Files.readAllBytes(Path.of(out + ".stdin")))
            .as("%s: stdin of command %s", shell, i)
            .isEqualTo(c.stdin().orElse("").getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(Path.of(out + ".env")))
            .as("%s: environment of command %s", shell, i)
            .isEqualTo(
                nulSeparated(
                    List.of(
                        c.environment().getOrDefault("VNJ_A", "unset"),
                        c.environment().getOrDefault("VNJ_B", "unset"))));
        for (String suffix : List.of(".argv", ".stdin", ".env")) {
          Files.delete(Path.of(out + suffix));
        }
      }
    }
  }

  @Test
  void hostileFileContentAndPathsAreWrittenExactlyWhenTheScriptRuns() throws IOException {
    HostileStrings hostile = new HostileStrings(42L);
    DryRunExecutor dry = CommandExecutors.dryRun();
    Map<Path, String> expected = new java.util.LinkedHashMap<>();
    Path dir = tmp.resolve("root");
    for (int i = 0; i < 60; i++) {
      String name = ("f" + i + hostile.next()).replace("/", "_");
      if (name.length() > 60) {
        name = name.substring(0, 60);
      }
      Path target = dir.resolve(name);
      String content = hostile.nextText();
      if (i % 10 == 0) {
        content = "VNETJAIL_EOF\n" + content + "\nVNETJAIL_EOF\n";
      }
      dry.files().writeAtomically(target.toString(), content);
      expected.put(target, content);
    }
    // A second write of the same file keeps the first version as .bak.
    Path first = expected.keySet().iterator().next();
    dry.files().writeAtomically(first.toString(), "second version\n");
    Path script = Files.writeString(tmp.resolve("write.sh"), dry.script());

    assertThat(sh("-n", script.toString()).exitCode()).isZero();
    ExecResult run = sh(script.toString());

    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isZero();
    for (Map.Entry<Path, String> e : expected.entrySet()) {
      if (e.getKey().equals(first)) {
        assertThat(Files.readString(first)).isEqualTo("second version\n");
        assertThat(Files.readString(Path.of(first + ".bak"))).isEqualTo(e.getValue());
      } else {
        assertThat(Files.readString(e.getKey()))
            .as("content of %s", e.getKey())
            .isEqualTo(e.getValue());
      }
    }
  }

  @Test
  void nonAsciiTextCannotEndAHereDocumentEarly() throws IOException {
    // dash 0.5.12 drops the byte 0x81 after "VNETJAIL_EOF" and would end a here-document there.
    String content = "VNETJAIL_EOF\u0081\ntouch pwned\nVNETJAIL_EOF\u0101\n";
    Path target = tmp.resolve("f");
    DryRunExecutor dry = CommandExecutors.dryRun();
    dry.files().writeAtomically(target.toString(), content);
    dry.execute(Command.builder().addArgv("cat").stdin(content).build());
    Path script = Files.writeString(tmp.resolve("s.sh"), dry.script());

    ExecResult run = local.execute(Command.builder().addArgv("sh", script.toString()).build());

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).isEqualTo(content);
    assertThat(Files.readString(target)).isEqualTo(content);
    assertThat(Path.of("pwned")).doesNotExist();
    assertThat(dry.script()).doesNotContain("<<");
  }

  private ExecResult sh(String... args) {
    return run("sh", args);
  }

  private ExecResult run(String shell, String... args) {
    return local.execute(
        Command.builder().addArgv(shell).addAllArgv(bashPosix(shell)).addArgv(args).build());
  }

  private ExecResult run(Path bin, String shell, String script) {
    return local.execute(
        Command.builder()
            .addArgv(shell)
            .addAllArgv(bashPosix(shell))
            .addArgv(script)
            .putEnvironment("PATH", bin + ":" + System.getenv("PATH"))
            .build());
  }

  private static List<String> bashPosix(String shell) {
    return shell.equals("bash") ? List.of("--posix") : List.of();
  }

  /**
   * A program {@code vnetjail-stub OUT ARGS...} that writes ARGS NUL-separated to OUT.argv, its
   * standard input to OUT.stdin and the variables VNJ_A and VNJ_B to OUT.env.
   */
  private Path stubProgram() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path stub = bin.resolve("vnetjail-stub");
    Files.writeString(
        stub,
        "#!/bin/sh\n"
            + "out=$1\n"
            + "shift\n"
            + "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$out.argv\"\n"
            + "cat > \"$out.stdin\"\n"
            + "printf '%s\\0' \"${VNJ_A-unset}\" \"${VNJ_B-unset}\" > \"$out.env\"\n");
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  private static byte[] nulSeparated(List<String> words) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String w : words) {
      out.writeBytes(w.getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    return out.toByteArray();
  }
}
