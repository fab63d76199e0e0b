package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.FreeBsdRelease;
import io.github.vnetjail.core.Hook;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.InterfaceNaming;
import io.github.vnetjail.core.IpAlias;
import io.github.vnetjail.core.Jail;
import io.github.vnetjail.core.Mount;
import io.github.vnetjail.core.PlainJail;
import io.github.vnetjail.core.Route;
import io.github.vnetjail.core.VnetJail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@link VnetJail}s and a {@link HostConfig} as jail.conf, in the seed's style (variables
 * {@code $id $ip $gateway $bridge $epair}) or fully expanded, as one file or one file per jail.
 *
 * <p>The epair never outlives a failed start (with the default {@link
 * JailConfRenderOptions.Hooks#ROBUST} hooks). jail(8) runs no stop hook when a start fails; it only
 * undoes its own mounts and aliases (FREEBSD-COMMANDS.md 3.4). So:
 *
 * <ul>
 *   <li>{@code exec.prestart} first destroys a pair that a crash or an earlier failed start left (a
 *       stale epair never blocks a start), then creates the pair, names it, and joins the bridge in
 *       one sh line that destroys the pair again if any step fails;
 *   <li>{@code exec.start} configures the jail's network before {@code /bin/sh /etc/rc}, in one sh
 *       line that destroys the pair (from inside the jail, which destroys both sides) if a step
 *       fails;
 *   <li>a failure jail(8) meets between those (creating the jail, moving {@code vnet.interface})
 *       leaves the pair until the next start's {@code exec.prestart} removes it (and {@code
 *       JailManager} rolls back at once);
 *   <li>{@code exec.prestop} takes the jail side back before removal (the seed's fix: a dying jail
 *       may keep it for minutes), {@code exec.poststop} destroys the pair.
 * </ul>
 *
 * <pre>{@code
 * String text = JailConfRenderer.render(host);                 // /etc/jail.conf
 * Map<String, String> files = JailConfRenderer.renderFiles(host); // /etc/jail.conf.d/NAME.conf
 * String expanded = JailConfRenderer.render(host, JailConfRenderOptions.builder()
 *     .style(JailConfRenderOptions.Style.EXPANDED).build());
 * }</pre>
 */
public final class JailConfRenderer {
  private static final String IFCONFIG = "/sbin/ifconfig ";
  private static final String ROUTE = "/sbin/route ";

  private JailConfRenderer() {}

  /** Renders the host's jails as one {@code /etc/jail.conf} for the host's release. */
  public static String render(HostConfig host) {
    return render(host, optionsFor(host));
  }

  /** Renders the host's jails as one file with the given options. */
  public static String render(HostConfig host, JailConfRenderOptions options) {
    return toJailConf(host, options).render();
  }

  /** Renders one VNET jail (with the default options) as a file of its own. */
  public static String render(VnetJail jail) {
    return render(jail, JailConfRenderOptions.defaults());
  }

  /** Renders one VNET jail as a file of its own. */
  public static String render(VnetJail jail, JailConfRenderOptions options) {
    checkNotNull(jail, "jail");
    checkNotNull(options, "options");
    List<JailConfStatement> file = new ArrayList<>(header(options));
    file.add(vnetBlock(jail, options));
    return JailConf.of(file, options.dialect()).render();
  }

  /**
   * Renders one file per jail, {@code /etc/jail.conf.d/NAME.conf}, each with the host's {@code *}
   * defaults (rc.d/jail reads such a file alone); on FreeBSD 14.0 and later also {@code
   * /etc/jail.conf} holding only {@code .include "/etc/jail.conf.d/*.conf";}.
   */
  public static Map<String, String> renderFiles(HostConfig host) {
    return renderFiles(host, optionsFor(host));
  }

  /** Renders one file per jail with the given options. */
  public static Map<String, String> renderFiles(HostConfig host, JailConfRenderOptions options) {
    checkNotNull(host, "host");
    checkNotNull(options, "options");
    Map<String, String> out = new LinkedHashMap<>();
    String dir = options.confDirectory();
    if (options.dialect() != JailConfDialect.FREEBSD_13) {
      out.put(
          JailConf.DEFAULT_FILE,
          JailConf.of(
                  List.of(
                      JailConfComment.line("Written by vnetjail: one file per jail in " + dir),
                      JailConfInclude.of(dir + "/*.conf")),
                  options.dialect())
              .render());
    }
    for (Jail jail : host.allJails()) {
      List<JailConfStatement> file = new ArrayList<>(header(options));
      file.addAll(defaults(host));
      file.add(block(jail, options));
      out.put(dir + "/" + jail.name() + ".conf", JailConf.of(file, options.dialect()).render());
    }
    return out;
  }

