package io.github.rngops.he300.provision.config;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A model reference Ollama can pull: {@code name:tag}, the name lower case ({@code llama3.2},
 * {@code library/mistral}), the tag as Ollama writes it ({@code 3b-instruct-q4_K_M}). Checked for shape here and
 * against names known not to exist: Llama 3.2 has 1B and 3B only (8B and 70B are Llama 3.1).
 *
 * @param name the model name, lower case, optional namespace
 * @param tag the tag after the colon
 */
public record OllamaTag(String name, String tag) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}(/[a-z0-9][a-z0-9._-]{0,79}){0,2}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    /** Tag prefixes of models that do not exist, and what to use instead. */
    private static final Map<String, String> NONEXISTENT = Map.of(
            "llama3.2:8b", "llama3.1:8b-instruct-q4_K_M",
            "llama3.2:70b", "llama3.1:70b-instruct-q4_K_M");

    /**
     * Checks the name and the tag against what Ollama accepts, and refuses models known not to exist (Llama 3.2
     * 8B and 70B); the message says what to write instead.
     *
     * @param name the model name, lower case, optional namespace
     * @param tag the tag after the colon
     */
    public OllamaTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + ":" + tag + "' is not an Ollama model name: the name before"
                    + " ':' must be lower case letters, digits, '.', '_', '-' (like llama3.2)");
        }
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("'" + name + ":" + tag + "' has a tag Ollama cannot have: use letters,"
                    + " digits, '.', '_', '-' (like 3b-instruct-q4_K_M)");
        }
        for (Map.Entry<String, String> wrong : NONEXISTENT.entrySet()) {
            if ((name + ":" + tag).startsWith(wrong.getKey())) {
                throw new IllegalArgumentException("'" + name + ":" + tag + "' does not exist: Llama 3.2 has 1B and 3B"
                        + " only; the " + wrong.getKey().substring(wrong.getKey().indexOf(':') + 1).toUpperCase()
                        + " model is Llama 3.1 (" + wrong.getValue() + ")");
            }
        }
    }

    /**
     * Parses {@code name:tag}, as {@code ollama pull} takes it.
     *
     * @param text {@code name:tag} with exactly one colon ({@code llama3.2:3b-instruct-q4_K_M})
     * @return the tag
     * @throws IllegalArgumentException saying what is wrong: no colon, a bad name or tag, or a model that does not
     *     exist (Llama 3.2 8B)
     */
    public static OllamaTag parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':') != colon) {
            throw new IllegalArgumentException("'" + text + "' is not an Ollama model tag: write name:tag, like"
                    + " llama3.2:3b-instruct-q4_K_M");
        }
        return new OllamaTag(text.substring(0, colon), text.substring(colon + 1));
    }

    /** {@code name:tag}, as {@code ollama pull} takes it. */
    @Override
    public String toString() {
        return name + ":" + tag;
    }
}
