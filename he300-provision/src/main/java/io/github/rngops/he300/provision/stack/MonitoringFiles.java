package io.github.rngops.he300.provision.stack;

import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.NetworkConfig;
import io.github.rngops.he300.provision.config.Services;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional monitoring profile ({@code services.monitoring.enabled}): Prometheus scraping what the stack's
 * services expose, and Grafana provisioned with Prometheus as its data source and one dashboard. Of the services,
 * only vLLM serves Prometheus metrics ({@code /metrics}); CIRISNode at 0c20f78 lists prometheus-client in its
 * requirements.txt but exposes no {@code /metrics} route, and Ollama and EthicsEngine have none, so they are not
 * scraped (a target that cannot answer would only read as down). Both bound to 127.0.0.1 unless
 * {@code expose: true}.
 */
final class MonitoringFiles {
    static final String DIR = "monitoring";
    static final String PROMETHEUS = DIR + "/prometheus.yml";
    static final String DATASOURCES = DIR + "/grafana-datasources.yml";
    static final String DASHBOARDS = DIR + "/grafana-dashboards.yml";
    static final String DASHBOARD = DIR + "/he300-dashboard.json";
    static final String PROMETHEUS_VOLUME = "he300-prometheus-data";
    static final String GRAFANA_VOLUME = "he300-grafana-data";
    private static final String GRAFANA_DOCS = "grafana docs, configure-grafana: GF_<SECTION>_<KEY> overrides grafana.ini";

    private MonitoringFiles() {}

    /** The files under {@code stack.dir}, relative, with their content; empty when monitoring is off. */
    static Map<String, String> files(InstallConfig config) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!config.services().monitoring().enabled()) {
            return out;
        }
        out.put(PROMETHEUS, prometheus(config));
        out.put(DATASOURCES, "# he300: Grafana's data source, the stack's Prometheus on the compose network.\n"
                + "apiVersion: 1\ndatasources:\n  - name: Prometheus\n    uid: he300-prometheus\n"
                + "    type: prometheus\n    access: proxy\n    url: http://prometheus:9090\n    isDefault: true\n");
        out.put(DASHBOARDS, "# he300: dashboards provisioned from files.\napiVersion: 1\nproviders:\n"
                + "  - name: he300\n    type: file\n    options:\n      path: /etc/grafana/dashboards\n");
        out.put(DASHBOARD, dashboard(config));
        return out;
    }

    private static String prometheus(InstallConfig config) {
        StringBuilder out = new StringBuilder("# he300: what Prometheus scrapes. vLLM serves /metrics; CIRISNode"
                + " (0c20f78), EthicsEngine and Ollama expose none.\n");
        out.append("global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\nscrape_configs:\n");
        out.append("  - job_name: prometheus\n    static_configs:\n      - targets: ['localhost:9090']\n");
        if (config.vllm()) {
            out.append("  - job_name: vllm\n    metrics_path: /metrics\n    static_configs:\n"
                    + "      - targets: ['vllm:8000']\n");
        }
        return out.toString();
    }

    /** One dashboard: vLLM's queue, throughput and latency (from its metric names), and what Prometheus scrapes. */
    private static String dashboard(InstallConfig config) {
        List<String> panels = new ArrayList<>();
        panels.add(panel(1, "Scrape targets up", 0, "up"));
        if (config.vllm()) {
            panels.add(panel(2, "vLLM requests running / waiting", 12, "vllm:num_requests_running",
                    "vllm:num_requests_waiting"));
            panels.add(panel(3, "vLLM generated tokens per second", 24, "rate(vllm:generation_tokens_total[1m])"));
            panels.add(panel(4, "vLLM request latency p95 (s)", 36,
                    "histogram_quantile(0.95, sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket[5m])))"));
        }
        return "{\n  \"uid\": \"he300-stack\",\n  \"title\": \"he300 stack\",\n  \"schemaVersion\": 39,\n"
                + "  \"time\": {\"from\": \"now-1h\", \"to\": \"now\"},\n  \"refresh\": \"30s\",\n  \"panels\": [\n"
                + String.join(",\n", panels) + "\n  ]\n}\n";
    }

    /** A time series panel; the titles and queries are constants of this class (no quotes to escape). */
    private static String panel(int id, String title, int y, String... exprs) {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < exprs.length; i++) {
            targets.add("{\"refId\": \"" + (char) ('A' + i) + "\", \"expr\": \"" + exprs[i] + "\"}");
        }
        return "    {\"id\": " + id + ", \"type\": \"timeseries\", \"title\": \"" + title + "\", "
                + "\"datasource\": {\"type\": \"prometheus\", \"uid\": \"he300-prometheus\"}, "
                + "\"gridPos\": {\"x\": 0, \"y\": " + y + ", \"w\": 24, \"h\": 12}, "
                + "\"targets\": [" + String.join(", ", targets) + "]}";
    }

    /** The two compose services; published on 127.0.0.1, or on {@code exposed} with {@code expose: true}. */
    static void addServices(Map<String, Object> services, InstallConfig config, String exposed,
            Map<String, Map<String, String>> notes) {
        Services.Monitoring m = config.services().monitoring();
        String hostIp = m.expose() ? exposed : NetworkConfig.LOOPBACK;
        Map<String, Object> prometheus = new LinkedHashMap<>();
        prometheus.put("image", m.prometheusImage());
        prometheus.put("restart", "unless-stopped");
        prometheus.put("command", List.of("--config.file=/etc/prometheus/prometheus.yml",
                "--storage.tsdb.path=/prometheus", "--storage.tsdb.retention.time=15d"));
        prometheus.put("volumes", List.of("./" + PROMETHEUS + ":/etc/prometheus/prometheus.yml:ro",
                PROMETHEUS_VOLUME + ":/prometheus"));
        prometheus.put("ports", ComposeFile.ports(hostIp, m.prometheusPort(), 9090));
        prometheus.put("healthcheck", ComposeFile.health(List.of("CMD", "wget", "-q", "-O", "/dev/null",
                "http://127.0.0.1:9090/-/healthy")));
        prometheus.put("networks", List.of(ComposeFile.NETWORK));
        services.put("prometheus", prometheus);

        Map<String, Object> grafana = new LinkedHashMap<>();
        grafana.put("image", m.grafanaImage());
        grafana.put("restart", "unless-stopped");
        ServiceEnv env = new ServiceEnv()
                .put("GF_SECURITY_ADMIN_PASSWORD", "${" + EnvFile.GRAFANA_ADMIN_PASSWORD + "}", GRAFANA_DOCS)
                .put("GF_USERS_ALLOW_SIGN_UP", "false", GRAFANA_DOCS)
                .put("GF_AUTH_ANONYMOUS_ENABLED", "false", GRAFANA_DOCS);
        notes.put("grafana", env.sources());
        grafana.put("environment", env.values());
        grafana.put("volumes", List.of(
                "./" + DATASOURCES + ":/etc/grafana/provisioning/datasources/he300.yml:ro",
                "./" + DASHBOARDS + ":/etc/grafana/provisioning/dashboards/he300.yml:ro",
                "./" + DASHBOARD + ":/etc/grafana/dashboards/he300.json:ro",
                GRAFANA_VOLUME + ":/var/lib/grafana"));
        grafana.put("ports", ComposeFile.ports(hostIp, m.grafanaPort(), 3000));
        grafana.put("depends_on", Map.of("prometheus", Map.of("condition", "service_healthy")));
        grafana.put("networks", List.of(ComposeFile.NETWORK));
        services.put("grafana", grafana);
    }
}
