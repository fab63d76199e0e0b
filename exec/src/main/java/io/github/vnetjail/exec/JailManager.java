package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.render.JailConf;
import io.github.vnetjail.render.JailConfRenderOptions;
import io.github.vnetjail.render.RcConf;
import io.github.vnetjail.render.RcConfEdit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the jail lifecycle on one host through a {@link CommandExecutor}: install the
 * configuration, start, stop, restart, read status back, bring the host to a {@link HostConfig}
 * ({@link #apply}) and say what that would change ({@link #plan}).
 *
 * <pre>{@code
 * try (CommandExecutor exec = CommandExecutors.simulated()) {
 *   JailManager jails = JailManager.on(exec).withListener(e -> System.out.println(e));
 *   jails.install(host);            // /etc/jail.conf.d/NAME.conf, rc.conf like sysrc, devfs.rules
 *   jails.start("my-vnet-jail");    // jail -c, then checks; rolls back on any failure
 *   JailStatus s = jails.status("my-vnet-jail");
 *   jails.stop("my-vnet-jail");     // releases epair154b even when the kernel does not
 * }
 * }</pre>
 *
 * <p>Safety: start and stop are idempotent (a running jail is not started again, a stopped one not
 * stopped); both check their result (after start: the host side on the bridge, the jail side inside
 * the jail with its address, the default route; after stop: no interface of the jail on the host
 * and no running jail). Any failure rolls back so that no epair, bridge member or half-started jail
 * is left, nor a file system jail(8) mounted for the jail and failed to unmount, then throws a
 * {@link LifecycleException} naming the step, the command, its exit code (or that it timed out) and
 * stderr. Interfaces left by a crash or held by a dying jail (the seed's bug) are reclaimed with
 * {@code ifconfig IF -vnet JID} (a numeric jid still finds a dying jail, FREEBSD-COMMANDS.md 1.7)
 * and destroyed ({@code ifconfig epairNa destroy} destroys both sides, sys/net/if_epair.c
 * epair_clone_destroy), and the event log says so.
 *
 * <p>The manager touches only what it installed: it records the jails, their interfaces and bridges
 * in {@code /var/db/vnetjail/managed} and never destroys an interface not named there. Epair units,
 * names and MACs come from the validated {@link HostConfig}, never from a counter, so jails started
 * in parallel cannot race for them. Thread-safe: operations on one jail are serialised, operations
 * on different jails run in parallel.
 */
public final class JailManager {
  private static final Logger log = LoggerFactory.getLogger(JailManager.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String RC_CONF = "/etc/rc.conf";
  static final String DEVFS_RULES = "/etc/devfs.rules";
  private static final String ALL = "*";

  private final CommandExecutor executor;
  private final List<JailEventListener> listeners;
  private final int parallelism;
  private final Shared shared;
  private final Optional<Planner> planner;
  private final Optional<JailConfRenderOptions> renderOptions;

  /** State shared by a manager and its {@code with...} copies. */
  private static final class Shared {
    final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    final ReentrantLock install = new ReentrantLock();
    volatile JailManagerManifest manifest;
  }

  private JailManager(
      CommandExecutor executor,
      List<JailEventListener> listeners,
      int parallelism,
      Shared shared,
      Optional<Planner> planner,
      Optional<JailConfRenderOptions> renderOptions) {
    this.executor = executor;
    this.listeners = List.copyOf(listeners);
    this.parallelism = parallelism;
    this.shared = shared;
    this.planner = planner;
    this.renderOptions = renderOptions;
  }

  /** A manager for the host {@code executor} reaches; starts up to 4 jails at once. */
  public static JailManager on(CommandExecutor executor) {
    checkNotNull(executor, "executor");
    return new JailManager(
        executor, List.of(), 4, new Shared(), Optional.empty(), Optional.empty());
  }

  /** A copy that also reports every step to {@code listener}. */
  public JailManager withListener(JailEventListener listener) {
    checkNotNull(listener, "listener");
    List<JailEventListener> l = new ArrayList<>(listeners);
    l.add(listener);
    return new JailManager(executor, l, parallelism, shared, planner, renderOptions);
  }

  /** A copy that starts and stops up to {@code n} independent jails at once (1: one by one). */
  public JailManager withParallelism(int n) {
    checkArgument(n >= 1, "parallelism must be at least 1, got %s", n);
    return new JailManager(executor, listeners, n, shared, planner, renderOptions);
  }

  /**
   * A copy that renders jail.conf with {@code options}. By default the manager uses the renderer's
   * leak-safe hooks ({@link JailConfRenderOptions.Hooks#ROBUST}: the network is set up before the
   * jail's {@code /bin/sh /etc/rc}) and the host's release; the manager also destroys stale epairs
   * before a start and rolls back after a failure, whichever hooks are used.
   */
  public JailManager withRenderOptions(JailConfRenderOptions options) {
    checkNotNull(options, "options");
    return new JailManager(executor, listeners, parallelism, shared, planner, Optional.of(options));
  }

  private JailConfRenderOptions options(HostConfig host) {
    return renderOptions.orElseGet(() -> JailManagerRendering.defaultOptions(host));
  }

  // ------------------------------------------------------------------ install

  /**
   * Writes the host's configuration: {@code /etc/jail.conf.d/NAME.conf} per jail, the host's
   * rc.conf variables (edited like sysrc: every other line kept), the devfs rulesets the jails need
   * (the rest of {@code /etc/devfs.rules} kept), and the manifest. Each write is atomic and keeps
   * the old file as {@code .bak}; a file whose content would not change is not written. Jails
   * installed earlier and absent from {@code host} stay installed (see {@link #apply}).
   */
  public void install(HostConfig host) {
    checkNotNull(host, "host");
    shared.install.lock();
    try {
      emit(ALL, "install", JailEvent.Kind.BEGIN, "install " + host.jails().size() + " jails");
      for (Map.Entry<String, String> f :
          JailManagerRendering.jailConfFiles(host, options(host)).entrySet()) {
        write(f.getKey(), f.getValue());
      }
      List<RcConfEdit> edits = JailManagerRendering.rcConfEdits(host);
      String rc = files().read(RC_CONF).orElse("");
      write(RC_CONF, RcConf.parse(rc).apply(edits).render());
      if (host.devfsRulesets().stream().anyMatch(r -> r.isGenerated())) {
        String devfs = files().read(DEVFS_RULES).orElse("");
        write(DEVFS_RULES, JailManagerRendering.devfsRules(devfs, host));
      }
      JailManagerManifest m =
          manifest().plus(JailManagerManifest.of(host, options(host).confDirectory()));
      writeManifest(m);
      emit(ALL, "install", JailEvent.Kind.DONE, "installed");
      log.info("installed {} jails", host.jails().size());
    } finally {
      shared.install.unlock();
    }
  }

  /**
   * Stops the jail if it runs, then removes what {@link #install} wrote for it: its jail.conf file,
   * its word in {@code jail_list}, its manifest line. A jail the SDK did not install is refused.
   */
  public void uninstall(String name) {
    JailManagerManifest.Entry e = entry(name);
    stop(name);
    shared.install.lock();
    try {
      require(name, "uninstall", "remove " + e.confPath(), Command.of("rm", "-f", e.confPath()));
      String rc = files().read(RC_CONF).orElse("");
      write(RC_CONF, RcConf.parse(rc).removeWord("jail_list", name).render());
      writeManifest(manifest().minus(name));
      emit(name, "uninstall", JailEvent.Kind.DONE, "uninstalled");
      log.info("uninstalled jail {}", name);
    } finally {
      shared.install.unlock();
    }
  }

  // ------------------------------------------------------------------ start / stop

  /**
   * Starts the named jails, dependencies first, independent ones in parallel; see the class doc.
   */
  public void start(String... names) {
    start(List.of(names));
  }

  /**
   * Starts the named jails, dependencies first, independent ones in parallel. With more than one
   * name the host is probed once up front and jails already running are passed over, so starting
   * (or applying) a running fleet costs two commands, not two per jail.
   */
  public void start(List<String> names) {
    checkNotNull(names, "names");
    inOrder(
        pending(names, "start", (view, e) -> !view.active.containsKey(e.name())),
        false,
        this::startOne);
  }

  /** Stops the named jails, dependents first, independent ones in parallel. */
  public void stop(String... names) {
    stop(List.of(names));
  }

  /**
   * Stops the named jails, dependents first, independent ones in parallel. With more than one name
   * the host is probed once up front and jails that are stopped and hold nothing are passed over.
   */
  public void stop(List<String> names) {
    checkNotNull(names, "names");
    inOrder(
        pending(
            names, "stop", (view, e) -> view.active.containsKey(e.name()) || view.holdsAnything(e)),
        true,
        this::stopOne);
  }

  /**
   * The names that still need {@code op}, after one probe of the whole host; each one left is
   * probed again, under its lock, when its turn comes. A single name is returned as is: its own
   * probe is the only one.
   */
  private List<String> pending(
      List<String> names, String op, BiPredicate<HostView, JailManagerManifest.Entry> needed) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(names));
    if (distinct.size() < 2) {
      return distinct;
    }
    List<JailManagerManifest.Entry> entries = distinct.stream().map(this::entry).toList();
    HostView view = probe(ALL, op);
    List<String> left = new ArrayList<>();
    for (JailManagerManifest.Entry e : entries) {
      if (needed.test(view, e)) {
        left.add(e.name());
      } else {
        // the same events as when the jail's own probe finds nothing to do
        emit(e.name(), op, JailEvent.Kind.BEGIN, op.equals("start") ? "starting" : "stopping");
        emit(
            e.name(),
            op,
            JailEvent.Kind.UNCHANGED,
            op.equals("start")
                ? "already running as jid " + view.active.get(e.name())
                : "not running");
      }
    }
    return left;
  }

  /** Stops then starts the named jails (a stopped one is just started). */
  public void restart(String... names) {
    stop(names);
    start(names);
  }

  private void startOne(String name) {
    JailManagerManifest.Entry e = entry(name);
    ReentrantLock lock = shared.locks.computeIfAbsent(name, k -> new ReentrantLock());
    lock.lock();
    try {
      String op = "start";
      emit(name, op, JailEvent.Kind.BEGIN, "starting");
      HostView view = probe(name, op);
      if (view.active.containsKey(name)) {
        emit(name, op, JailEvent.Kind.UNCHANGED, "already running as jid " + view.active.get(name));
        return;
      }
      try {
        ensureBridge(name, op, e.bridge(), view);
        clearLeftovers(e, op, view);
      } catch (LifecycleException ex) {
        throw failed(name, op, ex);
      }
      ExecResult r = run(name, op, "jail -c", Command.of("jail", "-f", e.confPath(), "-c", name));
      if (!r.isSuccess()) {
        rollback(e, op, "jail -c", Optional.of(r), "", true);
      }
      if (planner.isEmpty()) {
        Optional<CheckFailure> broken = check(e, op);
        if (broken.isPresent()) {
          rollback(
              e,
              op,
              "check: " + broken.get().what(),
              Optional.of(broken.get().result()),
              "",
              false);
        }
      }
      emit(name, op, JailEvent.Kind.DONE, "started");
      log.info("started jail {}", name);
    } finally {
      lock.unlock();
    }
  }

  private void stopOne(String name) {
    JailManagerManifest.Entry e = entry(name);
    ReentrantLock lock = shared.locks.computeIfAbsent(name, k -> new ReentrantLock());
    lock.lock();
    try {
      String op = "stop";
      emit(name, op, JailEvent.Kind.BEGIN, "stopping");
      HostView view = probe(name, op);
      if (!view.active.containsKey(name) && !view.holdsAnything(e)) {
        emit(name, op, JailEvent.Kind.UNCHANGED, "not running");
        return;
      }
      Optional<ExecResult> failure = Optional.empty();
      if (view.active.containsKey(name)) {
        ExecResult r = run(name, op, "jail -r", Command.of("jail", "-f", e.confPath(), "-r", name));
        if (!r.isSuccess()) {
          failure = Optional.of(r);
        }
      }
      if (planner.isPresent()) {
        emit(name, op, JailEvent.Kind.DONE, "stopped");
        return;
      }
      if (failure.isPresent()) {
        rollback(e, op, "jail -r", failure, "forced teardown", true);
      }
      try {
        teardown(e, op, false);
      } catch (LifecycleException ex) {
        throw failed(name, op, ex);
      }
      emit(name, op, JailEvent.Kind.DONE, "stopped");
      log.info("stopped jail {}", name);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code action} for each jail, ordered by {@code depend} (reversed for stop), each level's
   * jails in parallel up to {@link #withParallelism}; stops at the first level with a failure.
   */
  private void inOrder(List<String> names, boolean reverse, Consumer<String> action) {
    checkNotNull(names, "names");
    JailManagerManifest m = manifest();
    Set<String> wanted = new LinkedHashSet<>(names);
    for (String n : wanted) {
      entry(n);
    }
    List<List<String>> levels = levels(m, wanted);
    if (reverse) {
      java.util.Collections.reverse(levels);
    }
    for (List<String> level : levels) {
      if (level.size() == 1 || parallelism == 1) {
        level.forEach(action);
        continue;
      }
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, level.size()));
      try {
        List<Future<?>> futures = new ArrayList<>();
        level.forEach(n -> futures.add(pool.submit(() -> action.accept(n))));
        RuntimeException first = null;
        for (Future<?> f : futures) {
          try {
            f.get();
          } catch (ExecutionException ex) {
            RuntimeException cause =
                ex.getCause() instanceof RuntimeException re
                    ? re
                    : new IllegalStateException(ex.getCause());
            if (first == null) {
              first = cause;
            } else {
              first.addSuppressed(cause);
            }
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LifecycleException(
                ALL, "parallel operation", Optional.empty(), "interrupted while waiting");
          }
        }
        if (first != null) {
          throw first;
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Groups the jails so that each one's dependencies (among {@code wanted}) are in earlier groups.
   */
  private static List<List<String>> levels(JailManagerManifest m, Set<String> wanted) {
    Map<String, Integer> depth = new LinkedHashMap<>();
    for (String n : wanted) {
      depth(m, wanted, n, depth, new HashSet<>());
    }
    List<List<String>> levels = new ArrayList<>();
    depth.forEach(
        (n, d) -> {
          while (levels.size() <= d) {
            levels.add(new ArrayList<>());
          }
          levels.get(d).add(n);
        });
    return levels;
  }

  private static int depth(
      JailManagerManifest m,
      Set<String> wanted,
      String n,
      Map<String, Integer> memo,
      Set<String> path) {
    Integer known = memo.get(n);
    if (known != null) {
      return known;
    }
    checkArgument(path.add(n), "jail %s depends on itself through %s", n, path);
    int d = 0;
    JailManagerManifest.Entry e = m.jails.get(n);
    if (e != null) {
      for (String dep : e.depend()) {
        if (wanted.contains(dep)) {
          d = Math.max(d, depth(m, wanted, dep, memo, path) + 1);
        }
      }
    }
    path.remove(n);
    memo.put(n, d);
    return d;
  }

  // ------------------------------------------------------------------ safety steps

  /** Creates the bridge with its members when the host lacks it (rc.conf does it at boot). */
  private void ensureBridge(String name, String op, String bridge, HostView view) {
    if (view.interfaces.contains(bridge)) {
      return;
    }
    ReentrantLock lock = shared.locks.computeIfAbsent("bridge:" + bridge, k -> new ReentrantLock());
    lock.lock();
    try {
      if (planner.isEmpty() && probeInterfaces(name, op).contains(bridge)) {
        return; // another thread created it meanwhile
      }
      require(name, op, "create bridge", Command.of("ifconfig", bridge, "create", "up"));
      JailManagerManifest.BridgeEntry b = manifest().bridges.get(bridge);
      if (b != null) {
        for (String member : b.members()) {
          require(name, op, "create bridge", Command.of("ifconfig", bridge, "addm", member));
        }
        if (b.address().isPresent()) {
          require(
              name, op, "create bridge", Command.of("ifconfig", bridge, "inet", b.address().get()));
        }
      }
      emit(name, op, JailEvent.Kind.BRIDGE_CREATED, "created " + bridge);
      log.info("created bridge {}", bridge);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes back what a dying jail of this name holds and destroys this jail's interfaces left on the
   * host (a crash, a failed start, the seed's bug), so that the next {@code jail -c} can create the
   * epair again.
   */
  private void clearLeftovers(JailManagerManifest.Entry e, String op, HostView view) {
    Set<String> ifaces = new HashSet<>(view.interfaces);
    for (int jid : view.dying.getOrDefault(e.name(), List.of())) {
      ExecResult r =
          run(
              e.name(),
              op,
              "reclaim",
              Command.of("ifconfig", e.jailInterface(), "-vnet", Integer.toString(jid)));
      if (r.isSuccess()) {
        ifaces.add(e.jailInterface());
        emit(
            e.name(),
            op,
            JailEvent.Kind.INTERFACE_RECLAIMED,
            e.jailInterface() + " taken back from dying jail " + jid);
        log.info("reclaimed {} from dying jail {} ({})", e.jailInterface(), e.name(), jid);
      }
    }
    // Destroying either side destroys both (sys/net/if_epair.c epair_clone_destroy).
    for (String i : List.of(e.hostInterface(), e.jailInterface())) {
      if (ifaces.contains(i)) {
        require(e.name(), op, "destroy stale interface", Command.of("ifconfig", i, "destroy"));
        emit(e.name(), op, JailEvent.Kind.STALE_INTERFACE_DESTROYED, "destroyed stale " + i);
        log.info("destroyed stale interface {} of jail {}", i, e.name());
        if (i.equals(e.hostInterface()) && planner.isEmpty()) {
          ifaces = new HashSet<>(probeInterfaces(e.name(), op));
        }
      }
    }
  }

  /**
   * Makes sure nothing of the jail is left on the host: removes it if it still runs (with its
   * config, then without), unmounts what a failed jail(8) left mounted, reclaims and destroys its
   * interfaces, then checks. {@code jailFailed}: a {@code jail -c} or {@code jail -r} of this
   * operation failed.
   */
  private void teardown(JailManagerManifest.Entry e, String op, boolean jailFailed) {
    HostView view = probe(e.name(), op);
    boolean unmount = jailFailed;
    if (view.active.containsKey(e.name())) {
      ExecResult r =
          run(e.name(), op, "jail -r", Command.of("jail", "-f", e.confPath(), "-r", e.name()));
      if (!r.isSuccess()) {
        // take the jail side back first: jail -R runs no hook
        run(e.name(), op, "reclaim", Command.of("ifconfig", e.jailInterface(), "-vnet", e.name()));
        require(e.name(), op, "jail -R", Command.of("jail", "-R", e.name()));
        unmount = true;
      }
      view = probe(e.name(), op);
    }
    if (unmount && planner.isEmpty()) {
      unmountLeftovers(e, op);
    }
    HostView after = view;
    if (view.holdsAnything(e)) {
      clearLeftovers(e, op, view);
      after = probe(e.name(), op);
    }
    List<String> left = new ArrayList<>();
    if (after.active.containsKey(e.name())) {
      left.add("jail " + e.name() + " (jid " + after.active.get(e.name()) + ")");
    }
    for (String i : List.of(e.hostInterface(), e.jailInterface())) {
      if (after.interfaces.contains(i)) {
        left.add(i);
      }
    }
    if (!left.isEmpty()) {
      emit(e.name(), op, JailEvent.Kind.CHECK_FAILED, "still on the host: " + left);
      throw new LifecycleException(
          e.name(),
          "check: nothing left after stop",
          Optional.empty(),
          "still on the host: "
              + left
              + "; remove by hand with jail -R "
              + e.name()
              + " and ifconfig "
              + e.hostInterface()
              + " destroy");
    }
    emit(e.name(), op, JailEvent.Kind.CHECK_PASSED, "nothing of the jail left on the host");
  }

  /**
   * After a failed {@code jail -c} (a mount step that failed after mounting is not undone), a
   * failed {@code jail -r} (jail(8) goes on past a failed umount step and exits 1) or a {@code jail
   * -R} (which runs no step), unmounts what the jail's mount parameters mounted and is still
   * mounted, in jail(8)'s stop order (command.c run_command, jail.c stopcommands): mount.procfs,
   * mount.fdescfs, mount.devfs, then the {@code mount} lines in reverse. The mount points come from
   * the jail's file, what is mounted from {@code mount -p}.
   */
  private void unmountLeftovers(JailManagerManifest.Entry e, String op) {
    Optional<String> text = files().read(e.confPath());
    if (text.isEmpty()) {
      return;
    }
    Map<String, List<String>> params;
    try {
      params = JailConf.parse(text.get()).effectiveParameters(e.name());
    } catch (RuntimeException ex) {
      return; // not our file any more: nothing known to unmount
    }
    List<String> points = new ArrayList<>();
    List<String> path = params.getOrDefault("path", List.of());
    if (!path.isEmpty()) {
      String root = path.get(path.size() - 1);
      for (String[] fs : new String[][] {{"procfs", "/proc"}, {"fdescfs", "/dev/fd"}}) {
        if (flag(params, "mount." + fs[0])) {
          points.add(root + fs[1]);
        }
      }
      if (flag(params, "mount.devfs")) {
        points.add(root + "/dev");
      }
    }
    List<String> lines = new ArrayList<>(params.getOrDefault("mount", List.of()));
    java.util.Collections.reverse(lines);
    for (String line : lines) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 3) {
        points.add(f[1]);
      }
    }
    if (points.isEmpty()) {
      return;
    }
    ExecResult r = probeRun(e.name(), op, Command.of("mount", "-p"));
    if (!r.isSuccess()) {
      throw new LifecycleException(e.name(), op + ": list mounts", Optional.of(r), "");
    }
    Set<String> mounted = new HashSet<>();
    for (String line : r.stdout().lines().toList()) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 2) {
        mounted.add(f[1]);
      }
    }
    for (String point : points) {
      if (mounted.contains(point)) {
        require(e.name(), op, "umount", Command.of("umount", point));
        log.info("unmounted {} left by jail(8) for jail {}", point, e.name());
      }
    }
  }

  /** bool_param of jail(8)'s config.c: present and empty, "true", or a non-zero number. */
  private static boolean flag(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    if (v == null) {
      return false;
    }
    if (v.isEmpty()) {
      return true;
    }
    String last = v.get(v.size() - 1);
    return last.equalsIgnoreCase("true") || (last.matches("-?\\d+") && !last.matches("-?0+"));
  }

  /** A post-start check that did not hold, with the command that showed it. */
  private record CheckFailure(String what, ExecResult result) {}

  /** The post-start checks; returns the first that failed. */
  private Optional<CheckFailure> check(JailManagerManifest.Entry e, String op) {
    ExecResult br = probeRun(e.name(), op, Command.of("ifconfig", e.bridge()));
    if (!br.isSuccess() || !bridgeMembers(br.stdout()).contains(e.hostInterface())) {
      return failedCheck(e, op, br, e.hostInterface() + " on " + e.bridge());
    }
    emit(e.name(), op, JailEvent.Kind.CHECK_PASSED, e.hostInterface() + " is on " + e.bridge());
    ExecResult in =
        probeRun(e.name(), op, Command.of("jexec", e.name(), "ifconfig", e.jailInterface()));
    boolean addressed =
        e.address().map(a -> in.stdout().contains("\tinet " + a + " ")).orElse(true);
    if (!in.isSuccess() || !addressed) {
      return failedCheck(
          e,
          op,
          in,
          e.jailInterface() + " in the jail" + e.address().map(a -> " with " + a).orElse(""));
    }
    emit(e.name(), op, JailEvent.Kind.CHECK_PASSED, e.jailInterface() + " is in the jail");
    if (e.gateway().isPresent()) {
      ExecResult rt =
          probeRun(e.name(), op, Command.of("jexec", e.name(), "route", "-n", "get", "default"));
      if (!rt.isSuccess() || !rt.stdout().contains("gateway: " + e.gateway().get())) {
        return failedCheck(e, op, rt, "default route via " + e.gateway().get());
      }
      emit(e.name(), op, JailEvent.Kind.CHECK_PASSED, "default route via " + e.gateway().get());
    }
    return Optional.empty();
  }

  private Optional<CheckFailure> failedCheck(
      JailManagerManifest.Entry e, String op, ExecResult r, String what) {
    emit(e.name(), op, JailEvent.Kind.CHECK_FAILED, what + " does not hold");
    return Optional.of(new CheckFailure(what, r));
  }

  /** Rolls the jail back to nothing on the host, then throws naming the failed step. */
  private void rollback(
      JailManagerManifest.Entry e,
      String op,
      String step,
      Optional<ExecResult> failure,
      String what,
      boolean jailFailed) {
    emit(e.name(), op, JailEvent.Kind.ROLLBACK, "rolling back after " + step);
    String detail;
    try {
      teardown(e, op, jailFailed);
      detail =
          (what.isEmpty() ? "rolled back" : what) + ": nothing of the jail is left on the host";
    } catch (RuntimeException ex) {
      detail = "rollback also failed, check the host: " + ex.getMessage();
    }
    LifecycleException le = new LifecycleException(e.name(), op + ": " + step, failure, detail);
    emit(e.name(), op, JailEvent.Kind.FAILED, le.getMessage());
    throw le;
  }

  private LifecycleException failed(String name, String op, LifecycleException ex) {
    emit(name, op, JailEvent.Kind.FAILED, ex.getMessage());
    return ex;
  }

  // ------------------------------------------------------------------ status

  /** The jail's state, jid, interfaces (and where each is) and addresses, read from the host. */
  public JailStatus status(String name) {
    checkNotNull(name, "name");
    Optional<JailManagerManifest.Entry> e = Optional.ofNullable(manifest().jails.get(name));
    HostView view = probe(name, "status");
    return status(name, e, view);
  }

  /** The status of every managed jail and every other jail jls lists, managed ones first. */
  public List<JailStatus> list() {
    JailManagerManifest m = manifest();
    HostView view = probe(ALL, "list");
    Set<String> names = new LinkedHashSet<>(m.jails.keySet());
    names.addAll(view.active.keySet());
    names.addAll(view.dying.keySet());
    List<JailStatus> out = new ArrayList<>();
    for (String n : names) {
      out.add(status(n, Optional.ofNullable(m.jails.get(n)), view));
    }
    return out;
  }

  private JailStatus status(String name, Optional<JailManagerManifest.Entry> e, HostView view) {
    JailStatus.State state =
        view.active.containsKey(name)
            ? JailStatus.State.RUNNING
            : view.dying.containsKey(name) ? JailStatus.State.DYING : JailStatus.State.STOPPED;
    OptionalInt jid =
        state == JailStatus.State.RUNNING
            ? OptionalInt.of(view.active.get(name))
            : state == JailStatus.State.DYING
                ? OptionalInt.of(view.dying.get(name).get(0))
                : OptionalInt.empty();
    List<JailStatus.InterfaceStatus> ifaces = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    if (e.isPresent()) {
      String a = e.get().hostInterface();
      String b = e.get().jailInterface();
      JailStatus.Location aLoc = JailStatus.Location.ABSENT;
      if (view.interfaces.contains(a)) {
        ExecResult br = probeRun(name, "status", Command.of("ifconfig", e.get().bridge()));
        aLoc =
            br.isSuccess() && bridgeMembers(br.stdout()).contains(a)
                ? JailStatus.Location.BRIDGE
                : JailStatus.Location.HOST;
      }
      ifaces.add(new JailStatus.InterfaceStatus(a, aLoc));
      JailStatus.Location bLoc = JailStatus.Location.ABSENT;
      if (view.interfaces.contains(b)) {
        bLoc = JailStatus.Location.HOST;
      } else if (state == JailStatus.State.RUNNING) {
        ExecResult in = probeRun(name, "status", Command.of("jexec", name, "ifconfig", b));
        if (in.isSuccess()) {
          bLoc = JailStatus.Location.JAIL;
          addresses.addAll(inetAddresses(in.stdout()));
        }
      }
      ifaces.add(new JailStatus.InterfaceStatus(b, bLoc));
    }
    return new JailStatus(name, state, jid, e.isPresent(), ifaces, addresses);
  }

  // ------------------------------------------------------------------ apply / plan

  /**
   * Brings the host to {@code host}: stops and uninstalls the managed jails it no longer has,
   * restarts the running ones whose configuration changed, installs the files, and starts every
   * jail that is not running. Applying the same config twice changes nothing the second time.
   */
  public void apply(HostConfig host) {
    checkNotNull(host, "host");
    emit(ALL, "apply", JailEvent.Kind.BEGIN, "apply " + host.jails().size() + " jails");
    shared.manifest = null; // re-read: another process may have changed the host
    JailManagerManifest old = manifest();
    JailManagerManifest wanted = JailManagerManifest.of(host, options(host).confDirectory());
    Map<String, String> confs = JailManagerRendering.jailConfFiles(host, options(host));
    List<String> removed = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (JailManagerManifest.Entry e : old.jails.values()) {
      JailManagerManifest.Entry w = wanted.jails.get(e.name());
      if (w == null) {
        removed.add(e.name());
      } else if (!w.equals(e)
          || !files().read(e.confPath()).equals(Optional.ofNullable(confs.get(w.confPath())))) {
        changed.add(e.name());
      }
    }
    if (!changed.isEmpty()) {
      // stop with the old files, so the old hooks remove the old interfaces
      HostView view = probe(ALL, "apply");
      List<String> running = changed.stream().filter(view.active::containsKey).toList();
      if (!running.isEmpty()) {
        stop(running);
      }
    }
    for (String n : removed) {
      uninstall(n);
    }
    install(host);
    start(host.jails().stream().map(j -> j.name()).toList());
    emit(ALL, "apply", JailEvent.Kind.DONE, "applied");
    log.info(
        "applied host config: {} jails, {} changed, {} removed",
        host.jails().size(),
        changed.size(),
        removed.size());
  }

  /**
   * What {@link #apply} would do, without doing it: the state-changing commands and the file
   * writes. Probes ({@code jls}, {@code ifconfig -l}, reading files) run on the host for real.
   */
  public Plan plan(HostConfig host) {
    checkNotNull(host, "host");
    return plan(m -> m.apply(host));
  }

  /**
   * What {@code operation} would do when run on this manager, without doing it, e.g. {@code
   * jails.plan(m -> m.start("web"))}. Post-start checks are skipped (nothing was started).
   */
  public Plan plan(Consumer<JailManager> operation) {
    checkNotNull(operation, "operation");
    Planner p = new Planner(executor.files());
    Shared s = new Shared();
    s.manifest = shared.manifest;
    JailManager planning =
        new JailManager(executor, listeners, 1, s, Optional.of(p), renderOptions);
    operation.accept(planning);
    return new Plan(p.commands, new ArrayList<>(p.changes.values()));
  }

  /** Records what a planned operation would change; reads see the planned writes. */
  private static final class Planner implements HostFiles {
    final HostFiles real;
    final List<Command> commands = new ArrayList<>();
    final Map<String, Plan.FileChange> changes = new LinkedHashMap<>();

    Planner(HostFiles real) {
      this.real = real;
    }

    @Override
    public Optional<String> read(String path) {
      Plan.FileChange c = changes.get(path);
      return c != null ? Optional.of(c.after()) : real.read(path);
    }

    @Override
    public boolean exists(String path) {
      return changes.containsKey(path) || real.exists(path);
    }

    @Override
    public void writeAtomically(String path, String content) {
      Plan.FileChange c = changes.get(path);
      Optional<String> before = c != null ? c.before() : real.read(path);
      changes.put(path, new Plan.FileChange(path, before, content));
    }
  }

  // ------------------------------------------------------------------ plumbing

  private HostFiles files() {
    return planner.isPresent() ? planner.get() : executor.files();
  }

  private void write(String path, String content) {
    Optional<String> old = files().read(path);
    if (old.equals(Optional.of(content))) {
      return;
    }
    files().writeAtomically(path, content);
    emit(ALL, "install", JailEvent.Kind.FILE_WRITTEN, "wrote " + path);
    log.debug("wrote {}", path);
  }

  private JailManagerManifest manifest() {
    JailManagerManifest m = shared.manifest;
    if (m == null) {
      m =
          files()
              .read(JailManagerManifest.PATH)
              .map(JailManagerManifest::parse)
              .orElse(JailManagerManifest.empty());
      shared.manifest = m;
    }
    return m;
  }

  private void writeManifest(JailManagerManifest m) {
    write(JailManagerManifest.PATH, m.render());
    shared.manifest = m;
  }

  private JailManagerManifest.Entry entry(String name) {
    checkNotNull(name, "name");
    JailManagerManifest.Entry e = manifest().jails.get(name);
    if (e == null) {
      throw new LifecycleException(
          name,
          "look up",
          Optional.empty(),
          "the jail is not installed by vnetjail (not in "
              + JailManagerManifest.PATH
              + "); call install(host) or apply(host) with a HostConfig that has it");
    }
    return e;
  }

  /** Runs a state-changing command (only recorded when planning); emits a COMMAND event. */
  private ExecResult run(String jail, String op, String step, Command c) {
    ExecResult r;
    if (planner.isPresent()) {
      planner.get().commands.add(c);
      r = ExecResult.builder().command(c).exitCode(0).build();
    } else {
      r = executor.execute(c);
    }
    log.debug("{} {}: {} -> {}", jail, step, c, r.exitCode());
    emit(jail, op, JailEvent.Kind.COMMAND, step + ": " + c + " -> " + r.exitCode(), Optional.of(r));
    return r;
  }

  /** Runs a state-changing command that must succeed. */
  private ExecResult require(String jail, String op, String step, Command c) {
    ExecResult r = run(jail, op, step, c);
    if (!r.isSuccess()) {
      throw new LifecycleException(jail, op + ": " + step, Optional.of(r), "");
    }
    return r;
  }

  /** Runs a read-only command, for real even when planning. */
  private ExecResult probeRun(String jail, String op, Command c) {
    ExecResult r = executor.execute(c);
    log.debug("{} probe: {} -> {}", jail, c, r.exitCode());
    emit(jail, op, JailEvent.Kind.COMMAND, "probe: " + c + " -> " + r.exitCode(), Optional.of(r));
    return r;
  }

  /**
   * The jails (active and dying) and host interfaces: {@code jls -d -v --libxo json}, {@code
   * ifconfig -l}.
   */
  private HostView probe(String jail, String op) {
    ExecResult jls = probeRun(jail, op, Command.of("jls", "-d", "-v", "--libxo", "json"));
    if (!jls.isSuccess()) {
      throw failed(
          jail, op, new LifecycleException(jail, op + ": list jails", Optional.of(jls), ""));
    }
    Map<String, Integer> active = new LinkedHashMap<>();
    Map<String, List<Integer>> dying = new LinkedHashMap<>();
    try {
      JsonNode list = JSON.readTree(jls.stdout()).path("jail-information").path("jail");
      for (JsonNode j : list) {
        String name = j.path("name").asText();
        int jid = j.path("jid").asInt();
        if (j.path("state").asText("ACTIVE").equals("DYING")) {
          dying.computeIfAbsent(name, k -> new ArrayList<>()).add(jid);
        } else {
          active.put(name, jid);
        }
      }
    } catch (IOException ex) {
      throw failed(
          jail,
          op,
          new LifecycleException(
              jail,
              op + ": list jails",
              Optional.of(jls),
              "unreadable jls JSON: " + ex.getMessage()));
    }
    return new HostView(active, dying, probeInterfaces(jail, op));
  }

  private Set<String> probeInterfaces(String jail, String op) {
    ExecResult r = probeRun(jail, op, Command.of("ifconfig", "-l"));
    if (!r.isSuccess()) {
      throw failed(
          jail, op, new LifecycleException(jail, op + ": list interfaces", Optional.of(r), ""));
    }
    return new LinkedHashSet<>(List.of(r.stdout().strip().split("\\s+")));
  }

  /** The {@code member:} lines of an {@code ifconfig BRIDGE} listing (sbin/ifconfig/ifbridge.c). */
  static Set<String> bridgeMembers(String listing) {
    Set<String> members = new LinkedHashSet<>();
    for (String line : listing.lines().toList()) {
      String t = line.strip();
      if (t.startsWith("member: ")) {
        String rest = t.substring("member: ".length());
        int sp = rest.indexOf(' ');
        members.add(sp < 0 ? rest : rest.substring(0, sp));
      }
    }
    return members;
  }

  /** The IPv4/IPv6 addresses of an {@code ifconfig IF} listing as {@code ADDR/P}. */
  static List<String> inetAddresses(String listing) {
    List<String> out = new ArrayList<>();
    for (String line : listing.lines().toList()) {
      String[] w = line.strip().split("\\s+");
      if (w.length >= 4 && w[0].equals("inet") && w[2].equals("netmask")) {
        long mask = Long.parseLong(w[3].replace("0x", ""), 16);
        out.add(w[1] + "/" + Long.bitCount(mask));
      } else if (w.length >= 4 && w[0].equals("inet6") && w[2].equals("prefixlen")) {
        out.add(w[1] + "/" + w[3]);
      }
    }
    return out;
  }

  private record HostView(
      Map<String, Integer> active, Map<String, List<Integer>> dying, Set<String> interfaces) {
    boolean holdsAnything(JailManagerManifest.Entry e) {
      return dying.containsKey(e.name())
          || interfaces.contains(e.hostInterface())
          || interfaces.contains(e.jailInterface());
    }
  }

  private void emit(String jail, String op, JailEvent.Kind kind, String message) {
    emit(jail, op, kind, message, Optional.empty());
  }

  private void emit(
      String jail, String op, JailEvent.Kind kind, String message, Optional<ExecResult> result) {
    if (listeners.isEmpty()) {
      return;
    }
    JailEvent e = new JailEvent(jail, op, kind, message, result);
    for (JailEventListener l : listeners) {
      l.onEvent(e);
    }
  }
}
