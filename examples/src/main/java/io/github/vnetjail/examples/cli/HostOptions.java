package io.github.vnetjail.examples.cli;

import io.github.vnetjail.core.Bridge;
import io.github.vnetjail.core.HostConfig;
import io.github.vnetjail.core.VnetJail;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The host to work on: a spec file, or one jail given by options. */
final class HostOptions {
  @Option(names = "--spec", paramLabel = "FILE", description = "a JSON spec of bridges and jails")
  Optional<String> spec = Optional.empty();

  @Option(names = "--name", description = "one jail: its name")
  Optional<String> name = Optional.empty();

  @Option(names = "--id", description = "its epair unit (epairNa/epairNb)")
  Optional<Integer> id = Optional.empty();

  @Option(
      names = "--bridge",
      defaultValue = "bridge0",
      description = "its bridge (default: ${DEFAULT-VALUE})")
  String bridge;

  @Option(names = "--member", description = "the bridge's members, e.g. em0 (default: em0)")
  List<String> members = List.of();

  @Option(names = "--ip", description = "its IPv4 address with prefix, e.g. 192.168.1.154/24")
  Optional<String> ip = Optional.empty();

  @Option(names = "--gateway", description = "its default route")
  Optional<String> gateway = Optional.empty();

  @Option(names = "--dhcp", description = "DHCP (SYNCDHCP) instead of a static address")
  boolean dhcp;

  HostConfig host() {
    if (spec.isPresent()) {
      if (name.isPresent()) {
        throw new CliException(
            "give either --spec FILE or --name and the jail's options, not both");
      }
      return HostSpec.parse(spec.get(), CliFiles.read(spec.get(), System.in));
    }
    if (name.isEmpty()) {
      throw new CliException(
          "no host given; use --spec FILE, or --name NAME --ip A.B.C.D/P --gateway A.B.C.D");
    }
    VnetJail.Builder j = VnetJail.builder().name(name.get()).bridge(bridge);
    id.ifPresent(j::id);
    ip.ifPresent(j::ip);
    gateway.ifPresent(j::gateway);
    if (dhcp) {
      j.dhcp();
    }
    return HostConfig.builder()
        .addBridge(
            Bridge.builder()
                .name(bridge)
                .members(members.isEmpty() ? List.of("em0") : members)
                .build())
        .addJail(j.build())
        .build();
  }
}
