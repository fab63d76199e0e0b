package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simulated host's file system: regular files with text content and directories, keyed by
 * normalised absolute path. Not thread-safe; {@link SimulatedHost} holds its lock around every use.
 */
final class SimFileSystem {
  private final TreeMap<String, String> files = new TreeMap<>();
  private final TreeSet<String> dirs = new TreeSet<>();

  SimFileSystem() {
    for (String d :
        List.of("/", "/bin", "/sbin", "/etc", "/etc/jail.conf.d", "/tmp", "/usr", "/var")) {
      dirs.add(d);
    }
    dirs.add("/var/run");
    dirs.add("/usr/local");
    dirs.add("/usr/local/etc");
  }

  /**
   * Normalises {@code path} (relative paths are taken from {@code /}); drops {@code .}/{@code ..}.
   */
  static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(p);
    }
    return "/" + String.join("/", parts);
  }

  static String parent(String normalized) {
    int i = normalized.lastIndexOf('/');
    return i <= 0 ? "/" : normalized.substring(0, i);
  }

  boolean isFile(String p) {
    return files.containsKey(normalize(p));
  }

  boolean isDirectory(String p) {
    return dirs.contains(normalize(p));
  }

  boolean exists(String p) {
    return isFile(p) || isDirectory(p);
  }

  Optional<String> read(String p) {
    return Optional.ofNullable(files.get(normalize(p)));
  }

  /** Writes a regular file; the caller has checked that the parent is a directory. */
  void write(String p, String content) {
    files.put(normalize(p), content);
  }

  void mkdirs(String p) {
    String n = normalize(p);
    while (!n.equals("/")) {
      dirs.add(n);
      n = parent(n);
    }
  }

  void mkdir(String p) {
    dirs.add(normalize(p));
  }

  void removeFile(String p) {
    files.remove(normalize(p));
  }

  /** Removes a directory and everything under it. */
  void removeTree(String p) {
    String n = normalize(p);
    String prefix = n.equals("/") ? "/" : n + "/";
    files.keySet().removeIf(k -> k.startsWith(prefix));
    dirs.removeIf(k -> k.equals(n) || k.startsWith(prefix));
  }

  /** The names of the entries directly inside {@code dir}, sorted; empty if it is no directory. */
  List<String> list(String dir) {
    String n = normalize(dir);
    if (!dirs.contains(n)) {
      return List.of();
    }
    String prefix = n.equals("/") ? "/" : n + "/";
    TreeSet<String> names = new TreeSet<>();
    for (String k : files.keySet()) {
      if (k.startsWith(prefix) && k.indexOf('/', prefix.length()) < 0) {
        names.add(k.substring(prefix.length()));
      }
    }
    for (String k : dirs) {
      if (k.startsWith(prefix)
          && k.length() > prefix.length()
          && k.indexOf('/', prefix.length()) < 0) {
        names.add(k.substring(prefix.length()));
      }
    }
    return List.copyOf(names);
  }

  Map<String, String> files() {
    return Collections.unmodifiableMap(files);
  }
}
