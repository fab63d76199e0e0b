package io.github.vnetjail.bench;

/**
 * Generates jail.conf files in the seed's style: one block per jail with the variables {@code $id
 * $ip $gateway $bridge $epair}, the seed's hooks and the {@code exec.prestop} release fix (about 23
 * lines and 820 bytes per jail: 20,000 jails make about 460,000 lines, 16 MB).
 */
public final class SeedStyleFiles {
  private SeedStyleFiles() {}

  /** Returns a file of {@code jails} jails named {@code jail1}, {@code jail2}, .... */
  public static String jailConf(int jails) {
    StringBuilder b = new StringBuilder(jails * 830);
    for (int i = 1; i <= jails; i++) {
      appendJail(b, i);
    }
    return b.toString();
  }

  private static void appendJail(StringBuilder b, int i) {
    b.append("jail")
        .append(i)
        .append(" {\n")
        .append("# VNET/VIMAGE\n")
        .append("  vnet;\n")
        .append("  vnet.interface = \"${epair}b\";\n")
        .append("# NETWORKS/INTERFACES\n")
        .append("  $id = \"")
        .append(i)
        .append("\";\n")
        .append("  $ip = \"10.")
        .append(i / 65536)
        .append('.')
        .append(i / 256 % 256)
        .append('.')
        .append(i % 256)
        .append("/8\";\n")
        .append("  $gateway = \"10.0.0.1\";\n")
        .append("  $bridge = \"bridge0\";\n")
        .append("  $epair = \"epair${id}\";\n")
        .append("# ADD TO bridge INTERFACE\n")
        .append("  exec.prestart  = \"/sbin/ifconfig ${epair} create up\";\n")
        .append("  exec.prestart += \"/sbin/ifconfig ${epair}a up descr jail:${name}\";\n")
        .append("  exec.prestart += \"/sbin/ifconfig ${bridge} addm ${epair}a up\";\n")
        .append("  exec.start    += \"/sbin/ifconfig ${epair}b ${ip} up\";\n")
        .append("  exec.start    += \"/sbin/route add default ${gateway}\";\n")
        .append(
            "  exec.prestop  += \"/sbin/ifconfig ${epair}b || /sbin/ifconfig ${epair}b -vnet $name\";\n")
        .append("  exec.poststop = \"/sbin/ifconfig ${bridge} deletem ${epair}a\";\n")
        .append("  exec.poststop += \"/sbin/ifconfig ${epair}a destroy\";\n")
        .append("  path = \"/usr/jails/${name}\";\n")
        .append("  host.hostname = \"${name}.example.org\";\n")
        .append("  persist;\n")
        .append("}\n");
  }
}
