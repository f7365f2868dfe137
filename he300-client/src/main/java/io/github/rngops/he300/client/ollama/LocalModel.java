package io.github.rngops.he300.client.ollama;

/** A model on the server's disk ({@code GET /api/tags}); {@code size} in bytes. */
public record LocalModel(String name, String model, String modifiedAt, Long size, String digest,
                         ModelDetails details) {
}
