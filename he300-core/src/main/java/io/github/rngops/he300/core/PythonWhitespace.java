package io.github.rngops.he300.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Whitespace as Python's {@code str.isspace()} sees it, which the reference implementation's {@code strip()} and
 * {@code split()} use. Java's {@link String#strip()} differs: it keeps U+0085, U+00A0, U+2007 and U+202F.
 */
public final class PythonWhitespace {
    private PythonWhitespace() {}

    /** True for the characters Python's {@code str.isspace()} accepts. */
    public static boolean isSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000b', '\f', '\r', '\u001c', '\u001d', '\u001e', '\u001f', ' ', '\u0085', '\u00a0',
                    '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200a';
        };
    }

    /** Python's {@code s.strip()}. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code s.split()}: the non-empty runs between whitespace. */
    public static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(s.substring(start, i));
            }
        }
        return words;
    }
}
