package io.github.vnetjail.exec;

import java.util.Optional;

/** {@link HostFiles} as sh commands: works wherever the executor reaches a POSIX shell. */
final class ShellHostFiles implements HostFiles {
  /**
   * $1 is the target. The temporary file lives in the target's directory so that mv is a rename on
   * one file system; the backup is a copy, so the target exists at every moment; copying the target
   * onto the temporary file first keeps its mode and owner. Where fsync(1) exists (FreeBSD, see
   * usr.bin/fsync/fsync.c: no options, every argument is a file) the new content reaches the disk
   * before the rename, so that a power loss cannot leave an empty file behind.
   */
  static final String WRITE_SCRIPT =
      "set -e; t=$1; d=$(dirname -- \"$t\"); mkdir -p -- \"$d\"; "
          + "tmp=$(mktemp \"$d/.vnetjail.XXXXXX\"); trap 'rm -f -- \"$tmp\"' EXIT; "
          + "if [ -e \"$t\" ]; then cp -p -- \"$t\" \"$t.bak\"; cp -p -- \"$t\" \"$tmp\"; "
          + "else chmod 644 \"$tmp\"; fi; cat > \"$tmp\"; "
          + "if command -v fsync >/dev/null 2>&1; then fsync \"$tmp\"; fi; "
          + "mv -f -- \"$tmp\" \"$t\"; trap - EXIT";

  private final CommandExecutor executor;

  ShellHostFiles(CommandExecutor executor) {
    this.executor = executor;
  }

  @Override
  public Optional<String> read(String path) {
    if (!exists(path)) {
      return Optional.empty();
    }
    return Optional.of(executor.execute(Command.of("cat", "--", path)).requireSuccess().stdout());
  }

  @Override
  public boolean exists(String path) {
    ExecResult r = executor.execute(Command.of("test", "-e", path));
    // test(1): 0 true, 1 false, >1 an error. Reading an error as "absent" would make callers
    // rewrite a file they could not see (install would drop the host's own rc.conf lines).
    if (r.exitCode() == 1 && !r.timedOut()) {
      return false;
    }
    r.requireSuccess();
    return true;
  }

  @Override
  public void writeAtomically(String path, String content) {
    executor
        .execute(
            Command.builder()
                .addArgv("sh", "-c", WRITE_SCRIPT, "vnetjail-write", path)
                .stdin(content)
                .build())
        .requireSuccess();
  }
}
