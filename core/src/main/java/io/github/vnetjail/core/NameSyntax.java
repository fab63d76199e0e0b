package io.github.vnetjail.core;

import static com.google.common.base.Preconditions.checkNotNull;
import static io.github.vnetjail.core.internal.Text.describe;
import static io.github.vnetjail.core.internal.Text.show;

import io.github.vnetjail.core.internal.Text;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The rules that interface, jail and host names share, checked in this order: not empty, only
 * certain ASCII characters, at most so many characters. Each name type adds its own rules after
 * these.
 */
final class NameSyntax {
  private final String kind;
  private final IntPredicate allowed;
  private final String charactersRule;
  private final int maxLength;
  private final String lengthRule;
  private final String lengthFix;
  private final String fix;

  /**
   * Creates the rules for one kind of name.
   *
   * @param kind what the name is, e.g. {@code interface name}; starts the messages
   * @param allowed the characters a name may contain
   * @param charactersRule the rule those characters state, e.g. {@code interface names may contain
   *     only ...}
   * @param lengthRule the length rule, e.g. {@code host names have at most 253}
   * @param fix the fix for every problem but the length
   */
  NameSyntax(
      String kind,
      IntPredicate allowed,
      String charactersRule,
      int maxLength,
      String lengthRule,
      String lengthFix,
      String fix) {
    this.kind = kind;
    this.allowed = allowed;
    this.charactersRule = charactersRule;
    this.maxLength = maxLength;
    this.lengthRule = lengthRule;
    this.lengthFix = lengthFix;
    this.fix = fix;
  }

  /** The fix for a name that breaks a rule other than the length. */
  String fix() {
    return fix;
  }

  /** The first shared rule {@code name} breaks, as one problem for {@code field}; else none. */
  List<Problem> problems(String field, String name) {
    checkNotNull(name, kind);
    if (name.isEmpty()) {
      return List.of(Problem.of(field, name, kind + " is empty", fix));
    }
    int bad = Text.firstNotMatching(name, allowed);
    if (bad >= 0) {
      return List.of(
          Problem.of(
              field, name, show(name) + " contains " + describe(bad) + ": " + charactersRule, fix));
    }
    if (name.length() > maxLength) {
      return List.of(
          Problem.of(
              field,
              name,
              show(name) + " is " + name.length() + " characters long: " + lengthRule,
              lengthFix));
    }
    return List.of();
  }
}
