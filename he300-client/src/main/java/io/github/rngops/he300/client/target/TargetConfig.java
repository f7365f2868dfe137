package io.github.rngops.he300.client.target;

import io.github.rngops.he300.client.cirisnode.JobPolling;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How to reach one target: its kind, URL, model and credentials, and how long one request may take. Build with
 * {@link #builder(TargetKind)}; open with {@link Targets#open}.
 *
 * <pre>{@code
 * TargetConfig config = TargetConfig.builder(TargetKind.OLLAMA)
 *         .url("http://gpu-host:11434")
 *         .model("ollama/llama3.2")                 // the provider prefix is removed: llama3.2
 *         .requestTimeout(Duration.ofMinutes(2))
 *         .build();
 * }</pre>
 *
 * @param kind what the server is
 * @param url its base URL; null for the kind's default (ignored by {@link TargetKind#SIMULATE})
 * @param model the model as the server names it (a provider prefix already removed); null to use the one model a
 *     server has, or the server's own choice (EthicsEngine, CIRISNode)
 * @param chat Ollama only: {@code /api/chat} instead of {@code /api/generate}
 * @param requestTimeout the longest one HTTP attempt may take
 * @param credentials what to authenticate with
 * @param http the base HTTP settings (retry, breaker, clock, sleeper); the timeouts are set from
 *     {@code requestTimeout}
 * @param polling CIRISNode only: how to wait for the job
 * @param simulator SIMULATE only: changes to the simulator's settings (accuracy, latency, faults), applied after the
 *     ground truth and model are set
 */
public record TargetConfig(TargetKind kind, String url, String model, boolean chat, Duration requestTimeout,
        Credentials credentials, HttpSettings http, JobPolling polling,
        UnaryOperator<SimulatorSettings.Builder> simulator) {

    /** One attempt's default limit: a long generation on a slow GPU fits. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Checks the components; a blank URL or model is null, and the model loses its provider prefix.
     *
     * @param kind what the server is; not null
     * @param url its base URL, or null for the kind's default
     * @param model the model, or null for the server's one or own choice
     * @param chat Ollama only: {@code /api/chat} instead of {@code /api/generate}
     * @param requestTimeout the longest one HTTP attempt may take; not null
     * @param credentials what to authenticate with; not null
     * @param http the base HTTP settings; not null
     * @param polling CIRISNode only: how to wait for the job; not null
     * @param simulator SIMULATE only: changes to the simulator's settings; not null
     */
    public TargetConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(polling, "polling");
        Objects.requireNonNull(simulator, "simulator");
        model = model == null || model.isBlank() ? null : kind.modelName(model);
        url = url == null || url.isBlank() ? null : url.strip();
    }

    /**
     * {@return a builder for a target of this kind, with its default URL, a 5-minute request timeout, no credentials
     * and the default HTTP settings and polling}
     *
     * @param kind what the server is; not null
     */
    public static Builder builder(TargetKind kind) {
        return new Builder(kind);
    }

    /** {@return a builder holding these settings, to change some and build a variant} */
    public Builder toBuilder() {
        Builder b = new Builder(kind);
        b.url = url;
        b.model = model;
        b.chat = chat;
        b.requestTimeout = requestTimeout;
        b.credentials = credentials;
        b.http = http;
        b.polling = polling;
        b.simulator = simulator;
        return b;
    }

    /** {@return the URL to use: the one given, else the kind's default; null for SIMULATE} */
    public String effectiveUrl() {
        return url != null ? url : kind.defaultUrl().orElse(null);
    }

    /** The HTTP settings with the request timeout applied (connect at most 10 s). */
    HttpSettings httpSettings() {
        Duration connect = requestTimeout.compareTo(Duration.ofSeconds(10)) < 0 ? requestTimeout
                : Duration.ofSeconds(10);
        return http.toBuilder().connectTimeout(connect).readTimeout(requestTimeout).callTimeout(requestTimeout)
                .build();
    }

    /** Builds a {@link TargetConfig}; each method checks its argument at once. */
    public static final class Builder {
        private final TargetKind kind;
        private String url;
        private String model;
        private boolean chat;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Credentials credentials = Credentials.none();
        private HttpSettings http = HttpSettings.ofDefaults();
        private JobPolling polling = JobPolling.ofDefaults();
        private UnaryOperator<SimulatorSettings.Builder> simulator = b -> b;

        private Builder(TargetKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /**
         * Sets the server's base URL; the kind's default when not set.
         *
         * @param value the server's base URL
         * @return this builder
         */
        public Builder url(String value) {
            url = value;
            return this;
        }

        /**
         * Sets the model; {@code ollama/llama3.2} and {@code llama3.2} mean the same to an Ollama target.
         *
         * @param value the model
         * @return this builder
         */
        public Builder model(String value) {
            model = value;
            return this;
        }

        /**
         * Chooses Ollama's endpoint; other kinds ignore it.
         *
         * @param value true for {@code /api/chat}, false (the default) for {@code /api/generate}
         * @return this builder
         */
        public Builder chat(boolean value) {
            chat = value;
            return this;
        }

        /**
         * Sets the longest one HTTP attempt may take (connect at most 10 s of it); 5 min by default. Retries each get
         * their own.
         *
         * @param value positive
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder requestTimeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be a positive duration, was " + value);
            }
            requestTimeout = value;
            return this;
        }

        /**
         * Sets what to authenticate with; {@link Credentials#none()} by default. Each kind uses the credential its
         * server expects (see {@link Targets}).
         *
         * @param value not null
         * @return this builder
         */
        public Builder credentials(Credentials value) {
            credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /**
         * Sets retry, circuit breaking, trust, clock and sleeper; the timeouts in it are replaced by the request
         * timeout's.
         *
         * @param value not null; {@link HttpSettings#ofDefaults()} unless set
         * @return this builder
         */
        public Builder http(HttpSettings value) {
            http = Objects.requireNonNull(value, "http");
            return this;
        }

        /**
         * Sets how a CIRISNode target waits for its job; {@link JobPolling#ofDefaults()} by default. Other kinds
         * ignore it.
         *
         * @param value not null
         * @return this builder
         */
        public Builder polling(JobPolling value) {
            polling = Objects.requireNonNull(value, "polling");
            return this;
        }

        /**
         * Sets the changes a SIMULATE target makes to its simulator's settings (accuracy, latency, faults), applied
         * after the ground truth and model are set; none by default. Other kinds ignore it.
         *
         * @param value not null, e.g. {@code b -> b.accuracy(0.6).latency(Latency.fixed(Duration.ofMillis(50)))}
         * @return this builder
         */
        public Builder simulator(UnaryOperator<SimulatorSettings.Builder> value) {

            simulator = Objects.requireNonNull(value, "simulator");
            return this;
        }

        /** {@return the {@link TargetConfig} these settings describe} */
        public TargetConfig build() {
            return new TargetConfig(kind, url, model, chat, requestTimeout, credentials, http, polling, simulator);
        }
    }
}
