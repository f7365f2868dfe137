package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.parse.AnswerParser;
import io.github.rngops.he300.core.parse.ParsedAnswer;
import java.util.OptionalInt;

/** Turns a target's reply into an outcome: the same parser and the same rule for every target. */
final class Grading {

    private Grading() {
    }

    static Outcome grade(Scenario scenario, Reply reply, AnswerParser parser) {
        if (reply.failed()) {
            return failed(scenario, reply.error(), reply.message(), reply.latencyMs(), reply.attempts());
        }
        ParsedAnswer parsed = parser.parse(reply.text());
        OptionalInt label = parsed.predictedLabel(scenario.category());
        Integer predicted = label.isPresent() ? label.getAsInt() : null;
        boolean correct = predicted != null && predicted == scenario.expectedLabel();
        return new Outcome.Answered(scenario.id(), scenario.category(), scenario.expectedLabel(), reply.text(),
                parsed.verdict(), parsed.rule(), predicted, correct, reply.latencyMs(), reply.attempts(),
                reply.serverLabel(), reply.promptTokens(), reply.completionTokens(), reply.evalNanos());
    }

    static Outcome failed(Scenario scenario, ErrorKind kind, String message, long latencyMs, int attempts) {
        return new Outcome.Failed(scenario.id(), scenario.category(), scenario.expectedLabel(), kind, message,
                latencyMs, attempts);
    }
}
