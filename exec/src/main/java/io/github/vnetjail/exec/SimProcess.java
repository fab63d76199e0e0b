package io.github.vnetjail.exec;

import java.util.List;
import java.util.Optional;

/**
 * One running simulated program: where it runs (the host or inside a jail), its standard streams,
 * and a way to start child programs. Programs write to {@link #out} and {@link #err}.
 */
final class SimProcess {
  final SimRuntime runtime;
  final SimWorld world;

  /** The jail this process is attached to, or empty on the host. */
  final Optional<SimJail> jail;

  final String stdin;
  final StringBuilder out;
  final StringBuilder err;

  SimProcess(
      SimRuntime runtime,
      Optional<SimJail> jail,
      String stdin,
      StringBuilder out,
      StringBuilder err) {
    this.runtime = runtime;
    this.world = runtime.world;
    this.jail = jail;
    this.stdin = stdin;
    this.out = out;
    this.err = err;
  }

  /** The network stack this process sees. */
  SimStack stack() {
    return jail.map(j -> j.stack).orElse(world.host);
  }

  /** Where the process runs, for the process log: "host" or the jail name. */
  String where() {
    return jail.map(j -> j.name).orElse("host");
  }

  /** Maps a path seen by the process to a host path (a jail sees its {@code path} as root). */
  String hostPath(String path) {
    String p = SimFileSystem.normalize(path);
    if (jail.isEmpty() || jail.get().path.equals("/")) {
      return p;
    }
    return SimFileSystem.normalize(jail.get().path + p);
  }

  /** Runs a child in the same place with the same output streams. */
  int run(List<String> argv) {
    return runtime.spawn(jail, argv, "", out, err);
  }

  /** Runs a child in the same place with its own stdin and output streams. */
  int run(List<String> argv, String in, StringBuilder o, StringBuilder e) {
    return runtime.spawn(jail, argv, in, o, e);
  }

  /** {@code err(3)}/{@code errx(3)} style: {@code PROG: MSG} on stderr; returns {@code code}. */
  int fail(String prog, String message, int code) {
    err.append(prog).append(": ").append(message).append('\n');
    return code;
  }
}
