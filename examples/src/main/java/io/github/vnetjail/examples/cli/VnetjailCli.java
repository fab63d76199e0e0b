package io.github.vnetjail.examples.cli;

import io.github.vnetjail.examples.host.Executors;
import io.github.vnetjail.exec.CommandExecutor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vnetjail} command: renders, reads, lints and runs FreeBSD VNET jail configurations.
 *
 * <pre>{@code
 * java -jar examples/target/vnetjail-cli.jar show /etc/jail.conf --format json
 * java -jar examples/target/vnetjail-cli.jar up --spec jails.json --executor simulated
 * }</pre>
 */
@Command(
    name = "vnetjail",
    mixinStandardHelpOptions = true,
    version = "vnetjail 0.1.0-SNAPSHOT",
    description = "Render, read, lint and run FreeBSD VNET jails.",
    subcommands = {
      RenderCommand.class,
      ShowCommand.class,
      LintCommand.class,
      PlanCommand.class,
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      CommandLine.HelpCommand.class
    })
public final class VnetjailCli implements Runnable {
  /** Exit status for a usage error (sysexits.h EX_USAGE), as picocli uses it too. */
  static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Opens the executor an {@code --executor} word names. */
  final Function<String, CommandExecutor> executors;

  VnetjailCli(Function<String, CommandExecutor> executors) {
    this.executors = executors;
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Runs the command line with the given streams and returns its exit status, for tests and for
   * programs that embed the tool.
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(out, err, Executors::parse, args);
  }

  /** Runs the command line with the given executors (tests hand in one simulated host). */
  static int run(
      PrintStream out,
      PrintStream err,
      Function<String, CommandExecutor> executors,
      String... args) {
    CommandLine cl = new CommandLine(new VnetjailCli(executors));
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          // Domain failures are messages for the user, not stack traces.
          commandLine.getErr().println("vnetjail: " + ex.getMessage());
          commandLine.getErr().flush();
          return 1;
        });
    int rc = cl.execute(args);
    cl.getOut().flush();
    cl.getErr().flush();
    return rc;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
