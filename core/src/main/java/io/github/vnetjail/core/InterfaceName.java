package io.github.vnetjail.core;

import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.Text;
import java.util.List;

/**
 * A FreeBSD network interface name such as {@code bridge0}, {@code epair154a}, {@code em0.10} or
 * {@code e0a_web}.
 *
 * <p>FreeBSD's kernel accepts almost any byte string shorter than {@code IFNAMSIZ} (16 with the
 * NUL, {@code sys/net/if.h}; {@code if_rename} in {@code sys/net/if.c} only refuses the empty
 * name). Names end up in jail.conf, in rc.conf variable names ({@code ifconfig_em0_10}, where
 * rc.subr turns {@code . - / +} into {@code _}) and in sh command lines, so this SDK accepts the
 * portable subset: 1 to 15 ASCII characters, a letter first, then letters, digits, {@code _},
 * {@code .} and {@code -}. Names are never truncated.
 *
 * <pre>{@code
 * InterfaceName uplink = InterfaceName.of("em0");
 * }</pre>
 */
public final class InterfaceName extends StringValue implements Comparable<InterfaceName> {
  /** The longest interface name FreeBSD accepts: IFNAMSIZ (16) minus the terminating NUL. */
  public static final int MAX_LENGTH = 15;

  private static final NameSyntax SYNTAX =
      new NameSyntax(
          "interface name",
          c -> Text.isAsciiAlnum(c) || c == '_' || c == '.' || c == '-',
          "interface names may contain only ASCII letters, digits, '_', '.' and '-'",
          MAX_LENGTH,
          "FreeBSD interface names have at most 15 (IFNAMSIZ 16 with the NUL)",
          "use a name of at most 15 characters; names are never truncated",
          "use a name like \"bridge0\" or \"epair154a\"");

  private InterfaceName(String value) {
    super(value);
  }

  /**
   * Returns the interface name {@code name}.
   *
   * @throws ValidationException if the name is empty, longer than 15 characters or contains a
   *     character outside {@code [A-Za-z0-9_.-]}, or does not start with a letter
   */
  public static InterfaceName of(String name) {
    Problems.throwIfAny(problems("interface name", name), "interface name", name);
    return new InterfaceName(name);
  }

  /** True if {@code name} is a valid interface name. */
  public static boolean isValid(String name) {
    return problems("", name).isEmpty();
  }

  static List<Problem> problems(String field, String name) {
    List<Problem> shared = SYNTAX.problems(field, name);
    if (!shared.isEmpty()) {
      return shared;
    }
    if (!Text.isAsciiLetter(name.charAt(0))) {
      return List.of(
          Problem.of(
              field,
              name,
              show(name) + " does not start with an ASCII letter, as interface names must",
              SYNTAX.fix()));
    }
    return List.of();
  }

  @Override
  public int compareTo(InterfaceName o) {
    return value().compareTo(o.value());
  }
}
