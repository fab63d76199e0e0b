package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jls, jexec, sh, sysrc, service and the file utilities of the simulated host. */
class SimCommandsTest {
  private final SimulatedHost host =
      SimulatedHost.builder()
          .hostname("host.example")
          .withInterface("em0")
          .withBridge("bridge0", "em0")
          .withDirectory("/jails/web")
          .build();

  private ExecResult run(String... argv) {
    return host.execute(Command.of(List.of(argv)));
  }

  private ExecResult sh(String line) {
    return run("/bin/sh", "-c", line);
  }

  private void twoJails() {
    run("ifconfig", "epair0", "create", "up");
    run(
        "jail",
        "-c",
        "name=web",
        "path=/jails/web",
        "host.hostname=web",
        "vnet",
        "persist",
        "vnet.interface=epair0b");
    run(
        "jail",
        "-c",
        "name=db",
        "path=/",
        "host.hostname=db.example.org",
        "ip4.addr=10.0.0.5",
        "ip4.addr=10.0.0.6",
        "persist");
  }

  @Test
  void jlsPrintsTheDefaultTable() {
    assertThat(run("jls").stdout())
        .isEqualTo("   JID  IP Address      Hostname                      Path\n");
    twoJails();
    assertThat(run("/usr/sbin/jls").stdout())
        .isEqualTo(
            "   JID  IP Address      Hostname                      Path\n"
                + "     1                  web                           /jails/web\n"
                + "     2  10.0.0.5        db.example.org                /\n");
  }

  @Test
  void jlsPrintsNameColumnsAndVerboseBlocks() {
    twoJails();
    assertThat(run("jls", "-N").stdout())
        .isEqualTo(
            " JID             IP Address      Hostname                      Path\n"
                + " web                             web                           /jails/web\n"
                + " db              10.0.0.5        db.example.org                /\n");
    assertThat(run("jls", "-v", "-j", "db").stdout())
        .isEqualTo(
            "   JID  Hostname                      Path\n"
                + "        Name                          State\n"
                + "        CPUSetID\n"
                + "        IP Address(es)\n"
                + "     2  db.example.org                /\n"
                + "        db                            ACTIVE\n"
                + "        3\n"
                + "        10.0.0.5\n"
                + "        10.0.0.6\n");
  }

  @Test
  void jlsPrintsParameters() {
    twoJails();
    assertThat(run("jls", "jid", "name").stdout()).isEqualTo("1 web\n2 db\n");
    assertThat(run("jls", "-j", "web", "jid").stdout()).isEqualTo("1\n");
    assertThat(run("jls", "-j", "web", "ip4.addr").stdout()).isEqualTo("-\n");
    assertThat(run("jls", "-n", "-j", "db", "name", "ip4.addr", "vnet", "dying").stdout())
        .isEqualTo("name=db ip4.addr=10.0.0.5,10.0.0.6 vnet=inherit nodying\n");
    assertThat(run("jls", "-h", "-j", "web", "jid", "vnet").stdout())
        .isEqualTo("jid vnet\n1 new\n");
    assertThat(run("jls", "-j", "web", "nope").stderr())
        .isEqualTo("jls: unknown parameter: nope\n");
  }

  @Test
  void jlsReportsUnknownJails() {
    ExecResult r = run("jls", "-j", "web");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("jls: jail \"web\" not found\n");
    assertThat(run("jls", "-j", "7").stderr()).isEqualTo("jls: jail 7 not found\n");
    assertThat(run("jls", "-x").stderr())
        .isEqualTo("jls: usage: jls [-dhNnqv] [-j jail] [param ...]\n");
  }

