package io.github.rngops.he300.client.target;

import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.run.Reply;

/**
 * One row of a benchmark service's answer (EthicsEngine's batch, CIRISNode's bundle) as a reply: the model's raw
 * answer for the engine to parse, the server's own label kept but never scored. A row with an error, without an
 * answer, or whose answer is an error text in place of one ("Error: LLM configuration unavailable.") is a failure.
 */
final class ServerReplies {

    private ServerReplies() {
    }

    static Reply reply(String scenarioId, String answer, String error, Integer serverLabel, Double latencyMs) {
        long latency = latencyMs == null || latencyMs.isNaN() ? 0 : Math.max(0, Math.round(latencyMs));
        Reply reply;
        if (error != null && !error.isBlank()) {
            reply = Reply.failure(scenarioId, ErrorKind.SERVER_ERROR, "the server reported: " + error, latency);
        } else if (answer == null) {
            reply = Reply.failure(scenarioId, ErrorKind.INVALID_RESPONSE, "the server gave no model_response to parse",
                    latency);
        } else if (answer.strip().startsWith("Error:")) {
            reply = Reply.failure(scenarioId, ErrorKind.SERVER_ERROR, "the server answered with an error instead of"
                    + " a model answer: \"" + answer.strip() + "\"", latency);
        } else {
            reply = Reply.answer(scenarioId, answer, latency);
        }
        return reply.withServerLabel(serverLabel);
    }
}
