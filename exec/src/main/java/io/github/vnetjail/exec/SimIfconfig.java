package io.github.vnetjail.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ifconfig(8) of FreeBSD 14.x (netlink build), as read in sbin/ifconfig/ifconfig.c (main,
 * args_parse, setifvnet, setifrvnet), ifclone.c, ifbridge.c, af_inet.c, af_inet6.c, af_link.c and
 * ifconfig_netlink.c; see FREEBSD-COMMANDS.md §1 for the texts.
 */
final class SimIfconfig implements SimRuntime.Program {
  private static final String USAGE =
      "usage: ifconfig [-j jail] [-f type:format] %sinterface address_family\n"
          + "                [address [dest_address]] [parameters]\n"
          + "       ifconfig [-j jail] interface create\n"
          + "       ifconfig [-j jail] -a [-dlmuv] [-f type:format] [address_family]\n"
          + "       ifconfig [-j jail] -l [-du] [address_family]\n"
          + "       ifconfig [-j jail] [-dlmuv] [-f type:format]\n";

  /** Words that take the next argument (NEXTARG commands). */
  private static final Set<String> WITH_ARG =
      Set.of(
          "descr",
          "description",
          "name",
          "mtu",
          "addm",
          "deletem",
          "vnet",
          "-vnet",
          "netmask",
          "prefixlen",
          "broadcast",
          "group",
          "-group");

  private static final Set<String> FLAG_WORDS =
      Set.of(
          "up",
          "down",
          "-descr",
          "-description",
          "destroy",
          "unplumb",
          "create",
          "plumb",
          "alias",
          "add",
          "-alias",
          "delete",
          "remove",
          "promisc",
          "-promisc");

  private static final Set<String> FAMILIES = Set.of("inet", "inet6", "link", "ether", "lladdr");

  /** Thrown to end the program with err(3)/errx(3) semantics. */
  private static final class Exit extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    Exit(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  private SimProcess p;
  private SimStack stack;
  private Optional<String> printName = Optional.empty();

  @Override
  public int run(SimProcess proc, List<String> argv) {
    SimIfconfig run = new SimIfconfig();
    run.p = proc;
    run.stack = proc.stack();
    int code;
    try {
      code = run.main(argv);
    } catch (Exit e) {
      code = e.code;
    }
    // printifnamemaybe() is an atexit(3) handler: it prints even after errx().
    run.printName.ifPresent(n -> proc.out.append(n).append('\n'));
    return code;
  }

  /** net.ifdescr_maxlen's default: an interface description's bytes, its NUL included. */
  static final int IFDESCR_MAXLEN = 1024;

  private Exit errx(String message) {
    p.err.append("ifconfig: ").append(message).append('\n');
    return new Exit(1);
  }

  private int main(List<String> argv) throws Exit {
    int i = 1;
    boolean all = false;
    boolean list = false;
    boolean onlyUp = false;
    boolean onlyDown = false;
    boolean cloners = false;
    Optional<String> group = Optional.empty();
    Optional<String> jailArg = Optional.empty();
    while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
      String o = argv.get(i);
      if (o.equals("--")) {
        i++;
        break;
      }
      i++;
      for (int k = 1; k < o.length(); k++) {
        char c = o.charAt(k);
        if (c == 'j' || c == 'g' || c == 'G' || c == 'f') {
          String value;
          if (k + 1 < o.length()) {
            value = o.substring(k + 1);
          } else if (i < argv.size()) {
            value = argv.get(i++);
          } else {
            p.err.append("ifconfig: option requires an argument -- ").append(c).append('\n');
            p.err.append(String.format(Locale.ROOT, USAGE, ""));
            return 1;
          }
          if (c == 'j') {
            jailArg = Optional.of(value);
          } else if (c == 'g') {
            group = Optional.of(value);
          }
          break;
        }
        switch (c) {
          case 'a':
            all = true;
            break;
          case 'l':
            list = true;
            break;
          case 'u':
            onlyUp = true;
            break;
          case 'd':
            onlyDown = true;
            break;
          case 'C':
            cloners = true;
            break;
          case 'D':
          case 'k':
          case 'm':
          case 'n':
          case 'v':
            break;
          default:
            p.err.append("ifconfig: illegal option -- ").append(c).append('\n');
            p.err.append(String.format(Locale.ROOT, USAGE, ""));
            return 1;
        }
      }
    }
    if (jailArg.isPresent()) {
      SimWorld.Lookup l = p.world.lookup(jailArg.get(), false);
      if (l.jail().isEmpty()) {
        // args_parse: jail_getid fails with ENOENT, reported through Perror (errc)
        throw errx("jail not found: No such file or directory");
      }
      stack = l.jail().get().stack;
    }
    if (cloners) {
      p.out.append("bridge epair lo\n");
      return 0;
    }
    List<String> rest = argv.subList(i, argv.size());
    if (list) {
      if (all) {
        p.err.append(String.format(Locale.ROOT, USAGE, ""));
        return 1;
      }
      List<String> names = new ArrayList<>();
      for (SimIface f : selected(onlyUp, onlyDown, group)) {
        names.add(f.name);
      }
      p.out.append(String.join(" ", names)).append('\n');
      return 0;
    }
    if (rest.isEmpty() || all) {
      if (group.isPresent() && !all) {
        for (SimIface f : selected(onlyUp, onlyDown, group)) {
          p.out.append(f.name).append('\n');
        }
        return 0;
      }
      for (SimIface f : selected(onlyUp, onlyDown, group)) {
        p.out.append(block(f));
      }
      return 0;
    }
    return configure(rest.get(0), rest.subList(1, rest.size()));
  }

