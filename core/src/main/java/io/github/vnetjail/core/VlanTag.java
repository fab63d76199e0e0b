package io.github.vnetjail.core;

import java.util.List;

/**
 * An IEEE 802.1Q VLAN tag, 1 to 4094 (0 means "no VLAN" and 4095 is reserved).
 *
 * <pre>{@code
 * VlanTag tag = VlanTag.of(10);
 * }</pre>
 */
public final class VlanTag implements Comparable<VlanTag> {
  private final int value;

  private VlanTag(int value) {
    this.value = value;
  }

  /**
   * Returns the tag {@code tag}.
   *
   * @throws ValidationException unless {@code 1 <= tag <= 4094}
   */
  public static VlanTag of(int tag) {
    List<Problem> problems = problems("vlan tag", tag);
    if (!problems.isEmpty()) {
      throw new ValidationException("VLAN tag " + tag, problems);
    }
    return new VlanTag(tag);
  }

  static List<Problem> problems(String field, int tag) {
    if (tag < 1 || tag > 4094) {
      return List.of(
          Problem.of(
              field,
              Integer.toString(tag),
              "VLAN tag " + tag + " is out of range: 802.1Q tags are 1 to 4094",
              "use a tag between 1 and 4094"));
    }
    return List.of();
  }

  /** The tag number. */
  public int value() {
    return value;
  }

  /** The tag number in decimal. */
  @Override
  public String toString() {
    return Integer.toString(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VlanTag && ((VlanTag) o).value == value;
  }

  @Override
  public int hashCode() {
    return value;
  }

  @Override
  public int compareTo(VlanTag o) {
    return Integer.compare(value, o.value);
  }
}
