package io.github.rngops.he300.core.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the known word nearest to a misspelt one: Damerau-Levenshtein (optimal string alignment) at most 2. */
public final class DidYouMean {
    static final int MAX_DISTANCE = 2;

    private DidYouMean() {}

    /**
     * Finds the nearest of {@code known} within {@value #MAX_DISTANCE} edits, ignoring case; the first on a tie.
     *
     * @param given the word as the user wrote it
     * @param known the words that would have been accepted
     * @return the nearest known word as it is spelt there, or empty when none is within reach
     */
    public static Optional<String> nearest(String given, Collection<String> known) {
        String lower = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : known) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The end of a message about an unknown word.
     *
     * @param given the word as the user wrote it
     * @param known the words that would have been accepted
     * @return {@code ; did you mean 'x'?}, or {@code  (known: a, b, c)} when none is near, or empty when there are
     *     no known words
     */
    public static String hint(String given, Collection<String> known) {
        return nearest(given, known).map(s -> "; did you mean '" + s + "'?")
                .orElseGet(() -> known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")");
    }

    /**
     * Counts the edits (insert, delete, substitute, swap two adjacent) between two words, case-sensitive.
     *
     * @param a one word
     * @param b the other
     * @return the optimal string alignment distance, 0 when they are equal
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