  private List<SimIface> selected(boolean onlyUp, boolean onlyDown, Optional<String> group) {
    List<SimIface> out = new ArrayList<>();
    for (SimIface f : stack.interfaces) {
      if ((onlyUp && !f.up) || (onlyDown && f.up)) {
        continue;
      }
      if (group.isPresent() && !f.groups.contains(group.get())) {
        continue;
      }
      out.add(f);
    }
    return out;
  }

  private int configure(String ifname, List<String> words) throws Exit {
    Optional<SimIface> found = stack.find(ifname);
    String first = words.isEmpty() ? "" : words.get(0);
    List<String> todo = new ArrayList<>(words);
    if (found.isEmpty()) {
      if (first.equals("create") || first.equals("plumb")) {
        if (ifname.length() > SimWorld.MAX_IFNAME) {
          throw errx(ifname + ": cloning name too long");
        }
        String made;
        try {
          made = p.world.create(stack, ifname);
        } catch (SimKernelException e) {
          if (e.errno == SimErrno.EEXIST) {
            throw errx("interface " + ifname + " already exists");
          }
          throw errx("SIOCIFCREATE2 (" + ifname + "): " + e.errno.text);
        }
        if (!made.equals(ifname)) {
          printName = Optional.of(made);
        }
        found = stack.find(made);
        todo.remove(0);
      } else if (first.equals("-vnet")) {
        if (ifname.length() > SimWorld.MAX_IFNAME) {
          throw errx(ifname + ": interface name too long");
        }
        if (words.size() < 2) {
          throw errx("'-vnet' requires argument");
        }
        reclaim(ifname, words.get(1));
        return 0;
      } else {
        throw errx("interface " + ifname + " does not exist");
      }
    } else if (todo.size() == 1 && (first.equals("create") || first.equals("plumb"))) {
      throw errx("interface " + ifname + " already exists");
    } else {
      todo.removeIf(w -> w.equals("create") || w.equals("plumb"));
    }
    SimIface f = found.get();
    if (words.isEmpty() || (words.size() == 1 && FAMILIES.contains(first))) {
      // "ifconfig IF" or "ifconfig IF inet": the interface's block
      p.out.append(block(f));
      return 0;
    }
    if (todo.isEmpty()) {
      return 0;
    }
    apply(f, todo);
    return 0;
  }

