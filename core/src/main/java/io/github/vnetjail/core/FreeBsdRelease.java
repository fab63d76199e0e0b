package io.github.vnetjail.core;

/**
 * The FreeBSD release a host runs; renderers use it where FreeBSD's behaviour differs.
 *
 * <pre>{@code
 * HostConfig.builder().release(FreeBsdRelease.V14_2)...
 * if (host.release().supportsJailConfInclude()) { ... }
 * }</pre>
 */
public enum FreeBsdRelease {
  /** FreeBSD 13.x: jail.conf has no {@code .include}, and CR is not white space there. */
  V13(13, 0),
  /** FreeBSD 14.0. */
  V14_0(14, 0),
  /** FreeBSD 14.1. */
  V14_1(14, 1),
  /** FreeBSD 14.2. */
  V14_2(14, 2),
  /** FreeBSD 14.3. */
  V14_3(14, 3),
  /** FreeBSD 15.0. */
  V15_0(15, 0);

  private final int major;
  private final int minor;

  FreeBsdRelease(int major, int minor) {
    this.major = major;
    this.minor = minor;
  }

  /** The major version, e.g. 14. */
  public int major() {
    return major;
  }

  /** The minor version, e.g. 2; 0 for {@link #V13}, which stands for every 13.x. */
  public int minor() {
    return minor;
  }

  /** True if jail.conf supports {@code .include} (FreeBSD 14.0 and later). */
  public boolean supportsJailConfInclude() {
    return major >= 14;
  }

  /** The default target: the newest release. */
  public static FreeBsdRelease latest() {
    return V15_0;
  }

  /** The release as FreeBSD writes it, e.g. {@code 14.2} (or {@code 13.x}). */
  @Override
  public String toString() {
    return this == V13 ? "13.x" : major + "." + minor;
  }
}
