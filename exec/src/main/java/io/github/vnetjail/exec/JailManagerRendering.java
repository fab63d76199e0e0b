package io.github.vnetjail.exec;

import io.github.vnetjail.core.FreeBsdRelease;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.render.DevfsRules;
import io.github.vnetjail.render.JailConfDialect;
import io.github.vnetjail.render.JailConfRenderOptions;
import io.github.vnetjail.render.JailConfRenderer;
import io.github.vnetjail.render.RcConfEdit;
import io.github.vnetjail.render.RcConfRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files {@link JailManager} installs for a {@link HostConfig}, from the render module. */
final class JailManagerRendering {
  private JailManagerRendering() {}

  /**
   * The options the manager uses unless told otherwise: the seed's hooks with its release fix (the
   * manager does the leak-safety itself: stale epairs before start, rollback after a failure) and
   * the host's release.
   */
  static JailConfRenderOptions defaultOptions(HostConfig host) {
    return JailConfRenderOptions.builder()
        .hooks(JailConfRenderOptions.Hooks.SEED)
        .dialect(
            host.release() == FreeBsdRelease.V13
                ? JailConfDialect.FREEBSD_13
                : JailConfDialect.FREEBSD_14)
        .build();
  }

  /**
   * {@code DIR/NAME.conf} for each VNET jail, by path. Only the per-jail files: {@code
   * /etc/jail.conf} is the user's. {@code depend} is left out of them: jail(8) reading one file
   * fails a jail whose dependency that file does not define ("depends on undefined jail",
   * usr.sbin/jail/state.c dep_setup), and the manager starts dependencies first itself.
   */
  static Map<String, String> jailConfFiles(HostConfig host, JailConfRenderOptions options) {
    List<VnetJail> jails = new ArrayList<>();
    host.jails().forEach(j -> jails.add(j.toBuilder().depend(List.of()).build()));
    HostConfig plain = host.toBuilder().jails(jails).build();
    Map<String, String> files = new LinkedHashMap<>();
    String prefix = options.confDirectory() + "/";
    JailConfRenderer.renderFiles(plain, options)
        .forEach(
            (path, text) -> {
              if (path.startsWith(prefix) && host.jail(name(path, prefix)).isPresent()) {
                files.put(path, text);
              }
            });
    return files;
  }

  private static String name(String path, String prefix) {
    return path.substring(prefix.length(), path.length() - ".conf".length());
  }

  /** The host's rc.conf edits, like sysrc: bridges cloned at boot, jails started at boot. */
  static List<RcConfEdit> rcConfEdits(HostConfig host) {
    return RcConfRenderer.edits(host);
  }

  /** {@code /etc/devfs.rules} with the host's generated rulesets added, the rest kept. */
  static String devfsRules(String existing, HostConfig host) {
    return DevfsRules.parse(existing).withRulesetsOf(host).render();
  }
}
