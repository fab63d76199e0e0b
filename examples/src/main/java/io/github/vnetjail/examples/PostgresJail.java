package io.github.vnetjail.examples;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.SysvIpc;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.Executors;
import io.github.vnetjail.examples.host.Jails;
import io.github.vnetjail.exec.CommandExecutor;
import io.github.vnetjail.exec.JailManager;
import io.github.vnetjail.render.Finding;
import io.github.vnetjail.render.JailConf;
import io.github.vnetjail.render.JailConfRenderOptions;
import io.github.vnetjail.render.JailConfRenderer;
import io.github.vnetjail.render.Lint;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * A jail for PostgreSQL: System V shared memory, semaphores and message queues in a namespace of
 * its own ({@code sysvshm = new} and friends) instead of the deprecated {@code allow.sysvipc},
 * which shares the host's. Runs on the simulated host unless {@code args[0]} names another
 * executor.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=io.github.vnetjail.examples.PostgresJail
 * }</pre>
 */
public final class PostgresJail {
  private PostgresJail() {}

  static VnetJail postgres() {
    return VnetJail.builder()
        .name("pg")
        .id(20)
        .bridge("bridge0")
        .ip("192.168.1.20/24")
        .gateway("192.168.1.1")
        .hostname("pg.example.org")
        .sysvshm(SysvIpc.NEW)
        .sysvsem(SysvIpc.NEW)
        .sysvmsg(SysvIpc.NEW)
        .build();
  }

  /** Runs the example. */
  public static void main(String[] args) {
    try (CommandExecutor exec = Executors.parse(args.length > 0 ? args[0] : "simulated")) {
      run(exec, System.out);
    }
  }

  static void run(CommandExecutor exec, PrintStream out) {
    VnetJail pg = postgres();
    HostConfig host =
        HostConfig.builder()
            .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
            .addJail(pg)
            .build();
    JailConfRenderOptions seedHooks =
        JailConfRenderOptions.builder().hooks(JailConfRenderOptions.Hooks.SEED).build();

    out.println("== System V IPC parameters of jail pg, as jail(8) reads them");
    Map<String, List<String>> eff =
        JailConf.parse(JailConfRenderer.render(host, seedHooks)).effectiveParameters("pg");
    for (String p : List.of("sysvmsg", "sysvsem", "sysvshm")) {
      out.println(p + " = " + String.join(",", eff.get(p)));
    }

    out.println();
    out.println("== lint of the old way (allow.sysvipc)");
    String legacy = "pg {\n  vnet;\n  allow.sysvipc;\n  path = \"/jails/pg\";\n}\n";
    List<Finding> findings = Lint.files().jailConf("/etc/jail.conf", legacy).check();
    findings.stream()
        .filter(f -> f.code().equals("jail-deprecated-sysvipc"))
        .forEach(f -> out.println(f.message() + "\n  fix: " + f.fix()));

    out.println();
    out.println("== on the host");
    Jails.prepareSimulated(exec, host);
    JailManager jails = JailManager.on(exec).withRenderOptions(seedHooks);
    jails.install(host);
    jails.start(pg.name());
    out.println(Jails.describe(jails.status(pg.name())));
    jails.stop(pg.name());
    out.println(Jails.describe(jails.status(pg.name())));
  }
}
