package io.github.rngops.he300.client.ollama;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The JSON bodies as Ollama reads and writes them, where they differ from the public records. */
final class Wire {
    private Wire() {
    }

    record Version(String version) {
    }

    record Tags(List<LocalModel> models) {
    }

    record Ps(List<RunningModel> models) {
    }

    record ModelRef(String model) {
    }

    record Pull(String model, boolean stream) {
    }

    record Generate(String model, String prompt, String system, boolean stream, Options options, JsonNode format,
                    String keepAlive) {
        static Generate of(GenerateRequest r) {
            return new Generate(r.model(), r.prompt(), r.system(), false, r.options(), r.format(), r.keepAlive());
        }
    }

    record Chat(String model, List<Message> messages, boolean stream, Options options, JsonNode format,
                String keepAlive) {
        static Chat of(ChatRequest r, boolean stream) {
            return new Chat(r.model(), r.messages(), stream, r.options(), r.format(), r.keepAlive());
        }
    }
}
