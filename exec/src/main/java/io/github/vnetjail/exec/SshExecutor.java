package io.github.vnetjail.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import io.github.vnetjail.core.VnetJailException;
import io.github.vnetjail.render.ShellQuoting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on a remote host over SSH (Apache MINA SSHD client), reusing one authenticated
 * connection for every command. Host keys are checked against a known_hosts file; argv is quoted
 * with {@link ShellQuoting}; environment variables travel as {@code env NAME=VALUE}; standard input
 * is sent and then closed; the remote exit status becomes {@link ExecResult#exitCode()}. File
 * writes ({@link #files()}) are atomic: a temporary file beside the target, the old version kept as
 * {@code PATH.bak}, then a rename. A command that runs past its timeout is reported with {@link
 * ExecResult#timedOut()} and exit code 124, and its remote process group is killed. The remote
 * login shell must be a POSIX sh: older FreeBSD releases give root {@code /bin/csh}
 * (etc/master.passwd), so log in as a user whose shell is sh, or run {@code chsh -s /bin/sh root}.
 *
 * <pre>{@code
 * SshOptions options = SshOptions.builder()
 *     .addIdentities(SshIdentity.of(Path.of(System.getProperty("user.home"), ".ssh/id_ed25519")))
 *     .build();
 * try (SshExecutor ssh = SshExecutor.builder()
 *     .target(SshTarget.parse("root@192.0.2.10"))
 *     .options(options)
 *     .build()) {
 *   ExecResult r = ssh.execute(Command.of("jls", "-N"));
 *   List<ExecResult> start = ssh.executeBatch(plan);   // one round trip for the whole plan
 * }
 * }</pre>
 */
public final class SshExecutor implements CommandExecutor {
  private static final Logger log = LoggerFactory.getLogger(SshExecutor.class);

  /** The exit code of a command cut off by its timeout, as timeout(1) reports it. */
  static final int TIMEOUT_EXIT = 124;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SshTarget target;
  private final SshOptions options;
  private final SshKnownHosts knownHosts;
  private final Semaphore channels;
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private final AtomicInteger roundTrips = new AtomicInteger();
  private final Object lock = new Object();

  // Guarded by lock.
  private SshClient client;
  private ClientSession session;
  private List<NamedFactory<Signature>> defaultSignatures;
  private boolean closed;

  private SshExecutor(SshTarget target, SshOptions options) {
    this.target = target;
    this.options = options;
    this.knownHosts = new SshKnownHosts(target, options.knownHosts(), options.hostKeyPolicy());
    this.channels = new Semaphore(options.maxConcurrentCommands(), true);
  }

  /**
   * Returns an executor for {@code target}; it connects at the first command. The same as {@code
   * builder().target(target).options(options).build()}.
   */
  public static SshExecutor create(SshTarget target, SshOptions options) {
    return builder().target(target).options(options).build();
  }

  /** Starts a builder; {@link Builder#build()} does not connect yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link SshExecutor}. */
  public static final class Builder {
    private SshTarget target;
    private SshOptions options;

    private Builder() {}

    /** The host to log in to. */
    public Builder target(SshTarget target) {
      this.target = checkNotNull(target, "target");
      return this;
    }

    /** The host to log in to, as {@code user@host[:port]}. */
    public Builder target(String spec) {
      return target(SshTarget.parse(spec));
    }

    /** Keys, known_hosts, timeouts, keepalive and privilege. */
    public Builder options(SshOptions options) {
      this.options = checkNotNull(options, "options");
      return this;
    }

    /** Returns the executor; the connection opens at the first command or {@link #connect()}. */
    public SshExecutor build() {
      checkState(target != null, "target must be set: SshExecutor.builder().target(\"root@host\")");
      checkState(
          options != null,
          "options must be set: SshExecutor.builder().options(SshOptions.builder()"
              + ".addIdentities(SshIdentity.of(keyFile)).build())");
      return new SshExecutor(target, options);
    }
  }

  /** The host this executor runs commands on. */
  public SshTarget target() {
    return target;
  }

  /** The options this executor connects with. */
  public SshOptions options() {
    return options;
  }

  /**
   * Opens the connection now (it otherwise opens at the first command), so that a wrong host key or
   * key is reported here.
   *
   * @throws SshHostKeyException if the host key is refused
   * @throws SshAuthenticationException if no key is accepted or a key file cannot be read
   * @throws SshConnectionException if the host cannot be reached in time
   */
  public SshExecutor connect() {
    session();
    return this;
  }

  /** How many SSH connections this executor has opened: 1 while the first one lives. */
  public int connectionsOpened() {
    return connectionsOpened.get();
  }

  /** How many exec requests (one per command, one per batch) this executor has sent. */
  public int roundTrips() {
    return roundTrips.get();
  }

  @Override
  public ExecResult execute(Command command) {
    checkNotNull(command, "command");
    String line = SshCommandLine.line(command, options.privilege());
    log.debug(
        "ssh {}: {}{}",
        target,
        command,
        command.environment().isEmpty() ? "" : " (env " + command.environment().keySet() + ")");
    Duration timeout = command.timeout().orElse(options.commandTimeout());
    Raw raw =
        run(
            line,
            command.stdin().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null),
            start -> fixed(start, timeout),
            command.toString());
    return ExecResult.builder()
        .command(command)
        .exitCode(raw.exitCode)
        .stdout(raw.stdout)
        .stderr(raw.stderr)
        .duration(raw.elapsed)
        .timedOut(raw.timedOut)
        .build();
  }

  /**
   * Runs the commands in order in one SSH round trip (one sh script on the remote host), stopping
   * after the first command that fails. Returns one result per command that ran, the failed one
   * last; each result's duration is that of the whole round trip. The privilege prefix applies to
   * the script. Each command's timeout counts from its start; a command cut off by it ends the
   * batch and is reported with {@link ExecResult#timedOut()}.
   *
   * <pre>{@code
   * List<ExecResult> results = ssh.executeBatch(List.of(
   *     Command.of("/sbin/ifconfig", "epair154", "create", "up"),
   *     Command.of("/sbin/ifconfig", "bridge0", "addm", "epair154a", "up"),
   *     Command.of("jail", "-c", "my-vnet-jail")));
   * boolean ok = results.size() == 3 && results.get(2).isSuccess();
   * }</pre>
   */
  public List<ExecResult> executeBatch(List<Command> commands) {
    checkNotNull(commands, "commands");
    if (commands.isEmpty()) {
      return List.of();
    }
    SshBatch batch = SshBatch.of(commands);
    List<String> shell = new ArrayList<>(options.privilege().prefix());
    shell.add("/bin/sh");
    shell.add("-s");
    log.debug("ssh {}: batch of {} commands: {}", target, commands.size(), commands);
    Raw raw =
        run(
            ShellQuoting.join(shell),
            batch.script().getBytes(StandardCharsets.UTF_8),
            start -> batch.deadline(options.commandTimeout(), start),
            "batch of " + commands.size() + " commands starting with \"" + commands.get(0) + "\"");
    return batch.parse(raw.stdout, raw.stderr, raw.exitCode, raw.timedOut, raw.elapsed);
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (session != null) {
        session.close(false).awaitUninterruptibly(options.connectTimeout());
        session = null;
      }
      if (client != null) {
        client.stop();
        client = null;
      }
    }
  }

  @Override
  public String toString() {
    return "SshExecutor[" + target + "]";
  }

  private static final class Raw {
    int exitCode;
    String stdout;
    String stderr;
    Duration elapsed;
    boolean timedOut;
  }

  /** When a running exec request has run too long; a batch's deadline follows its progress. */
  interface Deadline {
    /** Nanoseconds left at {@code now}, given the stdout received so far; 0 or less: expired. */
    long remainingNanos(ByteArrayOutputStream stdout, long now);

    /** True when the answer changes as output arrives, so the wait must look again now and then. */
    boolean polls();
  }

  /** How often a polling deadline is looked at. */
  private static final long POLL_NANOS = 20_000_000L;

  private static Deadline fixed(long start, Duration timeout) {
    long end = start + timeout.toNanos();
    return new Deadline() {
      @Override
      public long remainingNanos(ByteArrayOutputStream stdout, long now) {
        return end - now;
      }

      @Override
      public boolean polls() {
        return false;
      }
    };
  }

  private Raw run(
      String line, byte[] stdin, java.util.function.LongFunction<Deadline> deadline, String what) {
    try {
      channels.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VnetJailException("interrupted while waiting to run " + what + " on " + target, e);
    }
    try {
      try {
        return runOnChannel(line, stdin, deadline, what);
      } catch (ChannelNotOpened e) {
        // Nothing ran: the connection died while idle (sshd restarted, NAT timeout). Once more.
        log.info("connection to {} was lost before {} started; reconnecting", target, what);
        try {
          return runOnChannel(line, stdin, deadline, what);
        } catch (ChannelNotOpened again) {
          throw new SshConnectionException(
              "connection to " + target + " failed twice before " + what + " could start", again);
        }
      }
    } finally {
      channels.release();
    }
  }

  /** The channel could not be opened on a connection that turned out to be closed. */
  private static final class ChannelNotOpened extends Exception {
    private static final long serialVersionUID = 1L;

    ChannelNotOpened(Throwable cause) {
      super(cause);
    }
  }

  private Raw runOnChannel(
      String line, byte[] stdin, java.util.function.LongFunction<Deadline> deadlines, String what)
      throws ChannelNotOpened {
    ClientSession s = session();
    long start = System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Raw raw = new Raw();
    String pidMark = "vnetjail-pid-" + HexFormat.of().formatHex(randomBytes(8));
    // The login shell reports its pid, which sshd made a process group leader (session.c,
    // do_exec_no_pty: setsid), so that a timeout can kill the command's whole process group.
    String wire = ShellQuoting.join(List.of("printf", "%s %s\\n", pidMark)) + " $$ >&2; " + line;
    ChannelExec opened;
    try {
      opened = s.createExecChannel(wire);
      opened.setOut(out);
      opened.setErr(err);
      opened.open().verify(options.connectTimeout());
    } catch (IOException | IllegalStateException e) {
      if (!s.isOpen() || s.isClosing()) {
        throw new ChannelNotOpened(e);
      }
      throw new SshConnectionException(
          "could not open a channel to " + target + " for " + what + ": " + e.getMessage(), e);
    }
    try (ChannelExec channel = opened) {
      roundTrips.incrementAndGet();
      Deadline deadline = deadlines.apply(start);
      // Closing the inverted input sends EOF, so the command never waits for more input.
      try (OutputStream in = channel.getInvertedIn()) {
        if (stdin != null) {
          in.write(stdin);
          in.flush();
        }
      }
      boolean closed = false;
      while (!closed) {
        long left = deadline.remainingNanos(out, System.nanoTime());
        if (left <= 0) {
          break;
        }
        long wait = deadline.polls() ? Math.min(left, POLL_NANOS) : left;
        // MINA waits forever for a timeout of 0 ms, so round up to at least 1 ms.
        long waitMillis = Math.max(1L, (wait + 999_999L) / 1_000_000L);
        Set<ClientChannelEvent> events =
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), waitMillis);
        closed = events.contains(ClientChannelEvent.CLOSED);
      }
      if (!closed) {
        raw.timedOut = true;
        raw.exitCode = TIMEOUT_EXIT;
        log.debug("ssh {}: {} timed out; killing it", target, what);
        awaitPidReport(err, pidMark);
        signal(channel, "KILL");
        channel.close(true);
      } else {
        Integer status = channel.getExitStatus();
        String signal = channel.getExitSignal();
        if (status != null) {
          raw.exitCode = status;
        } else if (signal != null) {
          raw.exitCode = 128 + signalNumber(signal);
        } else if (!s.isOpen() || s.isClosing()) {
          throw new SshConnectionException(
              "connection to " + target + " was lost while running " + what);
        } else {
          raw.exitCode = 255; // the server closed the channel without a status, as ssh(1) reports
        }
      }
    } catch (IOException e) {
      if (!s.isOpen() || s.isClosing()) {
        throw new SshConnectionException(
            "connection to " + target + " was lost while running " + what + ": " + e.getMessage(),
            e);
      }
      throw new SshConnectionException(
          "could not run " + what + " on " + target + ": " + e.getMessage(), e);
    }
    raw.elapsed = Duration.ofNanos(System.nanoTime() - start);
    raw.stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    Matcher pid = Pattern.compile(Pattern.quote(pidMark) + " ([0-9]+)\n").matcher(stderr);
    if (pid.find()) {
      stderr = stderr.substring(0, pid.start()) + stderr.substring(pid.end());
      if (raw.timedOut) {
        killProcessGroup(pid.group(1), what);
      }
    } else if (raw.timedOut) {
      log.warn("ssh {}: {} timed out before its pid arrived; it may still run", target, what);
    }
    raw.stderr = stderr;
    log.debug("ssh {}: {} exited {} in {} ms", target, what, raw.exitCode, raw.elapsed.toMillis());
    return raw;
  }

  /** How long a timed-out command may still take to report its pid (a busy sshd is slow). */
  private static final long PID_GRACE_NANOS = 3_000_000_000L;

  /**
   * Waits a little for the pid report when a command timed out before its shell even started, so
   * that it can still be killed.
   */
  private static void awaitPidReport(ByteArrayOutputStream err, String pidMark) {
    long end = System.nanoTime() + PID_GRACE_NANOS;
    while (!err.toString(StandardCharsets.UTF_8).contains(pidMark) && System.nanoTime() - end < 0) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Kills a timed-out command's process group through a new channel, with the same privilege.
   * {@code kill -KILL -- -PGID} is what FreeBSD's kill(1) accepts (bin/kill/kill.c: signal, then
   * {@code --}, then a negative pid for a group); the plain pid is the fallback for servers that do
   * not make the command a group leader.
   */
  private void killProcessGroup(String pid, String what) {
    List<String> group = new ArrayList<>(options.privilege().prefix());
    group.addAll(List.of("kill", "-KILL", "--", "-" + pid));
    List<String> single = new ArrayList<>(options.privilege().prefix());
    single.addAll(List.of("kill", "-KILL", pid));
    String line = ShellQuoting.join(group) + " 2>/dev/null || " + ShellQuoting.join(single);
    try {
      Raw r = runOnChannel(line, null, start -> fixed(start, options.connectTimeout()), "kill");
      log.debug("ssh {}: killed {} (process group {}): exit {}", target, what, pid, r.exitCode);
    } catch (ChannelNotOpened | RuntimeException e) {
      log.warn("ssh {}: could not kill timed-out {} (pid {}): {}", target, what, pid, e.toString());
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /**
   * Asks sshd to signal the command (RFC 4254 6.9). OpenSSH 7.9+ does it with killpg() on the
   * command's process group, but refuses it for root logins without privilege separation
   * (session.c, session_signal_req); closing the channel then leaves the process running until it
   * writes to its closed output.
   */
  private void signal(ChannelExec channel, String name) {
    try {
      Buffer buffer = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST);
      buffer.putUInt(channel.getRecipient());
      buffer.putString("signal");
      buffer.putBoolean(false);
      buffer.putString(name);
      channel.writePacket(buffer);
    } catch (IOException | RuntimeException e) {
      log.debug("ssh {}: could not send signal {}: {}", target, name, e.toString());
    }
  }

  /** Signal numbers that are the same on FreeBSD and Linux; others report 255 like ssh(1). */
  private static int signalNumber(String name) {
    switch (name) {
      case "HUP":
        return 1;
      case "INT":
        return 2;
      case "QUIT":
        return 3;
      case "ILL":
        return 4;
      case "ABRT":
        return 6;
      case "FPE":
        return 8;
      case "KILL":
        return 9;
      case "SEGV":
        return 11;
      case "PIPE":
        return 13;
      case "ALRM":
        return 14;
      case "TERM":
        return 15;
      default:
        return 127;
    }
  }

  private ClientSession session() {
    synchronized (lock) {
      checkState(!closed, "%s is closed", this);
      if (session != null && session.isOpen() && !session.isClosing()) {
        return session;
      }
      if (session != null) {
        log.info("connection to {} was closed; reconnecting", target);
        session.close(true);
        session = null;
      }
      session = open();
      return session;
    }
  }

  private ClientSession open() {
    List<KeyPair> keys = loadKeys();
    if (client == null) {
      client = SshClient.setUpDefaultClient();
      // Only what the options say: no ~/.ssh/config, no default keys, no password prompts.
      client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
      client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
      client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
      client.setServerKeyVerifier(knownHosts);
      CoreModuleProperties.NIO_WORKERS.set(client, 2);
      CoreModuleProperties.AUTH_TIMEOUT.set(client, options.connectTimeout());
      if (!options.keepaliveInterval().isZero()) {
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, options.keepaliveInterval());
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, options.keepaliveMaxMissed());
        // keepalive traffic keeps the connection from counting as idle
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
      }
      defaultSignatures = List.copyOf(client.getSignatureFactories());
      client.start();
    }
    client.setSignatureFactories(preferKnown(defaultSignatures, knownHosts.knownAlgorithms()));
    long deadline = System.nanoTime() + options.connectTimeout().toNanos();
    knownHosts.clearRejection();
    ClientSession s = null;
    try {
      s =
          client
              .connect(target.user(), target.host(), target.port())
              .verify(options.connectTimeout())
              .getSession();
      for (KeyPair key : keys) {
        s.addPublicKeyIdentity(key);
      }
      s.auth().verify(remaining(deadline));
      connectionsOpened.incrementAndGet();
      log.info("connected to {} ({} connection(s) so far)", target, connectionsOpened.get());
      return s;
    } catch (IOException | RuntimeException e) {
      if (s != null) {
        s.close(true);
      }
      throw translate(e);
    }
  }

  /** The algorithms of keys known for the host first, the rest in MINA's order. */
  static List<NamedFactory<Signature>> preferKnown(
      List<NamedFactory<Signature>> all, Set<String> known) {
    List<NamedFactory<Signature>> ordered = new ArrayList<>();
    all.stream().filter(f -> known.contains(f.getName())).forEach(ordered::add);
    all.stream().filter(f -> !known.contains(f.getName())).forEach(ordered::add);
    return ordered;
  }

  private RuntimeException translate(Exception e) {
    if (knownHosts.rejection().isPresent()) {
      return new SshHostKeyException(knownHosts.rejection().get());
    }
    String text = String.valueOf(e.getMessage());
    if (text.contains("No more authentication methods")) {
      List<String> files = new ArrayList<>();
      options.identities().forEach(id -> files.add(id.keyFile().toString()));
      return new SshAuthenticationException(
          target
              + " refused the keys "
              + files
              + " for user "
              + target.user()
              + "; add the matching public key (.pub) to ~"
              + target.user()
              + "/.ssh/authorized_keys on the host, or configure the key that is already there",
          e);
    }
    return new SshConnectionException(
        "cannot connect to "
            + target
            + " within "
            + options.connectTimeout()
            + ": "
            + text
            + "; check that sshd runs there and that the host and port are right",
        e);
  }

  private List<KeyPair> loadKeys() {
    List<KeyPair> keys = new ArrayList<>();
    for (SshIdentity id : options.identities()) {
      FilePasswordProvider password =
          id.passphrase().map(FilePasswordProvider::of).orElse(FilePasswordProvider.EMPTY);
      try (InputStream in = Files.newInputStream(id.keyFile())) {
        Iterable<KeyPair> loaded =
            SecurityUtils.loadKeyPairIdentities(
                null, NamedResource.ofName(id.keyFile().toString()), in, password);
        int before = keys.size();
        if (loaded != null) {
          loaded.forEach(keys::add);
        }
        checkArgument(keys.size() > before, "no key found in %s", id.keyFile());
        for (int i = before; i < keys.size(); i++) {
          log.debug(
              "loaded {} key {} from {}",
              KeyUtils.getKeyType(keys.get(i)),
              KeyUtils.getFingerPrint(keys.get(i).getPublic()),
              id.keyFile());
        }
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        throw new SshAuthenticationException(
            "cannot read the private key "
                + id.keyFile()
                + (id.passphrase().isPresent()
                    ? " with the given passphrase (wrong passphrase?)"
                    : " (is it encrypted? then give SshIdentity.of(path, passphrase))")
                + ": "
                + e.getMessage(),
            e);
      }
    }
    return keys;
  }

  private static Duration remaining(long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    return Duration.ofNanos(Math.max(left, 1_000_000L));
  }
}