  /** Returns the host's jails as a jail.conf AST, to edit before writing. */
  public static JailConf toJailConf(HostConfig host, JailConfRenderOptions options) {
    checkNotNull(host, "host");
    checkNotNull(options, "options");
    List<JailConfStatement> file = new ArrayList<>(header(options));
    file.addAll(defaults(host));
    for (Jail jail : host.allJails()) {
      file.add(block(jail, options));
    }
    return JailConf.of(file, options.dialect());
  }

  private static JailConfRenderOptions optionsFor(HostConfig host) {
    checkNotNull(host, "host");
    return JailConfRenderOptions.builder()
        .dialect(
            host.release() == FreeBsdRelease.V13
                ? JailConfDialect.FREEBSD_13
                : JailConfDialect.FREEBSD_14)
        .build();
  }

  private static List<JailConfStatement> defaults(HostConfig host) {
    List<JailConfStatement> out = new ArrayList<>();
    host.defaults().forEach((name, values) -> out.add(parameter(name, values, false)));
    return out;
  }

  private static List<JailConfStatement> header(JailConfRenderOptions options) {
    List<String> lines = new ArrayList<>();
    lines.add("Written by vnetjail. Each VNET jail has an epair: side a joins a bridge on the");
    lines.add("host, side b moves into the jail (vnet.interface).");
    if (options.hooks() == JailConfRenderOptions.Hooks.ROBUST) {
      lines.add("No epair outlives a failed start; jail(8) runs no stop hook then, so:");
      lines.add("- exec.prestart destroys a pair left by a crash or a failed start, then creates");
      lines.add("  the pair and joins the bridge in one sh line that destroys it if a step fails;");
      lines.add("- exec.start sets up the network before /bin/sh /etc/rc and destroys the pair");
      lines.add("  if that fails; a failure in between (creating the jail, moving side b)");
      lines.add("  leaves the pair to the next start's exec.prestart;");
      lines.add("- exec.prestop takes side b back from the jail (a dying jail may keep it),");
      lines.add("  exec.poststop destroys the pair.");
    } else {
      lines.add("The seed's hooks plus its exec.prestop release fix. They leave the epair");
      lines.add("behind when a start fails after exec.prestart, and a left epair makes the");
      lines.add("next start fail: prefer the robust hooks.");
    }
    List<JailConfStatement> out = new ArrayList<>();
    for (String l : lines) {
      out.add(JailConfComment.line(l));
    }
    return out;
  }

  private static JailConfJail block(Jail jail, JailConfRenderOptions options) {
    if (jail instanceof VnetJail) {
      return vnetBlock((VnetJail) jail, options);
    }
    return plainBlock((PlainJail) jail);
  }

  private static JailConfParameter parameter(String name, List<String> values, boolean append) {
    if (values.isEmpty()) {
      return JailConfParameter.flag(name);
    }
    String[] v = values.toArray(new String[0]);
    return append ? JailConfParameter.append(name, v) : JailConfParameter.set(name, v);
  }

  /** The parameters every jail kind shares (the seed's "# ..." part). */
  private static void common(Jail jail, List<JailConfStatement> out) {
    out.add(JailConfParameter.set("path", jail.path()));
    jail.hostname().ifPresent(h -> out.add(JailConfParameter.set("host.hostname", h)));
    if (jail.persist()) {
      out.add(JailConfParameter.flag("persist"));
    }
    if (jail.mountDevfs()) {
      out.add(JailConfParameter.flag("mount.devfs"));
    }
    jail.devfsRuleset()
        .ifPresent(
            r -> out.add(JailConfParameter.set("devfs_ruleset", Integer.toString(r.number()))));
    if (jail.mountFdescfs()) {
      out.add(JailConfParameter.flag("mount.fdescfs"));
    }
    if (jail.mountProcfs()) {
      out.add(JailConfParameter.flag("mount.procfs"));
    }
    for (Mount m : jail.mounts()) {
      out.add(JailConfParameter.append("mount", m.fstabLine()));
    }
    jail.mountFstab().ifPresent(f -> out.add(JailConfParameter.set("mount.fstab", f)));
    jail.permissionParameters().forEach((n, v) -> out.add(parameter(n, v, false)));
    if (!jail.depend().isEmpty()) {
      out.add(parameter("depend", jail.depend(), false));
    }
    jail.rawParameters().forEach((n, v) -> out.add(parameter(n, v, false)));
  }

