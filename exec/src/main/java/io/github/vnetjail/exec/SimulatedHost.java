package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory FreeBSD host to test orchestrators against, the way OkHttp's MockWebServer stands in
 * for a web server. It models the host's network stack and each VNET jail's own (interfaces, epair
 * pairs, bridges and members, addresses, routes), jails (jid, name, path, running or dying) and a
 * small file system, and runs the commands the SDK uses with FreeBSD's output, error texts and exit
 * codes: {@code ifconfig}, {@code route}, {@code jail -c/-r/-m/-rc [-f FILE]}, {@code jls}, {@code
 * jexec}, {@code sysrc}, {@code service jail}, {@code sh -c} lines, {@code mount}, {@code umount}
 * (on a mount table: jail(8)'s mount.devfs, mount.fdescfs, mount.procfs, mount and mount.fstab
 * steps run them), and {@code cat}, {@code test}, {@code mkdir}, {@code mv}, {@code cp}, {@code
 * rm}. A jail's {@code /bin/sh /etc/rc} (when the jail has no {@code /etc/rc} file) applies the
 * network settings of the jail's own {@code /etc/rc.conf} ({@code ifconfig_IF}, {@code
 * defaultrouter}). Programs may be named by absolute path ({@code /sbin/ifconfig}) or bare name;
 * anything else is {@code sh: NAME: not found} with exit 127. Jails need no userland, only their
 * {@code path} directory; they persist whether or not {@code persist} is set.
 *
 * <p>It injects faults ({@link #inject}), reproduces the seed's leak of the VNET interface on jail
 * removal ({@link #keepVnetInterfacesOnRemove}), keeps removed jails dying ({@link
 * #leaveJailsDying}), records what it received ({@link #commands()}, {@link #processes()}) and
 * snapshots its whole state ({@link #state()}). Thread-safe: one lock serialises every command.
 *
 * <pre>{@code
 * SimulatedHost host = SimulatedHost.builder().withInterface("em0").withBridge("bridge0", "em0").build();
 * host.files().writeAtomically("/etc/jail.conf", jailConf);
 * host.execute(Command.of("jail", "-f", "/etc/jail.conf", "-c", "my-vnet-jail")).requireSuccess();
 * SimulatedHost.State s = host.state();
 * assertThat(s.host().find("epair154a").get().bridge()).contains("bridge0");
 * assertThat(s.stack("my-vnet-jail").get().routes())
 *     .containsExactly(new SimulatedHost.Route("default", "192.168.1.1", "epair154b"));
 * }</pre>
 */
public final class SimulatedHost implements CommandExecutor {
  private static final Logger log = LoggerFactory.getLogger(SimulatedHost.class);

  private final ReentrantLock lock = new ReentrantLock();
  private final SimWorld world;
  private final SimRuntime runtime;
  private final List<Command> commands = new ArrayList<>();
  private final HostFiles files = new Files();

  private SimulatedHost(SimWorld world, SimJailConfigReader reader) {
    this.world = world;
    this.runtime = new SimRuntime(world, reader);
  }

  /** A host with {@code lo0} and one physical interface {@code em0} (up), no bridges, no jails. */
  public static SimulatedHost create() {
    return builder().withInterface("em0").build();
  }

  /** Starts a builder for a host with only {@code lo0}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ExecResult execute(Command command) {
    checkNotNull(command, "command");
    lock.lock();
    try {
      runtime.received++;
      world.tick();
      commands.add(command);
      log.debug("simulated: {}", command);
      StringBuilder out = new StringBuilder();
      StringBuilder err = new StringBuilder();
      int code = 0;
      boolean timedOut = false;
      runtime.topLevelTimedOut = false;
      Optional<SimulatedFault> fault = runtime.nthFault();
      if (fault.isPresent() && !fault.get().isAfterEffect()) {
        runtime.processes.add(new Process("host", command.argv(), fault.get().exitCode()));
      } else {
        int slot = runtime.processes.size();
        // with an after-effect fault the command runs for real; its own result is lost
        StringBuilder o = fault.isPresent() ? new StringBuilder() : out;
        StringBuilder e = fault.isPresent() ? new StringBuilder() : err;
        String in = command.stdin().orElse("");
        code =
            isWriteScript(command.argv())
                ? runtime.writeScript(command.argv(), in, o, e)
                : runtime.spawn(Optional.empty(), command.argv(), in, o, e);
        timedOut = runtime.topLevelTimedOut;
        if (fault.isPresent()) {
          runtime.processes.set(slot, new Process("host", command.argv(), fault.get().exitCode()));
        }
      }
      if (fault.isPresent()) {
        out.append(fault.get().stdout());
        err.append(fault.get().stderr());
        code = fault.get().exitCode();
        timedOut = fault.get().isTimedOut();
      }
      return ExecResult.builder()
          .command(command)
          .exitCode(code)
          .stdout(out.toString())
          .stderr(err.toString())
          .timedOut(timedOut)
          .build();
    } finally {
      lock.unlock();
    }
  }

  /** ShellHostFiles' write script, which this host carries out without a full sh. */
  private static boolean isWriteScript(List<String> argv) {
    return argv.size() == 5
        && SimRuntime.resolve(argv.get(0)).equals(Optional.of("sh"))
        && argv.get(1).equals("-c")
        && argv.get(2).equals(ShellHostFiles.WRITE_SCRIPT);
  }

  private void write(String path, String content) {
    String p = SimFileSystem.normalize(path);
    world.fs.mkdirs(SimFileSystem.parent(p));
    world.fs.read(p).ifPresent(old -> world.fs.write(p + ".bak", old));
    world.fs.write(p, content);
  }

  /** File operations on the simulated file system, in memory (no commands are recorded). */
  @Override
  public HostFiles files() {
    return files;
  }

  /** Makes failures happen: see {@link SimulatedFault}. Faults fire in the order injected. */
  public SimulatedHost inject(SimulatedFault fault) {
    checkNotNull(fault, "fault");
    lock.lock();
    try {
      runtime.addFault(fault);
    } finally {
      lock.unlock();
    }
    return this;
  }

  /**
   * Switches the seed's bug on or off: when a VNET jail is removed it stays dying, and the
   * interfaces it holds (the {@code vnet.interface}, epair154b) stay in its stack, invisible from
   * the host and still holding their epair unit, even when the other side is destroyed; until
   * {@link #releaseDyingJails()}. Releasing them by hand ({@code ifconfig epair154b -vnet JAIL} in
   * {@code exec.prestop}) avoids the leak; afterwards {@code ifconfig epair154b -vnet JID} (by jid:
   * a dying jail's name no longer resolves) brings a leaked one back.
   */
  public SimulatedHost keepVnetInterfacesOnRemove(boolean keep) {
    lock.lock();
    try {
      world.keepVnetInterfaces = keep;
    } finally {
      lock.unlock();
    }
    return this;
  }

  /**
   * Keeps every jail removed from now on dying while the next {@code commands} commands run ({@code
   * jls} hides it, {@code jls -d} shows it, name lookups say {@code is dying}); its VNET interfaces
   * return to the host when it is released. 0 (the default) releases at once.
   */
  public SimulatedHost leaveJailsDying(int commands) {
    checkArgument(commands >= 0, "commands must be >= 0, got %s", commands);
    lock.lock();
    try {
      world.dyingCommands = commands;
    } finally {
      lock.unlock();
    }
    return this;
  }

  /** Lets time pass as one command would: dying jails count down, and those at zero go away. */
  public void tick() {
    lock.lock();
    try {
      world.tick();
    } finally {
      lock.unlock();
    }
  }

  /** Releases every dying jail now: its stack is destroyed and its interfaces return home. */
  public void releaseDyingJails() {
    lock.lock();
    try {
      world.releaseDying();
    } finally {
      lock.unlock();
    }
  }

  /** The commands received through {@link #execute}, oldest first. */
  public List<Command> commands() {
    lock.lock();
    try {
      return List.copyOf(commands);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Every program that ran, oldest first: the commands received and the programs they started
   * (jail(8)'s hooks and internal {@code ifconfig} steps, each part of an {@code sh -c} line).
   */
  public List<Process> processes() {
    lock.lock();
    try {
      return List.copyOf(runtime.processes);
    } finally {
      lock.unlock();
    }
  }

  /** An immutable snapshot of the whole host. */
  public State state() {
    lock.lock();
    try {
      List<Stack> stacks = new ArrayList<>();
      for (SimStack s : world.stacks()) {
        List<Interface> ifaces = new ArrayList<>();
        for (SimIface i : s.interfaces) {
          List<String> members = new ArrayList<>();
          i.members.forEach(m -> members.add(m.name));
          List<String> inet = new ArrayList<>();
          i.inet.forEach(a -> inet.add(a.toString()));
          List<String> inet6 = new ArrayList<>();
          i.inet6.forEach(a -> inet6.add(a.toString()));
          ifaces.add(
              new Interface(
                  i.name,
                  i.up,
                  i.description,
                  i.ether,
                  inet,
                  inet6,
                  members,
                  Optional.ofNullable(i.bridge).map(b -> b.name),
                  i.groups));
        }
        List<Route> routes = new ArrayList<>();
        s.routes.forEach(
            r -> routes.add(new Route(r.destination(), r.gateway(), r.interfaceName())));
        stacks.add(new Stack(s.owner, s.jail == null ? 0 : s.jail.jid, ifaces, routes));
      }
      List<Jail> jails = new ArrayList<>();
      for (SimJail j : world.jails.values()) {
        jails.add(new Jail(j.jid, j.name, j.path, j.hostname, j.vnet, j.dying, j.ip4));
      }
      return new State(
          stacks, jails, new LinkedHashMap<>(world.fs.files()), List.copyOf(runtime.mounts));
    } finally {
      lock.unlock();
    }
  }

  /**
   * One program that ran.
   *
   * @param where "host", or the name of the jail it ran in
   * @param argv the program and its arguments
   * @param exitCode its exit status
   */
  public record Process(String where, List<String> argv, int exitCode) {
    /** Copies the argv. */
    public Process {
      argv = List.copyOf(argv);
    }

    @Override
    public String toString() {
      return where + ": " + String.join(" ", argv) + " -> " + exitCode;
    }
  }

  /**
   * A snapshot of the host, comparable with {@code equals} and printable.
   *
   * @param stacks the network stacks, the host's first, then each VNET jail's by jid
   * @param jails the jails, running and dying, by jid
   * @param files every regular file and its content, by path
   * @param mounts the mounted file systems, oldest first (jail(8)'s mount.devfs, mount.fdescfs,
   *     mount.procfs, mount and mount.fstab steps)
   */
  public record State(
      List<Stack> stacks, List<Jail> jails, Map<String, String> files, List<Mount> mounts) {
    /** Copies the collections. */
    public State {
      stacks = List.copyOf(stacks);
      jails = List.copyOf(jails);
      files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
      mounts = List.copyOf(mounts);
    }

    /** The host's own stack. */
    public Stack host() {
      return stacks.get(0);
    }

    /** The stack of the running (else the dying) VNET jail with this name. */
    public Optional<Stack> stack(String jail) {
      Optional<Stack> running =
          stacks.stream()
              .filter(s -> s.jid() != 0 && s.owner().equals(jail))
              .filter(s -> jails.stream().anyMatch(j -> j.jid() == s.jid() && !j.dying()))
              .findFirst();
      return running.isPresent()
          ? running
          : stacks.stream().filter(s -> s.jid() != 0 && s.owner().equals(jail)).findFirst();
    }

    /** The running (else the dying) jail with this name. */
    public Optional<Jail> jail(String name) {
      Optional<Jail> running =
          jails.stream().filter(j -> j.name().equals(name) && !j.dying()).findFirst();
      return running.isPresent()
          ? running
          : jails.stream().filter(j -> j.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (Stack s : stacks) {
        b.append(s).append('\n');
      }
      for (Jail j : jails) {
        b.append(j).append('\n');
      }
      for (Mount m : mounts) {
        b.append(m).append('\n');
      }
      b.append("files:");
      files.forEach(
          (k, v) -> b.append("\n  ").append(k).append(" (").append(v.length()).append(" chars)"));
      return b.toString();
    }
  }

  /**
   * One network stack.
   *
   * @param owner "host", or the name of the VNET jail that owns it
   * @param jid 0 for the host, else the owning jail's jid
   * @param interfaces its interfaces in ifindex order
   * @param routes its static routes in the order added
   */
  public record Stack(String owner, int jid, List<Interface> interfaces, List<Route> routes) {
    /** Copies the lists. */
    public Stack {
      interfaces = List.copyOf(interfaces);
      routes = List.copyOf(routes);
    }

    /** The interface with this name in this stack. */
    public Optional<Interface> find(String name) {
      return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The interface names in ifindex order. */
    public List<String> interfaceNames() {
      List<String> names = new ArrayList<>();
      interfaces.forEach(i -> names.add(i.name()));
      return names;
    }

    @Override
    public String toString() {
      StringBuilder b =
          new StringBuilder(jid == 0 ? "stack host" : "stack " + owner + " (jid " + jid + ")");
      interfaces.forEach(i -> b.append("\n  ").append(i));
      routes.forEach(r -> b.append("\n  ").append(r));
      return b.toString();
    }
  }

  /**
   * One interface.
   *
   * @param name its current name
   * @param up whether it is administratively up (IFF_UP)
   * @param description its description, if set
   * @param ether its MAC address (empty for a loopback)
   * @param inet IPv4 addresses as {@code A.B.C.D/P}, in the order added
   * @param inet6 IPv6 addresses as {@code ADDR/P}
   * @param members for a bridge, its members, newest first (as ifconfig lists them)
   * @param bridge the bridge it is a member of, if any
   * @param groups its interface groups ({@code epair}, {@code bridge}, ...)
   */
  public record Interface(
      String name,
      boolean up,
      Optional<String> description,
      String ether,
      List<String> inet,
      List<String> inet6,
      List<String> members,
      Optional<String> bridge,
      List<String> groups) {
    /** Copies the lists. */
    public Interface {
      inet = List.copyOf(inet);
      inet6 = List.copyOf(inet6);
      members = List.copyOf(members);
      groups = List.copyOf(groups);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(name).append(up ? " up" : " down");
      description.ifPresent(d -> b.append(" descr \"").append(d).append('"'));
      if (!ether.isEmpty()) {
        b.append(" ether ").append(ether);
      }
      inet.forEach(a -> b.append(" inet ").append(a));
      inet6.forEach(a -> b.append(" inet6 ").append(a));
      if (!members.isEmpty()) {
        b.append(" members ").append(members);
      }
      bridge.ifPresent(br -> b.append(" on ").append(br));
      return b.toString();
    }
  }

  /**
   * One mounted file system, as {@code mount -p} would list it.
   *
   * @param special what is mounted ({@code .} for devfs, fdescfs and procfs as jail(8) mounts them,
   *     a directory for nullfs)
   * @param mountPoint where it is mounted
   * @param type the file system type ({@code devfs}, {@code nullfs}, ...)
   * @param options the {@code -o} options as given, empty when none
   */
  public record Mount(String special, String mountPoint, String type, String options) {
    @Override
    public String toString() {
      return "mount "
          + special
          + " on "
          + mountPoint
          + " type "
          + type
          + (options.isEmpty() ? "" : " (" + options + ")");
    }
  }

  /**
   * One static route.
   *
   * @param destination {@code default} or {@code A.B.C.D/P}
   * @param gateway the gateway address
   * @param interfaceName the interface that reaches the gateway
   */
  public record Route(String destination, String gateway, String interfaceName) {
    @Override
    public String toString() {
      return "route " + destination + " via " + gateway + " (" + interfaceName + ")";
    }
  }

  /**
   * One jail.
   *
   * @param jid its jail id
   * @param name its name
   * @param path its root directory
   * @param hostname its host.hostname
   * @param vnet whether it has its own network stack
   * @param dying whether it was removed but not yet released
   * @param ip4 its ip4.addr addresses (a plain jail's), as given
   */
  public record Jail(
      int jid,
      String name,
      String path,
      String hostname,
      boolean vnet,
      boolean dying,
      List<String> ip4) {
    /** Copies the list. */
    public Jail {
      ip4 = List.copyOf(ip4);
    }

    @Override
    public String toString() {
      return "jail "
          + jid
          + " "
          + name
          + (dying ? " DYING" : " ACTIVE")
          + (vnet ? " vnet" : "")
          + " path "
          + path
          + " host.hostname "
          + hostname
          + (ip4.isEmpty() ? "" : " ip4 " + ip4);
    }
  }

  /** Builds a {@link SimulatedHost} with interfaces, bridges, files and fault switches. */
  public static final class Builder {
    private final List<Consumer<SimWorld>> steps = new ArrayList<>();
    private SimJailConfigReader reader = new SimJailConf();

    private Builder() {}

    /** Sets the host's hostname (jails without {@code host.hostname} inherit it). */
    public Builder hostname(String hostname) {
      checkNotNull(hostname, "hostname");
      steps.add(w -> w.hostname = hostname);
      return this;
    }

    /** Adds a physical Ethernet interface such as {@code em0}, up, without addresses. */
    public Builder withInterface(String name) {
      checkArgument(
          name.matches("[a-z]+[0-9]+") && name.length() <= SimWorld.MAX_IFNAME,
          "interface name must look like em0, got %s",
          name);
      steps.add(
          w -> {
            checkArgument(w.host.find(name).isEmpty(), "interface %s already exists", name);
            w.addPhysical(name);
          });
      return this;
    }

    /** Creates a bridge ({@code bridgeN}), up, with these existing members in order. */
    public Builder withBridge(String name, String... members) {
      checkArgument(name.matches("bridge[0-9]+"), "bridge name must be bridgeN, got %s", name);
      steps.add(
          w -> {
            try {
              w.create(w.host, name);
              SimIface br = w.host.find(name).get();
              br.up = true;
              for (String m : members) {
                SimIface member =
                    w.host
                        .find(m)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "bridge member " + m + " does not exist; add it first"));
                w.addMember(br, member);
              }
            } catch (SimKernelException e) {
              throw new IllegalArgumentException("cannot create " + name + ": " + e.errno.text, e);
            }
          });
      return this;
    }

    /** Adds an IPv4 address ({@code A.B.C.D/P}) to an existing host interface. */
    public Builder withAddress(String iface, String cidr) {
      checkArgument(cidr.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+"), "not A.B.C.D/P: %s", cidr);
      steps.add(
          w -> {
            SimIface i =
                w.host
                    .find(iface)
                    .orElseThrow(() -> new IllegalArgumentException("no interface " + iface));
            String[] parts = cidr.split("/");
            i.inet.add(new SimIface.Addr(parts[0], Integer.parseInt(parts[1])));
          });
      return this;
    }

    /** Adds a file (its directory is created). */
    public Builder withFile(String path, String content) {
      checkArgument(path.startsWith("/"), "path must be absolute: %s", path);
      checkNotNull(content, "content");
      steps.add(
          w -> {
            String p = SimFileSystem.normalize(path);
            w.fs.mkdirs(SimFileSystem.parent(p));
            w.fs.write(p, content);
          });
      return this;
    }

    /** Adds a directory and its parents (for example a jail's {@code path}). */
    public Builder withDirectory(String path) {
      checkArgument(path.startsWith("/"), "path must be absolute: %s", path);
      steps.add(w -> w.fs.mkdirs(path));
      return this;
    }

    /** See {@link SimulatedHost#keepVnetInterfacesOnRemove}. */
    public Builder keepVnetInterfacesOnRemove(boolean keep) {
      steps.add(w -> w.keepVnetInterfaces = keep);
      return this;
    }

    /** See {@link SimulatedHost#leaveJailsDying}. */
    public Builder leaveJailsDying(int commands) {
      checkArgument(commands >= 0, "commands must be >= 0, got %s", commands);
      steps.add(w -> w.dyingCommands = commands);
      return this;
    }

    Builder configReader(SimJailConfigReader reader) {
      this.reader = reader;
      return this;
    }

    /** Builds the host. */
    public SimulatedHost build() {
      SimWorld world = new SimWorld();
      world.addLoopback(world.host, true);
      steps.forEach(s -> s.accept(world));
      return new SimulatedHost(world, reader);
    }
  }

  /** {@link HostFiles} straight on the simulated file system. */
  private final class Files implements HostFiles {
    @Override
    public Optional<String> read(String path) {
      lock.lock();
      try {
        return world.fs.read(path);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public boolean exists(String path) {
      lock.lock();
      try {
        return world.fs.exists(path);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void writeAtomically(String path, String content) {
      checkArgument(path.startsWith("/"), "path must be absolute: %s", path);
      checkNotNull(content, "content");
      lock.lock();
      try {
        write(path, content);
      } finally {
        lock.unlock();
      }
    }
  }
}
