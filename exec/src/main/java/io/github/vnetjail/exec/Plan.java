package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.render.ShellQuoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link JailManager} operation would change on the host, computed without changing it: the
 * state-changing commands in order and the files it would write, with a line diff each. Read-only
 * probes ({@code jls}, {@code ifconfig -l}, reading files) are not part of a plan. Printable.
 *
 * <pre>{@code
 * Plan plan = JailManager.on(exec).plan(host);
 * if (!plan.isEmpty()) {
 *   System.out.println(plan);   // "# write /etc/jail.conf.d/web.conf" + diff, then the commands
 * }
 * }</pre>
 *
 * @param commands the state-changing commands, in the order they would run
 * @param files the files that would be written, in the order they would be written
 */
public record Plan(List<Command> commands, List<FileChange> files) {

  /**
   * One file the operation would write.
   *
   * @param path the file
   * @param before its content now, empty when it does not exist
   * @param after its content afterwards
   */
  public record FileChange(String path, Optional<String> before, String after) {
    /** Checks the components. */
    public FileChange {
      checkNotNull(path, "path");
      checkNotNull(before, "before");
      checkNotNull(after, "after");
    }

    /**
     * A minimal line diff: lines only in {@code before} start with {@code -}, lines only in {@code
     * after} with {@code +}; common leading and trailing lines are left out.
     */
    public String diff() {
      List<String> a = before.map(s -> s.lines().toList()).orElse(List.of());
      List<String> b = after.lines().toList();
      int head = 0;
      while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
        head++;
      }
      int tail = 0;
      while (tail < a.size() - head
          && tail < b.size() - head
          && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
        tail++;
      }
      StringBuilder out = new StringBuilder();
      out.append("@@ line ").append(head + 1).append(" @@\n");
      for (String line : a.subList(head, a.size() - tail)) {
        out.append('-').append(line).append('\n');
      }
      for (String line : b.subList(head, b.size() - tail)) {
        out.append('+').append(line).append('\n');
      }
      return out.toString();
    }
  }

  /** Copies the lists. */
  public Plan {
    commands = List.copyOf(commands);
    files = List.copyOf(files);
  }

  /** True when the operation would change nothing. */
  public boolean isEmpty() {
    return commands.isEmpty() && files.isEmpty();
  }

  /** The commands as sh lines. */
  public List<String> commandLines() {
    List<String> lines = new ArrayList<>();
    commands.forEach(c -> lines.add(ShellQuoting.join(c.argv())));
    return lines;
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "# nothing to do\n";
    }
    StringBuilder b = new StringBuilder();
    for (FileChange f : files) {
      b.append("# write ")
          .append(f.path())
          .append(f.before().isEmpty() ? " (new)" : "")
          .append('\n');
      b.append(f.diff());
    }
    for (String line : commandLines()) {
      b.append(line).append('\n');
    }
    return b.toString();
  }
}
