package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small utilities of the simulated host: {@code cat}, {@code test}/{@code [}, {@code mkdir},
 * {@code mv}, {@code cp}, {@code rm}, {@code touch}, {@code echo}, {@code printf} (without
 * conversions), {@code true}, {@code false}, {@code sleep}, and {@code mount}/{@code umount} in the
 * forms jail(8) runs ({@code mount -t TYPE [-o OPTS] SPECIAL NODE}, {@code umount [-t TYPE] NODE})
 * on the host's mount table. Error texts follow FreeBSD's bin/ and sbin/ utilities ({@code err(3)}
 * with the path). The mount point need not exist: jail roots on the simulated host hold no
 * userland, so {@code PATH/dev} or {@code PATH/proc} are usually absent.
 */
final class SimFileCommands {
  private SimFileCommands() {}

  static void register(Map<String, SimRuntime.Program> programs) {
    programs.put("cat", SimFileCommands::cat);
    programs.put("test", (p, a) -> test(p, a.subList(1, a.size())));
    programs.put("[", SimFileCommands::bracket);
    programs.put("mkdir", SimFileCommands::mkdir);
    programs.put("mv", (p, a) -> copyOrMove(p, a, true));
    programs.put("cp", (p, a) -> copyOrMove(p, a, false));
    programs.put("rm", SimFileCommands::rm);
    programs.put("touch", SimFileCommands::touch);
    programs.put("echo", SimFileCommands::echo);
    programs.put("printf", SimFileCommands::printf);
    programs.put("true", (p, a) -> 0);
    programs.put("false", (p, a) -> 1);
    programs.put("sleep", (p, a) -> 0);
    programs.put("mount", SimFileCommands::mount);
    programs.put("umount", SimFileCommands::umount);
  }

  /**
   * sbin/mount/mount.c for one file system: {@code mount [-t TYPE] [-o OPTS]... SPECIAL NODE}
   * ({@code -r} adds {@code ro}); the mount point is recorded as realpath(3) gives it. {@code mount
   * -p} lists the mounts in fstab(5) form (putfsent); the plain listing is not modelled.
   */
  private static int mount(SimProcess p, List<String> argv) {
    String type = "ufs";
    boolean fstabForm = false;
    List<String> options = new ArrayList<>();
    int i = 1;
    flags:
    while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
      String o = argv.get(i++);
      if (o.equals("--")) {
        break;
      }
      for (int k = 1; k < o.length(); k++) {
        char c = o.charAt(k);
        if (c == 't' || c == 'o') {
          String v =
              k + 1 < o.length() ? o.substring(k + 1) : i < argv.size() ? argv.get(i++) : null;
          if (v == null) {
            p.err.append("mount: option requires an argument -- ").append(c).append('\n');
            return mountUsage(p);
          }
          if (c == 't') {
            type = v;
          } else {
            options.add(v);
          }
          continue flags;
        } else if (c == 'r') {
          options.add("ro");
        } else if (c == 'p') {
          fstabForm = true;
        } else if ("dfuvw".indexOf(c) < 0) {
          return mountUsage(p);
        }
      }
    }
    List<String> operands = argv.subList(i, argv.size());
    if (operands.isEmpty() && fstabForm) {
      for (SimulatedHost.Mount m : p.runtime.mounts) {
        // devfs, fdescfs and procfs name themselves as the mounted-from (vfs_mountedfrom)
        String from = m.special().equals(".") ? m.type() : m.special();
        String opts = List.of(m.options().split(",")).contains("ro") ? "ro" : "rw";
        p.out.append(from).append(pad(from)).append(m.mountPoint()).append(pad(m.mountPoint()));
        // opts is rw or ro (flags2opts adds nothing the simulated host tracks): under 8, a tab
        p.out.append(m.type()).append('\t').append(opts).append("\t\t0 0\n");
      }
      return 0;
    }
    if (operands.size() != 2) {
      return mountUsage(p);
    }
    p.runtime.mounts.add(
        new SimulatedHost.Mount(
            operands.get(0), p.hostPath(operands.get(1)), type, String.join(",", options)));
    return 0;
  }

  /** putfsent's padding after the device and the mount point. */
  private static String pad(String field) {
    int l = field.length();
    return (l < 8 ? "\t" : "") + (l < 16 ? "\t" : "") + (l < 24 ? "\t" : " ");
  }

  private static int mountUsage(SimProcess p) {
    p.err.append(
        "usage: mount [-adflpruvw] [-F fstab] [-o options] [-t [no]type[,type ...]]\n"
            + "       mount [-dfpruvw] special | node\n"
            + "       mount [-dfpruvw] [-o options] [-t [no]type[,type ...]] special node\n");
    return 1;
  }

  /**
   * sbin/umount/umount.c: {@code umount [-f] [-t TYPE] NODE ...} unmounts the file system last
   * mounted on each NODE; a directory that is not a mount point is {@code not a file system root
   * directory}, a missing one fails stat; {@code -t} skips, silently and with exit 1, a file system
   * of another type (checkvfsname).
   */
  private static int umount(SimProcess p, List<String> argv) {
    Optional<String> type = Optional.empty();
    int i = 1;
    while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
      String o = argv.get(i++);
      if (o.equals("--")) {
        break;
      }
      if (o.startsWith("-t")) {
        String v = o.length() > 2 ? o.substring(2) : i < argv.size() ? argv.get(i++) : null;
        if (v == null) {
          p.err.append("umount: option requires an argument -- t\n");
          return umountUsage(p);
        }
        type = Optional.of(v);
      } else if (!o.equals("-f") && !o.equals("-v")) {
        return umountUsage(p);
      }
    }
    List<String> operands = argv.subList(i, argv.size());
    if (operands.isEmpty()) {
      return umountUsage(p);
    }
    int rc = 0;
    for (String operand : operands) {
      String node = p.hostPath(operand);
      int top = -1;
      for (int k = p.runtime.mounts.size() - 1; k >= 0 && top < 0; k--) {
        if (p.runtime.mounts.get(k).mountPoint().equals(node)) {
          top = k;
        }
      }
      if (top < 0) {
        if (p.world.fs.exists(node)) {
          p.fail("umount", operand + ": not a file system root directory", 1);
        } else {
          p.fail("umount", operand + ": stat: No such file or directory", 1);
          p.fail("umount", operand + ": unknown file system", 1);
        }
        rc = 1;
      } else if (type.isPresent() && !type.get().equals(p.runtime.mounts.get(top).type())) {
        rc = 1;
      } else {
        p.runtime.mounts.remove(top);
      }
    }
    return rc;
  }

  private static int umountUsage(SimProcess p) {
    p.err.append(
        "usage: umount [-fNnv] special ... | node ... | fsid ...\n"
            + "       umount -a | -A [-F fstab] [-fnv] [-h host] [-t type]\n");
    return 1;
  }

  /** Splits leading single-letter options ({@code -rf}) from operands; stops at {@code --}. */
  private static List<String> operands(List<String> argv, StringBuilder flags) {
    int i = 1;
    while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
      if (argv.get(i).equals("--")) {
        i++;
        break;
      }
      flags.append(argv.get(i).substring(1));
      i++;
    }
    return argv.subList(i, argv.size());
  }

  private static int cat(SimProcess p, List<String> argv) {
    List<String> files = operands(argv, new StringBuilder());
    if (files.isEmpty()) {
      p.out.append(p.stdin);
      return 0;
    }
    int rc = 0;
    for (String f : files) {
      if (f.equals("-")) {
        p.out.append(p.stdin);
        continue;
      }
      String path = p.hostPath(f);
      Optional<String> text = p.world.fs.read(path);
      if (text.isPresent()) {
        p.out.append(text.get());
      } else {
        String why = p.world.fs.isDirectory(path) ? "Is a directory" : "No such file or directory";
        rc = p.fail("cat", f + ": " + why, 1);
      }
    }
    return rc;
  }

  private static int bracket(SimProcess p, List<String> argv) {
    if (!argv.get(argv.size() - 1).equals("]")) {
      return p.fail("[", "missing ]", 2);
    }
    return test(p, argv.subList(1, argv.size() - 1));
  }

  /** test(1) for the unary file and string primaries, {@code =}, {@code !=} and {@code !}. */
  private static int test(SimProcess p, List<String> args) {
    if (args.isEmpty()) {
      return 1;
    }
    if (args.get(0).equals("!")) {
      int r = test(p, args.subList(1, args.size()));
      return r == 2 ? 2 : 1 - r;
    }
    if (args.size() == 1) {
      return args.get(0).isEmpty() ? 1 : 0;
    }
    if (args.size() == 2) {
      String op = args.get(0);
      String a = args.get(1);
      String path = p.hostPath(a);
      switch (op) {
        case "-e":
          return p.world.fs.exists(path) ? 0 : 1;
        case "-f":
          return p.world.fs.isFile(path) ? 0 : 1;
        case "-d":
          return p.world.fs.isDirectory(path) ? 0 : 1;
        case "-s":
          return p.world.fs.read(path).map(t -> !t.isEmpty()).orElse(false) ? 0 : 1;
        case "-r":
        case "-w":
          return p.world.fs.exists(path) ? 0 : 1;
        case "-n":
          return a.isEmpty() ? 1 : 0;
        case "-z":
          return a.isEmpty() ? 0 : 1;
        default:
          return p.fail("test", op + ": unexpected operator", 2);
      }
    }
    if (args.size() == 3) {
      String a = args.get(0);
      String b = args.get(2);
      switch (args.get(1)) {
        case "=":
          return a.equals(b) ? 0 : 1;
        case "!=":
          return a.equals(b) ? 1 : 0;
        case "-eq":
        case "-ne":
          try {
            boolean eq = Long.parseLong(a) == Long.parseLong(b);
            return eq == args.get(1).equals("-eq") ? 0 : 1;
          } catch (NumberFormatException e) {
            return p.fail("test", "illegal operand", 2);
          }
        default:
          return p.fail("test", args.get(1) + ": unexpected operator", 2);
      }
    }
    return p.fail("test", "too many arguments", 2);
  }

  private static int mkdir(SimProcess p, List<String> argv) {
    StringBuilder flags = new StringBuilder();
    List<String> dirs = operands(argv, flags);
    boolean parents = flags.indexOf("p") >= 0;
    if (dirs.isEmpty()) {
      p.err.append("usage: mkdir [-pv] [-m mode] directory_name ...\n");
      return 1;
    }
    int rc = 0;
    for (String d : dirs) {
      String path = p.hostPath(d);
      if (p.world.fs.isDirectory(path)) {
        if (!parents) {
          rc = p.fail("mkdir", d + ": File exists", 1);
        }
      } else if (p.world.fs.isFile(path)) {
        rc = p.fail("mkdir", d + ": File exists", 1);
      } else if (parents) {
        p.world.fs.mkdirs(path);
      } else if (!p.world.fs.isDirectory(SimFileSystem.parent(path))) {
        rc = p.fail("mkdir", d + ": No such file or directory", 1);
      } else {
        p.world.fs.mkdir(path);
      }
    }
    return rc;
  }

  private static int copyOrMove(SimProcess p, List<String> argv, boolean move) {
    String prog = move ? "mv" : "cp";
    List<String> ops = operands(argv, new StringBuilder());
    if (ops.size() != 2) {
      p.err.append(
          move
              ? "usage: mv [-f | -i | -n] [-hv] source target\n"
              : "usage: cp [-R [-H | -L | -P]] [-f | -i | -n] [-alpsvx] source_file target_file\n");
      return move ? 2 : 1;
    }
    String src = p.hostPath(ops.get(0));
    String dst = p.hostPath(ops.get(1));
    if (p.world.fs.isDirectory(dst)) {
      dst = SimFileSystem.normalize(dst + "/" + src.substring(src.lastIndexOf('/') + 1));
    }
    Optional<String> text = p.world.fs.read(src);
    if (text.isEmpty()) {
      if (p.world.fs.isDirectory(src) && move) {
        return p.fail(prog, "rename " + ops.get(0) + ": directories are not simulated", 1);
      }
      String what = move ? "rename " + ops.get(0) + " to " + ops.get(1) : ops.get(0);
      String why =
          p.world.fs.isDirectory(src) ? "is a directory (not copied)" : "No such file or directory";
      return p.fail(prog, what + ": " + why, 1);
    }
    if (!p.world.fs.isDirectory(SimFileSystem.parent(dst))) {
      return p.fail(prog, ops.get(1) + ": No such file or directory", 1);
    }
    p.world.fs.write(dst, text.get());
    if (move && !src.equals(dst)) {
      p.world.fs.removeFile(src);
    }
    return 0;
  }

  private static int rm(SimProcess p, List<String> argv) {
    StringBuilder flags = new StringBuilder();
    List<String> files = operands(argv, flags);
    boolean force = flags.indexOf("f") >= 0;
    boolean recursive = flags.indexOf("r") >= 0 || flags.indexOf("R") >= 0;
    int rc = 0;
    for (String f : files) {
      String path = p.hostPath(f);
      if (p.world.fs.isFile(path)) {
        p.world.fs.removeFile(path);
      } else if (p.world.fs.isDirectory(path)) {
        if (!recursive) {
          rc = p.fail("rm", f + ": is a directory", 1);
        } else {
          p.world.fs.removeTree(path);
        }
      } else if (!force) {
        rc = p.fail("rm", f + ": No such file or directory", 1);
      }
    }
    return rc;
  }

  private static int touch(SimProcess p, List<String> argv) {
    int rc = 0;
    for (String f : operands(argv, new StringBuilder())) {
      String path = p.hostPath(f);
      if (p.world.fs.exists(path)) {
        continue;
      }
      if (!p.world.fs.isDirectory(SimFileSystem.parent(path))) {
        rc = p.fail("touch", f + ": No such file or directory", 1);
      } else {
        p.world.fs.write(path, "");
      }
    }
    return rc;
  }

  private static int echo(SimProcess p, List<String> argv) {
    List<String> words = new ArrayList<>(argv.subList(1, argv.size()));
    boolean newline = true;
    if (!words.isEmpty() && words.get(0).equals("-n")) {
      newline = false;
      words.remove(0);
    }
    p.out.append(String.join(" ", words));
    if (newline) {
      p.out.append('\n');
    }
    return 0;
  }

  private static int printf(SimProcess p, List<String> argv) {
    if (argv.size() < 2) {
      p.err.append("usage: printf format [arguments ...]\n");
      return 1;
    }
    String f = argv.get(1);
    if (f.equals("%s") || f.equals("%s\\n")) {
      for (String a : argv.subList(2, argv.size())) {
        p.out.append(a);
        if (f.endsWith("\\n")) {
          p.out.append('\n');
        }
      }
      return 0;
    }
    p.out.append(f.replace("\\n", "\n").replace("\\t", "\t"));
    return 0;
  }
}