  private void apply(SimIface f, List<String> words) throws Exit {
    String af = "inet";
    String address = null;
    String addressAf = null;
    String netmask = null;
    String prefixlen = null;
    int doalias = 0;
    for (int k = 0; k < words.size(); k++) {
      String w = words.get(k);
      String arg = null;
      if (WITH_ARG.contains(w)) {
        if (k + 1 >= words.size()) {
          throw errx("'" + w + "' requires argument");
        }
        arg = words.get(++k);
      }
      if (FAMILIES.contains(w)) {
        af = w.equals("inet") || w.equals("inet6") ? w : "link";
        continue;
      }
      if (!WITH_ARG.contains(w) && !FLAG_WORDS.contains(w)) {
        if (address != null) {
          throw errx(w + ": bad value");
        }
        address = w;
        addressAf = af;
        continue;
      }
      switch (w) {
        case "up":
          f.up = true;
          break;
        case "down":
          f.up = false;
          break;
        case "descr":
        case "description":
          // sys/net/if.c SIOCSIFDESCR: the length with its NUL may not exceed net.ifdescr_maxlen
          // (1024); sbin/ifconfig/ifconfig.c setifdescr reports it with err(1, ...).
          if (arg.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1 > IFDESCR_MAXLEN) {
            throw errx("ioctl SIOCSIFDESCR (set descr): " + SimErrno.ENAMETOOLONG.text);
          }
          f.description = arg.isEmpty() ? Optional.empty() : Optional.of(arg);
          break;
        case "-descr":
        case "-description":
          f.description = Optional.empty();
          break;
        case "promisc":
          f.promisc = true;
          break;
        case "-promisc":
          f.promisc = f.bridge != null;
          break;
        case "name":
          rename(f, arg);
          break;
        case "mtu":
          setMtu(f, arg);
          break;
        case "addm":
          addMember(f, arg);
          break;
        case "deletem":
          deleteMember(f, arg);
          break;
        case "vnet":
          moveToJail(f, arg);
          return;
        case "-vnet":
          reclaim(f.name, arg);
          return;
        case "destroy":
        case "unplumb":
          try {
            p.world.destroy(f);
          } catch (SimKernelException e) {
            throw errx("SIOCIFDESTROY: " + e.errno.text);
          }
          return;
        case "alias":
        case "add":
          doalias = 1;
          break;
        case "-alias":
        case "delete":
        case "remove":
          doalias = -1;
          break;
        case "netmask":
          netmask = arg;
          break;
        case "prefixlen":
          prefixlen = arg;
          break;
        case "broadcast":
          break;
        case "group":
          if (!f.groups.contains(arg)) {
            f.groups.add(arg);
          }
          break;
        case "-group":
          f.groups.remove(arg);
          break;
        default:
          throw new IllegalStateException(w);
      }
    }
    if (address != null) {
      switch (addressAf) {
        case "inet":
          inet(f, address, netmask, doalias);
          break;
        case "inet6":
          inet6(f, address, prefixlen, doalias);
          break;
        default:
          link(f, address);
          break;
      }
      stack.pruneRoutes();
    }
  }

  private void rename(SimIface f, String name) throws Exit {
    String prefix = "ioctl SIOCSIFNAME (set name): ";
    if (name.length() > SimWorld.MAX_IFNAME) {
      throw errx(prefix + SimErrno.ENAMETOOLONG.text);
    }
    if (name.isEmpty()) {
      throw errx(prefix + SimErrno.EINVAL.text);
    }
    if (!name.equals(f.name) && stack.find(name).isPresent()) {
      throw errx(prefix + SimErrno.EEXIST.text);
    }
    for (SimRoute r : new ArrayList<>(stack.routes)) {
      if (r.interfaceName().equals(f.name)) {
        stack.routes.set(
            stack.routes.indexOf(r), new SimRoute(r.destination(), r.gateway(), name, r.inet6()));
      }
    }
    f.name = name;
    printName = Optional.of(name);
  }

  private void setMtu(SimIface f, String arg) throws Exit {
    int mtu;
    try {
      mtu = Integer.parseInt(arg);
    } catch (NumberFormatException e) {
      throw errx("ioctl SIOCSIFMTU (set mtu): " + SimErrno.EINVAL.text);
    }
    if (mtu < 72 || mtu > 65535 || (f.kind == SimIface.Kind.BRIDGE && mtu < 576)) {
      throw errx("ioctl SIOCSIFMTU (set mtu): " + SimErrno.EINVAL.text);
    }
    f.mtu = mtu;
  }

  private void addMember(SimIface bridge, String memberName) throws Exit {
    Optional<SimIface> m = stack.find(memberName);
    try {
      if (bridge.kind != SimIface.Kind.BRIDGE) {
        throw new SimKernelException(SimErrno.EINVAL);
      }
      if (m.isEmpty()) {
        throw new SimKernelException(SimErrno.ENOENT);
      }
      p.world.addMember(bridge, m.get());
    } catch (SimKernelException e) {
      throw errx("BRDGADD " + memberName + ": " + e.errno.text);
    }
  }

