package io.github.vnetjail.core;

import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.Text;
import java.util.List;

/**
 * A jail(8) name such as {@code my-vnet-jail}, or {@code outer.inner} for a hierarchical jail.
 *
 * <p>jail(8) lets a name be almost any string except that {@code .} separates the levels of
 * hierarchical jails, and the kernel refuses a last component made only of digits, because a
 * numeric name means a jid ({@code kern_jail.c}: "name cannot be numeric (unless it is the jid)");
 * names are at most 255 bytes ({@code MAXHOSTNAMELEN} with the NUL). The name appears in jail.conf,
 * in rc.conf's {@code jail_list} and in sh command lines, so this SDK accepts only names that never
 * need quoting anywhere: components of ASCII letters, digits, {@code _} and {@code -}, separated by
 * single dots, no component starting with {@code -}, and no component of digits only at the end.
 *
 * <pre>{@code
 * JailName name = JailName.of("my-vnet-jail");
 * }</pre>
 */
public final class JailName extends StringValue implements Comparable<JailName> {
  /** The longest jail name: MAXHOSTNAMELEN (256) minus the NUL. */
  public static final int MAX_LENGTH = 255;

  private static final NameSyntax SYNTAX =
      new NameSyntax(
          "jail name",
          c -> Text.isAsciiAlnum(c) || c == '_' || c == '-' || c == '.',
          "jail names may contain only ASCII letters, digits, '_', '-' and '.' (the hierarchy"
              + " separator)",
          MAX_LENGTH,
          "jail names have at most 255",
          "use a shorter name",
          "use a name like \"my-vnet-jail\" (letters, digits, '_' and '-')");

  private JailName(String value) {
    super(value);
  }

  /**
   * Returns the jail name {@code name}.
   *
   * @throws ValidationException if the name breaks the rules in the class description
   */
  public static JailName of(String name) {
    Problems.throwIfAny(problems("jail name", name), "jail name", name);
    return new JailName(name);
  }

  /** True if {@code name} is a valid jail name. */
  public static boolean isValid(String name) {
    return problems("", name).isEmpty();
  }

  static List<Problem> problems(String field, String name) {
    List<Problem> shared = SYNTAX.problems(field, name);
    if (!shared.isEmpty()) {
      return shared;
    }
    String[] parts = name.split("\\.", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        return List.of(
            Problem.of(
                field,
                name,
                show(name)
                    + " has an empty component: '.' separates the levels of a hierarchical jail"
                    + " (parent.child)",
                "remove the extra '.' or use '-' instead"));
      }
      if (part.charAt(0) == '-') {
        return List.of(
            Problem.of(
                field,
                name,
                show(name)
                    + " has a component starting with '-', which commands take for an option",
                SYNTAX.fix()));
      }
    }
    if (parts[parts.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
      return List.of(
          Problem.of(
              field,
              name,
              show(name)
                  + " is numeric: jail(8) takes a numeric name for a jid (the kernel refuses it)",
              "add a letter, e.g. \"jail" + parts[parts.length - 1] + "\""));
    }
    return List.of();
  }

  @Override
  public int compareTo(JailName o) {
    return value().compareTo(o.value());
  }
}