  private static JailConfJail plainBlock(PlainJail jail) {
    List<JailConfStatement> body = new ArrayList<>();
    common(jail, body);
    for (IpAlias a : jail.ip4Aliases()) {
      body.add(JailConfParameter.append("ip4.addr", a.toString()));
    }
    for (IpAlias a : jail.ip6Aliases()) {
      body.add(JailConfParameter.append("ip6.addr", a.toString()));
    }
    for (Hook hook : Hook.values()) {
      for (String command : jail.hookCommands(hook)) {
        body.add(JailConfParameter.append(hook.parameter(), command));
      }
    }
    return JailConfJail.of(jail.name(), body);
  }

  private static JailConfJail vnetBlock(VnetJail jail, JailConfRenderOptions options) {
    Net n = new Net(jail, options.style() == JailConfRenderOptions.Style.VARIABLES);
    boolean seed = options.hooks() == JailConfRenderOptions.Hooks.SEED;
    List<JailConfStatement> body = new ArrayList<>();
    common(jail, body);
    body.add(JailConfComment.line("VNET/VIMAGE"));
    body.add(JailConfParameter.flag("vnet"));
    body.add(JailConfParameter.set("vnet.interface", List.of(n.line().jailIf().build())));
    if (n.vars) {
      body.add(JailConfComment.line("NETWORKS/INTERFACES"));
      body.addAll(n.variables());
    }
    body.add(JailConfComment.line("ADD TO bridge INTERFACE"));
    if (seed) {
      seedHooks(n, body);
    } else {
      robustHooks(n, body);
    }
    return JailConfJail.of(jail.name(), body);
  }

  private static void seedHooks(Net n, List<JailConfStatement> body) {
    VnetJail j = n.jail;
    List<JailConfValue> prestart = new ArrayList<>();
    prestart.add(n.line().text(IFCONFIG).epair().text(" create up").build());
    prestart.addAll(n.renames());
    prestart.add(
        n.line().text(IFCONFIG).hostIf().text(" up descr jail:").ref("name", j.name()).build());
    n.macs(prestart);
    prestart.add(n.line().text(IFCONFIG).bridge().text(" addm ").hostIf().text(" up").build());
    addHook(body, "exec.prestart", prestart, false, j.hookCommands(Hook.PRESTART));
    List<JailConfValue> start = new ArrayList<>(n.networkCommands());
    addHook(body, "exec.start", start, true, j.hookCommands(Hook.START));
    addUserHooks(body, j, Hook.CREATED, Hook.POSTSTART, Hook.PREPARE);
    body.add(JailConfComment.line("RELEASE the jail side before removal (the seed's fix)"));
    List<JailConfValue> prestop = new ArrayList<>();
    prestop.add(
        n.line()
            .text(IFCONFIG)
            .jailIf()
            .text(" || " + IFCONFIG)
            .jailIf()
            .text(" -vnet ")
            .ref("name", j.name())
            .build());
    addHook(body, "exec.prestop", prestop, true, j.hookCommands(Hook.PRESTOP));
    addUserHooks(body, j, Hook.STOP);
    List<JailConfValue> poststop = new ArrayList<>();
    poststop.add(n.line().text(IFCONFIG).bridge().text(" deletem ").hostIf().build());
    poststop.add(n.line().text(IFCONFIG).hostIf().text(" destroy").build());
    addHook(body, "exec.poststop", poststop, false, j.hookCommands(Hook.POSTSTOP));
    addUserHooks(body, j, Hook.RELEASE);
  }

