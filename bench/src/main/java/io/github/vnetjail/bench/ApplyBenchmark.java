package io.github.vnetjail.bench;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.exec.JailManager;
import io.github.vnetjail.exec.SimulatedHost;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link JailManager#apply} of {@code jails} VNET jails on an empty simulated host (install every
 * file, start every jail), then the same config again (only read-only probes), then a restart of
 * every jail. One invocation per fresh host. {@link #main} prints CPU time and commands per jail
 * for each phase, the more telling figure on a busy shared machine.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ApplyBenchmark -wi 1 -i 3 -f 1
 * java -Xms1g -Xmx1g -cp bench/target/benchmarks.jar io.github.vnetjail.bench.ApplyBenchmark 1000 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ApplyBenchmark {

  @Param({"1000"})
  int jails;

  HostConfig config;
  SimulatedHost host;
  JailManager manager;

  @Setup(Level.Trial)
  public void setUpTrial() {
    config = LifecycleBenchmark.config(jails);
  }

  @Setup(Level.Invocation)
  public void setUp() {
    host = LifecycleBenchmark.host(config);
    manager = JailManager.on(host).withParallelism(1);
  }

  @Benchmark
  public int applyTwiceThenRestartAll() {
    manager.apply(config);
    manager.apply(config);
    manager.restart(config.jails().stream().map(VnetJail::name).toArray(String[]::new));
    return host.commands().size();
  }

  /** Arguments: the number of jails, the number of measured runs (after one warm-up run). */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    HostConfig config = LifecycleBenchmark.config(n);
    String[] names = config.jails().stream().map(VnetJail::name).toArray(String[]::new);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = -1; r < runs; r++) {
      // counted on the host: a RecordingExecutor would keep every jls listing (O(n^2) memory)
      SimulatedHost host = LifecycleBenchmark.host(config);
      JailManager m = JailManager.on(host).withParallelism(1);
      List<Runnable> phases =
          List.of(() -> m.apply(config), () -> m.apply(config), () -> m.restart(names));
      StringBuilder line = new StringBuilder(n + " jails:");
      String[] labels = {"apply", "apply again", "restart all"};
      for (int p = 0; p < phases.size(); p++) {
        int k0 = host.commands().size();
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        phases.get(p).run();
        long c1 = mx.getCurrentThreadCpuTime();
        long w1 = System.nanoTime();
        line.append(
            String.format(
                " %s %.0f ms CPU (%.0f ms wall), %.1f commands/jail;",
                labels[p],
                (c1 - c0) / 1e6,
                (w1 - w0) / 1e6,
                (host.commands().size() - k0) / (double) n));
      }
      if (r >= 0) {
        System.out.println(line);
      }
    }
  }
}
