package io.github.rngops.he300.client.ollama;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/show}: how a model is made; {@code modelInfo} holds keys like {@code general.architecture}. */
public record ModelDescription(String modelfile, String parameters, String template, ModelDetails details,
                               JsonNode modelInfo) {
}
