package io.github.vnetjail.render;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes each jail's effective parameters the way FreeBSD's {@code usr.sbin/jail/config.c}
 * ({@code load_config}, {@code add_param}, {@code equalopts}, {@code wild_jail_match}) does: the
 * implied {@code name} (or {@code jid}), then the jail's own block and every matching wildcard
 * section in file order, then variable expansion per jail.
 *
 * <pre>{@code
 * JailConfEvaluation result = JailConfEvaluator.evaluate(JailConf.parse(text));
 * }</pre>
 */
public final class JailConfEvaluator {
  private static final int PF_VAR = 1;
  private static final int PF_APPEND = 2;
  private static final int PF_IMMUTABLE = 4;
  private static final int PF_BAD = 8;

  /**
   * jail(8)'s own parameters (config.c intparams that the kernel does not know), in table order;
   * the linter shares this list.
   */
  static final List<String> CONFIG_PARAMETERS =
      List.of(
          "allow.dying",
          "command",
          "depend",
          "exec.clean",
          "exec.consolelog",
          "exec.fib",
          "exec.jail_user",
          "exec.poststart",
          "exec.poststop",
          "exec.prepare",
          "exec.prestart",
          "exec.prestop",
          "exec.release",
          "exec.created",
          "exec.start",
          "exec.stop",
          "exec.system_jail_user",
          "exec.system_user",
          "exec.timeout",
          "interface",
          "ip_hostname",
          "mount",
          "mount.devfs",
          "mount.fdescfs",
          "mount.procfs",
          "mount.fstab",
          "stop.timeout",
          "vnet.interface",
          "zfs.dataset");

  /** config.c intparams without PF_CONV, in table order; jid and name are PF_IMMUTABLE. */
  private static final List<String> INTPARAMS =
      ImmutableList.<String>builder()
          .addAll(CONFIG_PARAMETERS)
          .add(
              "allow.chflags",
              "allow.mount",
              "allow.raw_sockets",
              "allow.set_hostname",
              "allow.socket_af",
              "allow.sysvipc",
              "devfs_ruleset",
              "host.hostname",
              "ip4.addr",
              "ip6.addr",
              "jid",
              "name",
              "path",
              "persist",
              "securelevel",
              "vnet")
          .build();

  /** Every spelling equalopts() takes for an intparam ("no" added or removed at one component). */
  private static final Map<String, String> INTPARAM_SPELLINGS = spellings(INTPARAMS, true);

  private static final Map<String, String> INTPARAM_SPELLINGS_13 = spellings(INTPARAMS, false);

  private JailConfEvaluator() {}

  private static Map<String, String> spellings(List<String> names, boolean withZfs) {
    Map<String, String> out = new HashMap<>();
    for (String name : names) {
      if (!withZfs && name.equals("zfs.dataset")) {
        continue; // 13.x has no zfs.dataset intparam
      }
      out.putIfAbsent(name, name);
      int compStart = 0;
      for (; ; ) {
        String head = name.substring(0, compStart);
        String comp = name.substring(compStart);
        out.putIfAbsent(head + "no" + comp, name);
        if (comp.startsWith("no")) {
          out.putIfAbsent(head + comp.substring(2), name);
        }
        int dot = name.indexOf('.', compStart);
        if (dot < 0) {
          break;
        }
        compStart = dot + 1;
      }
    }
    return out;
  }

  /** Returns every jail's result, in jail(8)'s order. */
  public static JailConfEvaluation evaluate(JailConf conf) {
    List<Section> sections = new ArrayList<>();
    if (conf.dialect() == JailConfDialect.FREEBSD_13) {
      flatten13(conf.statements(), sections);
    } else {
      flatten14(conf.statements(), null, sections, new Section[1]);
    }
    List<Section> wild = new ArrayList<>();
    List<Section> real = new ArrayList<>();
    int seq = 0;
    for (Section s : sections) {
      s.seq = ++seq;
      (wildJailName(s.name) ? wild : real).add(s);
    }
    List<JailConfEvaluation.Jail> out = new ArrayList<>(real.size());
    for (Section j : real) {
      out.add(new JailEval(j, conf.dialect()).run(wild));
    }
    return new JailConfEvaluation(out);
  }

