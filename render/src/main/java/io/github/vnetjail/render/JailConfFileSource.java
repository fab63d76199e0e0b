package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.VnetJailException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@code .include} reads files from: this machine, a map in memory, or a remote or simulated
 * host. Implement {@link #read} and {@link #list}; globs are expanded on top of them the way
 * glob(3) does it.
 *
 * <pre>{@code
 * JailConfFileSource files = JailConfFileSource.of(Map.of(
 *     "/etc/jail.conf.d/web.conf", "web { path = /usr/jails/web; }"));
 * JailConf conf = JailConf.parse(".include \"jail.conf.d/*.conf\";", "/etc/jail.conf", files);
 * }</pre>
 */
public interface JailConfFileSource {

  /** Returns the text of the regular file at {@code path}, or empty if there is none. */
  Optional<String> read(String path);

  /**
   * Returns the names of the entries of {@code directory} (names only, not paths), or an empty list
   * if it is not a directory.
   */
  List<String> list(String directory);

  /** Returns a source that has no files: every {@code .include} of a file name fails. */
  static JailConfFileSource none() {
    return of(Map.of());
  }

  /** Returns a source over files in memory, by absolute or relative path. */
  static JailConfFileSource of(Map<String, String> files) {
    checkNotNull(files, "files");
    Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    return new JailConfFileSource() {
      @Override
      public Optional<String> read(String path) {
        return Optional.ofNullable(copy.get(path));
      }

      @Override
      public List<String> list(String directory) {
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        List<String> names = new ArrayList<>();
        for (String path : copy.keySet()) {
          if (path.startsWith(prefix)) {
            String rest = path.substring(prefix.length());
            int slash = rest.indexOf('/');
            String name = slash < 0 ? rest : rest.substring(0, slash);
            if (!name.isEmpty() && !names.contains(name)) {
              names.add(name);
            }
          }
        }
        return names;
      }
    };
  }

  /** Returns a source over this machine's file system (UTF-8 text). */
  static JailConfFileSource local() {
    return new JailConfFileSource() {
      @Override
      public Optional<String> read(String path) {
        Path p = Paths.get(path);
        if (!Files.isRegularFile(p)) {
          return Optional.empty();
        }
        try {
          return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
          return Optional.empty();
        } catch (IOException e) {
          throw new VnetJailException("cannot read " + path + ": " + e.getMessage(), e);
        }
      }

      @Override
      public List<String> list(String directory) {
        Path p = Paths.get(directory.isEmpty() ? "." : directory);
        if (!Files.isDirectory(p)) {
          return List.of();
        }
        try (Stream<Path> entries = Files.list(p)) {
          List<String> names = new ArrayList<>();
          entries.forEach(e -> names.add(e.getFileName().toString()));
          return names;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
