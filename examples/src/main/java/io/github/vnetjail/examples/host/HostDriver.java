package io.github.vnetjail.examples.host;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.DevfsRuleset;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.Vlan;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.exec.Command;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.ExecResult;
import io.github.vnetjail.render.DevfsRules;
import io.github.vnetjail.render.JailConfRenderOptions;
import io.github.vnetjail.render.JailConfRenderer;
import io.github.vnetjail.render.JailRcConfRenderer;
import io.github.vnetjail.render.RcConf;
import io.github.vnetjail.render.RcConfRenderer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one FreeBSD host through a {@link CommandExecutor} the way an administrator would: writes
 * {@code /etc/jail.conf}, edits {@code /etc/rc.conf} like sysrc, writes each jail's own rc.conf and
 * the devfs rules, creates the bridges, then {@code jail -c}, {@code jls}, {@code jail -r}. Every
 * step is reported to a progress listener. It does what the examples need and no more; the SDK's
 * lifecycle manager adds checks, rollback and recovery on top of the same commands.
 *
 * <pre>{@code
 * try (CommandExecutor exec = CommandExecutors.simulated()) {
 *   HostDriver host = HostDriver.on(exec, System.out::println);
 *   host.install(config);
 *   host.start("my-vnet-jail");
 *   System.out.println(host.status("my-vnet-jail"));
 *   host.stop("my-vnet-jail");
 * }
 * }</pre>
 */
public final class HostDriver {
  private static final Logger log = LoggerFactory.getLogger(HostDriver.class);

  /** Where jail(8) reads its configuration. */
  public static final String JAIL_CONF = "/etc/jail.conf";

  private static final Pattern INET = Pattern.compile("\\tinet (\\S+) netmask 0x([0-9a-f]{8})");
  private static final Pattern GATEWAY = Pattern.compile("gateway: (\\S+)");

  private final CommandExecutor exec;
  private final Consumer<String> progress;
  private final JailConfRenderOptions options;

  private HostDriver(
      CommandExecutor exec, Consumer<String> progress, JailConfRenderOptions options) {
    this.exec = exec;
    this.progress = progress;
    this.options = options;
  }

  /** Returns a driver for the host behind {@code exec} that reports nothing. */
  public static HostDriver on(CommandExecutor exec) {
    return on(exec, step -> {});
  }

  /**
   * Returns a driver for the host behind {@code exec} that reports each step to {@code progress}.
   */
  public static HostDriver on(CommandExecutor exec, Consumer<String> progress) {
    return new HostDriver(
        checkNotNull(exec, "exec"),
        checkNotNull(progress, "progress"),
        JailConfRenderOptions.defaults());
  }

  /** Returns a driver that renders {@code /etc/jail.conf} with {@code options}. */
  public HostDriver withOptions(JailConfRenderOptions options) {
    return new HostDriver(exec, progress, checkNotNull(options, "options"));
  }

  /** Returns the jail.conf this driver installs for {@code host}. */
  public String jailConf(HostConfig host) {
    return JailConfRenderer.render(host, options);
  }