  private void deleteMember(SimIface bridge, String memberName) throws Exit {
    Optional<SimIface> m = stack.find(memberName);
    if (bridge.kind != SimIface.Kind.BRIDGE) {
      throw errx("BRDGDEL " + memberName + ": " + SimErrno.EINVAL.text);
    }
    if (m.isEmpty() || m.get().bridge != bridge) {
      throw errx("BRDGDEL " + memberName + ": " + SimErrno.ENOENT.text);
    }
    p.world.removeMember(bridge, m.get());
  }

  /** setifvnet: SIOCSIFVNET (if_vmove_loan). */
  private void moveToJail(SimIface f, String target) throws Exit {
    SimWorld.Lookup l = p.world.lookup(target, true);
    if (!l.error().isEmpty() && !target.matches("\\d+")) {
      throw errx(l.error());
    }
    if (stack != p.world.host || l.jail().isEmpty()) {
      throw errx("SIOCSIFVNET: " + SimErrno.ENXIO.text);
    }
    SimJail j = l.jail().get();
    if (!j.vnet) {
      throw errx("SIOCSIFVNET: " + SimErrno.EEXIST.text);
    }
    if (j.dying) {
      throw errx("SIOCSIFVNET: " + SimErrno.EBUSY.text);
    }
    try {
      p.world.move(f, j.stack);
    } catch (SimKernelException e) {
      throw errx("SIOCSIFVNET: " + e.errno.text);
    }
  }

  /**
   * setifrvnet: SIOCSIFRVNET (if_vmove_reclaim). The caller need not see the interface. A dying
   * jail is found by jid but not by name (libjail jail_getid).
   */
  private void reclaim(String ifname, String target) throws Exit {
    SimWorld.Lookup l = p.world.lookup(target, target.matches("\\d+"));
    if (!l.error().isEmpty() && !target.matches("\\d+")) {
      throw errx(l.error());
    }
    String label = "SIOCSIFRVNET(" + l.jid() + ", " + ifname + "): ";
    if (stack != p.world.host || l.jail().isEmpty()) {
      throw errx(label + SimErrno.ENXIO.text);
    }
    SimJail j = l.jail().get();
    // if_vmove_reclaim (sys/net/if.c): look the name up in the jail's vnet first (ENXIO), then
    // refuse a move within one vnet (EEXIST); a jail without its own vnet uses the host's
    Optional<SimIface> f = j.stack.find(ifname);
    if (f.isEmpty()) {
      throw errx(label + SimErrno.ENXIO.text);
    }
    if (!j.vnet) {
      throw errx(label + SimErrno.EEXIST.text);
    }
    try {
      p.world.move(f.get(), stack);
    } catch (SimKernelException e) {
      throw errx(label + e.errno.text);
    }
  }

  private void inet(SimIface f, String address, String netmask, int doalias) throws Exit {
    String addr = address;
    int prefix = -1;
    int slash = address.indexOf('/');
    if (slash >= 0) {
      addr = address.substring(0, slash);
      String width = address.substring(slash + 1);
      if (!width.matches("\\d+")) {
        throw errx(address + ": bad value (width invalid)");
      }
      if (width.length() > 3 || Integer.parseInt(width) > 32) {
        throw errx(address + ": bad value (width too large)");
      }
      prefix = Integer.parseInt(width);
    }
    Optional<Long> a = SimNet.parseIpv4(addr);
    if (a.isEmpty()) {
      throw errx(address + ": bad value");
    }
    String ip = addr;
    if (netmask != null) {
      prefix = SimNet.prefixOfMask(netmask);
      if (prefix < 0) {
        throw errx(netmask + ": bad value");
      }
    }
    if (doalias < 0) {
      if (!f.inet.removeIf(x -> x.address().equals(ip))) {
        throw errx("ioctl (SIOCDIFADDR): " + SimErrno.EADDRNOTAVAIL.text);
      }
      return;
    }
    if (prefix < 0) {
      p.err.append("ifconfig: WARNING: setting interface address without mask is deprecated,\n");
      p.err.append("default mask may not be correct.\n");
      prefix = SimNet.classfulPrefix(a.get());
    }
    for (SimIface other : stack.interfaces) {
      if (other != f && other.inet.stream().anyMatch(x -> x.address().equals(ip))) {
        // in_aifaddr refuses an address another interface of the stack holds (unverified errno)
        throw errx("ioctl (SIOCAIFADDR): " + SimErrno.EEXIST.text);
      }
    }
    if (doalias == 0 && !f.inet.isEmpty()) {
      // in_delete_first_nl: without alias the first address is replaced
      f.inet.remove(0);
    }
    SimIface.Addr added = new SimIface.Addr(ip, prefix);
    f.inet.removeIf(x -> x.address().equals(ip));
    f.inet.add(added);
  }

