package io.github.vnetjail.exec;

import io.github.vnetjail.core.internal.JailStyle;
import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A private key file the SSH client authenticates with (ed25519, ECDSA or RSA; OpenSSH or PEM
 * format), with its passphrase when the file is encrypted. The passphrase never appears in {@link
 * #toString()} or in logs.
 *
 * <pre>{@code
 * SshIdentity plain = SshIdentity.of(Path.of("/home/ci/.ssh/id_ed25519"));
 * SshIdentity locked = SshIdentity.of(Path.of("/home/ci/.ssh/id_rsa"), System.getenv("KEY_PASS"));
 * }</pre>
 */
@Value.Immutable
@JailStyle
public abstract class SshIdentity {
  SshIdentity() {}

  /** The private key file. */
  public abstract Path keyFile();

  /** The passphrase that decrypts the key file, when it is encrypted. */
  @Value.Redacted
  public abstract Optional<String> passphrase();

  /** An unencrypted key file. */
  public static SshIdentity of(Path keyFile) {
    return builder().keyFile(keyFile).build();
  }

  /** An encrypted key file and its passphrase. */
  public static SshIdentity of(Path keyFile, String passphrase) {
    return builder().keyFile(keyFile).passphrase(passphrase).build();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link SshIdentity}. */
  public static final class Builder extends ImmutableSshIdentity.Builder {}
}