  @Test
  void jlsSpeaksLibxoJson() throws Exception {
    twoJails();
    JsonNode root = new ObjectMapper().readTree(run("jls", "--libxo", "json").stdout());
    assertThat(root.get("__version").asText()).isEqualTo("2");
    JsonNode jails = root.get("jail-information").get("jail");
    assertThat(jails).hasSize(2);
    assertThat(jails.get(0).get("jid").asInt()).isEqualTo(1);
    assertThat(jails.get(0).get("ipv4").asText()).isEmpty();
    assertThat(jails.get(1).get("ipv4").asText()).isEqualTo("10.0.0.5");
    assertThat(jails.get(1).get("path").asText()).isEqualTo("/");
    JsonNode v = new ObjectMapper().readTree(run("jls", "--libxo=json", "-v").stdout());
    JsonNode db = v.get("jail-information").get("jail").get(1);
    assertThat(db.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(db.get("ipv4_addrs")).hasSize(2);
    JsonNode p =
        new ObjectMapper().readTree(run("jls", "--libxo", "json", "name", "dying").stdout());
    assertThat(p.get("jail-information").get("jail").get(0).get("dying").isBoolean()).isTrue();
  }

  @Test
  void jexecRunsInsideTheJailsStack() {
    twoJails();
    assertThat(run("jexec", "web", "ifconfig", "-l").stdout()).isEqualTo("lo0 epair0b\n");
    assertThat(run("jexec", "1", "/sbin/ifconfig", "epair0b", "inet", "10.0.0.9/24").exitCode())
        .isZero();
    assertThat(host.state().stack("web").get().find("epair0b").get().inet())
        .containsExactly("10.0.0.9/24");
    assertThat(run("ifconfig", "-j", "web", "-l").stdout()).isEqualTo("lo0 epair0b\n");
    assertThat(run("jexec", "web", "false").exitCode()).isEqualTo(1);
    assertThat(run("jexec", "nope", "true").stderr()).isEqualTo("jexec: jail \"nope\" not found\n");
    assertThat(run("jexec", "99", "true").stderr())
        .isEqualTo("jexec: jail_attach(99): Invalid argument\n");
    assertThat(run("jexec", "web", "frob").stderr())
        .isEqualTo("jexec: execvp: frob: No such file or directory\n");
    assertThat(run("jexec").stderr())
        .isEqualTo("usage: jexec [-l] [-u username | -U username] jail [command ...]\n");
    assertThat(run("ifconfig", "-j", "nope", "-l").stderr())
        .isEqualTo("ifconfig: jail not found: No such file or directory\n");
  }

  @Test
  void filesInsideAJailLiveUnderItsPath() {
    twoJails();
    run("jexec", "web", "mkdir", "-p", "/etc");
    run("jexec", "web", "sh", "-c", "echo hello > /etc/motd");
    assertThat(host.files().read("/jails/web/etc/motd")).contains("hello\n");
    assertThat(run("jexec", "web", "cat", "/etc/motd").stdout()).isEqualTo("hello\n");
  }

  @Test
  void shRunsListsWithAndOrAndRedirections() {
    assertThat(sh("true && echo yes || echo no").stdout()).isEqualTo("yes\n");
    assertThat(sh("false && echo yes || echo no").stdout()).isEqualTo("no\n");
    assertThat(sh("echo a; echo b").stdout()).isEqualTo("a\nb\n");
    ExecResult quiet = sh("/sbin/ifconfig epair9b >/dev/null 2>&1 || echo gone");
    assertThat(quiet.stdout()).isEqualTo("gone\n");
    assertThat(quiet.stderr()).isEmpty();
    assertThat(sh("ifconfig nope 2>/dev/null; echo $?").stdout()).isEqualTo("1\n");
    assertThat(sh("! false && echo negated").stdout()).isEqualTo("negated\n");
    assertThat(sh("echo 'a  b' \"c $1\" d\\ e").stdout()).isEqualTo("a  b c  d e\n");
    assertThat(run("sh", "-c", "echo \"$1-$2\" $0", "prog", "x", "y").stdout())
        .isEqualTo("x-y prog\n");
    assertThat(sh("x=1; echo ${x}2").stdout()).isEqualTo("12\n");
    assertThat(sh("echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f").stdout())
        .isEqualTo("one\ntwo\n");
    assertThat(sh("echo hi | cat").stdout()).isEqualTo("hi\n");
    assertThat(sh("exit 3; echo never").exitCode()).isEqualTo(3);
    assertThat(run("sh", "-e", "-c", "false; echo never").exitCode()).isEqualTo(1);
  }

  @Test
  void shReportsWhatItCannotRun() {
    ExecResult r = sh("frob --now");
    assertThat(r.exitCode()).isEqualTo(127);
    assertThat(r.stderr()).isEqualTo("sh: frob: not found\n");
    ExecResult unsupported = sh("if true; then echo x; fi");
    assertThat(unsupported.exitCode()).isEqualTo(2);
    assertThat(unsupported.stderr()).contains("not supported");
    assertThat(sh("echo $(hostname)").exitCode()).isEqualTo(2);
    assertThat(sh("&& true").stderr()).isEqualTo("sh: syntax error: unexpected \"&&\"\n");
    assertThat(sh("echo 'open").stderr())
        .isEqualTo("sh: syntax error: unterminated quoted string\n");
  }

  @Test
  void fileUtilitiesBehaveLikeFreeBsds() {
    assertThat(run("test", "-e", "/etc").exitCode()).isZero();
    assertThat(run("test", "-e", "/etc/nope").exitCode()).isEqualTo(1);
    assertThat(run("[", "-d", "/etc", "]").exitCode()).isZero();
    assertThat(run("mkdir", "/a/b").stderr()).isEqualTo("mkdir: /a/b: No such file or directory\n");
    assertThat(run("mkdir", "-p", "/a/b").exitCode()).isZero();
    assertThat(run("mkdir", "/a/b").stderr()).isEqualTo("mkdir: /a/b: File exists\n");
    host.files().writeAtomically("/a/b/f", "x\n");
    assertThat(run("cp", "/a/b/f", "/a/g").exitCode()).isZero();
    assertThat(run("mv", "/a/g", "/a/b/h").exitCode()).isZero();
    assertThat(host.files().exists("/a/g")).isFalse();
    assertThat(run("cat", "/a/b/h").stdout()).isEqualTo("x\n");
    assertThat(run("cat", "/a/nope").stderr())
        .isEqualTo("cat: /a/nope: No such file or directory\n");
    assertThat(run("rm", "/a/nope").stderr()).isEqualTo("rm: /a/nope: No such file or directory\n");
    assertThat(run("rm", "-f", "/a/nope").exitCode()).isZero();
    assertThat(run("rm", "/a/b").stderr()).isEqualTo("rm: /a/b: is a directory\n");
    assertThat(run("rm", "-rf", "/a").exitCode()).isZero();
    assertThat(host.files().exists("/a/b/h")).isFalse();
  }

  @Test
  void sysrcGetsSetsAndEditsLists() {
    assertThat(run("sysrc", "jail_enable").stdout()).isEqualTo("jail_enable: NO\n");
    assertThat(run("sysrc", "jail_enable=YES").stdout()).isEqualTo("jail_enable: NO -> YES\n");
    assertThat(run("sysrc", "test_enable=YES").stdout()).isEqualTo("test_enable:  -> YES\n");
    assertThat(run("sysrc", "test_enable=YES").stdout()).isEqualTo("test_enable: YES -> YES\n");
    assertThat(run("sysrc", "cloned_interfaces+=bridge0").stdout())
        .isEqualTo("cloned_interfaces:  -> bridge0\n");
    assertThat(run("sysrc", "cloned_interfaces+=bridge1").stdout())
        .isEqualTo("cloned_interfaces: bridge0 -> bridge0 bridge1\n");
    assertThat(run("sysrc", "cloned_interfaces+=bridge1").stdout())
        .isEqualTo("cloned_interfaces: bridge0 bridge1 -> bridge0 bridge1\n");
    assertThat(run("sysrc", "cloned_interfaces-=bridge0").stdout())
        .isEqualTo("cloned_interfaces: bridge0 bridge1 -> bridge1\n");
    assertThat(host.files().read("/etc/rc.conf"))
        .contains("jail_enable=\"YES\"\ntest_enable=\"YES\"\ncloned_interfaces=\"bridge1\"\n");
    ExecResult unknown = run("sysrc", "noexist", "test_enable");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr()).isEqualTo("sysrc: unknown variable 'noexist'\n");
    assertThat(unknown.stdout()).isEqualTo("test_enable: YES\n");
    assertThat(run("sysrc", "-n", "test_enable").stdout()).isEqualTo("YES\n");
    assertThat(run("sysrc", "-c", "test_enable=YES").exitCode()).isZero();
    assertThat(run("sysrc", "-c", "test_enable=NO").exitCode()).isEqualTo(1);
    assertThat(run("sysrc", "-x", "test_enable").stdout()).isEmpty();
    assertThat(run("sysrc", "test_enable").exitCode()).isEqualTo(1);
    assertThat(run("sysrc", "-f", "/etc/jail.rc", "x=1").stdout()).isEqualTo("x:  -> 1\n");
    assertThat(host.files().read("/etc/jail.rc")).contains("x=\"1\"\n");
  }