  private void inet6(SimIface f, String address, String prefixlen, int doalias) throws Exit {
    String addr = address;
    int prefix = 64;
    int slash = address.indexOf('/');
    if (slash >= 0) {
      addr = address.substring(0, slash);
      String width = address.substring(slash + 1);
      if (!width.matches("\\d{1,3}") || Integer.parseInt(width) > 128) {
        throw errx(width + ": bad value");
      }
      prefix = Integer.parseInt(width);
    }
    if (prefixlen != null) {
      if (!prefixlen.matches("\\d{1,3}") || Integer.parseInt(prefixlen) > 128) {
        throw errx(prefixlen + ": bad value");
      }
      prefix = Integer.parseInt(prefixlen);
    }
    Optional<java.net.InetAddress> parsed = SimNet.parseIpv6(addr);
    if (parsed.isEmpty()) {
      throw errx(address + ": bad value");
    }
    String canonical = SimNet.formatIpv6(parsed.get());
    if (canonical.startsWith("fe80:")) {
      canonical = canonical + "%" + f.name;
    }
    String key = canonical;
    if (doalias < 0) {
      if (!f.inet6.removeIf(x -> x.address().equals(key))) {
        throw errx("ioctl (SIOCDIFADDR_IN6): " + SimErrno.EADDRNOTAVAIL.text);
      }
      return;
    }
    f.inet6.removeIf(x -> x.address().equals(key));
    f.inet6.add(new SimIface.Addr(canonical, prefix));
  }

