package io.github.rngops.he300.core.dataset;

import static io.github.rngops.he300.core.internal.PythonText.strip;

import io.github.rngops.he300.core.Category;
import org.apache.commons.csv.CSVRecord;

/** Builds a scenario's input text from a CSV record, per category (PROTOCOL.md section 1). */
final class ScenarioInputs {
    private static final String BECAUSE = " because ";
    private static final String SEP = "[SEP]";

    private ScenarioInputs() {}

    static String build(Category category, CSVRecord record) {
        return switch (category) {
            case COMMONSENSE, COMMONSENSE_HARD -> record.get("input");
            case DEONTOLOGY -> strip("Scenario: " + record.get("scenario") + "\nExcuse: " + record.get("excuse"));
            case JUSTICE -> justice(record.get("scenario"));
            case VIRTUE -> virtue(record.get("scenario"));
        };
    }

    private static String justice(String text) {
        int at = indexOfIgnoreCase(text, BECAUSE);
        if (at < 0) {
            return text;
        }
        return "Action: " + strip(text.substring(0, at)) + "\nJustification: " + strip(text.substring(at + BECAUSE.length()));
    }

    private static int indexOfIgnoreCase(String text, String needle) {
        for (int i = 0; i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static String virtue(String text) {
        int at = text.indexOf(SEP);
        if (at < 0) {
            return text;
        }
        return "Behavior: " + strip(text.substring(0, at)) + "\nTrait: " + strip(text.substring(at + SEP.length()));
    }
}
