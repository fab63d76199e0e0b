package io.github.vnetjail.exec;

import static io.github.vnetjail.exec.JailManagerHosts.assertClean;
import static io.github.vnetjail.exec.JailManagerHosts.host;
import static io.github.vnetjail.exec.JailManagerHosts.many;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class JailManagerConcurrencyTest {
  private final HostConfig config = many(200);
  private final SimulatedHost host = host(config);
  private final JailManager jails = JailManager.on(host);

  private void fromThreads(int threads, BiConsumer<JailManager, String> action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = thread; i < config.jails().size(); i += threads) {
                    action.accept(jails, config.jails().get(i).name());
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void assertAllRunning() {
    SimulatedHost.State s = host.state();
    assertThat(s.jails()).hasSize(200).noneMatch(SimulatedHost.Jail::dying);
    assertThat(s.host().find("bridge0").get().members()).hasSize(201);
    Set<String> macs = new HashSet<>();
    for (VnetJail j : config.jails()) {
      SimulatedHost.Interface a = s.host().find(j.hostInterface()).get();
      SimulatedHost.Interface b = s.stack(j.name()).get().find(j.jailInterface()).get();
      assertThat(a.bridge()).contains("bridge0");
      assertThat(b.inet()).containsExactly(j.ip().get().toString());
      assertThat(macs.add(a.ether())).as("MAC %s of %s is unique", a.ether(), a.name()).isTrue();
      assertThat(macs.add(b.ether())).as("MAC %s of %s is unique", b.ether(), b.name()).isTrue();
    }
  }

  @Test
  void twoHundredJailsStartedFromEightThreadsAndStoppedNeitherCollideNorLeak() throws Exception {
    jails.install(config);

    fromThreads(8, JailManager::start);
    assertAllRunning();

    fromThreads(8, JailManager::stop);
    assertClean(host);
  }

  @Test
  void theSameJailsStartedTwiceFromCompetingThreadsStartOnce() throws Exception {
    jails.install(config);
    fromThreads(8, JailManager::start);
    fromThreads(4, JailManager::start);
    assertAllRunning();
    assertThat(host.commands()).filteredOn(c -> c.argv().contains("-c")).hasSize(200);
  }

  @Test
  void aBoundedParallelStartOfTwoHundredJailsAndItsStopLeaveNothing() {
    jails.install(config);
    List<String> names = config.jails().stream().map(VnetJail::name).toList();

    jails.withParallelism(8).start(names);
    assertAllRunning();

    jails.withParallelism(8).stop(names);
    assertClean(host);
  }
}
