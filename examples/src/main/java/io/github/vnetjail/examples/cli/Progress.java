package io.github.vnetjail.examples.cli;

import io.github.vnetjail.exec.JailEvent;
import io.github.vnetjail.exec.JailEventListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a {@link io.github.vnetjail.exec.JailManager} operation on several jails as one line per
 * step that matters: {@code [1/3] web: starting}, {@code [2/3] web: started}, with what the manager
 * repaired or rolled back in between. Thread-safe: jails start in parallel.
 */
final class Progress implements JailEventListener {
  private final PrintWriter err;
  private final int total;
  private int finished;

  Progress(PrintWriter err, int total) {
    this.err = err;
    this.total = total;
  }

  @Override
  public synchronized void onEvent(JailEvent e) {
    switch (e.kind()) {
      case BEGIN:
        if (!e.jail().equals("*")) {
          line(finished, e);
        }
        break;
      case DONE:
      case UNCHANGED:
      case FAILED:
        if (!e.jail().equals("*")) {
          finished++;
          line(finished, e);
        }
        break;
      case FILE_WRITTEN:
      case BRIDGE_CREATED:
      case STALE_INTERFACE_DESTROYED:
      case INTERFACE_RECLAIMED:
      case CHECK_FAILED:
      case ROLLBACK:
        err.println("      " + e.jail() + ": " + e.message());
        break;
      default:
        break;
    }
    err.flush();
  }

  private void line(int n, JailEvent e) {
    err.println(
        "["
            + n
            + "/"
            + total
            + "] "
            + e.jail()
            + ": "
            + (e.kind() == JailEvent.Kind.BEGIN || e.kind() == JailEvent.Kind.DONE
                ? e.message()
                : e.kind().name().toLowerCase(Locale.ROOT) + ": " + e.message()));
  }
}
