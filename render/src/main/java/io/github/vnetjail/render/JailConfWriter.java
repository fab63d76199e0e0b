package io.github.vnetjail.render;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * Writes jail.conf text: two-space indentation, LF line endings, a blank line around blocks, every
 * value double-quoted through {@link JailConfQuoting}. Writing a parsed file and parsing the result
 * gives the same statements, so {@code render(parse(x))} is stable.
 *
 * <pre>{@code
 * String text = JailConfWriter.write(JailConf.of(List.of(
 *     JailConfJail.of("web", List.of(JailConfParameter.flag("persist"))))));
 * // web {
 * //   persist;
 * // }
 * }</pre>
 */
public final class JailConfWriter {
  private static final String INDENT = "  ";

  private final StringBuilder out;

  /** True when the last line ends in a # or // comment, which would swallow a trailing one. */
  private boolean lineEndsInLineComment;

  private boolean lineOpen;

  private JailConfWriter(StringBuilder out) {
    this.out = out;
  }

  /** Returns the whole file as text. */
  public static String write(JailConf conf) {
    checkNotNull(conf, "conf");
    JailConfWriter w = new JailConfWriter(new StringBuilder(4096));
    w.statements(conf.statements(), 0);
    w.endLine();
    return w.out.toString();
  }

  /** Returns one statement as text (a block over several lines), without a final newline. */
  public static String write(JailConfStatement statement) {
    checkNotNull(statement, "statement");
    JailConfWriter w = new JailConfWriter(new StringBuilder());
    w.statements(List.of(statement), 0);
    return w.out.toString();
  }

  private void endLine() {
    if (lineOpen) {
      out.append('\n');
      lineOpen = false;
    }
  }

  private void startLine(int depth) {
    endLine();
    for (int i = 0; i < depth; i++) {
      out.append(INDENT);
    }
    lineOpen = true;
    lineEndsInLineComment = false;
  }

  private void blankLine() {
    endLine();
    out.append('\n');
  }

  private void statements(List<JailConfStatement> list, int depth) {
    JailConfStatement previous = null;
    for (JailConfStatement st : list) {
      if (st instanceof JailConfComment && ((JailConfComment) st).isTrailing() && lineOpen) {
        comment((JailConfComment) st, depth, true);
        continue;
      }
      boolean block = st instanceof JailConfJail;
      boolean afterBlock = previous instanceof JailConfJail;
      boolean afterLeadingComment =
          previous instanceof JailConfComment && !((JailConfComment) previous).isTrailing();
      if (previous != null && (afterBlock || block && !afterLeadingComment)) {
        blankLine();
      }
      if (st instanceof JailConfParameter) {
        startLine(depth);
        out.append(parameter((JailConfParameter) st)).append(';');
      } else if (st instanceof JailConfJail) {
        JailConfJail jail = (JailConfJail) st;
        startLine(depth);
        out.append(JailConfQuoting.quoteName(jail.name())).append(" {");
        statements(jail.body(), depth + 1);
        startLine(depth);
        out.append('}');
      } else if (st instanceof JailConfInclude) {
        startLine(depth);
        out.append(".include ");
        List<String> patterns = ((JailConfInclude) st).patterns();
        for (int i = 0; i < patterns.size(); i++) {
          out.append(i == 0 ? "" : ", ").append(JailConfQuoting.quote(patterns.get(i)));
        }
        out.append(';');
      } else {
        comment((JailConfComment) st, depth, false);
      }
      previous = st;
    }
  }

  private void comment(JailConfComment c, int depth, boolean trailing) {
    if (trailing && !lineEndsInLineComment) {
      out.append(' ');
    } else {
      startLine(depth);
    }
    out.append(c.text());
    lineEndsInLineComment = !c.text().startsWith("/*");
  }

  private static String parameter(JailConfParameter p) {
    StringBuilder b = new StringBuilder();
    b.append(
        p.isVariable()
            ? JailConfQuoting.variableDefinition(p.name())
            : JailConfQuoting.quoteName(p.name()));
    switch (p.operator()) {
      case NONE:
        return b.toString();
      case ASSIGN:
        b.append(" = ");
        break;
      case APPEND:
        b.append(" += ");
        break;
      case IMPLICIT:
        b.append(' ');
        break;
    }
    List<JailConfValue> values = p.values();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(JailConfQuoting.quoteValue(values.get(i)));
    }
    return b.toString();
  }
}
