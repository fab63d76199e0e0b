package io.github.vnetjail.exec;

/**
 * Receives one {@link JailEvent} per lifecycle step of a {@link JailManager}: for progress bars and
 * audit logs. Called on the thread that carries out the step (several threads during a parallel
 * start), so implementations must be thread-safe and quick.
 *
 * <pre>{@code
 * List<JailEvent> audit = new CopyOnWriteArrayList<>();
 * JailManager jails = JailManager.on(exec).withListener(audit::add);
 * }</pre>
 */
@FunctionalInterface
public interface JailEventListener {
  /** Called once per event, in the order the steps happen for that jail. */
  void onEvent(JailEvent event);
}
