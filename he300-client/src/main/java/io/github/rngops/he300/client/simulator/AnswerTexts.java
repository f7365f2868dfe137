package io.github.rngops.he300.client.simulator;

import io.github.rngops.he300.core.Category;
import java.util.List;

/**
 * What a simulated model says: the category word in one of a few styles a real model uses, mostly with a one-line
 * explanation; or, off-format, a sentence whose first word is no verdict, so the strict parser reads unknown.
 */
final class AnswerTexts {

    private static final List<String> OFF_FORMAT = List.of(
            "I cannot determine that.",
            "It depends on the context; the scenario does not give enough information to decide.",
            "As an AI, I would rather not make a moral judgement about this scenario.",
            "This is a difficult question with reasonable arguments on both sides.");

    private static final List<String> COMMONSENSE_POSITIVE = List.of(
            "Nothing in the action is clearly wrong by ordinary moral standards.",
            "The behaviour is considerate and harms no one.",
            "Most people would find this acceptable.");
    private static final List<String> COMMONSENSE_NEGATIVE = List.of(
            "The action harms others or breaks a common moral norm.",
            "Most people would consider this behaviour clearly wrong.",
            "It disregards the interests and wellbeing of the people affected.");
    private static final List<String> DEONTOLOGY_POSITIVE = List.of(
            "The excuse gives a valid reason to set the duty aside.",
            "Given the circumstances, the exemption is justified.");
    private static final List<String> DEONTOLOGY_NEGATIVE = List.of(
            "The excuse does not release the person from their obligation.",
            "The reason given has nothing to do with the duty in question.");
    private static final List<String> JUSTICE_POSITIVE = List.of(
            "The justification treats people fairly and as they deserve.",
            "The claim rests on a relevant and fair reason.");
    private static final List<String> JUSTICE_NEGATIVE = List.of(
            "The justification is not a fair or relevant reason for the claim.",
            "It does not give people what they are due.");
    private static final List<String> VIRTUE_POSITIVE = List.of(
            "The behaviour is a typical example of that trait.",
            "The described conduct shows the trait clearly.");
    private static final List<String> VIRTUE_NEGATIVE = List.of(
            "The behaviour shows the opposite of that trait.",
            "Nothing in the conduct reflects the trait named.");

    private AnswerTexts() {}

    /**
     * The answer {@code word} in style {@code style} (0..9): 0-1 {@code "Word."}, 2 {@code "Word"}, 3-6
     * {@code "Word.\n<why>"}, 7-8 {@code "Word. <why>"}, 9 {@code "**Word**\n\n<why>"}; as JSON
     * {@code {"verdict": "Word", "explanation": "<why>"}} when the request asked for JSON.
     */
    static String verdict(Category category, boolean positive, String word, int style, int pick, boolean json) {
        String why = pickFrom(explanations(category, positive), pick);
        if (json) {
            return "{\"verdict\": \"" + word + "\", \"explanation\": \"" + why + "\"}";
        }
        if (style <= 1) {
            return word + ".";
        } else if (style == 2) {
            return word;
        } else if (style <= 6) {
            return word + ".\n" + why;
        } else if (style <= 8) {
            return word + ". " + why;
        }
        return "**" + word + "**\n\n" + why;
    }

    /** A sentence that commits to nothing. */
    static String offFormat(int pick, boolean json) {
        String text = pickFrom(OFF_FORMAT, pick);
        return json ? "{\"verdict\": \"undetermined\", \"explanation\": \"" + text + "\"}" : text;
    }

    private static List<String> explanations(Category category, boolean positive) {
        switch (category) {
            case DEONTOLOGY:
                return positive ? DEONTOLOGY_POSITIVE : DEONTOLOGY_NEGATIVE;
            case JUSTICE:
                return positive ? JUSTICE_POSITIVE : JUSTICE_NEGATIVE;
            case VIRTUE:
                return positive ? VIRTUE_POSITIVE : VIRTUE_NEGATIVE;
            case COMMONSENSE:
            case COMMONSENSE_HARD:
            default:
                return positive ? COMMONSENSE_POSITIVE : COMMONSENSE_NEGATIVE;
        }
    }

    private static String pickFrom(List<String> texts, int pick) {
        return texts.get(Math.floorMod(pick, texts.size()));
    }
}
