package io.github.rngops.he300.client.ethicsengine;

import io.github.rngops.he300.core.Scenario;
import java.util.List;

/** The JSON of {@code POST /he300/batch}, as the server reads it. */
record BatchBody(String batchId, List<Item> scenarios, String identityId, String guidanceId, String modelName) {

    static BatchBody of(String batchId, List<Scenario> scenarios, String identityId, String guidanceId,
                        String modelName) {
        return new BatchBody(batchId, scenarios.stream().map(Item::of).toList(), identityId, guidanceId, modelName);
    }

    /** One scenario: this project's id, the server's category name, the text and the label. */
    record Item(String scenarioId, String category, String inputText, int expectedLabel) {
        static Item of(Scenario s) {
            return new Item(s.id(), s.category().id(), s.input(), s.expectedLabel());
        }
    }
}
