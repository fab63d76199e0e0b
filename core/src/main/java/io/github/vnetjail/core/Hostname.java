package io.github.vnetjail.core;

import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.Text;
import java.util.List;

/**
 * A host name in RFC 1123 syntax, such as {@code web} or {@code web.example.org}: labels of ASCII
 * letters, digits and {@code -}, 1 to 63 characters each, not starting or ending with {@code -},
 * separated by single dots, at most 253 characters in all. Used for a jail's {@code host.hostname}
 * and its local DNS name.
 *
 * <pre>{@code
 * Hostname h = Hostname.of("web.lan");
 * }</pre>
 */
public final class Hostname extends StringValue {
  /** The longest host name accepted (RFC 1035's 255 octets on the wire are 253 characters). */
  public static final int MAX_LENGTH = 253;

  private static final NameSyntax SYNTAX =
      new NameSyntax(
          "host name",
          c -> Text.isAsciiAlnum(c) || c == '-' || c == '.',
          "host names may contain only ASCII letters, digits, '-' and '.'",
          MAX_LENGTH,
          "host names have at most 253",
          "use a shorter name",
          "use a name like \"web\" or \"web.example.org\"");

  private Hostname(String value) {
    super(value);
  }

  /**
   * Returns the host name {@code name}.
   *
   * @throws ValidationException if the name is not in RFC 1123 syntax
   */
  public static Hostname of(String name) {
    Problems.throwIfAny(problems("hostname", name), "host name", name);
    return new Hostname(name);
  }

  /** True if {@code name} is a valid host name. */
  public static boolean isValid(String name) {
    return problems("", name).isEmpty();
  }

  static List<Problem> problems(String field, String name) {
    List<Problem> shared = SYNTAX.problems(field, name);
    if (!shared.isEmpty()) {
      return shared;
    }
    String fix = SYNTAX.fix();
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty()) {
        return List.of(
            Problem.of(
                field, name, show(name) + " has an empty label (\"..\" or a '.' at an end)", fix));
      }
      if (label.length() > 63) {
        return List.of(
            Problem.of(
                field,
                name,
                show(name) + " has a label of " + label.length() + " characters: at most 63",
                "shorten the label " + show(label)));
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        return List.of(
            Problem.of(field, name, show(name) + " has a label starting or ending with '-'", fix));
      }
    }
    return List.of();
  }
}
