package io.github.vnetjail.examples;

import io.github.vnetjail.render.Finding;
import io.github.vnetjail.render.JailConf;
import io.github.vnetjail.render.JailConfEvaluation;
import io.github.vnetjail.render.Lint;
import io.github.vnetjail.render.RcConf;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads an existing jail.conf and rc.conf (the seed's, by default: with its {@code
 * cloned_interface} typo and without its release fix), prints what jail(8) would make of each jail,
 * lints both files, and fixes the rc.conf the way {@code sysrc} would.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=io.github.vnetjail.examples.ImportAndLint -Dexec.args="/etc/jail.conf /etc/rc.conf"
 * }</pre>
 */
public final class ImportAndLint {
  /** The seed's /etc/jail.conf, as the blog post gives it. */
  static final String SEED_JAIL_CONF =
      "my-vnet-jail {\n"
          + "# VNET/VIMAGE\n"
          + "  vnet;\n"
          + "  vnet.interface = \"${epair}b\";\n"
          + "# NETWORKS/INTERFACES\n"
          + "  $id = \"154\";\n"
          + "  $ip = \"192.168.1.${id}/24\";\n"
          + "  $gateway = \"192.168.1.1\";\n"
          + "  $bridge = \"bridge0\";\n"
          + "  $epair = \"epair${id}\";\n"
          + "# ADD TO bridge INTERFACE\n"
          + "  exec.prestart  = \"/sbin/ifconfig ${epair} create up\";\n"
          + "  exec.prestart += \"/sbin/ifconfig ${epair}a up descr jail:${name}\";\n"
          + "  exec.prestart += \"/sbin/ifconfig ${bridge} addm ${epair}a up\";\n"
          + "  exec.start    += \"/sbin/ifconfig ${epair}b ${ip} up\";\n"
          + "  exec.start    += \"/sbin/route add default ${gateway}\";\n"
          + "  exec.poststop = \"/sbin/ifconfig ${bridge} deletem ${epair}a\";\n"
          + "  exec.poststop += \"/sbin/ifconfig ${epair}a destroy\";\n"
          + "}\n";

  /** The seed's /etc/rc.conf, typo included. */
  static final String SEED_RC_CONF =
      "hostname=\"jailhost\"\n"
          + "cloned_interface=\"bridge0\"\n"
          + "ifconfig_bridge0=\"addm em0 up\"\n";

  private ImportAndLint() {}

  /**
   * Runs the example: {@code args} may name a jail.conf and an rc.conf to read instead of the
   * seed's.
   */
  public static void main(String[] args) throws IOException {
    run(System.out, args);
  }

  static void run(PrintStream out, String... args) throws IOException {
    String jailConfPath = args.length > 0 ? args[0] : "/etc/jail.conf";
    String rcConfPath = args.length > 1 ? args[1] : "/etc/rc.conf";
    String jailConfText = args.length > 0 ? read(args[0]) : SEED_JAIL_CONF;
    String rcConfText = args.length > 1 ? read(args[1]) : SEED_RC_CONF;

    out.println("== " + jailConfPath + ": what jail(8) makes of it");
    JailConf conf = JailConf.parse(jailConfText);
    for (JailConfEvaluation.Jail jail : conf.evaluate().jails()) {
      out.println(jail.name() + ":");
      if (jail.failed()) {
        jail.messages().forEach(m -> out.println("  " + m));
        continue;
      }
      for (Map.Entry<String, List<String>> p : jail.parameters().entrySet()) {
        out.println("  " + p.getKey() + (p.getValue().isEmpty() ? "" : " = " + p.getValue()));
      }
    }

    out.println();
    out.println("== lint");
    List<Finding> findings =
        Lint.files().jailConf(jailConfPath, jailConfText).rcConf(rcConfPath, rcConfText).check();
    findings.forEach(out::println);
    out.println(findings.size() + " finding(s)");

    out.println();
    out.println("== " + rcConfPath + " after the fix (like sysrc -x and sysrc +=)");
    RcConf rc = RcConf.parse(rcConfText);
    if (rc.contains("cloned_interface")) {
      String typo = rc.get("cloned_interface").orElse("");
      rc = rc.delete("cloned_interface");
      for (String word : typo.trim().split("\\s+")) {
        if (!word.isEmpty()) {
          rc = rc.addWord("cloned_interfaces", word);
        }
      }
    }
    out.print(rc.render());
    out.println("cloned_interfaces = " + rc.get("cloned_interfaces").orElse("(unset)"));
  }

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }
}