  private static final class Section {
    final String name;
    final List<JailConfParameter> params = new ArrayList<>();
    int seq;

    Section(String name) {
      this.name = name;
    }
  }

  /**
   * jailparse.y (14.x): a block nested in another is named outer.inner; top-level statements, from
   * every file, go to one "*" section made where the first appears; an included file's statements
   * land in the block that includes it.
   */
  private static void flatten14(
      List<JailConfStatement> statements,
      Section current,
      List<Section> sections,
      Section[] global) {
    for (JailConfStatement st : statements) {
      if (st instanceof JailConfParameter) {
        Section target = current;
        if (target == null) {
          if (global[0] == null) {
            global[0] = new Section("*");
            sections.add(global[0]);
          }
          target = global[0];
        }
        target.params.add((JailConfParameter) st);
      } else if (st instanceof JailConfJail) {
        JailConfJail jail = (JailConfJail) st;
        Section s = new Section(current == null ? jail.name() : current.name + "." + jail.name());
        sections.add(s);
        flatten14(jail.body(), s, sections, global);
      } else if (st instanceof JailConfInclude) {
        for (JailConf file : ((JailConfInclude) st).files()) {
          flatten14(file.statements(), current, sections, global);
        }
      }
    }
  }

  /** jailparse.y (13.x): each run of top-level statements joins the last section if it is "*". */
  private static void flatten13(List<JailConfStatement> statements, List<Section> sections) {
    for (JailConfStatement st : statements) {
      if (st instanceof JailConfParameter) {
        Section last = sections.isEmpty() ? null : sections.get(sections.size() - 1);
        if (last == null || !last.name.equals("*")) {
          last = new Section("*");
          sections.add(last);
        }
        last.params.add((JailConfParameter) st);
      } else if (st instanceof JailConfJail) {
        JailConfJail jail = (JailConfJail) st;
        Section s = new Section(jail.name());
        sections.add(s);
        for (JailConfStatement inner : jail.body()) {
          if (inner instanceof JailConfParameter) {
            s.params.add((JailConfParameter) inner);
          }
        }
      }
    }
  }

  /** config.c wild_jail_name. */
  static boolean wildJailName(String name) {
    for (int i = name.indexOf('*'); i >= 0; i = name.indexOf('*', i + 1)) {
      if ((i == 0 || name.charAt(i - 1) == '.')
          && (i + 1 == name.length() || name.charAt(i + 1) == '.')) {
        return true;
      }
    }
    return false;
  }

  /**
   * config.c wild_jail_match: a non-final "*" component matches one component, a final "*" one or
   * more.
   */
  static boolean wildJailMatch(String jname, String wname) {
    int jc = 0;
    int wc = 0;
    for (; ; ) {
      int jd = jname.indexOf('.', jc);
      if (jd < 0) {
        break;
      }
      int wd = wname.indexOf('.', wc);
      if (wd < 0) {
        break;
      }
      // strncmp(jc, wc, jd - jc + 1): the component and its dot
      boolean same = jname.regionMatches(jc, wname, wc, jd - jc + 1);
      if (!same && !wname.startsWith("*.", wc)) {
        return false;
      }
      jc = jd + 1;
      wc = wd + 1;
    }
    return jname.substring(jc).equals(wname.substring(wc)) || wname.substring(wc).equals("*");
  }

  /**
   * config.c equalopts: equal, or equal but for a "no" in front of one component. Both names agree
   * up to {@code at}, the start of the component compared next.
   */
  static boolean equalOpts(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int diff = a.length() - b.length();
    for (int at = 0; ; ) {
      // "noopt" vs "opt", then "opt" vs "noopt", at this component.
      if (diff == 2 && a.startsWith("no", at) && a.regionMatches(at + 2, b, at, b.length() - at)) {
        return true;
      }
      if (diff == -2 && b.startsWith("no", at) && b.regionMatches(at + 2, a, at, a.length() - at)) {
        return true;
      }
      // strncmp(opt1, opt2, component and its dot): regionMatches is false past b's end too.
      int next = a.indexOf('.', at) + 1;
      if (next == 0 || !a.regionMatches(at, b, at, next - at)) {
        return false;
      }
      at = next;
    }
  }

