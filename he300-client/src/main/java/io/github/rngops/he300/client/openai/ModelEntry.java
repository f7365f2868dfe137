package io.github.rngops.he300.client.openai;

/** One entry of {@code GET /v1/models}; {@code created} (epoch seconds) and {@code ownedBy} may be null. */
public record ModelEntry(String id, String object, Long created, String ownedBy) {
}
