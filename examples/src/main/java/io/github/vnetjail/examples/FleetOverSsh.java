package io.github.vnetjail.examples;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.examples.host.Executors;
import io.github.vnetjail.examples.host.Jails;
import io.github.vnetjail.exec.Fleet;
import io.github.vnetjail.exec.FleetHostResult;
import io.github.vnetjail.exec.FleetResult;
import io.github.vnetjail.exec.JailManager;
import io.github.vnetjail.render.JailConfRenderOptions;
import java.io.PrintStream;
import java.util.List;

/**
 * The seed's jail on many hosts at once: each argument is a FreeBSD host, {@code
 * [ssh://]user@host[:port]} (keys from {@code ~/.ssh}, host keys checked against {@code
 * ~/.ssh/known_hosts}) or {@code simulated}. Every host installs and starts the jail in parallel; a
 * failing host is reported and the others go on. Without arguments it runs on two simulated hosts.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=io.github.vnetjail.examples.FleetOverSsh \
 *     -Dexec.args="root@jails1.example.org root@jails2.example.org:2222"
 * }</pre>
 */
public final class FleetOverSsh {
  private FleetOverSsh() {}

  /** Runs the example on the hosts named by {@code args}. */
  public static void main(String[] args) {
    run(System.out, args.length > 0 ? args : new String[] {"simulated", "simulated"});
  }

  static FleetResult<String> run(PrintStream out, String... hosts) {
    HostConfig host = Quickstart.seedHost();
    VnetJail jail = host.jails().get(0);
    Fleet.Builder b = Fleet.builder().maxParallel(4);
    int unreachable = 0;
    for (int i = 0; i < hosts.length; i++) {
      String spec = hosts[i];
      String word = spec.equals("simulated") || spec.startsWith("ssh://") ? spec : "ssh://" + spec;
      String name = spec.equals("simulated") ? "simulated-" + (i + 1) : spec;
      try {
        b.addHost(name, Executors.parse(word));
      } catch (RuntimeException e) {
        out.println(name + ": FAILED to connect: " + e.getMessage());
        unreachable++;
      }
    }
    FleetResult<String> result;
    try (Fleet fleet = b.build()) {
      out.println("hosts: " + String.join(", ", fleet.hosts()));
      result =
          fleet.run(
              exec -> {
                Jails.prepareSimulated(exec, host);
                JailManager jails =
                    JailManager.on(exec)
                        .withRenderOptions(
                            JailConfRenderOptions.builder()
                                .hooks(JailConfRenderOptions.Hooks.SEED)
                                .build());
                jails.install(host);
                jails.start(jail.name());
                return Jails.describe(jails.status(jail.name()));
              });
    }
    List<FleetHostResult<String>> all = result.results();
    for (FleetHostResult<String> r : all) {
      out.println(
          r.host()
              + ": "
              + (r.isSuccess()
                  ? r.value().orElse("")
                  : "FAILED " + r.failure().map(Throwable::getMessage).orElse("")));
    }
    out.println(
        result.successes().size() + " of " + (all.size() + unreachable) + " host(s) succeeded");
    return result;
  }
}
