package io.github.vnetjail.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.DevfsRuleset;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.SysvIpc;
import io.github.vnetjail.core.VnetJail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a host from a small JSON spec file:
 *
 * <pre>{@code
 * {"bridges": [{"name": "bridge0", "members": ["em0"]}],
 *  "jails": [{"name": "my-vnet-jail", "id": 154, "bridge": "bridge0",
 *             "ip": "192.168.1.154/24", "gateway": "192.168.1.1"}]}
 * }</pre>
 *
 * <p>Bridge keys: name, members, subnet, gateway. Jail keys: name, id, bridge, ip, ip6, gateway,
 * dhcp, slaac, hostname, sysvmsg/sysvsem/sysvshm (new, inherit, disable), devfsRuleset (a number: a
 * generated VNET ruleset that unhides bpf), parameters (raw jail.conf parameters: name to a list of
 * values). Unknown keys are refused, so a typo does not go unnoticed.
 */
final class HostSpec {
  private static final Set<String> HOST_KEYS = Set.of("bridges", "jails");
  private static final Set<String> BRIDGE_KEYS = Set.of("name", "members", "subnet", "gateway");
  private static final Set<String> JAIL_KEYS =
      Set.of(
          "name",
          "id",
          "bridge",
          "ip",
          "ip6",
          "gateway",
          "dhcp",
          "slaac",
          "hostname",
          "sysvmsg",
          "sysvsem",
          "sysvshm",
          "devfsRuleset",
          "parameters");

  private HostSpec() {}

  static HostConfig parse(String file, String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new CliException(
          file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new CliException(
          file + ": the spec must be a JSON object with \"bridges\" and \"jails\"");
    }
    checkKeys(file, "the spec", root, HOST_KEYS);
    HostConfig.Builder host = HostConfig.builder();
    for (JsonNode b : array(file, root, "bridges")) {
      checkKeys(file, "a bridge", b, BRIDGE_KEYS);
      Bridge.Builder bridge = Bridge.builder().name(text(file, b, "name"));
      for (JsonNode m : array(file, b, "members")) {
        bridge.addMember(m.asText());
      }
      if (b.has("subnet")) {
        bridge.subnet(text(file, b, "subnet"));
      }
      if (b.has("gateway")) {
        bridge.gateway(text(file, b, "gateway"));
      }
      host.addBridge(bridge.build());
    }
    for (JsonNode j : array(file, root, "jails")) {
      checkKeys(file, "a jail", j, JAIL_KEYS);
      host.addJail(jail(file, j));
    }
    return host.build();
  }

  private static VnetJail jail(String file, JsonNode j) {
    VnetJail.Builder b =
        VnetJail.builder().name(text(file, j, "name")).bridge(text(file, j, "bridge"));
    if (j.has("id")) {
      b.id(j.get("id").asInt());
    }
    if (j.has("ip")) {
      b.ip(text(file, j, "ip"));
    }
    if (j.has("ip6")) {
      b.ip6(text(file, j, "ip6"));
    }
    if (j.has("gateway")) {
      b.gateway(text(file, j, "gateway"));
    }
    if (j.path("dhcp").asBoolean(false)) {
      b.dhcp();
    }
    if (j.path("slaac").asBoolean(false)) {
      b.slaac();
    }
    if (j.has("hostname")) {
      b.hostname(text(file, j, "hostname"));
    }
    if (j.has("sysvmsg")) {
      b.sysvmsg(sysv(file, j, "sysvmsg"));
    }
    if (j.has("sysvsem")) {
      b.sysvsem(sysv(file, j, "sysvsem"));
    }
    if (j.has("sysvshm")) {
      b.sysvshm(sysv(file, j, "sysvshm"));
    }
    if (j.has("devfsRuleset")) {
      b.devfsRuleset(DevfsRuleset.vnetWithBpf(j.get("devfsRuleset").asInt()));
    }
    if (j.has("parameters")) {
      for (Map.Entry<String, JsonNode> p : j.get("parameters").properties()) {
        List<String> values = new ArrayList<>();
        if (p.getValue().isArray()) {
          p.getValue().forEach(v -> values.add(v.asText()));
        } else {
          values.add(p.getValue().asText());
        }
        b.putRawParameter(p.getKey(), values.toArray(new String[0]));
      }
    }
    return b.build();
  }

  private static SysvIpc sysv(String file, JsonNode j, String key) {
    String v = text(file, j, key);
    try {
      return SysvIpc.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliException(file + ": " + key + " is \"" + v + "\"; use new, inherit or disable");
    }
  }

  private static void checkKeys(String file, String what, JsonNode node, Set<String> known) {
    if (!node.isObject()) {
      throw new CliException(file + ": " + what + " must be a JSON object");
    }
    node.fieldNames()
        .forEachRemaining(
            k -> {
              if (!known.contains(k)) {
                throw new CliException(
                    file
                        + ": unknown key \""
                        + k
                        + "\" in "
                        + what
                        + "; known keys: "
                        + String.join(", ", known.stream().sorted().toList()));
              }
            });
  }

  private static List<JsonNode> array(String file, JsonNode node, String key) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode a = node.get(key);
    if (a == null) {
      return out;
    }
    if (!a.isArray()) {
      throw new CliException(file + ": \"" + key + "\" must be a JSON array");
    }
    a.forEach(out::add);
    return out;
  }

  private static String text(String file, JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isValueNode()) {
      throw new CliException(file + ": \"" + key + "\" must be set to a string");
    }
    return v.asText();
  }
}
