package io.github.vnetjail.bench;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import io.github.vnetjail.render.JailConf;
import io.github.vnetjail.render.JailConfEvaluation;
import io.github.vnetjail.render.JailConfRenderer;
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
 * Parse + evaluate and render of seed-style jail.conf files with 200, 2,000 and 20,000 jails.
 * FreeBSD's own jail(8) needs about 0.8 s of CPU to load the 20,000-jail file.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar JailConfBenchmark -wi 2 -i 3 -f 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JailConfBenchmark {

  @Param({"200", "2000", "20000"})
  int jails;

  String text;
  JailConf parsed;
  HostConfig host;

  @Setup(Level.Trial)
  public void setUp() {
    text = SeedStyleFiles.jailConf(jails);
    parsed = JailConf.parse(text);
    host = host(jails);
  }

  /** A host with {@code n} seed-like jails on one bridge. */
  static HostConfig host(int n) {
    HostConfig.Builder b =
        HostConfig.builder().addBridge(Bridge.builder().name("bridge0").addMember("em0").build());
    for (int i = 1; i <= n; i++) {
      b.addJail(
          VnetJail.builder()
              .name("jail" + i)
              .id(i)
              .bridge("bridge0")
              .ip("10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256) + "/8")
              .gateway("10.255.255.254")
              .build());
    }
    return b.build();
  }

  /** What {@code jail -f FILE -c NAME} does before it starts anything: read the whole file. */
  @Benchmark
  public JailConfEvaluation parseAndEvaluate() {
    return JailConf.parse(text).evaluate();
  }

  /** Parsing alone. */
  @Benchmark
  public JailConf parse() {
    return JailConf.parse(text);
  }

  /** Rendering the model's jails (seed style, robust hooks) with JailConfRenderer. */
  @Benchmark
  public String renderHost() {
    return JailConfRenderer.render(host);
  }

  /** Writing the parsed file back to text. */
  @Benchmark
  public String renderParsed() {
    return parsed.render();
  }
}
