package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A jail.conf reader for the simulated jail(8) whose jails and parameters a test puts in directly,
 * in order, instead of writing a file: {@code conf.put("web", params)}.
 */
final class ScriptedJailConf extends LinkedHashMap<String, Map<String, List<String>>>
    implements SimJailConfigReader {
  private static final long serialVersionUID = 1L;

  @Override
  public Config parse(String file, String text, SimFileSystem fs) {
    return new Config() {
      @Override
      public List<String> jailNames() {
        return new ArrayList<>(keySet());
      }

      @Override
      public Map<String, List<String>> parameters(String jail) {
        return get(jail);
      }
    };
  }
}
