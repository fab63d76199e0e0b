package io.github.vnetjail.exec;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.DevfsRuleset;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.render.DevfsRules;
import io.github.vnetjail.render.JailConfQuoting;
import io.github.vnetjail.render.RcConfEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files {@link JailManager} installs for a {@link HostConfig}. STAND-IN until the render
 * module's {@code JailConfRenderer}, {@code RcConfRenderer} and {@code DevfsRules#withRulesetsOf}
 * land on main: the jail.conf here is the seed's, with its {@code exec.prestop} release fix, one
 * file per jail; the bodies below are to be replaced by calls to those classes.
 */
final class JailManagerRendering {
  static final String CONF_DIR = "/etc/jail.conf.d";
  static final String MARKER = "# Written by vnetjail: edits are overwritten by JailManager.";

  private JailManagerRendering() {}

  /** {@code /etc/jail.conf.d/NAME.conf} for each VNET jail, by path. */
  static Map<String, String> jailConfFiles(HostConfig host) {
    Map<String, String> files = new LinkedHashMap<>();
    for (VnetJail j : host.jails()) {
      files.put(CONF_DIR + "/" + j.name() + ".conf", jailConf(j));
    }
    return files;
  }

  private static String jailConf(VnetJail j) {
    List<String> l = new ArrayList<>();
    String a = j.hostInterface();
    String b = j.jailInterface();
    l.add(MARKER);
    l.add(JailConfQuoting.quoteName(j.name()) + " {");
    l.add("  path = " + q(j.path()) + ";");
    j.hostname().ifPresent(h -> l.add("  host.hostname = " + q(h) + ";"));
    l.add("  persist;");
    j.devfsRuleset().ifPresent(r -> l.add("  devfs_ruleset = " + r.number() + ";"));
    l.add("  vnet;");
    l.add("  vnet.interface = " + q(b) + ";");
    l.add("  exec.prestart = " + q("/sbin/ifconfig " + j.epair() + " create up") + ";");
    l.add("  exec.prestart += " + q("/sbin/ifconfig " + a + " up descr jail:" + j.name()) + ";");
    l.add("  exec.prestart += " + q("/sbin/ifconfig " + j.bridge() + " addm " + a + " up") + ";");
    j.ip()
        .ifPresent(
            ip -> l.add("  exec.start += " + q("/sbin/ifconfig " + b + " " + ip + " up") + ";"));
    j.gateway()
        .ifPresent(gw -> l.add("  exec.start += " + q("/sbin/route add default " + gw) + ";"));
    // The seed's fix (SEED-SUMMARY.md): take the jail side back before removal.
    l.add(
        "  exec.prestop += "
            + q("/sbin/ifconfig " + b + " || /sbin/ifconfig " + b + " -vnet " + j.name())
            + ";");
    l.add("  exec.poststop = " + q("/sbin/ifconfig " + j.bridge() + " deletem " + a) + ";");
    l.add("  exec.poststop += " + q("/sbin/ifconfig " + a + " destroy") + ";");
    l.add("}");
    return String.join("\n", l) + "\n";
  }

  private static String q(String s) {
    return JailConfQuoting.quote(s);
  }

  /** The host's rc.conf edits, like sysrc: bridges cloned at boot, jails started at boot. */
  static List<RcConfEdit> rcConfEdits(HostConfig host) {
    List<RcConfEdit> edits = new ArrayList<>();
    for (Bridge br : host.bridges()) {
      edits.add(RcConfEdit.addWord("cloned_interfaces", br.name()));
      StringBuilder v = new StringBuilder();
      br.members().forEach(m -> v.append("addm ").append(m).append(' '));
      br.address().ifPresent(c -> v.append("inet ").append(c).append(' '));
      v.append("up");
      edits.add(RcConfEdit.set("ifconfig_" + br.name(), v.toString()));
    }
    if (!host.jails().isEmpty()) {
      edits.add(RcConfEdit.set("jail_enable", "YES"));
      host.jails().forEach(j -> edits.add(RcConfEdit.addWord("jail_list", j.name())));
    }
    return edits;
  }

  /** {@code /etc/devfs.rules} with the host's generated rulesets added, the rest kept. */
  static String devfsRules(String existing, HostConfig host) {
    DevfsRules rules = DevfsRules.parse(existing);
    for (DevfsRuleset r : host.devfsRulesets()) {
      if (r.isGenerated()) {
        rules = rules.withVnetRuleset(r.name().orElse(DevfsRuleset.GENERATED_NAME), true, true);
      }
    }
    return rules.render();
  }
}
