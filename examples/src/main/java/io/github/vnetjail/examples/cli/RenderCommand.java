package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.Jails;
import io.github.vnetjail.render.JailConfRenderOptions;
import io.github.vnetjail.render.JailConfRenderer;
import io.github.vnetjail.render.JailRcConfRenderer;
import io.github.vnetjail.render.RcConfRenderer;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vnetjail render}: the jail.conf, the host's rc.conf, each jail's own rc.conf or the devfs
 * rules of a host given by a spec file or by options.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Render jail.conf, the host's rc.conf, a jail's rc.conf or devfs.rules.")
final class RenderCommand implements Callable<Integer> {
  /** What to render. */
  enum What {
    jail_conf,
    rc_conf,
    jail_rc_conf,
    devfs_rules,
    all
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin HostOptions hostOptions;

  @Option(
      names = "--what",
      defaultValue = "jail.conf",
      converter = WhatConverter.class,
      description =
          "jail.conf, rc.conf, jail-rc.conf, devfs.rules or all (default: ${DEFAULT-VALUE})")
  What what;

  @Option(
      names = "--expanded",
      description = "write every value out instead of the seed's variables")
  boolean expanded;

  @Option(names = "--seed-hooks", description = "the seed's exec hooks plus its release fix")
  boolean seedHooks;

  @Option(
      names = "--per-jail",
      description = "one file per jail for /etc/jail.conf.d (with headers naming each file)")
  boolean perJail;

  static final class WhatConverter implements CommandLine.ITypeConverter<What> {
    @Override
    public What convert(String value) {
      return What.valueOf(value.replace('.', '_').replace('-', '_'));
    }
  }

  JailConfRenderOptions options() {
    return JailConfRenderOptions.builder()
        .style(
            expanded ? JailConfRenderOptions.Style.EXPANDED : JailConfRenderOptions.Style.VARIABLES)
        .hooks(seedHooks ? JailConfRenderOptions.Hooks.SEED : JailConfRenderOptions.Hooks.ROBUST)
        .build();
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HostConfig host = hostOptions.host();
    boolean all = what == What.all;
    if (all || what == What.jail_conf) {
      if (perJail) {
        for (Map.Entry<String, String> f :
            JailConfRenderer.renderFiles(host, options()).entrySet()) {
          header(out, true, f.getKey());
          out.print(f.getValue());
        }
      } else {
        header(out, all, "/etc/jail.conf");
        out.print(JailConfRenderer.render(host, options()));
      }
    }
    if (all || what == What.rc_conf) {
      header(out, all, "/etc/rc.conf");
      out.print(RcConfRenderer.render(host));
    }
    if (all || what == What.jail_rc_conf) {
      for (VnetJail j : host.jails()) {
        header(out, all || host.jails().size() > 1, j.path() + "/etc/rc.conf");
        out.print(JailRcConfRenderer.render(j));
      }
    }
    if (all || what == What.devfs_rules) {
      String rules = Jails.generatedDevfsRules(host);
      if (!rules.isEmpty() || !all) {
        header(out, all, "/etc/devfs.rules");
        out.print(rules);
      }
    }
    out.flush();
    return 0;
  }

  private static void header(PrintWriter out, boolean show, String path) {
    if (show) {
      out.println("# ==> " + path + " <==");
    }
  }
}
