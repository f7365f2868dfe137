package io.github.rngops.he300.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.client.cirisnode.BenchmarkHealth;
import io.github.rngops.he300.client.cirisnode.CirisNodeClient;
import io.github.rngops.he300.client.cirisnode.NodeHealth;
import io.github.rngops.he300.client.ethicsengine.EngineHealth;
import io.github.rngops.he300.client.ethicsengine.EthicsEngineClient;
import io.github.rngops.he300.client.ethicsengine.He300Health;
import io.github.rngops.he300.client.http.CircuitBreakerSettings;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.RetrySettings;
import io.github.rngops.he300.client.ollama.LocalModel;
import io.github.rngops.he300.client.ollama.OllamaClient;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.internal.HostName;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checks of {@code ./he300 health-check}, as the seed's {@code health-check.sh} does them: CIRISNode
 * ({@code /api/v1/health} and its HE-300 subsystem), EthicsEngine ({@code /health} and {@code /he300/health}),
 * Ollama ({@code /api/version} and {@code /api/tags}); one line each, with versions and models; a JSON form; and a
 * JSON message posted to a webhook when a service is down.
 *
 * <pre>{@code
 * HealthCheck check = HealthCheck.create(Duration.ofSeconds(5));
 * List<HealthCheck.Status> statuses = check.check(HealthCheck.Service.resolve(null, null, urls, env));
 * }</pre>
 */
public final class HealthCheck {

    /** A service the check knows. */
    public enum Service {
        /** CIRISNode: {@code GET /api/v1/health}; {@code CIRISNODE_URL}, else port 8000. */
        CIRISNODE("CIRISNODE_URL", "http://127.0.0.1:8000"),
        /** EthicsEngine: {@code GET /health}; {@code ETHICSENGINE_URL}, else port 8080. */
        ETHICSENGINE("ETHICSENGINE_URL", "http://127.0.0.1:8080"),
        /** Ollama: its version and models; {@code OLLAMA_URL}, else port 11434. */
        OLLAMA("OLLAMA_URL", "http://127.0.0.1:11434");

        private final String variable;
        private final String defaultUrl;

        Service(String variable, String defaultUrl) {
            this.variable = variable;
            this.defaultUrl = defaultUrl;
        }

        /** {@return the name the options use: {@code cirisnode}, {@code ethicsengine}, {@code ollama}} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * {@return the URL: the flag, else the environment variable, else localhost's default port}
         *
         * @param flag the URL option's value, or null
         * @param env the environment
         * @throws He300Exception naming the flag or variable when its value is not an http(s) base URL
         */
        public String url(String flag, Map<String, String> env) {
            if (flag != null && !flag.isBlank()) {
                return ServerUrl.check(flag, "--" + id() + "-url");
            }
            String value = env.get(variable);
            return value != null && !value.isBlank() ? ServerUrl.check(value, "$" + variable) : defaultUrl;
        }