  private static void robustHooks(Net n, List<JailConfStatement> body) {
    VnetJail j = n.jail;
    // Destroy a stale pair, create, name, join; on a failure after create, destroy the pair.
    Line pre = n.line().text(IFCONFIG).hostIf().text(" destroy 2>/dev/null; ");
    if (!n.epairNaming) {
      // A crash between create and rename leaves the kernel's own names behind.
      pre.text(IFCONFIG).epair().text("a destroy 2>/dev/null; ");
    }
    pre.text(IFCONFIG).epair().text(" create up && { ");
    for (JailConfValue v : n.renames()) {
      pre.value(v).text(" && ");
    }
    pre.text(IFCONFIG).hostIf().text(" up descr jail:").ref("name", j.name()).text(" && ");
    List<JailConfValue> macs = new ArrayList<>();
    n.macs(macs);
    for (JailConfValue v : macs) {
      pre.value(v).text(" && ");
    }
    pre.text(IFCONFIG).bridge().text(" addm ").hostIf().text(" up || { " + IFCONFIG).hostIf();
    if (n.epairNaming) {
      pre.text(" destroy; false; }; }");
    } else {
      // The rename may be what failed: then the pair still has the kernel's names.
      pre.text(" destroy 2>/dev/null || " + IFCONFIG).epair().text("a destroy; false; }; }");
    }
    addUserHooks(body, j, Hook.PREPARE);
    addHook(body, "exec.prestart", List.of(pre.build()), false, j.hookCommands(Hook.PRESTART));
    addUserHooks(body, j, Hook.CREATED);
    // Inside the jail: the network first (destroying the pair if it fails), then rc.
    Line net = n.line();
    List<JailConfValue> commands = n.networkCommands();
    for (int i = 0; i < commands.size(); i++) {
      net.value(commands.get(i)).text(i + 1 < commands.size() ? " && " : "");
    }
    net.text(" || { " + IFCONFIG).jailIf().text(" destroy; false; }");
    List<JailConfValue> start = new ArrayList<>();
    start.add(net.build());
    start.add(JailConfValue.literal("/bin/sh /etc/rc"));
    addHook(body, "exec.start", start, false, j.hookCommands(Hook.START));
    addUserHooks(body, j, Hook.POSTSTART);
    body.add(
        JailConfComment.line("RELEASE the jail side before removal (a dying jail may keep it)"));
    List<JailConfValue> prestop = new ArrayList<>();
    prestop.add(
        n.line()
            .text(IFCONFIG)
            .jailIf()
            .text(" -vnet ")
            .ref("name", j.name())
            .text(" 2>/dev/null || true")
            .build());
    addHook(body, "exec.prestop", prestop, false, j.hookCommands(Hook.PRESTOP));
    List<JailConfValue> stop = new ArrayList<>();
    stop.add(JailConfValue.literal("/bin/sh /etc/rc.shutdown"));
    addHook(body, "exec.stop", stop, false, j.hookCommands(Hook.STOP));
    List<JailConfValue> poststop = new ArrayList<>();
    poststop.add(
        n.line()
            .text(IFCONFIG)
            .bridge()
            .text(" deletem ")
            .hostIf()
            .text(" 2>/dev/null; " + IFCONFIG)
            .hostIf()
            .text(" destroy 2>/dev/null || true")
            .build());
    addHook(body, "exec.poststop", poststop, false, j.hookCommands(Hook.POSTSTOP));
    addUserHooks(body, j, Hook.RELEASE);
  }

  /**
   * Writes our commands as {@code name = first; name += next;} ({@code +=} throughout where the
   * seed does), then the user's with {@code +=}.
   */
  private static void addHook(
      List<JailConfStatement> body,
      String name,
      List<JailConfValue> ours,
      boolean appendFirst,
      List<String> user) {
    boolean first = true;
    for (JailConfValue v : ours) {
      body.add(
          JailConfParameter.of(
              name,
              false,
              first && !appendFirst
                  ? JailConfParameter.Operator.ASSIGN
                  : JailConfParameter.Operator.APPEND,
              List.of(v)));
      first = false;
    }
    for (String command : user) {
      // The user's commands always append: to ours, or to the host's * defaults.
      body.add(JailConfParameter.append(name, command));
    }
  }

  private static void addUserHooks(List<JailConfStatement> body, VnetJail jail, Hook... hooks) {
    for (Hook hook : hooks) {
      addHook(body, hook.parameter(), List.of(), false, jail.hookCommands(hook));
    }
  }

  /** One jail's network names and how the chosen style writes them. */
  private static final class Net {
    final VnetJail jail;
    final boolean vars;
    final boolean epairNaming;

    Net(VnetJail jail, boolean variables) {
      this.jail = jail;
      this.epairNaming = jail.interfaceNaming() == InterfaceNaming.EPAIR;
      this.vars = variables;
    }

    Line line() {
      return new Line(this);
    }

    /** The seed's variables: $id $ip $gateway $bridge $epair (and $ip6, $gateway6). */
    List<JailConfStatement> variables() {
      List<JailConfStatement> out = new ArrayList<>();
      String id = Integer.toString(jail.epairUnit());
      out.add(JailConfParameter.variable("id", id));
      jail.ip()
          .ifPresent(
              ip -> {
                String text = ip.toString();
                String addr = ip.address().toString();
                JailConfValue.Builder b = JailConfValue.builder();
                if (addr.endsWith("." + id)) {
                  // The seed's $ip = "192.168.1.${id}/24", when the last octet is the id.
                  b.text(addr.substring(0, addr.length() - id.length()))
                      .variable("id")
                      .text(text.substring(addr.length()));
                } else {
                  b.text(text);
                }
                out.add(JailConfParameter.variable("ip", b.build()));
              });
      jail.gateway().ifPresent(g -> out.add(JailConfParameter.variable("gateway", g.toString())));
      jail.ip6().ifPresent(ip -> out.add(JailConfParameter.variable("ip6", ip.toString())));
      jail.ip6Gateway()
          .ifPresent(g -> out.add(JailConfParameter.variable("gateway6", g.toString())));
      out.add(JailConfParameter.variable("bridge", jail.bridge()));
      out.add(
          JailConfParameter.variable(
              "epair", JailConfValue.builder().text("epair").variable("id").build()));
      return out;
    }

