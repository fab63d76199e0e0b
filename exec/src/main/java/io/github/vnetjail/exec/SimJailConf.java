package io.github.vnetjail.exec;

import io.github.vnetjail.core.VnetJailException;
import io.github.vnetjail.render.JailConf;
import io.github.vnetjail.render.JailConfEvaluationException;
import io.github.vnetjail.render.JailConfFileSource;
import io.github.vnetjail.render.JailConfParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link SimJailConfigReader} over the render module's jail.conf parser and evaluator ({@link
 * JailConf}); {@code .include} reads from the simulated file system.
 */
final class SimJailConf implements SimJailConfigReader {
  @Override
  public Config parse(String file, String text, SimFileSystem fs) throws ConfigError {
    JailConfFileSource source =
        new JailConfFileSource() {
          @Override
          public Optional<String> read(String path) {
            return fs.read(path);
          }

          @Override
          public List<String> list(String directory) {
            return fs.list(directory);
          }
        };
    JailConf conf;
    try {
      conf = JailConf.parse(text, file, source);
    } catch (JailConfParseException e) {
      throw new ConfigError(List.of(e.jailMessage()));
    } catch (VnetJailException e) {
      throw new ConfigError(List.of("jail: " + file + ": " + e.getMessage()));
    }
    List<String> names = conf.jailNames();
    return new Config() {
      @Override
      public List<String> jailNames() {
        return names;
      }

      @Override
      public Map<String, List<String>> parameters(String jail) throws ConfigError {
        try {
          return conf.effectiveParameters(jail);
        } catch (JailConfEvaluationException e) {
          throw new ConfigError(e.jailMessages());
        }
      }
    };
  }
}
