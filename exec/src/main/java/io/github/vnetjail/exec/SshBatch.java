package io.github.vnetjail.exec;

import io.github.vnetjail.render.ShellQuoting;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Several commands as one sh script, sent in one SSH round trip, with each command's stdout, stderr
 * and exit status framed so they can be told apart again.
 *
 * <p>The script goes to {@code sh -s} on standard input (no ARG_MAX limit, and the login shell only
 * parses {@code sh -s}). Each command gets {@code </dev/null} or a {@code printf} pipe as its own
 * standard input, so it never reads the rest of the script. Before each command the script prints a
 * start marker on stdout and on stderr; after it, a newline and an end marker (with the exit status
 * on stdout). The markers hold a random nonce, so output cannot collide with them by accident. The
 * script stops after the first command that fails, like {@code set -e}.
 */
final class SshBatch {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Command> commands;
  private final String nonce;

  private SshBatch(List<Command> commands, String nonce) {
    this.commands = List.copyOf(commands);
    this.nonce = nonce;
  }

  static SshBatch of(List<Command> commands) {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return new SshBatch(commands, "vnetjail-" + HexFormat.of().formatHex(bytes));
  }

  /** For tests: a batch with a fixed nonce. */
  static SshBatch withNonce(List<Command> commands, String nonce) {
    return new SshBatch(commands, nonce);
  }

  List<Command> commands() {
    return commands;
  }

  /** The sh script (privilege applies to the whole {@code sh -s}, so none here). */
  String script() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      String start = nonce + ":" + i + ":start";
      String end = nonce + ":" + i + ":end";
      s.append(ShellQuoting.join(List.of("printf", "%s\\n", start))).append('\n');
      s.append(ShellQuoting.join(List.of("printf", "%s\\n", start))).append(" >&2\n");
      String line = SshCommandLine.line(c, SshPrivilege.NONE);
      if (c.stdin().isPresent()) {
        s.append(ShellQuoting.join(List.of("printf", "%s", c.stdin().get())))
            .append(" | ")
            .append(line)
            .append('\n');
      } else {
        s.append(line).append(" </dev/null\n");
      }
      // $s is the exit status, digits only: it needs no quotes
      s.append("s=$?\n");
      s.append(ShellQuoting.join(List.of("printf", "\\n%s %s\\n", end))).append(" $s\n");
      s.append(ShellQuoting.join(List.of("printf", "\\n%s\\n", end))).append(" >&2\n");
      s.append("test $s -eq 0 || exit 0\n");
    }
    s.append("exit 0\n");
    return s.toString();
  }

  /**
   * A deadline that follows the script's progress: each command gets its own timeout (or {@code
   * perCommandDefault}) from the moment its start marker arrives on stdout.
   */
  SshExecutor.Deadline deadline(Duration perCommandDefault, long startNanos) {
    return new Progress(perCommandDefault, startNanos);
  }

  private final class Progress implements SshExecutor.Deadline {
    private final Duration perCommandDefault;
    private int current;
    private long since;
    private int scanFrom;

    Progress(Duration perCommandDefault, long startNanos) {
      this.perCommandDefault = perCommandDefault;
      this.since = startNanos;
    }

    @Override
    public long remainingNanos(ByteArrayOutputStream stdout, long now) {
      byte[] data = stdout.toByteArray();
      while (current + 1 < commands.size()) {
        byte[] mark = startMark(current + 1).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(data, mark, scanFrom);
        if (at < 0) {
          break;
        }
        current++;
        since = now;
        scanFrom = at + mark.length;
      }
      Duration timeout = commands.get(current).timeout().orElse(perCommandDefault);
      return since + timeout.toNanos() - now;
    }

    @Override
    public boolean polls() {
      return commands.size() > 1;
    }
  }

  private static int indexOf(byte[] data, byte[] mark, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= data.length - mark.length; i++) {
      for (int j = 0; j < mark.length; j++) {
        if (data[i + j] != mark[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private String startMark(int i) {
    return nonce + ":" + i + ":start\n";
  }

  /**
   * Splits the script's output into one result per command that started. A command that started but
   * has no end marker was cut off: by the timeout when {@code timedOut}, otherwise the script died
   * (exit code of the script, or 255 when it has none).
   */
  List<ExecResult> parse(
      String stdout, String stderr, int scriptExit, boolean timedOut, Duration elapsed) {
    List<ExecResult> results = new ArrayList<>();
    int outPos = 0;
    int errPos = 0;
    for (int i = 0; i < commands.size(); i++) {
      String startMark = startMark(i);
      int outStart = stdout.indexOf(startMark, outPos);
      if (outStart < 0) {
        break;
      }
      outStart += startMark.length();
      String endMark = "\n" + nonce + ":" + i + ":end";
      int outEnd = stdout.indexOf(endMark + " ", outStart);
      int errStart = stderr.indexOf(startMark, errPos);
      errStart = errStart < 0 ? stderr.length() : errStart + startMark.length();
      int errEnd = stderr.indexOf(endMark + "\n", errStart);
      ExecResult.Builder r = ExecResult.builder().command(commands.get(i)).duration(elapsed);
      if (outEnd < 0) {
        r.stdout(stdout.substring(outStart))
            .stderr(stderr.substring(errStart))
            .exitCode(timedOut ? SshExecutor.TIMEOUT_EXIT : (scriptExit == 0 ? 255 : scriptExit))
            .timedOut(timedOut);
        results.add(r.build());
        break;
      }
      int statusStart = outEnd + endMark.length() + 1;
      int statusEnd = stdout.indexOf('\n', statusStart);
      int status = Integer.parseInt(stdout.substring(statusStart, statusEnd));
      r.stdout(stdout.substring(outStart, outEnd))
          .stderr(errEnd < 0 ? stderr.substring(errStart) : stderr.substring(errStart, errEnd))
          .exitCode(status);
      results.add(r.build());
      outPos = statusEnd + 1;
      errPos = errEnd < 0 ? stderr.length() : errEnd + endMark.length() + 1;
    }
    return results;
  }
}
