package io.github.vnetjail.core;

import static com.google.common.base.Preconditions.checkNotNull;
import static io.github.vnetjail.core.internal.Text.describe;
import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * A file system jail(8) mounts before it creates the jail and unmounts after removing it: one value
 * of the {@code mount} parameter, an fstab(5) line.
 *
 * <p>jail(8) splits the line on white space and uses the first four fields: source, mount point
 * (absolute), type and options ({@code usr.sbin/jail/command.c}, {@code IP_MOUNT}); it does not
 * decode fstab's {@code \040}, so no field may hold white space. This type accepts only fields that
 * need no quoting anywhere.
 *
 * <pre>{@code
 * Mount ports = Mount.of("/usr/ports", "/jails/web/usr/ports", "nullfs", "ro");
 * Mount tmp = Mount.parse("tmpfs /jails/web/tmp tmpfs rw,mode=1777");
 * }</pre>
 */
public final class Mount {
  private final String source;
  private final String mountPoint;
  private final String type;
  private final Optional<String> options;

  private Mount(String source, String mountPoint, String type, Optional<String> options) {
    this.source = source;
    this.mountPoint = mountPoint;
    this.type = type;
    this.options = options;
  }

  /**
   * Returns the mount of {@code source} on {@code mountPoint} with file system {@code type} and
   * {@code options} (comma separated, e.g. {@code ro,nosuid}).
   *
   * @throws ValidationException if a field is invalid
   */
  public static Mount of(String source, String mountPoint, String type, String options) {
    return parse(line(source, mountPoint, type, options));
  }

  /** Returns the mount of {@code source} on {@code mountPoint} with default options. */
  public static Mount of(String source, String mountPoint, String type) {
    return parse(line(source, mountPoint, type));
  }

  private static final String[] FIELDS = {"source", "mount point", "type", "options"};

  /**
   * Joins the fields into one fstab line, refusing a field with blanks: parse would split it and
   * shift its words into the next fields ({@code "/a /jails/b nullfs"} as a source would become
   * source, mount point and type).
   */
  private static String line(String... fields) {
    Problems p = new Problems();
    for (int i = 0; i < fields.length; i++) {
      String f = fields[i];
      // Character.isWhitespace covers blank and tab, and what parse's strip() would drop.
      if (f.chars().anyMatch(Character::isWhitespace)) {
        p.add(
            "mount",
            f,
            "mount "
                + FIELDS[i]
                + " "
                + show(f)
                + " contains white space, which separates fstab fields",
            "give the " + FIELDS[i] + " without blanks");
      }
    }
    String line = String.join(" ", fields);
    p.throwIfAny("mount " + show(line));
    return line;
  }

  /**
   * Parses an fstab(5) line of three or four fields: source, mount point, type, options. A fifth
   * and sixth field (dump, pass) are accepted and ignored, as jail(8) ignores them.
   *
   * @throws ValidationException if the line has too few or too many fields or a field is invalid
   */
  public static Mount parse(String line) {
    return Problems.parseOrThrow(p -> parse("mount", line, p), "mount", line);
  }

  /** Parses a builder's {@code addMount(line)}, deferring its problems as {@code mounts[LINE]}. */
  static Mount parse(DeferredProblems deferred, String line) {
    String field = "mounts[" + JailChecks.key(line) + "]";
    return deferred.parse(field, p -> parse(field, line, p));
  }

  static Mount parse(String field, String line, Problems p) {
    checkNotNull(line, "mount line");
    if (line.indexOf('\0') >= 0 || line.indexOf('\n') >= 0) {
      p.add(
          field,
          line,
          "mount line " + show(line) + " contains a NUL or newline character",
          "write one fstab line: SOURCE MOUNTPOINT TYPE [OPTIONS]");
      return null;
    }
    String trimmed = line.strip();
    String[] f = trimmed.isEmpty() ? new String[0] : trimmed.split("[ \t]+");
    if (f.length < 3 || f.length > 6) {
      p.add(
          field,
          line,
          "mount line "
              + show(line)
              + " has "
              + f.length
              + " fields; jail(8) needs SOURCE MOUNTPOINT TYPE [OPTIONS]",
          "write it like \"/usr/ports /jails/web/usr/ports nullfs ro\"");
      return null;
    }
    boolean ok = checkField(field, line, "source", f[0], "_.-+,@:%=~/", p);
    int before = p.list().size();
    JailChecks.checkPath(field, f[1], p);
    ok &= p.list().size() == before;
    ok &= checkField(field, line, "type", f[2], "", p);
    Optional<String> options = f.length >= 4 ? Optional.of(f[3]) : Optional.empty();
    if (options.isPresent()) {
      ok &= checkField(field, line, "options", f[3], "_.-,=/:", p);
    }
    return ok ? new Mount(f[0], f[1], f[2], options) : null;
  }

  private static boolean checkField(
      String field, String line, String what, String value, String extra, Problems p) {
    int bad = Text.firstNotMatching(value, c -> Text.isAsciiAlnum(c) || extra.indexOf(c) >= 0);
    if (bad >= 0) {
      p.add(
          field,
          line,
          "mount "
              + what
              + " "
              + show(value)
              + " contains "
              + describe(bad)
              + (extra.isEmpty()
                  ? ": file system types are ASCII letters and digits"
                  : ": allowed are ASCII letters, digits and " + extra),
          "write the " + what + " without special characters");
      return false;
    }
    return true;
  }

  /** The source: a directory (nullfs), device, dataset or the type's name (tmpfs). */
  public String source() {
    return source;
  }

  /** The absolute mount point, normally inside the jail's path. */
  public String mountPoint() {
    return mountPoint;
  }

  /** The file system type, e.g. {@code nullfs}. */
  public String type() {
    return type;
  }

  /** The mount options, e.g. {@code ro}; absent means the type's defaults. */
  public Optional<String> options() {
    return options;
  }

  /** The fstab line jail(8) reads: {@code SOURCE MOUNTPOINT TYPE OPTIONS} ({@code rw} default). */
  public String fstabLine() {
    return source + " " + mountPoint + " " + type + " " + options.orElse("rw");
  }

  /** The fstab line. */
  @Override
  public String toString() {
    return fstabLine();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Mount)) {
      return false;
    }
    Mount m = (Mount) o;
    return m.source.equals(source)
        && m.mountPoint.equals(mountPoint)
        && m.type.equals(type)
        && m.options.equals(options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, mountPoint, type, options);
  }
}
