package io.github.vnetjail.core;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One extra command for a jail(8) {@code exec.*} hook: an sh command line (the jail.conf writer
 * quotes it).
 *
 * <pre>{@code
 * HookCommand c = HookCommand.of(Hook.POSTSTART, "/usr/local/bin/notify started");
 * }</pre>
 */
public final class HookCommand {
  private final Hook hook;
  private final String command;

  private HookCommand(Hook hook, String command) {
    this.hook = checkNotNull(hook, "hook");
    this.command = checkNotNull(command, "command");
  }

  /** Returns {@code command} for {@code hook}; the jail's build() checks the command text. */
  public static HookCommand of(Hook hook, String command) {
    return new HookCommand(hook, command);
  }

  /** The hook. */
  public Hook hook() {
    return hook;
  }

  /** The sh command line. */
  public String command() {
    return command;
  }

  /** {@code exec.prestart += "COMMAND"} style text, for messages. */
  @Override
  public String toString() {
    return hook.parameter() + ": " + command;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HookCommand
        && ((HookCommand) o).hook == hook
        && ((HookCommand) o).command.equals(command);
  }

  @Override
  public int hashCode() {
    return hook.hashCode() * 31 + command.hashCode();
  }
}
