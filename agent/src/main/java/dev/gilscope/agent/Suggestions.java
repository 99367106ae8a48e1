package dev.gilscope.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for a class name that was never loaded: loaded classes with the same simple name
 * in another package, or a name within a few edits (typos, wrong case, {@code $} for {@code .}).
 * Runs once at exit over every loaded class name.
 */
final class Suggestions {
  static final int MAX = 3;

  private Suggestions() {}

  static List<String> similar(String wanted, Iterable<String> loadedNames) {
    String wantedSimple = simpleName(wanted);
    int budget = Math.max(2, wanted.length() / 8);
    List<Candidate> found = new ArrayList<>();
    for (String name : loadedNames) {
      if (name.equals(wanted)) {
        continue;
      }
      int score;
      if (simpleName(name).equalsIgnoreCase(wantedSimple)) {
        score = 0;
      } else if (Math.abs(name.length() - wanted.length()) > budget) {
        continue;
      } else {
        score = distance(name.toLowerCase(Locale.ROOT), wanted.toLowerCase(Locale.ROOT), budget);
        if (score > budget) {
          continue;
        }
      }
      found.add(new Candidate(name, score));
    }
    found.sort(Comparator.comparingInt((Candidate c) -> c.score).thenComparing(c -> c.name));
    List<String> names = new ArrayList<>();
    for (Candidate c : found) {
      if (names.size() == MAX) {
        break;
      }
      if (!names.contains(c.name)) {
        names.add(c.name);
      }
    }
    return names;
  }

  private static String simpleName(String name) {
    int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
    return name.substring(cut + 1);
  }

  /** Levenshtein distance, or a value above {@code limit} as soon as it must exceed it. */
  static int distance(String a, String b, int limit) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static final class Candidate {
    final String name;
    final int score;

    Candidate(String name, int score) {
      this.name = name;
      this.score = score;
    }
  }
}
