package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * One mistake the linter found in a configuration file: where it is, how bad it is, what is wrong
 * and how to fix it.
 *
 * <pre>{@code
 * for (Finding f : Lint.files().rcConf("/etc/rc.conf", text).check()) {
 *   System.out.println(f);  // /etc/rc.conf:1: warning: cloned_interface is not ... fix: ...
 * }
 * }</pre>
 *
 * @param file the file, as the caller named it ({@code /etc/rc.conf})
 * @param line the 1-based line, or 0 when the finding is about the whole file
 * @param severity how bad it is
 * @param code a stable identifier of the check ({@code rc-misspelt-variable})
 * @param message what is wrong, and what FreeBSD does about it
 * @param fix how to fix it
 */
public record Finding(
    String file, int line, Finding.Severity severity, String code, String message, String fix) {

  /** How bad a finding is. */
  public enum Severity {
    /** FreeBSD will fail, or will not do what the file says. */
    ERROR,
    /** Very likely a mistake, or a setting that misbehaves in known ways. */
    WARNING,
    /** Worth knowing; harmless as it stands. */
    INFO
  }

  /** Checks that every field is present. */
  public Finding {
    checkNotNull(file, "file");
    checkArgument(line >= 0, "line must be 0 or more: %s", line);
    checkNotNull(severity, "severity");
    checkNotNull(code, "code");
    checkNotNull(message, "message");
    checkNotNull(fix, "fix");
  }

  /** Returns {@code file:line}, or the file alone for a finding about the whole file. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }

  /** Returns the finding the way compilers print theirs: {@code file:line: severity: ...}. */
  @Override
  public String toString() {
    return location()
        + ": "
        + severity.name().toLowerCase(Locale.ROOT)
        + ": "
        + message
        + " ["
        + code
        + "]; fix: "
        + fix;
  }
}
