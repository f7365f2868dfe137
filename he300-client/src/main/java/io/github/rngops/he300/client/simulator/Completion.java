package io.github.rngops.he300.client.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer cut into tokens as a stream sends them: a token is a word with the whitespace before it. A token limit
 * ({@code num_predict}, {@code max_tokens}) cuts the answer short with done reason {@code length}.
 *
 * @param tokens the tokens sent, in order
 * @param doneReason {@code stop}, or {@code length} when cut short
 * @param promptTokens a rough count of the prompt's tokens (a quarter of its characters)
 */
record Completion(List<String> tokens, String doneReason, int promptTokens) {

    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+");

    static Completion of(String answer, int maxTokens, String prompt) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(answer);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        String reason = "stop";
        if (maxTokens > 0 && tokens.size() > maxTokens) {
            tokens = tokens.subList(0, maxTokens);
            reason = "length";
        }
        return new Completion(List.copyOf(tokens), reason, Math.max(1, prompt.length() / 4));
    }

    String text() {
        return String.join("", tokens);
    }

    int evalCount() {
        return tokens.size();
    }
}