  /** strtol(name, &ep, 10) != 0 && *ep == '\0': a jail named by a number sets jid. */
  static boolean isJidName(String name) {
    int i = 0;
    int n = name.length();
    while (i < n && " \t\n\u000b\f\r".indexOf(name.charAt(i)) >= 0) {
      i++;
    }
    if (i < n && (name.charAt(i) == '+' || name.charAt(i) == '-')) {
      i++;
    }
    boolean nonZero = false;
    while (i < n && name.charAt(i) >= '0' && name.charAt(i) <= '9') {
      nonZero |= name.charAt(i) != '0';
      i++;
    }
    return i == n && nonZero; // nonZero implies a digit
  }

  /** A value string being expanded: its text and the variables still to substitute. */
  private static final class Str {
    String s;
    final int[] pos;
    final String[] names;
    int next;

    Str(String s) {
      this.s = s;
      this.pos = new int[0];
      this.names = new String[0];
    }

    Str(JailConfValue v) {
      this.s = v.text();
      int n = v.variableCount();
      pos = new int[n];
      names = new String[n];
      for (int i = 0; i < n; i++) {
        pos[i] = v.variablePosition(i);
        names[i] = v.variableName(i);
      }
    }

    boolean hasVar() {
      return next < names.length;
    }
  }

  private static final class Param {
    String name;
    int flags;
    final ArrayList<Str> val;
    int gen;

    Param(String name, int flags, ArrayList<Str> val) {
      this.name = name;
      this.flags = flags;
      this.val = val;
    }

    boolean hasVars() {
      for (Str s : val) {
        if (s.hasVar()) {
          return true;
        }
      }
      return false;
    }
  }

  /** load_config for one jail. */
  private static final class JailEval {
    private final Section jail;
    private final boolean v14;
    private final List<Param> params = new ArrayList<>();
    private final List<String> messages = new ArrayList<>(0);
    private Param nameParam;

    JailEval(Section jail, JailConfDialect dialect) {
      this.jail = jail;
      this.v14 = dialect != JailConfDialect.FREEBSD_13;
    }

    private void warn(String message) {
      messages.add("jail: " + jail.name + ": " + message);
    }

    JailConfEvaluation.Jail run(List<Section> wild) {
      // The jail name implies its "name" or "jid" parameter.
      ArrayList<Str> implied = new ArrayList<>(1);
      implied.add(new Str(jail.name));
      Param first =
          new Param(isJidName(jail.name) ? "jid" : "name", PF_APPEND | PF_IMMUTABLE, implied);
      params.add(first);
      if (first.name.equals("name")) {
        nameParam = first;
      }
      boolean didSelf = false;
      for (Section w : wild) {
        if (jail.seq < w.seq && !didSelf) {
          addAll(jail.params);
          didSelf = true;
        }
        if (wildJailMatch(jail.name, w.name)) {
          addAll(w.params);
        }
      }
      if (!didSelf) {
        addAll(jail.params);
      }
      if (v14 && nameParam == null) {
        // 14.x backfills "name" for a jail named by its jid.
        ArrayList<Str> v = new ArrayList<>(1);
        v.add(new Str(jail.name));
        params.add(new Param("name", PF_APPEND | PF_IMMUTABLE, v));
      }
      resolve();
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (Param p : params) {
        if ((p.flags & PF_VAR) != 0) {
          continue;
        }
        List<String> values;
        if (p.val.isEmpty()) {
          values = List.of();
        } else if (p.val.size() == 1) {
          values = List.of(p.val.get(0).s);
        } else {
          String[] a = new String[p.val.size()];
          for (int i = 0; i < a.length; i++) {
            a[i] = p.val.get(i).s;
          }
          values = List.of(a);
        }
        out.put(p.name, values);
      }
      return new JailConfEvaluation.Jail(jail.name, out, messages);
    }

    private void addAll(List<JailConfParameter> list) {
      for (JailConfParameter p : list) {
        add(p);
      }
    }

