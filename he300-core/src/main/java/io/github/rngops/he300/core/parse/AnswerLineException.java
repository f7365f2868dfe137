package io.github.rngops.he300.core.parse;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.He300Exception;

/** A line of answers that {@link AnswerLines} cannot read; the message names the line and what to fix. */
public final class AnswerLineException extends He300Exception {
    private static final long serialVersionUID = 1L;

    /** What every line must look like, the end of each message. */
    static final String EXPECTED = "expected {\"response\": \"...\", \"category\": \"...\"}";

    /** The line's number, from 1. */
    private final int line;

    private AnswerLineException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** {@return the line's number, counting from 1 and including blank lines} */
    public int line() {
        return line;
    }

    static AnswerLineException notJson(int line) {
        return new AnswerLineException(line, "not valid JSON: " + EXPECTED);
    }

    static AnswerLineException notObject(int line) {
        return new AnswerLineException(line, "not a JSON object: " + EXPECTED);
    }

    static AnswerLineException missingResponse(int line) {
        return new AnswerLineException(line, "no \"response\": " + EXPECTED);
    }

    static AnswerLineException notText(int line, String field, String was) {
        return new AnswerLineException(line, "\"" + field + "\" must be a string, was " + was + ": " + EXPECTED);
    }

    static AnswerLineException unknownCategory(int line, String category) {
        return new AnswerLineException(line,
                "unknown category \"" + category + "\": use one of " + Category.allIds());
    }
}
