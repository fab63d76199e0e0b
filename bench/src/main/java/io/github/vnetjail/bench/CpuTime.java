package io.github.vnetjail.bench;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.render.JailConf;
import io.github.vnetjail.render.JailConfRenderer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Measures the CPU time of this thread for parse + evaluate and render, the figure jail(8)'s 0.8 s
 * is given in; wall-clock JMH scores mislead on a busy shared machine. GC threads are not counted.
 *
 * <pre>{@code
 * java -Xms2g -Xmx2g -XX:+UseParallelGC -cp bench/target/benchmarks.jar \
 *     io.github.vnetjail.bench.CpuTime 20 200 2000 20000
 * }</pre>
 */
public final class CpuTime {
  private CpuTime() {}

  /** Arguments: the number of measured runs, then the file sizes in jails. */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int[] sizes =
        args.length > 1
            ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
            : new int[] {200, 2000, 20000};
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    System.out.printf(
        "%8s %10s %22s %22s %22s%n",
        "jails", "bytes", "parse+evaluate ms", "render parsed ms", "render model ms");
    for (int size : sizes) {
      String text = SeedStyleFiles.jailConf(size);
      JailConf parsed = JailConf.parse(text);
      HostConfig host = JailConfBenchmark.host(size);
      int warm = Math.max(3, 40_000 / size);
      for (int i = 0; i < warm; i++) {
        JailConf.parse(text).evaluate();
        parsed.render();
        JailConfRenderer.render(host);
      }
      double[] eval = new double[runs];
      double[] render = new double[runs];
      double[] model = new double[runs];
      long sink = 0;
      for (int r = 0; r < runs; r++) {
        long t0 = mx.getCurrentThreadCpuTime();
        sink += JailConf.parse(text).evaluate().jails().size();
        long t1 = mx.getCurrentThreadCpuTime();
        sink += parsed.render().length();
        long t2 = mx.getCurrentThreadCpuTime();
        sink += JailConfRenderer.render(host).length();
        long t3 = mx.getCurrentThreadCpuTime();
        model[r] = (t3 - t2) / 1e6;
        eval[r] = (t1 - t0) / 1e6;
        render[r] = (t2 - t1) / 1e6;
      }
      System.out.printf(
          "%8d %10d %22s %22s %22s%n",
          size, text.length(), stats(eval), stats(render), stats(model));
      if (sink == 42) {
        System.out.println();
      }
    }
  }

  private static String stats(double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    return String.format("min %.1f med %.1f", s[0], s[s.length / 2]);
  }
}
