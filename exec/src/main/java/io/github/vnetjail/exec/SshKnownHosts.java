package io.github.vnetjail.exec;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a server's host key against an OpenSSH known_hosts file, the way ssh(1) does with {@code
 * StrictHostKeyChecking=yes} (or {@code accept-new} for trust on first use): a listed key of the
 * same type that differs is a change and is refused; a host without a key of that type is new.
 * MINA's own verifier is not used because its refusal reaches the caller only as "Server key did
 * not validate"; this one keeps the reason so the exception can say what to do.
 */
final class SshKnownHosts implements ServerKeyVerifier {
  private static final Logger log = LoggerFactory.getLogger(SshKnownHosts.class);

  /** Appends from executors of one JVM must not interleave. */
  private static final Object APPEND_LOCK = new Object();

  private final SshTarget target;
  private final Path file;
  private final SshHostKeyPolicy policy;
  private final AtomicReference<String> rejection = new AtomicReference<>();

  SshKnownHosts(SshTarget target, Path file, SshHostKeyPolicy policy) {
    this.target = target;
    this.file = file;
    this.policy = policy;
  }

  /** Why the last key was refused, as a message for the user. */
  Optional<String> rejection() {
    return Optional.ofNullable(rejection.get());
  }

  /**
   * The signature algorithms of the keys the file lists for the host, so the client can ask for
   * those first, as ssh(1) orders HostKeyAlgorithms: otherwise a host known only by its RSA key
   * could present its ed25519 key and be refused as unknown.
   */
  Set<String> knownAlgorithms() {
    Set<String> algorithms = new LinkedHashSet<>();
    List<KnownHostEntry> entries;
    try {
      entries = read();
    } catch (IOException e) {
      return algorithms; // verifyServerKey reports the unreadable file
    }
    for (KnownHostEntry entry : entries) {
      if (entry.getMarker() == null && entry.isHostMatch(target.host(), target.port())) {
        PublicKey key = resolve(entry);
        if (key != null) {
          algorithms.addAll(KeyUtils.getAllEquivalentKeyTypes(KeyUtils.getKeyType(key)));
        }
      }
    }
    return algorithms;
  }

  /** Forgets the last refusal before a new connection attempt. */
  void clearRejection() {
    rejection.set(null);
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    String type = KeyUtils.getKeyType(key);
    String fingerprint = KeyUtils.getFingerPrint(key);
    List<KnownHostEntry> entries;
    try {
      entries = read();
    } catch (IOException e) {
      return reject(
          "cannot read known_hosts file "
              + file
              + " to verify "
              + target.knownHostsName()
              + ": "
              + e);
    }
    List<String> otherTypes = new ArrayList<>();
    for (KnownHostEntry entry : entries) {
      if (!entry.isHostMatch(target.host(), target.port())) {
        continue;
      }
      PublicKey listed = resolve(entry);
      if (listed == null) {
        continue;
      }
      boolean same = KeyUtils.compareKeys(listed, key);
      if ("revoked".equals(entry.getMarker())) {
        if (same) {
          return reject(
              "host key "
                  + type
                  + " "
                  + fingerprint
                  + " of "
                  + target.knownHostsName()
                  + " is marked @revoked in "
                  + file
                  + "; the host must get a new key");
        }
        continue;
      }
      if (entry.getMarker() != null) {
        continue; // @cert-authority lines sign certificates; plain keys never match them
      }
      if (same) {
        log.debug("host key of {} verified: {} {}", target.knownHostsName(), type, fingerprint);
        return true;
      }
      String listedType = KeyUtils.getKeyType(listed);
      if (listedType.equals(type)) {
        return reject(
            "HOST KEY CHANGED: "
                + target.knownHostsName()
                + " presented "
                + type
                + " "
                + fingerprint
                + " but "
                + file
                + " lists "
                + KeyUtils.getFingerPrint(listed)
                + " for it. Someone could be intercepting the connection, or the host was"
                + " reinstalled. If the new key is right, remove the old entry with"
                + " `ssh-keygen -R '"
                + target.knownHostsName()
                + "' -f "
                + file
                + "` and connect again");
      }
      otherTypes.add(listedType);
    }
    if (policy == SshHostKeyPolicy.TRUST_ON_FIRST_USE) {
      return record(key, type, fingerprint);
    }
    return reject(
        "host "
            + target.knownHostsName()
            + " is not known: "
            + file
            + (otherTypes.isEmpty()
                ? " has no entry for it"
                : " lists it only with key types " + otherTypes)
            + ", and it presented "
            + type
            + " "
            + fingerprint
            + ". Check the fingerprint on the host (`ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub`),"
            + " then add it with `ssh-keyscan -p "
            + target.port()
            + " "
            + target.host()
            + " >> "
            + file
            + "`, or opt in to trust on first use with"
            + " SshOptions.builder().hostKeyPolicy(SshHostKeyPolicy.TRUST_ON_FIRST_USE)");
  }

  private List<KnownHostEntry> read() throws IOException {
    try {
      return KnownHostEntry.readKnownHostEntries(file);
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  private PublicKey resolve(KnownHostEntry entry) {
    AuthorizedKeyEntry keyEntry = entry.getKeyEntry();
    if (keyEntry == null) {
      return null;
    }
    try {
      return keyEntry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      log.warn("skipping unreadable known_hosts entry in {}: {}", file, e.toString());
      return null;
    }
  }

  private boolean record(PublicKey key, String type, String fingerprint) {
    String line = target.knownHostsName() + " " + PublicKeyEntry.toString(key) + "\n";
    synchronized (APPEND_LOCK) {
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.write(
            file,
            line.getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        return reject(
            "trust on first use: cannot record the host key of "
                + target.knownHostsName()
                + " in "
                + file
                + ": "
                + e);
      }
    }
    log.info(
        "trusted new host {} on first use: {} {} recorded in {}",
        target.knownHostsName(),
        type,
        fingerprint,
        file);
    return true;
  }

  private boolean reject(String message) {
    rejection.set(message);
    log.debug("refused host key: {}", message);
    return false;
  }
}
