package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellHostFilesTest {
  private final CommandExecutor exec = CommandExecutors.local();
  private final HostFiles files = exec.files();

  @TempDir Path tmp;

  @Test
  void localExecutorFilesRunAsShellCommands() {
    assertThat(files).isInstanceOf(ShellHostFiles.class);
  }

  @Test
  void writeCreatesAFileWithMode644AndNoBackup() throws IOException {
    Path target = tmp.resolve("jail.conf");

    files.writeAtomically(target.toString(), "web {\n  vnet;\n}\n");

    assertThat(Files.readString(target)).isEqualTo("web {\n  vnet;\n}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
    assertThat(tmp.resolve("jail.conf.bak")).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void writeReplacesTheFileKeepsTheOldOneAsBakAndPreservesTheMode() throws IOException {
    Path target = tmp.resolve("rc.conf");
    Files.writeString(target, "old\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx--x---"));

    files.writeAtomically(target.toString(), "new\n");

    assertThat(Files.readString(target)).isEqualTo("new\n");
    assertThat(Files.readString(tmp.resolve("rc.conf.bak"))).isEqualTo("old\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rwx--x---");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void writeCreatesMissingParentDirectories() throws IOException {
    Path target = tmp.resolve("etc/jail.conf.d/web.conf");

    files.writeAtomically(target.toString(), "x");

    assertThat(Files.readString(target)).isEqualTo("x");
  }

  @Test
  void readGivesBackHostileContentAndPathsExactly() throws IOException {
    HostileStrings hostile = new HostileStrings(5);
    for (int i = 0; i < 40; i++) {
      String name = "f" + i + hostile.next().replace("/", "_").replace("\0", "");
      if (name.getBytes(StandardCharsets.UTF_8).length > 200) {
        name = name.substring(0, 60);
      }
      String path = tmp.resolve("d").resolve(name).toString();
      String content = hostile.nextText();

      files.writeAtomically(path, content);

      assertThat(files.read(path)).contains(content);
      assertThat(Files.readString(Path.of(path))).isEqualTo(content);
      assertThat(files.exists(path)).isTrue();
    }
  }

  @Test
  void readAndExistsReportAnAbsentFile() {
    String path = tmp.resolve("absent").toString();

    assertThat(files.read(path)).isEmpty();
    assertThat(files.exists(path)).isFalse();
  }

  @Test
  void anErrorOfTestIsAnErrorNotAnAbsentFile() {
    SimulatedHost host =
        SimulatedHost.builder().withFile("/etc/rc.conf", "sshd_enable=\"YES\"\n").build();
    HostFiles files = HostFiles.viaCommands(host);
    host.inject(
        SimulatedFault.matching("^test -e /etc/rc\\.conf$")
            .exitCode(2)
            .stderr("test: I/O error\n"));

    assertThatThrownBy(() -> files.exists("/etc/rc.conf"))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("I/O error");
    assertThat(files.exists("/etc/rc.conf")).isTrue();
    assertThat(files.exists("/etc/nothing")).isFalse();
  }

  @Test
  void installStopsInsteadOfRewritingAnRcConfItCouldNotSee() {
    SimulatedHost host =
        SimulatedHost.builder()
            .withInterface("em0")
            .withBridge("bridge0", "em0")
            .withFile("/etc/rc.conf", "sshd_enable=\"YES\"\n")
            .build();
    host.inject(
        SimulatedFault.matching("^test -e /etc/rc\\.conf$")
            .exitCode(2)
            .stderr("test: I/O error\n"));
    io.github.vnetjail.core.HostConfig config =
        io.github.vnetjail.core.HostConfig.builder()
            .addBridge(
                io.github.vnetjail.core.Bridge.builder().name("bridge0").addMember("em0").build())
            .addJail(
                io.github.vnetjail.core.VnetJail.builder()
                    .name("web")
                    .id(10)
                    .bridge("bridge0")
                    .ip("192.168.1.10/24")
                    .gateway("192.168.1.1")
                    .build())
            .build();

    assertThatThrownBy(() -> JailManager.on(new ViaCommands(host)).install(config))
        .hasMessageContaining("I/O error");
    assertThat(host.files().read("/etc/rc.conf")).contains("sshd_enable=\"YES\"\n");
  }

  /** The simulated host, but with file operations as sh commands, as over SSH. */
  private static final class ViaCommands implements CommandExecutor {
    private final SimulatedHost host;

    ViaCommands(SimulatedHost host) {
      this.host = host;
    }

    @Override
    public ExecResult execute(Command command) {
      return host.execute(command);
    }
  }

  @Test
  void aFailedRenameLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
    Path target = tmp.resolve("rc.conf");
    Files.writeString(target, "keep me\n");
    HostFiles broken = withFailing("mv").files();

    assertThatThrownBy(() -> broken.writeAtomically(target.toString(), "half-written\n"))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("injected mv failure");

    assertThat(Files.readString(target)).isEqualTo("keep me\n");
    assertThat(files.read(target.toString())).contains("keep me\n");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aFailureWhileWritingTheTemporaryFileLeavesTheOldFileIntact() throws IOException {
    Path target = tmp.resolve("rc.conf");
    Files.writeString(target, "keep me\n");
    HostFiles broken = withFailing("cat").files();

    assertThatThrownBy(() -> broken.writeAtomically(target.toString(), "new\n"))
        .isInstanceOf(CommandFailedException.class);

    assertThat(Files.readString(target)).isEqualTo("keep me\n");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void syncsTheTemporaryFileBeforeTheRenameWhereFsyncExists() throws IOException {
    Path target = tmp.resolve("rc.conf");
    Files.writeString(target, "old\n");
    Path log = tmp.resolve("fsync.log");
    HostFiles syncing =
        withStub("fsync", "printf '%s\\n' \"$1\" >> " + log + "; cat -- \"$1\" >> " + log).files();

    syncing.writeAtomically(target.toString(), "new\n");

    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(2);
    assertThat(Path.of(lines.get(0)).getFileName().toString()).startsWith(".vnetjail.");
    assertThat(lines.get(1)).isEqualTo("new");
    assertThat(Files.readString(target)).isEqualTo("new\n");
  }

  @Test
  void aFailedFsyncLeavesTheOldFileIntact() throws IOException {
    Path target = tmp.resolve("rc.conf");
    Files.writeString(target, "keep me\n");

    assertThatThrownBy(() -> withFailing("fsync").files().writeAtomically(target.toString(), "x"))
        .isInstanceOf(CommandFailedException.class);

    assertThat(Files.readString(target)).isEqualTo("keep me\n");
    assertThat(leftovers()).isEmpty();
  }

  /** The temporary files a write might leave behind. */
  private Stream<Path> leftovers() throws IOException {
    return Files.walk(tmp).filter(p -> p.getFileName().toString().startsWith(".vnetjail."));
  }

  /**
   * The local executor with a stub of {@code program} first on PATH that fails, as a full disk or a
   * crash between writing the temporary file and renaming it would.
   */
  private CommandExecutor withFailing(String program) throws IOException {
    return withStub(program, "echo injected " + program + " failure >&2\nexit 1");
  }

  /** The local executor with a stub of {@code program} running {@code body} first on PATH. */
  private CommandExecutor withStub(String program, String body) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("stub-bin"));
    Path stub = bin.resolve(program);
    Files.writeString(stub, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    String path = bin + ":" + System.getenv("PATH");
    return command -> {
      Command.Builder b = Command.builder().from(command).putEnvironment("PATH", path);
      return exec.execute(b.build());
    };
  }
}
