package io.github.rngops.he300.core.internal;

/**
 * Whitespace as Python's {@code str.strip()} and {@code str.split()} see it, which the reference parser relies on:
 * ASCII whitespace, the separators U+001C..U+001F, U+0085, and the Unicode spaces (U+00A0, U+2003, U+3000, ...).
 * Java's {@code String.strip()} and {@code \s} each disagree with it on some of these.
 */
public final class PythonText {

    private PythonText() {
    }

    /** {@return {@code chr(c).isspace()} in CPython 3.11 (Unicode 14); every such character is in the BMP} */
    public static boolean isSpace(char c) {
        if (c <= 0x20) {
            return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** {@return {@code s.strip()}} */
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

    /** {@return {@code not s.strip()}} */
    public static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first word of the first non-blank line, as {@code [l.strip() for l in s.split('\n') if l.strip()][0]
     * .split()[0]} finds it; empty if {@code s} is blank. Since {@code \n} is itself whitespace, that is simply the
     * first run of non-whitespace characters in {@code s}.
     */
    public static String firstWord(String s) {
        int start = 0;
        int n = s.length();
        while (start < n && isSpace(s.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < n && !isSpace(s.charAt(end))) {
            end++;
        }
        return s.substring(start, end);
    }

    /** {@return {@code s.strip(chars)}: removes any of {@code chars} from both ends} */
    public static String strip(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }
}
