package io.github.vnetjail.render.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * glob(3) as jail(8)'s {@code .include} uses it ({@code GLOB_NOCHECK}, sorted results): {@code *},
 * {@code ?} and {@code [...]} within one path component, a backslash quotes the next character, and
 * a leading dot must be matched literally.
 */
public final class Glob {
  private Glob() {}

  /** Returns true if the pattern holds a glob character ({@code GLOB_MAGCHAR}). */
  public static boolean hasMagic(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?') {
        return true;
      } else if (c == '[' && setEnd(pattern, i) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the existing paths that match, sorted; {@code list} gives a directory's entry names and
   * {@code exists} says whether a path is a file.
   */
  public static List<String> expand(
      String pattern, Function<String, List<String>> list, Predicate<String> exists) {
    boolean absolute = pattern.startsWith("/");
    String[] parts = pattern.split("/", -1);
    List<String> prefixes = new ArrayList<>();
    prefixes.add(absolute ? "/" : "");
    for (int k = absolute ? 1 : 0; k < parts.length; k++) {
      String part = parts[k];
      boolean last = k == parts.length - 1;
      List<String> next = new ArrayList<>();
      for (String prefix : prefixes) {
        if (!hasMagic(part)) {
          next.add(join(prefix, unquote(part), last));
          continue;
        }
        String dir = prefix.isEmpty() ? "." : prefix;
        // No sort here: glob(3) sorts the whole paths, which the end does.
        for (String name : list.apply(dir)) {
          if (matches(part, name)) {
            next.add(join(prefix, name, last));
          }
        }
      }
      prefixes = next;
    }
    List<String> out = new ArrayList<>();
    for (String p : prefixes) {
      if (exists.test(p)) {
        out.add(p);
      }
    }
    Collections.sort(out);
    return out;
  }

  private static String join(String prefix, String name, boolean last) {
    String joined = prefix + name;
    return last ? joined : joined + "/";
  }

  private static String unquote(String part) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '\\' && i + 1 < part.length()) {
        c = part.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Returns the index of the {@code ]} closing the set that starts at {@code at}, or -1. As in
   * glob.c glob0, the first character after {@code [} or {@code [!} is a member even if it is
   * {@code ]}, so the search starts after it.
   */
  private static int setEnd(String p, int at) {
    int i = at + 1;
    if (i < p.length() && p.charAt(i) == '!') {
      i++;
    }
    return p.indexOf(']', i + 1);
  }

  /** Returns true if one path component matches the pattern component. */
  public static boolean matches(String pattern, String name) {
    if (name.startsWith(".") && !pattern.startsWith(".")) {
      return false;
    }
    return match(pattern, 0, name, 0);
  }

  private static boolean match(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        while (pi < p.length() && p.charAt(pi) == '*') {
          pi++;
        }
        if (pi == p.length()) {
          return true;
        }
        for (int k = si; k <= s.length(); k++) {
          if (match(p, pi, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length()) {
        return false;
      }
      char sc = s.charAt(si);
      if (c == '?') {
        pi++;
        si++;
        continue;
      }
      if (c == '[') {
        int close = setEnd(p, pi);
        if (close > 0) {
          int i = pi + 1;
          boolean negate = p.charAt(i) == '!';
          if (negate) {
            i++;
          }
          boolean found = false;
          while (i < close) { // setEnd: the first member is before close
            char lo = p.charAt(i);
            if (i + 2 < close && p.charAt(i + 1) == '-') {
              if (sc >= lo && sc <= p.charAt(i + 2)) {
                found = true;
              }
              i += 3;
            } else {
              if (sc == lo) {
                found = true;
              }
              i++;
            }
          }
          if (found == negate) {
            return false;
          }
          pi = close + 1;
          si++;
          continue;
        }
      }
      if (c == '\\' && pi + 1 < p.length()) {
        pi++;
        c = p.charAt(pi);
      }
      if (c != sc) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }
}
