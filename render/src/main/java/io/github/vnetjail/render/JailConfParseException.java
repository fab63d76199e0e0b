package io.github.vnetjail.render;

import io.github.vnetjail.core.VnetJailException;

/**
 * A jail.conf file that jail(8) would refuse: the message starts with jail(8)'s own words ({@code
 * jail: /etc/jail.conf line 3: foo: syntax error}) and adds where the offending token starts.
 */
public final class JailConfParseException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  private final String fileName;
  private final int line;
  private final int column;
  private final String jailMessage;

  JailConfParseException(String fileName, int line, int column, String jailMessage) {
    super(jailMessage + " (at " + fileName + ":" + line + ":" + column + ")");
    this.fileName = fileName;
    this.line = line;
    this.column = column;
    this.jailMessage = jailMessage;
  }

  /** Returns the file the error is in (an included file's own name when it is there). */
  public String fileName() {
    return fileName;
  }

  /** Returns the 1-based line of the offending token's start. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column of the offending token's start. */
  public int column() {
    return column;
  }

  /**
   * Returns exactly what jail(8) prints on stderr, e.g. {@code jail: f line 2: foo: syntax error}.
   */
  public String jailMessage() {
    return jailMessage;
  }
}
