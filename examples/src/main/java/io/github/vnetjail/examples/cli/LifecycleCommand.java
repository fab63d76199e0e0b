package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.Executors;
import io.github.vnetjail.examples.host.Jails;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.JailManager;
import io.github.vnetjail.exec.JailStatus;
import io.github.vnetjail.render.JailConfRenderOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** What plan, up, down and status share: the host, the jails to act on, the executor. */
abstract class LifecycleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ParentCommand VnetjailCli parent;

  @Mixin HostOptions hostOptions;

  @Option(
      names = "--executor",
      defaultValue = "simulated",
      paramLabel = "EXECUTOR",
      description = Executors.CHOICES + " (default: ${DEFAULT-VALUE})")
  String executor;

  @Option(
      names = "--seed-hooks",
      description = "the seed's exec hooks plus its release fix (default: the leak-safe hooks)")
  boolean seedHooks;

  @Parameters(paramLabel = "JAIL", arity = "0..*", description = "jails to act on (default: all)")
  List<String> names = new ArrayList<>();

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * A manager on {@code exec}: with the seed's hooks when {@code --seed-hooks} is given, else with
   * the manager's defaults (the renderer's leak-safe hooks, the host's release).
   */
  JailManager on(CommandExecutor exec) {
    JailManager m = JailManager.on(exec);
    return seedHooks
        ? m.withRenderOptions(
            JailConfRenderOptions.builder().hooks(JailConfRenderOptions.Hooks.SEED).build())
        : m;
  }

  CommandExecutor open() {
    return parent.executors.apply(executor);
  }

  /** The jails named on the command line, in the host's order; all of them when none is named. */
  static List<VnetJail> selected(HostConfig host, List<String> names) {
    List<VnetJail> out = new ArrayList<>();
    for (String n : names) {
      if (host.jail(n).isEmpty()) {
        List<String> known = new ArrayList<>();
        host.jails().forEach(j -> known.add(j.name()));
        throw new CliException("no jail \"" + n + "\" in the spec; jails: " + known);
      }
    }
    for (VnetJail j : host.jails()) {
      if (names.isEmpty() || names.contains(j.name())) {
        out.add(j);
      }
    }
    return out;
  }

  /** A progress line on stderr: {@code [2/3] web: starting}. */
  void progress(int index, int total, String jail, String what) {
    err().println("[" + index + "/" + total + "] " + jail + ": " + what);
    err().flush();
  }

  /** A manager for {@code exec} that shows progress on stderr for {@code total} jails. */
  JailManager manager(CommandExecutor exec, int total) {
    return on(exec).withListener(new Progress(err(), total));
  }

  /** One line per jail, as {@link Jails#describe} writes it. */
  static String describe(JailStatus s) {
    return Jails.describe(s);
  }
}