        static Service of(String id) {
            return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id.strip())).findFirst()
                    .orElseThrow(() -> new He300Exception("unknown service '" + id
                            + "': use cirisnode, ethicsengine or ollama"));
        }

        /**
         * The services to check: {@code only} if given, else all but {@code skip}.
         *
         * @param only {@code --only}'s names, or null
         * @param skip {@code --skip}'s names, or null
         * @return the services, in the order given (or the enum's)
         * @throws He300Exception for an unknown name, both lists at once, or nothing left to check
         */
        public static List<Service> select(List<String> only, List<String> skip) {
            boolean hasOnly = only != null && !only.isEmpty();
            boolean hasSkip = skip != null && !skip.isEmpty();
            if (hasOnly && hasSkip) {
                throw new He300Exception("use --only or --skip, not both");
            }
            List<Service> chosen = hasOnly ? only.stream().map(Service::of).distinct().collect(Collectors.toList())
                    : new ArrayList<>(List.of(values()));
            if (hasSkip) {
                skip.stream().map(Service::of).forEach(chosen::remove);
            }
            if (chosen.isEmpty()) {
                throw new He300Exception("nothing to check: --skip leaves no service");
            }
            return chosen;
        }
    }

    /**
     * What one service said.
     *
     * @param service which
     * @param url where it was asked
     * @param up whether it answered and called itself healthy
     * @param version its version, or null
     * @param models Ollama's models; empty for the others
     * @param detail a short fact ({@code eee_enabled=true}, {@code 7500 scenarios}) or why it is down
     */
    public record Status(Service service, String url, boolean up, String version, List<String> models,
            String detail) {

        /**
         * Checks the components; the models are copied.
         *
         * @param service which
         * @param url where it was asked
         * @param up whether it answered and called itself healthy
         * @param version its version, or null
         * @param models Ollama's models; empty for the others
         * @param detail a short fact or why it is down
         */
        public Status {
            Objects.requireNonNull(service, "service");
            models = List.copyOf(models);
        }

        /** {@return {@code ok    ollama        http://…  version 0.6.5  models: llama3.2:3b}} */
        public String line() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-5s %-13s %s", up ? "ok" : "DOWN",
                    service.id(), url));
            if (version != null) {
                line.append("  version ").append(version);
            }
            if (!models.isEmpty()) {
                line.append("  models: ").append(String.join(", ", models));
            }
            if (detail != null && !detail.isBlank()) {
                line.append("  ").append(detail);
            }
            return line.toString();
        }

        Map<String, Object> json() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("service", service.id());
            map.put("url", url);
            map.put("up", up);
            map.put("version", version);
            map.put("models", models);
            map.put("detail", detail);
            return map;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpSettings http;
    private final Duration timeout;

    private HealthCheck(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpSettings.builder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout)
                .retry(RetrySettings.none()).circuitBreaker(CircuitBreakerSettings.disabled()).build();
    }

    /**
     * {@return a check that gives each request {@code timeout} and never retries}
     *
     * @param timeout connect, read and whole-call limit of each request
     * @throws He300Exception if it is not positive
     */
    public static HealthCheck create(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new He300Exception("--timeout must be positive, was " + timeout);
        }
        return new HealthCheck(timeout);
    }

    /**
     * Checks {@code service} at {@code url}.
     *
     * @param service which protocol to speak
     * @param url its base URL
     * @return up with its version (and models), or down with why; never throws for a service that is down
     */
    public Status check(Service service, String url) {
        try {
            switch (service) {
                case CIRISNODE:
                    return cirisNode(url);
                case ETHICSENGINE:
                    return ethicsEngine(url);
                case OLLAMA:
                default:
                    return ollama(url);
            }
        } catch (ClientException e) {
            return new Status(service, url, false, null, List.of(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new He300Exception("bad URL for " + service.id() + ": " + e.getMessage(), e);
        }
    }

    private Status cirisNode(String url) {
        try (CirisNodeClient node = CirisNodeClient.builder().baseUrl(url).http(http).build()) {
            NodeHealth health = node.health();
            String version = "api " + health.version() + (health.build() == null ? "" : " build " + health.build());
            String detail;
            try {
                BenchmarkHealth he300 = node.he300Health();
                detail = "he300 " + he300.status() + ", eee_enabled=" + he300.eeeEnabled();
            } catch (ClientException e) {
                detail = "he300 health unavailable: " + e.getMessage();
            }
            return new Status(Service.CIRISNODE, url, health.healthy(), version, List.of(),
                    health.healthy() ? detail : "status " + health.status());
        }
    }

    private Status ethicsEngine(String url) {
        try (EthicsEngineClient engine = EthicsEngineClient.builder().baseUrl(url).http(http).build()) {
            EngineHealth health = engine.health();
            He300Health he300 = engine.he300Health();
            boolean up = health.healthy() && he300.healthy();
            String detail = "he300 " + he300.status() + ", " + he300.totalScenariosLoaded() + " scenarios"
                    + (he300.datasetsAvailable() ? "" : " (no dataset loaded)");
            return new Status(Service.ETHICSENGINE, url, up, health.version(), List.of(), detail);
        }
    }

    private Status ollama(String url) {
        try (OllamaClient ollama = OllamaClient.builder().baseUrl(url).settings(http).build()) {
            String version = ollama.version();
            List<String> models = ollama.tags().stream().map(LocalModel::name).collect(Collectors.toList());
            return new Status(Service.OLLAMA, url, true, version, models, models.isEmpty() ? "no models pulled" : "");
        }
    }

    /**
     * {@return {@code {"healthy": …, "services": [...]}}, indented}
     *
     * @param statuses what {@link #check} said, in order
     */
    public static String json(List<Status> statuses) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("healthy", statuses.stream().allMatch(Status::up));
        document.put("services", statuses.stream().map(Status::json).collect(Collectors.toList()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the health report as JSON", e);
        }
    }

    /**
     * The {@code --alert-webhook} URL, checked before anything is asked, so that a typo is bad usage and not a
     * failed alert after the checks.
     *
     * @param url the flag's value
     * @return the URL
     * @throws He300Exception when it is not an http or https URL with a host
     */
    public static URI webhook(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new He300Exception("--alert-webhook is not a URL: " + e.getReason() + ", was '" + url + "'");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new He300Exception("--alert-webhook must be an http or https URL with a host, like"
                    + " https://hooks.example.com/…, was '" + url + "'");
        }
        return uri;
    }

    /**
     * Posts {@code {"text": "...", "healthy": false, "services": [...]}} to {@code webhook} ({@code text} is what Slack
     * and similar hooks show). A webhook that cannot be reached or answers with an error does not change what the
     * services' verdict is: the failure is returned for the caller to print as a warning.
     *
     * @param webhook the URL to post to, as {@link #webhook} checked it
     * @param statuses what {@link #check} said
     * @param host this machine's name, for the message
     * @return empty when the webhook took the message, else why it did not
     */
    public Optional<String> alert(URI webhook, List<Status> statuses, String host) {
        List<String> down = statuses.stream().filter(s -> !s.up()).map(s -> s.service().id())
                .collect(Collectors.toList());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", "he300 health-check on " + host + ": " + String.join(", ", down) + " down");
        message.put("healthy", down.isEmpty());
        message.put("host", host);
        message.put("services", statuses.stream().map(Status::json).collect(Collectors.toList()));
        String where = "the alert webhook " + webhook.getHost() + (webhook.getPort() < 0 ? "" : ":" + webhook.getPort());
        try {
            HttpRequest request = HttpRequest.newBuilder(webhook).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))).build();
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(timeout).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return Optional.of(where + " answered " + response.statusCode() + body(response.body()));
            }
            return Optional.empty();
        } catch (HttpTimeoutException e) {
            return Optional.of("no answer from " + where + " within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            // the JDK's client leaves a refused connection without a message (its cause: a closed channel)
            return Optional.of("cannot connect to " + where + ": " + (e.getMessage() != null ? UserMessage.of(e)
                    : "connection refused"));
        } catch (IOException e) {
            return Optional.of("cannot post to " + where + ": " + UserMessage.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while posting to " + where);
        }
    }

    /** {@return this machine's name, for the alert's text; {@code localhost} when none can be found} */
    public static String localHostName() {
        return HostName.local("localhost");
    }

    private static String body(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return line.isEmpty() ? "" : ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
