package io.github.vnetjail.exec;

import java.util.List;
import java.util.Map;

/** How the simulated jail(8) reads a jail.conf: its jails and each one's effective parameters. */
interface SimJailConfigReader {
  /**
   * Parses {@code text}, read from {@code file}; {@code .include} reads from {@code fs}.
   *
   * @throws ConfigError with jail(8)'s stderr lines on a parse error
   */
  Config parse(String file, String text, SimFileSystem fs) throws ConfigError;

  /** A parsed jail.conf. */
  interface Config {
    /** The jails in jail(8)'s order, wildcard sections excluded. */
    List<String> jailNames();

    /**
     * The parameters jail(8) would use for {@code jail}: insertion-ordered, a valueless parameter
     * maps to an empty list.
     *
     * @throws ConfigError with jail(8)'s stderr lines for that jail (a variable that fails)
     */
    Map<String, List<String>> parameters(String jail) throws ConfigError;
  }

  /** A jail.conf error, with the complete lines jail(8) prints on stderr. */
  final class ConfigError extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialised
    final List<String> lines;

    ConfigError(List<String> lines) {
      super(String.join("\n", lines));
      this.lines = List.copyOf(lines);
    }
  }
}
