package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import io.github.vnetjail.core.VnetJailException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many hosts, each with its own {@link CommandExecutor}: runs the same operation on all of them in
 * parallel, at most {@code maxParallel} at a time, and reports each host's result. A failure on one
 * host does not stop the others.
 *
 * <pre>{@code
 * SshOptions options = SshOptions.builder().addIdentities(SshIdentity.of(key)).build();
 * try (Fleet fleet = Fleet.builder()
 *     .addSshHost(SshTarget.parse("root@jails1.example.org"), options)
 *     .addSshHost(SshTarget.parse("root@jails2.example.org"), options)
 *     .maxParallel(4)
 *     .build()) {
 *   FleetResult<ExecResult> up = fleet.execute(Command.of("jail", "-c", "my-vnet-jail"));
 *   up.failures().forEach(f -> System.err.println(f));      // per host; the others still ran
 *   fleet.run(exec -> JailManager.on(exec).status("my-vnet-jail")).requireAllSucceeded();
 * }
 * }</pre>
 */
public final class Fleet implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Fleet.class);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Map<String, CommandExecutor> hosts;
  private final int maxParallel;

  private Fleet(Map<String, CommandExecutor> hosts, int maxParallel) {
    this.hosts = hosts;
    this.maxParallel = maxParallel;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Fleet}. */
  public static final class Builder {
    private final Map<String, CommandExecutor> hosts = new LinkedHashMap<>();
    private int maxParallel = 8;

    private Builder() {}

    /** Adds a host under a name that results report; the fleet closes the executor. */
    public Builder addHost(String name, CommandExecutor executor) {
      checkNotNull(name, "name");
      checkNotNull(executor, "executor");
      checkArgument(!name.isEmpty(), "host name must not be empty");
      checkArgument(
          !hosts.containsKey(name),
          "host \"%s\" is already in the fleet; names must be unique",
          name);
      hosts.put(name, executor);
      return this;
    }

    /** Adds an SSH host, named {@code user@host:port}; it connects at its first command. */
    public Builder addSshHost(SshTarget target, SshOptions options) {
      return addHost(
          target.toString(), SshExecutor.builder().target(target).options(options).build());
    }

    /** How many hosts work at the same time; 8 unless set. */
    public Builder maxParallel(int maxParallel) {
      checkArgument(maxParallel >= 1, "maxParallel must be at least 1, got %s", maxParallel);
      this.maxParallel = maxParallel;
      return this;
    }

    /** Returns the fleet. */
    public Fleet build() {
      checkState(!hosts.isEmpty(), "a fleet needs at least one host: Fleet.builder().addHost(...)");
      return new Fleet(new LinkedHashMap<>(hosts), maxParallel);
    }
  }

  /** The host names, in the order they were added. */
  public List<String> hosts() {
    return List.copyOf(hosts.keySet());
  }

  /** The executor of one host. */
  public CommandExecutor executor(String host) {
    CommandExecutor e = hosts.get(host);
    checkArgument(e != null, "no host \"%s\" in this fleet; hosts are %s", host, hosts.keySet());
    return e;
  }

  /**
   * Runs {@code operation} once per host, at most {@code maxParallel} at a time, and waits for all
   * of them. An exception thrown on a host becomes that host's failure.
   */
  public <T> FleetResult<T> run(Function<? super CommandExecutor, ? extends T> operation) {
    checkNotNull(operation, "operation");
    int threads = Math.min(maxParallel, hosts.size());
    int pool = POOLS.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "vnetjail-fleet-" + pool + "-" + thread.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      Map<String, Future<FleetHostResult<T>>> futures = new LinkedHashMap<>();
      hosts.forEach(
          (name, executor) ->
              futures.put(name, workers.submit(() -> runOn(name, executor, operation))));
      List<FleetHostResult<T>> results = new ArrayList<>();
      for (Map.Entry<String, Future<FleetHostResult<T>>> f : futures.entrySet()) {
        results.add(await(f.getKey(), f.getValue()));
      }
      FleetResult<T> result = new FleetResult<>(results);
      log.info(
          "fleet operation done: {} of {} hosts succeeded",
          result.successes().size(),
          results.size());
      return result;
    } finally {
      workers.shutdownNow();
    }
  }

  /**
   * Runs {@code command} on every host; a host whose command exits non-zero or times out counts as
   * failed with a {@link CommandFailedException} that holds its result.
   */
  public FleetResult<ExecResult> execute(Command command) {
    checkNotNull(command, "command");
    return run(executor -> executor.execute(command).requireSuccess());
  }

  /**
   * Runs the commands in order on every host, stopping on a host after its first failing command.
   * On an {@link SshExecutor} they go in one round trip ({@link SshExecutor#executeBatch}); other
   * executors run them one by one. A host whose last command failed counts as failed with a {@link
   * CommandFailedException} holding that command's result.
   */
  public FleetResult<List<ExecResult>> executeBatch(List<Command> commands) {
    List<Command> plan = List.copyOf(checkNotNull(commands, "commands"));
    return run(
        executor -> {
          List<ExecResult> results = batch(executor, plan);
          if (!results.isEmpty()) {
            results.get(results.size() - 1).requireSuccess();
          }
          return results;
        });
  }

  private static List<ExecResult> batch(CommandExecutor executor, List<Command> plan) {
    if (executor instanceof SshExecutor) {
      return ((SshExecutor) executor).executeBatch(plan);
    }
    List<ExecResult> results = new ArrayList<>();
    for (Command c : plan) {
      ExecResult r = executor.execute(c);
      results.add(r);
      if (!r.isSuccess()) {
        break;
      }
    }
    return results;
  }

  private static <T> FleetHostResult<T> runOn(
      String name, CommandExecutor executor, Function<? super CommandExecutor, ? extends T> op) {
    long start = System.nanoTime();
    try {
      T value = op.apply(executor);
      return FleetHostResult.success(name, Optional.ofNullable(value), since(start));
    } catch (RuntimeException e) {
      log.debug("fleet host {} failed: {}", name, e.toString());
      return FleetHostResult.failure(name, e, since(start));
    }
  }

  private static <T> FleetHostResult<T> await(String name, Future<FleetHostResult<T>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VnetJailException("interrupted while waiting for fleet host " + name, e);
    } catch (ExecutionException e) {
      // runOn catches RuntimeException; what is left is an Error
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new VnetJailException("fleet host " + name + " failed: " + cause, cause);
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Closes every host's executor; one that fails to close does not keep the others open. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (Map.Entry<String, CommandExecutor> e : hosts.entrySet()) {
      try {
        e.getValue().close();
      } catch (RuntimeException ex) {
        log.warn("closing fleet host {} failed: {}", e.getKey(), ex.toString());
        if (first == null) {
          first = ex;
        } else {
          first.addSuppressed(ex);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "Fleet" + hosts.keySet();
  }
}
