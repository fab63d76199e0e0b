package io.github.vnetjail.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: key pairs made by the real {@code ssh-keygen}, as a user would make them. */
final class SshKeygen {
  private SshKeygen() {}

  /** Generates {@code dir/name} and {@code dir/name.pub}; type is ed25519, ecdsa or rsa. */
  static Path generate(Path dir, String name, String type, String passphrase) {
    Path key = dir.resolve(name);
    List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type));
    if (type.equals("rsa")) {
      argv.addAll(List.of("-b", "2048"));
    } else if (type.equals("ecdsa")) {
      argv.addAll(List.of("-b", "256"));
    }
    argv.addAll(List.of("-N", passphrase, "-C", "vnetjail-test-" + name, "-f", key.toString()));
    run(argv);
    return key;
  }

  /** The public key line ({@code type base64 comment}) of a generated key. */
  static String publicKeyLine(Path key) {
    try {
      return Files.readString(Path.of(key + ".pub"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The SHA256 fingerprint as ssh-keygen prints it ({@code SHA256:...}). */
  static String fingerprint(Path publicKey) {
    String out = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString()));
    return out.split(" ")[1];
  }

  static String run(List<String> argv) {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError(argv + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + argv + " (is openssh-client installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
