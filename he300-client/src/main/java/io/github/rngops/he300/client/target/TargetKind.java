package io.github.rngops.he300.client.target;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of target a run can go against, with where each listens by default and the environment variable that
 * names its URL.
 */
public enum TargetKind {
    /** An Ollama server's native API ({@code /api/generate} or {@code /api/chat}), one scenario per request. */
    OLLAMA("http://127.0.0.1:11434", "OLLAMA_URL"),
    /** An OpenAI-compatible server ({@code /v1/chat/completions}): vLLM, llama.cpp, LM Studio, hosted APIs. */
    OPENAI("http://127.0.0.1:8000/v1", "OPENAI_BASE_URL"),
    /** EthicsEngine Enterprise's {@code /he300/batch}, 50 scenarios per request, several in flight. */
    ETHICSENGINE("http://127.0.0.1:8080", "ETHICSENGINE_URL"),
    /** A CIRISNode benchmark job for the whole sample: submit, poll, convert. */
    CIRISNODE("http://127.0.0.1:8000", "CIRISNODE_URL"),
    /** The simulator on an ephemeral loopback port, driven through the Ollama target: not a model. */
    SIMULATE(null, null);

    private final String defaultUrl;
    private final String urlVariable;

    TargetKind(String defaultUrl, String urlVariable) {
        this.defaultUrl = defaultUrl;
        this.urlVariable = urlVariable;
    }

    /** {@return the name on the command line and in results: {@code ollama}, {@code cirisnode}, ..} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return where the server listens by default; empty for {@link #SIMULATE}, which picks its own port} */
    public Optional<String> defaultUrl() {
        return Optional.ofNullable(defaultUrl);
    }

    /**
     * {@return the environment variable that names the server's URL ({@code CIRISNODE_URL}); empty for {@link #SIMULATE}}
     */
    public Optional<String> urlVariable() {
        return Optional.ofNullable(urlVariable);
    }

    /**
     * The model name the server knows: a provider prefix naming this kind is removed, so {@code ollama/llama3.2}
     * and {@code llama3.2} both mean {@code llama3.2} to Ollama (and to the simulator, which speaks Ollama). Other
     * slashes stay: {@code Qwen/Qwen2.5-7B-Instruct} is a whole OpenAI-compatible model id.
     *
     * @param model the model as a user wrote it; not null, surrounding spaces ignored
     * @return the name to send to the server
     */
    public String modelName(String model) {
        String trimmed = model.strip();
        for (String prefix : prefixes()) {
            if (trimmed.regionMatches(true, 0, prefix + "/", 0, prefix.length() + 1)
                    && trimmed.length() > prefix.length() + 1) {
                return trimmed.substring(prefix.length() + 1);
            }
        }
        return trimmed;
    }

    private String[] prefixes() {
        return this == SIMULATE ? new String[] {"simulate", "ollama"} : new String[] {id()};
    }

    /**
     * Looks a kind up by its {@link #id()}, ignoring case; {@code mock} and {@code simulator} are {@link #SIMULATE}.
     *
     * @param id the id as a user wrote it; not null, surrounding spaces ignored
     * @return the kind, or empty for an unknown id (list the known ones with {@link #allIds()})
     */
    public static Optional<TargetKind> fromId(String id) {

        String wanted = id.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("mock") || wanted.equals("simulator")) {
            return Optional.of(SIMULATE);
        }
        return Arrays.stream(values()).filter(k -> k.id().equals(wanted)).findFirst();
    }

    /** {@return every id, comma-separated, for messages} */
    public static String allIds() {
        return Arrays.stream(values()).map(TargetKind::id).collect(Collectors.joining(", "));
    }
}