  private void link(SimIface f, String address) throws Exit {
    String mac;
    if (address.equals("random")) {
      long h = (++p.world.macCounter) * 0x2545F4914F6CDD1DL;
      mac =
          String.format(
              Locale.ROOT,
              "%02x:%02x:%02x:%02x:%02x:%02x",
              ((h >>> 56) & 0xfe) | 0x02,
              (h >>> 48) & 255,
              (h >>> 40) & 255,
              (h >>> 32) & 255,
              (h >>> 24) & 255,
              (h >>> 16) & 255);
    } else if (SimNet.isMac(address)) {
      mac = SimNet.normalizeMac(address);
    } else {
      throw errx(address + ": bad value");
    }
    if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0 || f.kind == SimIface.Kind.LOOPBACK) {
      throw errx("ioctl (SIOCAIFADDR): " + SimErrno.EINVAL.text);
    }
    f.ether = mac;
  }

  // ---------------------------------------------------------------- listing

  private static final String[] FLAG_NAMES = new String[25];

  static {
    FLAG_NAMES[0] = "UP";
    FLAG_NAMES[1] = "BROADCAST";
    FLAG_NAMES[3] = "LOOPBACK";
    FLAG_NAMES[6] = "RUNNING";
    FLAG_NAMES[8] = "PROMISC";
    FLAG_NAMES[11] = "SIMPLEX";
    FLAG_NAMES[15] = "MULTICAST";
    FLAG_NAMES[24] = "LOWER_UP";
  }

  static int flags(SimIface f) {
    int v = 0;
    boolean linkUp;
    switch (f.kind) {
      case LOOPBACK:
        v = 0x8 | 0x8000;
        linkUp = f.up;
        v |= f.up ? 0x40 : 0;
        break;
      case BRIDGE:
        v = 0x2 | 0x800 | 0x8000;
        // bridge_init sets RUNNING on up; the bridge's link follows (observed on 14.x)
        v |= f.up ? 0x40 : 0;
        linkUp = f.up;
        break;
      default:
        // epair_set_state: RUNNING and link up from creation on, both sides
        v = 0x2 | 0x800 | 0x8000 | 0x40;
        linkUp = true;
        break;
    }
    v |= f.up ? 0x1 : 0;
    v |= f.promisc ? 0x100 : 0;
    v |= linkUp ? 0x1000000 : 0;
    return v;
  }

  static String printb(int v) {
    StringBuilder b = new StringBuilder(Integer.toHexString(v)).append('<');
    boolean first = true;
    for (int bit = 0; bit < FLAG_NAMES.length; bit++) {
      if ((v & (1 << bit)) != 0 && FLAG_NAMES[bit] != null) {
        b.append(first ? "" : ",").append(FLAG_NAMES[bit]);
        first = false;
      }
    }
    return b.append('>').toString();
  }

  /** One interface block of the listing (ifconfig_netlink.c:status_nl and the af hooks). */
  static String block(SimIface f) {
    StringBuilder b = new StringBuilder();
    b.append(f.name)
        .append(": flags=")
        .append(printb(flags(f)))
        .append(" metric 0 mtu ")
        .append(f.mtu)
        .append('\n');
    f.description.ifPresent(d -> b.append("\tdescription: ").append(d).append('\n'));
    switch (f.kind) {
      case LOOPBACK:
        b.append("\toptions=680003<RXCSUM,TXCSUM,LINKSTATE,RXCSUM_IPV6,TXCSUM_IPV6>\n");
        break;
      case BRIDGE:
        b.append("\toptions=0\n");
        break;
      default:
        b.append("\toptions=8<VLAN_MTU>\n");
        break;
    }
    if (f.kind != SimIface.Kind.LOOPBACK) {
      b.append("\tether ").append(f.ether).append('\n');
      if (!f.ether.equals(f.hwaddr)) {
        b.append("\thwaddr ").append(f.hwaddr).append('\n');
      }
    }
    boolean broadcast = f.kind != SimIface.Kind.LOOPBACK;
    for (SimIface.Addr a : f.inet) {
      long addr = SimNet.parseIpv4(a.address()).get();
      long mask = SimNet.mask(a.prefix());
      b.append("\tinet ")
          .append(a.address())
          .append(" netmask 0x")
          .append(String.format(Locale.ROOT, "%08x", mask));
      if (broadcast && a.prefix() != 0) {
        b.append(" broadcast ").append(SimNet.formatIpv4((addr & mask) | (~mask & 0xffffffffL)));
      }
      b.append('\n');
    }
    for (SimIface.Addr a : f.inet6) {
      b.append("\tinet6 ").append(a.address()).append(" prefixlen ").append(a.prefix());
      if (a.address().contains("%")) {
        b.append(" scopeid 0x").append(Integer.toHexString(f.index));
      }
      b.append('\n');
    }
    if (f.kind == SimIface.Kind.BRIDGE) {
      b.append("\tid 00:00:00:00:00:00 priority 32768 hellotime 2 fwddelay 15\n");
      b.append("\tmaxage 20 holdcnt 6 proto rstp maxaddr 2000 timeout 1200\n");
      b.append("\troot id 00:00:00:00:00:00 priority 32768 ifcost 0 port 0\n");
      for (SimIface m : f.members) {
        b.append("\tmember: ")
            .append(m.name)
            .append(" flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>\n")
            .append("\t        ifmaxaddr 0 port ")
            .append(m.index & 0xfff)
            .append(" priority 128 path cost ")
            .append(20_000_000_000_000L / m.baudrate)
            .append('\n');
      }
    }
    if (!f.groups.isEmpty()) {
      b.append("\tgroups: ").append(String.join(" ", f.groups)).append('\n');
    }
    if (f.kind == SimIface.Kind.EPAIR) {
      b.append("\tmedia: Ethernet 10Gbase-T (10Gbase-T <full-duplex>)\n\tstatus: active\n");
    } else if (f.kind == SimIface.Kind.ETHER) {
      b.append("\tmedia: Ethernet autoselect (1000baseT <full-duplex>)\n\tstatus: active\n");
    }
    switch (f.kind) {
      case LOOPBACK:
        b.append("\tnd6 options=21<PERFORMNUD,AUTO_LINKLOCAL>\n");
        break;
      case BRIDGE:
        b.append("\tnd6 options=9<PERFORMNUD,IFDISABLED>\n");
        break;
      default:
        b.append("\tnd6 options=29<PERFORMNUD,IFDISABLED,AUTO_LINKLOCAL>\n");
        break;
    }
    return b.toString();
  }
}