    /** config.c add_param for a parameter from the file. */
    private void add(JailConfParameter p) {
      String name = p.name();
      int flags =
          (p.isVariable() ? PF_VAR : 0)
              | (p.operator() == JailConfParameter.Operator.APPEND ? PF_APPEND : 0);
      List<JailConfValue> values = p.values();
      Param dp = null;
      for (Param q : params) {
        if (equalOpts(q.name, name)) {
          dp = q;
          break;
        }
      }
      if (dp != null) {
        if (((flags ^ dp.flags) & PF_VAR) != 0) {
          warn("variable \"$" + name + "\" cannot have the same name as a parameter.");
          return;
        }
        if ((dp.flags & PF_IMMUTABLE) != 0) {
          warn("cannot redefine parameter \"" + dp.name + "\".");
          return;
        }
        if (!dp.name.equals(name)) {
          dp.name = name;
        }
        if ((flags & PF_APPEND) == 0 || values.isEmpty()) {
          dp.val.clear();
        }
        for (JailConfValue v : values) {
          dp.val.add(new Str(v));
        }
        return;
      }
      ArrayList<Str> val = new ArrayList<>(Math.max(1, values.size()));
      for (JailConfValue v : values) {
        val.add(new Str(v));
      }
      Param np = new Param(name, flags, val);
      params.add(np);
      String intparam = (v14 ? INTPARAM_SPELLINGS : INTPARAM_SPELLINGS_13).get(name);
      if (intparam != null) {
        if ((flags & PF_VAR) != 0) {
          warn("variable \"$" + name + "\" cannot have the same name as a parameter.");
          return;
        }
        if (intparam.equals("name")) {
          nameParam = np;
          np.flags |= PF_IMMUTABLE;
        } else if (intparam.equals("jid")) {
          np.flags |= PF_IMMUTABLE;
        }
      }
    }

    /** load_config's "Resolve any variable substitutions" loop, goto and all. */
    private void resolve() {
      int pgen = 0;
      for (int i = 0; i < params.size(); i++) {
        Param p = params.get(i);
        p.gen = ++pgen;
        findVars:
        for (; ; ) {
          for (int si = 0; si < p.val.size(); si++) {
            Str s = p.val.get(si);
            while (s.hasVar()) {
              Str holder = s;
              String vname = s.names[s.next];
              Param vp = null;
              for (Param q : params) {
                if (q.name.equals(vname)) {
                  vp = q;
                  break;
                }
              }
              if (vp == null || vp.val.isEmpty()) {
                warn(p.name + ": variable \"" + vname + "\" not found");
                bad(pgen);
                holder.next++;
                continue;
              }
              if ((vp.flags & PF_BAD) != 0) {
                bad(pgen);
                holder.next++;
                continue;
              }
              if (vp.gen == pgen) {
                warn(vname + ": variable loop");
                bad(pgen);
                holder.next++;
                continue;
              }
              if (vp.hasVars()) {
                vp.gen = pgen;
                params.remove(vp);
                params.add(i, vp);
                p = vp;
                continue findVars;
              }
              Str vs = vp.val.get(0);
              boolean list = vp.val.size() > 1;
              if (list && (!s.s.isEmpty() || s.next + 1 < s.names.length)) {
                warn(p.name + ": array cannot be substituted inline");
                bad(pgen);
                holder.next++;
                continue;
              }
              // FREEBSD.md: 14.x substitutes the list, 13.x crashes. Note: the config.c copies
              // read (freebsd-src, 5BSD, fel1x-developer forks) all STAILQ_REMOVE_HEAD the new,
              // empty string's variable list right after this, a NULL dereference; we follow
              // FREEBSD.md's observation of current main for 14.x.
              if (list && !v14) {
                warn(
                    p.name
                        + ": whole-list substitution of \""
                        + vname
                        + "\" crashes jail(8) on FreeBSD 13.x; write the values out instead");
                bad(pgen);
                holder.next++;
                continue;
              }
              int at = s.pos[s.next];
              int len = vs.s.length();
              s.s = s.s.substring(0, at) + vs.s + s.s.substring(at);
              for (int k = s.next + 1; k < s.names.length; k++) {
                s.pos[k] += len;
              }
              holder.next++;
              for (int k = 1; k < vp.val.size(); k++) {
                Str ns = new Str(vp.val.get(k).s);
                p.val.add(si + 1, ns);
                si++;
                s = ns;
              }
            }
          }
          break;
        }
      }
    }

    private void bad(int pgen) {
      for (Param q : params) {
        if (q.gen == pgen) {
          q.flags |= PF_BAD;
        }
      }
    }
  }
}