  /**
   * Writes the host's configuration and creates its bridges: {@code /etc/jail.conf}, the host's
   * rc.conf variables (every other line kept), {@code /etc/devfs.rules} for generated rulesets,
   * each jail's {@code PATH/etc/rc.conf}; returns the files written.
   */
  public List<String> install(HostConfig host) {
    List<String> written = new ArrayList<>();
    write(JAIL_CONF, jailConf(host), written);
    String rcText = exec.files().read("/etc/rc.conf").orElse("");
    write("/etc/rc.conf", RcConf.parse(rcText).apply(RcConfRenderer.edits(host)).render(), written);
    List<DevfsRuleset> generated = new ArrayList<>();
    host.devfsRulesets().stream().filter(DevfsRuleset::isGenerated).forEach(generated::add);
    if (!generated.isEmpty()) {
      DevfsRules rules = DevfsRules.parse(exec.files().read("/etc/devfs.rules").orElse(""));
      StringBuilder text = new StringBuilder(rules.render());
      for (DevfsRuleset r : generated) {
        if (rules.ruleset(r.number()).isEmpty()) {
          if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
          }
          text.append(ruleset(r));
        }
      }
      write("/etc/devfs.rules", text.toString(), written);
    }
    for (VnetJail j : host.jails()) {
      run("mkdir", "-p", j.path() + "/etc");
      write(j.path() + "/etc/rc.conf", JailRcConfRenderer.render(j), written);
    }
    for (Vlan v : host.vlans()) {
      // What rc.conf's vlans_PARENT does at boot: ifconfig NAME create vlan TAG vlandev PARENT.
      if (!exec.execute(Command.of("ifconfig", v.interfaceName())).isSuccess()) {
        run(
            "ifconfig",
            v.interfaceName(),
            "create",
            "vlan",
            Integer.toString(v.tag()),
            "vlandev",
            v.parent());
      }
      run("ifconfig", v.interfaceName(), "up");
    }
    for (Bridge b : host.bridges()) {
      ensureBridge(b);
    }
    return List.copyOf(written);
  }

  /** Returns the devfs.rules text of the host's generated rulesets (bpf for DHCP), or "". */
  public static String generatedDevfsRules(HostConfig host) {
    StringBuilder text = new StringBuilder();
    for (DevfsRuleset r : host.devfsRulesets()) {
      if (r.isGenerated()) {
        text.append(ruleset(r));
      }
    }
    return text.toString();
  }

  private static String ruleset(DevfsRuleset r) {
    return DevfsRules.render(
        r.name().orElseThrow(), r.number(), DevfsRules.vnetRules(r.exposesBpf(), r.exposesPf()));
  }

  private void write(String path, String text, List<String> written) {
    progress.accept("write " + path);
    exec.files().writeAtomically(path, text);
    written.add(path);
  }

  private void ensureBridge(Bridge b) {
    ExecResult shown = exec.execute(Command.of("ifconfig", b.name()));
    if (!shown.isSuccess()) {
      run("ifconfig", b.name(), "create");
    }
    String now = shown.isSuccess() ? shown.stdout() : "";
    for (String m : b.members()) {
      if (!now.contains("member: " + m + " ")) {
        run("ifconfig", b.name(), "addm", m);
      }
    }
    run("ifconfig", b.name(), "up");
  }

  /** Starts a jail of {@code /etc/jail.conf} ({@code jail -c}) and returns what jail(8) printed. */
  public String start(String jail) {
    return run("jail", "-f", JAIL_CONF, "-c", jail).stdout();
  }

  /** Stops a jail ({@code jail -r}) and returns what jail(8) printed. */
  public String stop(String jail) {
    return run("jail", "-f", JAIL_CONF, "-r", jail).stdout();
  }

  /** Returns what {@code ifconfig NAME} prints, or empty if there is no such interface. */
  public Optional<String> ifconfig(String name) {
    ExecResult r = exec.execute(Command.of("ifconfig", name));
    return r.isSuccess() ? Optional.of(r.stdout()) : Optional.empty();
  }

  /** Returns the host's interfaces ({@code ifconfig -l}), in creation order. */
  public List<String> hostInterfaces() {
    return Arrays.asList(run("ifconfig", "-l").stdout().trim().split(" "));
  }

  /**
   * Returns what the host says about a jail: whether jls knows it, its jid, and inside it the
   * addresses of its interface and its default route.
   */
  public JailState status(String jail, String jailInterface) {
    progress.accept("status " + jail);
    ExecResult jls = exec.execute(Command.of("jls", "-j", jail, "jid"));
    if (!jls.isSuccess()) {
      return new JailState(jail, false, 0, List.of(), Optional.empty());
    }
    int jid = Integer.parseInt(jls.stdout().trim());
    List<String> addresses = new ArrayList<>();
    ExecResult iface = exec.execute(Command.of("ifconfig", "-j", jail, jailInterface));
    Matcher m = INET.matcher(iface.stdout());
    while (m.find()) {
      addresses.add(
          jailInterface + " " + m.group(1) + "/" + Long.bitCount(Long.parseLong(m.group(2), 16)));
    }
    ExecResult route = exec.execute(Command.of("jexec", jail, "route", "-n", "get", "default"));
    Matcher g = GATEWAY.matcher(route.stdout());
    Optional<String> gateway =
        route.isSuccess() && g.find() ? Optional.of(g.group(1)) : Optional.empty();
    return new JailState(jail, true, jid, addresses, gateway);
  }

  private ExecResult run(String program, String... args) {
    Command c = Command.of(program, args);
    progress.accept("run " + String.join(" ", c.argv()));
    log.debug("running {}", c.argv());
    return exec.execute(c).requireSuccess();
  }

  /**
   * A jail as the host reports it.
   *
   * @param name the jail's name
   * @param running whether jls lists it
   * @param jid its jid, 0 when not running
   * @param addresses {@code IF ADDRESS/PREFIX} for each IPv4 address of its interface
   * @param defaultRoute the gateway of its default route, if any
   */
  public record JailState(
      String name,
      boolean running,
      int jid,
      List<String> addresses,
      Optional<String> defaultRoute) {
    /** Copies the addresses. */
    public JailState {
      addresses = List.copyOf(addresses);
    }

    @Override
    public String toString() {
      if (!running) {
        return name + ": not running";
      }
      return name
          + ": running, jid "
          + jid
          + (addresses.isEmpty() ? "" : ", " + String.join(", ", addresses))
          + defaultRoute.map(gw -> ", default via " + gw).orElse("");
    }
  }
}
