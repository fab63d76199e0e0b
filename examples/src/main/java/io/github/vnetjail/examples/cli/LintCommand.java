package io.github.vnetjail.examples.cli;

import io.github.vnetjail.render.Finding;
import io.github.vnetjail.render.Lint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vnetjail lint FILE...}: reports mistakes in jail.conf, rc.conf and devfs.rules files with
 * file, line and a fix. The kind of each file comes from its name ({@code jail.conf}, {@code
 * jail.conf.d/NAME.conf}, {@code rc.conf*}, {@code devfs.rules}); {@code --jail-rc JAIL=FILE} adds
 * the rc.conf inside a jail.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Lint jail.conf, rc.conf and devfs.rules files; the kind comes from the file name.",
      "Exit 0 if nothing worse than info is found, 1 on a warning or an error."
    })
final class LintCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "files to check")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--jail-rc",
      paramLabel = "JAIL=FILE",
      description = "the rc.conf inside jail JAIL (its /etc/rc.conf)")
  Map<String, String> jailRc = Map.of();

  /** The kinds of file lint knows. */
  enum Kind {
    JAIL_CONF,
    RC_CONF,
    DEVFS_RULES
  }

  static Kind kindOf(String file) {
    String name = Path.of(file).getFileName().toString();
    String parent =
        Path.of(file).getParent() == null ? "" : Path.of(file).getParent().getFileName().toString();
    if (name.contains("devfs.rules")) {
      return Kind.DEVFS_RULES;
    }
    if (name.contains("jail.conf") || (parent.equals("jail.conf.d") && name.endsWith(".conf"))) {
      return Kind.JAIL_CONF;
    }
    if (name.contains("rc.conf")) {
      return Kind.RC_CONF;
    }
    throw new CliException(
        file
            + ": cannot tell which kind of file this is; name it jail.conf,"
            + " jail.conf.d/NAME.conf, rc.conf or devfs.rules");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (files.isEmpty() && jailRc.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "lint needs at least one FILE or --jail-rc JAIL=FILE");
    }
    Lint lint = Lint.files();
    for (String f : files) {
      String text = CliFiles.read(f, System.in);
      switch (kindOf(f)) {
        case JAIL_CONF:
          lint = lint.jailConf(f, text);
          break;
        case RC_CONF:
          lint = lint.rcConf(f, text);
          break;
        default:
          lint = lint.devfsRules(f, text);
          break;
      }
    }
    for (Map.Entry<String, String> e : jailRc.entrySet()) {
      lint = lint.jailRcConf(e.getKey(), e.getValue(), CliFiles.read(e.getValue(), System.in));
    }
    List<Finding> findings = lint.check();
    boolean bad = false;
    for (Finding f : findings) {
      out.println(f);
      bad |= f.severity() != Finding.Severity.INFO;
    }
    long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
    out.println(
        findings.isEmpty()
            ? "no problems found"
            : errors
                + " error(s), "
                + warnings
                + " warning(s), "
                + findings.size()
                + " finding(s)");
    out.flush();
    return bad ? 1 : 0;
  }
}