  @Test
  void serviceJailNeedsJailEnable() {
    ExecResult r = run("service", "jail", "start", "web");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .isEqualTo(
            "Cannot 'start' jail. Set jail_enable to YES in /etc/rc.conf or use 'onestart'"
                + " instead of 'start'.\n");
    assertThat(run("service", "nginx", "start").stderr())
        .isEqualTo(
            "nginx does not exist in /etc/rc.d or the local startup directories"
                + " (/usr/local/etc/rc.d), or is not executable.\n");
  }

  @Test
  void serviceJailReportsAJailWithoutConfig() {
    run("sysrc", "jail_enable=YES");
    ExecResult r = run("service", "jail", "start", "web");
    assertThat(r.stdout()).isEqualTo("Starting jails:.\n");
    assertThat(r.stderr())
        .isEqualTo(
            "/etc/rc.d/jail: WARNING: Invalid configuration for web (no jail.conf, no hostname, or"
                + " no path).  Jail web was ignored.\n");
    assertThat(run("service", "jail", "stop", "web").stdout()).isEqualTo("Stopping jails:.\n");
  }

  @Test
  void sysrcKeepsEveryOtherByteOfTheFile() {
    host.files()
        .writeAtomically(
            "/etc/rc.conf",
            "# host\nhostname='fbsd'  # name\n\n  ifconfig_em0=\"DHCP\" # uplink\nsshd_enable=YES\n");
    assertThat(run("sysrc", "ifconfig_em0=inet 10.0.0.2/24").stdout())
        .isEqualTo("ifconfig_em0: DHCP -> inet 10.0.0.2/24\n");
    assertThat(host.files().read("/etc/rc.conf"))
        .contains(
            "# host\nhostname='fbsd'  # name\n\n  ifconfig_em0=\"inet 10.0.0.2/24\" # uplink\n"
                + "sshd_enable=YES\n");
    assertThat(run("sysrc", "-n", "hostname").stdout()).isEqualTo("fbsd\n");
    host.files().writeAtomically("/etc/broken.conf", "a=\"open\n");
    ExecResult broken = run("sysrc", "-f", "/etc/broken.conf", "a=1");
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.stderr()).startsWith("sysrc: ");
  }
}
