package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One simulated jail (prison): id, name, path, state and its own stack when it is a VNET jail. */
final class SimJail {
  final int jid;
  final String name;
  final String path;
  final String hostname;
  final boolean vnet;

  /** The jail's own stack (VNET), or the host's stack. */
  final SimStack stack;

  /** Parameters as jail(8) set them (for jls explicit parameters). */
  final Map<String, List<String>> params = new LinkedHashMap<>();

  final List<String> ip4 = new ArrayList<>();
  final List<String> ip6 = new ArrayList<>();
  boolean dying;

  /** Commands left before a dying jail is released; -1 means only an explicit release. */
  int dyingCountdown;

  SimJail(int jid, String name, String path, String hostname, boolean vnet, SimStack hostStack) {
    this.jid = jid;
    this.name = name;
    this.path = path;
    this.hostname = hostname;
    this.vnet = vnet;
    this.stack = vnet ? new SimStack(name, this) : hostStack;
  }

  String state() {
    return dying ? "DYING" : "ACTIVE";
  }
}
