package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Starts simulated programs: resolves the program name, applies injected faults, records every
 * process (top-level and nested, such as jail(8)'s hooks) and dispatches to the program's code.
 * Used under the host's lock only.
 */
final class SimRuntime {
  /** A simulated program: gets its process and full argv, returns the exit status. */
  interface Program {
    int run(SimProcess p, List<String> argv);
  }

  /** Where each known program lives on FreeBSD. */
  private static final Map<String, String> PATHS = new LinkedHashMap<>();

  static {
    for (String s : List.of("ifconfig", "route", "mount", "umount")) {
      PATHS.put(s, "/sbin/" + s);
    }
    for (String s : List.of("jail", "jls", "jexec", "sysrc", "service")) {
      PATHS.put(s, "/usr/sbin/" + s);
    }
    for (String s : List.of("sh", "cat", "test", "[", "mkdir", "mv", "cp", "rm", "echo", "sleep")) {
      PATHS.put(s, "/bin/" + s);
    }
    for (String s : List.of("true", "false", "touch", "printf")) {
      PATHS.put(s, "/usr/bin/" + s);
    }
  }

  final SimWorld world;
  final SimJailConfigReader configReader;
  private final Map<String, Program> programs = new LinkedHashMap<>();
  final List<SimulatedHost.Process> processes = new ArrayList<>();

  /** The mounted file systems, oldest first; a later mount on the same point covers an earlier. */
  final List<SimulatedHost.Mount> mounts = new ArrayList<>();

  private final List<ActiveFault> faults = new ArrayList<>();
  int received;

  /** Temporary files made by the write script, for mktemp's names. */
  private int temporaries;

  /** How deep the running program is nested: 1 for the command the host received. */
  private int depth;

  /** Set when a timed-out fault hit the received command itself; reset by the host. */
  boolean topLevelTimedOut;

  /** Whether the program that finished last was a timed-out fault (jail(8) reads it). */
  boolean lastTimedOut;

  SimRuntime(SimWorld world, SimJailConfigReader configReader) {
    this.world = world;
    this.configReader = configReader;
    programs.put("ifconfig", new SimIfconfig());
    programs.put("route", new SimRouteCommand());
    programs.put("jail", new SimJailCommand());
    programs.put("jls", new SimJls());
    programs.put("jexec", SimRuntime::jexec);
    programs.put("sysrc", new SimSysrc());
    programs.put("service", new SimService());
    programs.put("sh", SimShell::main);
    SimFileCommands.register(programs);
  }

  /** Returns the program's short name when argv0 names a known program, by name or full path. */
  static Optional<String> resolve(String argv0) {
    if (argv0.contains("/")) {
      for (Map.Entry<String, String> e : PATHS.entrySet()) {
        if (e.getValue().equals(argv0)) {
          return Optional.of(e.getKey());
        }
      }
      return Optional.empty();
    }
    return PATHS.containsKey(argv0) ? Optional.of(argv0) : Optional.empty();
  }

  void addFault(SimulatedFault fault) {
    faults.add(new ActiveFault(fault, received));
  }

  /** The fault for the next top-level command, if one is due (counts the command). */
  Optional<SimulatedFault> nthFault() {
    for (Iterator<ActiveFault> it = faults.iterator(); it.hasNext(); ) {
      ActiveFault f = it.next();
      if (f.fault.nth().isPresent() && f.base + f.fault.nth().getAsInt() == received) {
        it.remove();
        return Optional.of(f.fault);
      }
    }
    return Optional.empty();
  }

  private Optional<SimulatedFault> matchingFault(List<String> argv) {
    String line = String.join(" ", argv);
    for (Iterator<ActiveFault> it = faults.iterator(); it.hasNext(); ) {
      ActiveFault f = it.next();
      if (f.fault.pattern().isPresent() && f.fault.pattern().get().matcher(line).find()) {
        if (f.fault.times() > 0 && ++f.used >= f.fault.times()) {
          it.remove();
        }
        return Optional.of(f.fault);
      }
    }
    return Optional.empty();
  }

  /** Runs one program to completion; writes "sh: NAME: not found" for unknown programs (127). */
  int spawn(
      Optional<SimJail> jail,
      List<String> argv,
      String stdin,
      StringBuilder out,
      StringBuilder err) {
    depth++;
    try {
      return spawnCounted(jail, argv, stdin, out, err);
    } finally {
      depth--;
    }
  }

  private int spawnCounted(
      Optional<SimJail> jail,
      List<String> argv,
      String stdin,
      StringBuilder out,
      StringBuilder err) {
    int slot = processes.size();
    String where = jail.map(j -> j.name).orElse("host");
    processes.add(new SimulatedHost.Process(where, List.copyOf(argv), -1));
    int code = dispatch(jail, argv, stdin, out, err);
    processes.set(slot, new SimulatedHost.Process(where, List.copyOf(argv), code));
    return code;
  }

  private int dispatch(
      Optional<SimJail> jail,
      List<String> argv,
      String stdin,
      StringBuilder out,
      StringBuilder err) {
    Optional<SimulatedFault> fault = matchingFault(argv);
    int code = 0;
    if (fault.isEmpty()) {
      code = runProgram(jail, argv, stdin, out, err);
    } else if (fault.get().isAfterEffect()) {
      // the program does its work; what it said is lost, the fault's result is reported instead
      runProgram(jail, argv, stdin, new StringBuilder(), new StringBuilder());
    }
    if (fault.isPresent()) {
      if (depth == 1 && fault.get().isTimedOut()) {
        topLevelTimedOut = true;
      }
      out.append(fault.get().stdout());
      err.append(fault.get().stderr());
      code = fault.get().exitCode();
    }
    lastTimedOut = fault.isPresent() && fault.get().isTimedOut();
    return code;
  }

  private int runProgram(
      Optional<SimJail> jail,
      List<String> argv,
      String stdin,
      StringBuilder out,
      StringBuilder err) {
    Optional<String> name = resolve(argv.get(0));
    if (name.isEmpty()) {
      err.append("sh: ").append(argv.get(0)).append(": not found\n");
      return 127;
    }
    return programs.get(name.get()).run(new SimProcess(this, jail, stdin, out, err), argv);
  }

  /**
   * ShellHostFiles' write script ({@code sh -c WRITE_SCRIPT NAME PATH}, content on stdin), step by
   * step as sh runs it under {@code set -e}: {@code dirname}, {@code mkdir -p}, {@code mktemp},
   * then {@code cp -p} to {@code PATH.bak} and to the temporary file (or {@code chmod 644} for a
   * new file), {@code cat}, {@code fsync}, {@code mv -f}; after a failed step the EXIT trap runs
   * {@code rm -f} on the temporary file. Each step is a process that a {@link
   * SimulatedFault#matching} fault can fail (e.g. {@code "^mv "}), so a failure between writing and
   * renaming leaves the target as it was. The script needs command substitution and {@code if},
   * which {@link SimShell} does not parse, hence this model.
   */
  int writeScript(List<String> argv, String content, StringBuilder out, StringBuilder err) {
    depth++;
    try {
      int slot = processes.size();
      processes.add(new SimulatedHost.Process("host", List.copyOf(argv), -1));
      int code;
      Optional<SimulatedFault> fault = matchingFault(argv);
      code = 0;
      if (fault.isEmpty() || fault.get().isAfterEffect()) {
        depth++;
        try {
          StringBuilder stepErr = fault.isEmpty() ? err : new StringBuilder();
          code = writeSteps(SimFileSystem.normalize(argv.get(4)), content, stepErr);
        } finally {
          depth--;
        }
      }
      if (fault.isPresent()) {
        topLevelTimedOut = fault.get().isTimedOut();
        out.append(fault.get().stdout());
        err.append(fault.get().stderr());
        code = fault.get().exitCode();
      }
      processes.set(slot, new SimulatedHost.Process("host", List.copyOf(argv), code));
      return code;
    } finally {
      depth--;
    }
  }

  private int writeSteps(String t, String content, StringBuilder err) {
    SimFileSystem fs = world.fs;
    String d = SimFileSystem.parent(t);
    int code = step(err, () -> 0, "dirname", "--", t);
    code = code != 0 ? code : step(err, () -> mkdirs(d), "mkdir", "-p", "--", d);
    if (code != 0) {
      return code;
    }
    String tmp = (d.equals("/") ? "" : d) + "/.vnetjail." + String.format("%06d", ++temporaries);
    code =
        step(
            err,
            () -> {
              fs.write(tmp, "");
              return 0;
            },
            "mktemp",
            d + "/.vnetjail.XXXXXX");
    if (code != 0) {
      return code;
    }
    Optional<String> old = fs.read(t);
    if (old.isPresent()) {
      code = step(err, () -> copy(t, t + ".bak"), "cp", "-p", "--", t, t + ".bak");
      code = code != 0 ? code : step(err, () -> copy(t, tmp), "cp", "-p", "--", t, tmp);
    } else {
      code = step(err, () -> 0, "chmod", "644", tmp);
    }
    if (code == 0) {
      code =
          step(
              err,
              () -> {
                fs.write(tmp, content);
                return 0;
              },
              "cat");
    }
    code = code != 0 ? code : step(err, () -> 0, "fsync", tmp);
    if (code == 0) {
      code =
          step(
              err,
              () -> {
                fs.write(t, fs.read(tmp).orElse(""));
                fs.removeFile(tmp);
                return 0;
              },
              "mv",
              "-f",
              "--",
              tmp,
              t);
    }
    if (code != 0) {
      // trap 'rm -f -- "$tmp"' EXIT: the script's status stays the failed step's
      step(
          new StringBuilder(),
          () -> {
            if (fs.isFile(tmp)) {
              fs.removeFile(tmp);
            }
            return 0;
          },
          "rm",
          "-f",
          "--",
          tmp);
    }
    return code;
  }

  private int mkdirs(String d) {
    world.fs.mkdirs(d);
    return 0;
  }

  private int copy(String from, String to) {
    world.fs.write(to, world.fs.read(from).orElse(""));
    return 0;
  }

  /** One program of the write script: recorded, faultable, then {@code action}. */
  private int step(StringBuilder err, IntSupplier action, String... argv) {
    List<String> a = List.of(argv);
    int slot = processes.size();
    processes.add(new SimulatedHost.Process("host", a, -1));
    Optional<SimulatedFault> fault = matchingFault(a);
    int code = 0;
    if (fault.isEmpty() || fault.get().isAfterEffect()) {
      code = action.getAsInt();
    }
    if (fault.isPresent()) {
      err.append(fault.get().stderr());
      code = fault.get().exitCode();
    }
    processes.set(slot, new SimulatedHost.Process("host", a, code));
    return code;
  }

  /** jexec(8), usr.sbin/jexec/jexec.c: attach to the jail, then exec the command there. */
  private static int jexec(SimProcess p, List<String> argv) {
    String usage = "usage: jexec [-l] [-u username | -U username] jail [command ...]\n";
    int i = 1;
    boolean user = false;
    boolean juser = false;
    while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
      String o = argv.get(i);
      if (o.equals("--")) {
        i++;
        break;
      }
      if (o.equals("-l") || o.equals("-n")) {
        i++;
      } else if (o.equals("-u") || o.equals("-U")) {
        user |= o.equals("-u");
        juser |= o.equals("-U");
        i += 2;
      } else {
        p.err.append("jexec: illegal option -- ").append(o.substring(1, 2)).append('\n');
        p.err.append(usage);
        return 1;
      }
    }
    if (i >= argv.size() || (user && juser)) {
      p.err.append(usage);
      return 1;
    }
    String target = argv.get(i++);
    SimWorld.Lookup l = p.world.lookup(target, false);
    if (l.jail().isEmpty()) {
      if (target.matches("\\d+")) {
        return p.fail("jexec", "jail_attach(" + target + "): Invalid argument", 1);
      }
      return p.fail("jexec", l.error(), 1);
    }
    List<String> cmd = new ArrayList<>(argv.subList(i, argv.size()));
    if (cmd.isEmpty()) {
      cmd = List.of("/bin/sh");
    } else if (resolve(cmd.get(0)).isEmpty()) {
      return p.fail("jexec", "execvp: " + cmd.get(0) + ": No such file or directory", 1);
    }
    return p.runtime.spawn(l.jail(), cmd, p.stdin, p.out, p.err);
  }

  private static final class ActiveFault {
    final SimulatedFault fault;
    final int base;
    int used;

    ActiveFault(SimulatedFault fault, int base) {
      this.fault = fault;
      this.base = base;
    }
  }
}
