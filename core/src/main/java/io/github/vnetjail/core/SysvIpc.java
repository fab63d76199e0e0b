package io.github.vnetjail.core;

/**
 * The mode of one System V IPC module in a jail: the jailsys values of the {@code sysvmsg}, {@code
 * sysvsem} and {@code sysvshm} parameters of jail(8). PostgreSQL needs System V IPC; {@link #NEW}
 * gives the jail its own key namespace (isolated), {@link #INHERIT} shares the host's.
 *
 * <pre>{@code
 * VnetJail.builder()...sysvshm(SysvIpc.NEW).sysvsem(SysvIpc.NEW).build();
 * SysvIpc.NEW.value(); // "new"
 * }</pre>
 */
public enum SysvIpc {
  /** {@code new}: the jail has its own key namespace and sees only its own objects. */
  NEW("new"),
  /** {@code inherit}: every IPC object of the system is visible (what allow.sysvipc did). */
  INHERIT("inherit"),
  /** {@code disable}: the jail cannot use this IPC module. */
  DISABLE("disable");

  private final String value;

  SysvIpc(String value) {
    this.value = value;
  }

  /** The jail(8) value: {@code new}, {@code inherit} or {@code disable}. */
  public String value() {
    return value;
  }
}
