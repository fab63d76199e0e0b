package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;
import org.slf4j.Logger;

class LoggingExecutorTest {
  private final Logger logger = mock(Logger.class);

  LoggingExecutorTest() {
    when(logger.isDebugEnabled()).thenReturn(true);
  }

  @Test
  void logsEachCommandAtDebugWithExitCodeAndDuration() {
    CommandExecutor exec =
        new LoggingExecutor(
            c ->
                ExecResult.builder().command(c).exitCode(2).duration(Duration.ofMillis(37)).build(),
            logger);

    ExecResult r = exec.execute(Command.of("jls", "-j", "my web"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(debugLines()).containsExactly("\"jls -j 'my web'\" exit 2 in 37 ms");
  }

  @Test
  void neverLogsStandardInputOrEnvironmentValues() {
    CommandExecutor exec = new LoggingExecutor(PrivilegedExecutorTest::ok, logger);

    exec.execute(
        Command.builder()
            .addArgv("vault-login")
            .putEnvironment("TOKEN", "s3cr3t-token")
            .stdin("password=hunter2\n")
            .build());

    assertThat(debugLines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line).doesNotContain("s3cr3t-token").doesNotContain("hunter2");
              assertThat(line).contains("env [TOKEN]").contains("stdin 17 chars");
            });
  }

  @Test
  void logsATimeout() {
    CommandExecutor exec =
        new LoggingExecutor(
            c -> ExecResult.builder().command(c).exitCode(124).timedOut(true).build(), logger);

    exec.execute(Command.of("sleep", "9"));

    assertThat(debugLines()).containsExactly("\"sleep 9\" timed out in 0 ms");
  }

  @Test
  void logsFileOperationsOfAnExecutorWithItsOwnFilesWithoutTheirContent() {
    DryRunExecutor dry = CommandExecutors.dryRun();
    HostFiles files = new LoggingExecutor(dry, logger).files();

    files.writeAtomically("/etc/rc.conf", "secret_key=\"abc\"\n");
    files.read("/etc/rc.conf");
    files.exists("/etc/missing");

    assertThat(dry.writes()).hasSize(1);
    assertThat(debugLines())
        .containsExactly(
            "wrote /etc/rc.conf: 17 chars",
            "read /etc/rc.conf: 17 chars",
            "exists /etc/missing: false");
  }

  /** Every debug call rendered with its arguments, the way SLF4J would. */
  private List<String> debugLines() {
    return mockingDetails(logger).getInvocations().stream()
        .filter(i -> i.getMethod().getName().equals("debug"))
        .map(LoggingExecutorTest::render)
        .collect(Collectors.toList());
  }

  private static String render(Invocation i) {
    Object[] raw = i.getRawArguments();
    String format = (String) raw[0];
    List<Object> args =
        raw.length == 2 && raw[1] instanceof Object[]
            ? Arrays.asList((Object[]) raw[1])
            : Arrays.asList(raw).subList(1, raw.length);
    StringBuilder out = new StringBuilder();
    int arg = 0;
    int at = 0;
    for (int p = format.indexOf("{}"); p >= 0; p = format.indexOf("{}", at)) {
      out.append(format, at, p).append(args.get(arg++));
      at = p + 2;
    }
    return out.append(format.substring(at)).toString();
  }
}
