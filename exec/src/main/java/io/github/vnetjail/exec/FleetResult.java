package io.github.vnetjail.exec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The per-host results of one {@link Fleet} operation, in the fleet's host order. Some hosts may
 * have failed while others succeeded; nothing is thrown until {@link #requireAllSucceeded()}.
 *
 * <pre>{@code
 * FleetResult<ExecResult> r = fleet.execute(Command.of("jls", "-N"));
 * r.failures().forEach(f -> log.warn("{}", f));
 * Map<String, ExecResult> ok = r.values();
 * }</pre>
 *
 * @param <T> the operation's value
 */
public final class FleetResult<T> {
  private final List<FleetHostResult<T>> results;

  FleetResult(List<FleetHostResult<T>> results) {
    this.results = List.copyOf(results);
  }

  /** Every host's result, in the fleet's host order. */
  public List<FleetHostResult<T>> results() {
    return results;
  }

  /** The result of one host. */
  public FleetHostResult<T> result(String host) {
    for (FleetHostResult<T> r : results) {
      if (r.host().equals(host)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "no host \"" + host + "\" in this fleet; hosts are " + hostNames());
  }

  /** True when the operation succeeded on every host. */
  public boolean allSucceeded() {
    return results.stream().allMatch(FleetHostResult::isSuccess);
  }

  /** The hosts where the operation succeeded. */
  public List<FleetHostResult<T>> successes() {
    return results.stream().filter(FleetHostResult::isSuccess).collect(Collectors.toList());
  }

  /** The hosts where the operation failed. */
  public List<FleetHostResult<T>> failures() {
    return results.stream().filter(r -> !r.isSuccess()).collect(Collectors.toList());
  }

  /** The values of the hosts that succeeded (and returned one), by host, in host order. */
  public Map<String, T> values() {
    Map<String, T> values = new LinkedHashMap<>();
    for (FleetHostResult<T> r : results) {
      r.value().ifPresent(v -> values.put(r.host(), v));
    }
    return values;
  }

  /**
   * Returns this when every host succeeded.
   *
   * @throws FleetException naming every failed host and its failure otherwise
   */
  public FleetResult<T> requireAllSucceeded() {
    List<FleetHostResult<T>> failures = failures();
    if (!failures.isEmpty()) {
      throw new FleetException(results.size(), failures);
    }
    return this;
  }

  private List<String> hostNames() {
    return results.stream().map(FleetHostResult::host).collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return "FleetResult" + results;
  }
}
