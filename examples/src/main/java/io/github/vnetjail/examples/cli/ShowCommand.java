package io.github.vnetjail.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vnetjail.render.JailConf;
import io.github.vnetjail.render.JailConfEvaluation;
import io.github.vnetjail.render.JailConfFileSource;
import io.github.vnetjail.render.JailConfJail;
import io.github.vnetjail.render.JailConfParameter;
import io.github.vnetjail.render.JailConfParseException;
import io.github.vnetjail.render.JailConfStatement;
import io.github.vnetjail.render.JailConfValue;
import io.github.vnetjail.render.JailConfWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vnetjail show FILE}: the effective parameters of every jail of a jail.conf, as jail(8)
 * computes them. Unlike {@code jail -e}, the text output is a jail.conf that parses back to the
 * same parameters; {@code --format json} prints {@code [{"jail": NAME, "params": [[PARAM, [VALUE,
 * ...]], ...]}, ...]}.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Print the effective parameters of every jail of a jail.conf, as jail(8) computes them.",
      "Exit 1 on a parse error (jail(8)'s message on stderr), 2 if a jail's expansion fails."
    })
final class ShowCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the jail.conf to read; - for standard input")
  String file;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (a jail.conf, every value quoted) or json; default: ${DEFAULT-VALUE}")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String text = CliFiles.read(file, System.in);
    JailConf conf;
    try {
      // .include resolves on this machine, relative to FILE, as jail(8) does (config.c).
      conf = JailConf.parse(text, file.equals("-") ? "-" : file, JailConfFileSource.local());
    } catch (JailConfParseException e) {
      err.println(e.jailMessage());
      return 1;
    }
    List<JailConfEvaluation.Jail> good = new ArrayList<>();
    boolean failed = false;
    for (JailConfEvaluation.Jail j : conf.evaluate().jails()) {
      if (j.failed()) {
        j.messages().forEach(err::println);
        failed = true;
      } else {
        good.add(j);
      }
    }
    out.print(format == Format.json ? json(good) : text(good));
    out.flush();
    return failed ? 2 : 0;
  }

  static String json(List<JailConfEvaluation.Jail> jails) {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode all = mapper.createArrayNode();
    for (JailConfEvaluation.Jail j : jails) {
      ObjectNode o = all.addObject();
      o.put("jail", j.name());
      ArrayNode params = o.putArray("params");
      for (Map.Entry<String, List<String>> p : j.parameters().entrySet()) {
        ArrayNode pair = params.addArray();
        pair.add(p.getKey());
        ArrayNode values = pair.addArray();
        p.getValue().forEach(values::add);
      }
    }
    return all.toString() + "\n";
  }

  /**
   * Writes each jail as a block of its own with every parameter spelled out and quoted by the
   * jail.conf writer, so that parsing the text gives the same jails and parameters. The implied
   * {@code name} (and {@code jid} for a numeric name) are left out: the block name implies them and
   * jail(8) refuses to have them redefined (config.c, PF_IMMUTABLE).
   */
  static String text(List<JailConfEvaluation.Jail> jails) {
    List<JailConfStatement> blocks = new ArrayList<>();
    for (JailConfEvaluation.Jail j : jails) {
      List<JailConfStatement> body = new ArrayList<>();
      for (Map.Entry<String, List<String>> p : j.parameters().entrySet()) {
        String name = p.getKey();
        List<String> values = p.getValue();
        if ((name.equals("name") || name.equals("jid")) && values.equals(List.of(j.name()))) {
          continue;
        }
        if (values.isEmpty()) {
          body.add(JailConfParameter.flag(name));
        } else {
          List<JailConfValue> literal = new ArrayList<>(values.size());
          values.forEach(v -> literal.add(JailConfValue.literal(v)));
          body.add(JailConfParameter.set(name, literal));
        }
      }
      blocks.add(JailConfJail.of(j.name(), body));
    }
    return blocks.isEmpty() ? "" : JailConfWriter.write(JailConf.of(blocks));
  }
}
