package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * One step of a {@link JailManager} operation, as its {@link JailEventListener} sees it.
 *
 * @param jail the jail the step is about, or {@code *} for host-wide steps (rc.conf, bridges)
 * @param operation the operation: {@code install}, {@code start}, {@code stop}, {@code apply}, ...
 * @param kind what happened
 * @param message a human-readable sentence
 * @param result the command and its result, for {@link Kind#COMMAND} events
 */
public record JailEvent(
    String jail, String operation, Kind kind, String message, Optional<ExecResult> result) {

  /** What a step did. */
  public enum Kind {
    /** An operation on the jail began. */
    BEGIN,
    /** A command ran (read-only probes included); {@link JailEvent#result()} holds it. */
    COMMAND,
    /** A configuration file was written (atomically, the old one kept as {@code .bak}). */
    FILE_WRITTEN,
    /** A bridge was missing and was created with its members. */
    BRIDGE_CREATED,
    /** The jail was already in the wanted state: nothing changed. */
    UNCHANGED,
    /** An interface left by a crash, a failed start or a dying jail was destroyed. */
    STALE_INTERFACE_DESTROYED,
    /** An interface held by a removed or dying jail was taken back to the host (the seed's bug). */
    INTERFACE_RECLAIMED,
    /** A post-condition held (epair on the bridge, interface in the jail, route, nothing left). */
    CHECK_PASSED,
    /** A post-condition did not hold. */
    CHECK_FAILED,
    /** A failure is being rolled back. */
    ROLLBACK,
    /** The operation finished successfully. */
    DONE,
    /** The operation failed; a {@link LifecycleException} follows. */
    FAILED
  }

  /** Checks the components. */
  public JailEvent {
    checkNotNull(jail, "jail");
    checkNotNull(operation, "operation");
    checkNotNull(kind, "kind");
    checkNotNull(message, "message");
    checkNotNull(result, "result");
  }

  @Override
  public String toString() {
    return jail + " " + operation + " " + kind + ": " + message;
  }
}
