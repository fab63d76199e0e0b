package io.github.vnetjail.exec;

/** The {@link SimJailConfigReader} over the render module's jail.conf parser and evaluator. */
final class SimJailConf implements SimJailConfigReader {
  @Override
  public Config parse(String file, String text, SimFileSystem fs) throws ConfigError {
    throw new ConfigError(
        java.util.List.of("jail: " + file + ": jail.conf parsing is not available yet"));
  }
}
