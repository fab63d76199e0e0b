package io.github.vnetjail.bench;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.exec.CommandExecutors;
import io.github.vnetjail.exec.JailManager;
import io.github.vnetjail.exec.RecordingExecutor;
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
 * The whole lifecycle of {@code jails} VNET jails on the simulated host: start all, then stop all,
 * through {@link JailManager} (probes, {@code jail -c}/{@code -r}, checks). One invocation per
 * fresh host. {@link #main} prints CPU time and commands per start and stop instead, which is the
 * more telling figure on a busy shared machine.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar LifecycleBenchmark -wi 1 -i 3 -f 1
 * java -cp bench/target/benchmarks.jar io.github.vnetjail.bench.LifecycleBenchmark 1000 3
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
public class LifecycleBenchmark {

  @Param({"1000"})
  int jails;

  HostConfig config;
  List<String> names;
  SimulatedHost host;
  JailManager manager;

  /** {@code n} jails on bridge0 (10.0.0.0/16), ids and addresses allocated. */
  static HostConfig config(int n) {
    HostConfig.Builder b =
        HostConfig.builder()
            .addBridge(
                Bridge.builder()
                    .name("bridge0")
                    .addMember("em0")
                    .subnet("10.0.0.0/16")
                    .gateway("10.0.0.1")
                    .build());
    for (int i = 1; i <= n; i++) {
      b.addJail(VnetJail.builder().name("j" + i).bridge("bridge0").build());
    }
    return b.build();
  }

  static SimulatedHost host(HostConfig config) {
    SimulatedHost.Builder b =
        SimulatedHost.builder().withInterface("em0").withBridge("bridge0", "em0");
    config.jails().forEach(j -> b.withDirectory(j.path()));
    return b.build();
  }

  @Setup(Level.Trial)
  public void setUpTrial() {
    config = config(jails);
    names = config.jails().stream().map(VnetJail::name).toList();
  }

  @Setup(Level.Invocation)
  public void setUp() {
    host = host(config);
    manager = JailManager.on(host).withParallelism(1);
    manager.install(config);
  }

  @Benchmark
  public int startAllStopAll() {
    manager.start(names);
    manager.stop(names);
    return host.commands().size();
  }

  /** Arguments: the number of jails, the number of measured runs. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    HostConfig config = config(n);
    List<String> names = config.jails().stream().map(VnetJail::name).toList();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = -1; r < runs; r++) {
      SimulatedHost host = host(config);
      RecordingExecutor rec = CommandExecutors.recording(host);
      JailManager m = JailManager.on(rec).withParallelism(1);
      m.install(config);
      rec.clear();
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      m.start(names);
      long c1 = mx.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      int startCommands = rec.count();
      rec.clear();
      m.stop(names);
      long c2 = mx.getCurrentThreadCpuTime();
      long w2 = System.nanoTime();
      int stopCommands = rec.count();
      if (r >= 0) {
        System.out.printf(
            "%d jails: start all %.0f ms CPU (%.0f ms wall), %.1f commands/start;"
                + " stop all %.0f ms CPU (%.0f ms wall), %.1f commands/stop; %d programs ran%n",
            n,
            (c1 - c0) / 1e6,
            (w1 - w0) / 1e6,
            startCommands / (double) n,
            (c2 - c1) / 1e6,
            (w2 - w1) / 1e6,
            stopCommands / (double) n,
            host.processes().size());
      }
    }
  }
}