    /** jib naming: rename the sides right after creation. */
    List<JailConfValue> renames() {
      if (epairNaming) {
        return List.of();
      }
      return List.of(
          line().text(IFCONFIG).epair().text("a name ").arg(jail.hostInterface()).build(),
          line().text(IFCONFIG).epair().text("b name ").arg(jail.jailInterface()).build());
    }

    void macs(List<JailConfValue> out) {
      jail.hostMac()
          .ifPresent(
              m -> out.add(line().text(IFCONFIG).hostIf().text(" ether ").arg(m.value()).build()));
      jail.jailMac()
          .ifPresent(
              m -> out.add(line().text(IFCONFIG).jailIf().text(" ether ").arg(m.value()).build()));
    }

    /** The commands that configure the network inside the jail, in order. */
    List<JailConfValue> networkCommands() {
      List<JailConfValue> out = new ArrayList<>();
      if (jail.ip().isPresent()) {
        out.add(
            line()
                .text(IFCONFIG)
                .jailIf()
                .text(" ")
                .ref("ip", jail.ip().get().toString())
                .text(" up")
                .build());
      } else {
        out.add(line().text(IFCONFIG).jailIf().text(" up").build());
      }
      if (jail.ip6().isPresent()) {
        out.add(
            line()
                .text(IFCONFIG)
                .jailIf()
                .text(" inet6 ")
                .ref("ip6", jail.ip6().get().toString())
                .text(" up")
                .build());
      } else if (jail.slaac()) {
        out.add(line().text(IFCONFIG).jailIf().text(" inet6 -ifdisabled accept_rtadv up").build());
      }
      jail.gateway()
          .ifPresent(
              g ->
                  out.add(
                      line().text(ROUTE + "add default ").ref("gateway", g.toString()).build()));
      jail.ip6Gateway()
          .ifPresent(
              g ->
                  out.add(
                      line()
                          .text(ROUTE + "-6 add default ")
                          .ref("gateway6", g.toString())
                          .build()));
      for (Route r : jail.routes()) {
        out.add(
            line()
                .text(ROUTE + (r.destination().isIpv6() ? "-6 " : "") + "add -net ")
                .arg(r.destination().toString())
                .text(" ")
                .arg(r.gateway().toString())
                .build());
      }
      return out;
    }
  }

  /**
   * Builds one sh command line as a jail.conf value: constant sh text, values quoted through {@link
   * ShellQuoting}, and (in the variables style) variable references where the value needs no sh
   * quoting.
   */
  private static final class Line {
    private final Net net;
    private final JailConfValue.Builder b = JailConfValue.builder();

    Line(Net net) {
      this.net = net;
    }

    Line text(String shText) {
      b.text(shText);
      return this;
    }

    Line arg(String value) {
      b.text(ShellQuoting.quote(value));
      return this;
    }

    Line ref(String variable, String value) {
      if (net.vars && ShellQuoting.quote(value).equals(value)) {
        b.variable(variable);
        return this;
      }
      return arg(value);
    }

    Line value(JailConfValue v) {
      for (JailConfValue.Piece p : v.pieces()) {
        if (p.isVariable()) {
          b.variable(p.text());
        } else {
          b.text(p.text());
        }
      }
      return this;
    }

    /** {@code ${epair}} or {@code epair154}. */
    Line epair() {
      return ref("epair", net.jail.epair());
    }

    Line bridge() {
      return ref("bridge", net.jail.bridge());
    }

    /** {@code ${epair}a}, or the jib name. */
    Line hostIf() {
      if (net.epairNaming) {
        return epair().text("a");
      }
      return arg(net.jail.hostInterface());
    }

    /** {@code ${epair}b}, or the jib name. */
    Line jailIf() {
      if (net.epairNaming) {
        return epair().text("b");
      }
      return arg(net.jail.jailInterface());
    }

    JailConfValue build() {
      return b.build();
    }
  }
}
