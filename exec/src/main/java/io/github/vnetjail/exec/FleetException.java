package io.github.vnetjail.exec;

import io.github.vnetjail.core.VnetJailException;
import java.util.List;
import java.util.stream.Collectors;

/** A {@link Fleet} operation failed on some hosts; {@link #failures()} says where and why. */
public class FleetException extends VnetJailException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // results are immutable values; serialisation is not supported
  private final List<FleetHostResult<?>> failures;

  FleetException(int hosts, List<? extends FleetHostResult<?>> failures) {
    super(message(hosts, failures), failures.get(0).failure().orElse(null));
    this.failures = List.copyOf(failures);
    failures.stream().skip(1).forEach(f -> f.failure().ifPresent(this::addSuppressed));
  }

  /** The hosts that failed, each with its exception. */
  public List<FleetHostResult<?>> failures() {
    return failures;
  }

  private static String message(int hosts, List<? extends FleetHostResult<?>> failures) {
    return failures.size()
        + " of "
        + hosts
        + " hosts failed: "
        + failures.stream()
            .map(f -> f.host() + ": " + f.failure().map(Throwable::getMessage).orElse("?"))
            .collect(Collectors.joining("; "));
  }
}
