package io.github.rngops.he300.provision.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.provision.config.GpuProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's containers as {@code docker compose ps --all --format json} reports them (a JSON array from older
 * compose versions, one object per line from newer ones): service → state and health.
 */
record ComposeState(Map<String, Container> containers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One service's container: {@code running}/{@code exited}..., and {@code healthy}/{@code starting}/empty. */
    record Container(String state, String health) {
        boolean running() {
            return state.equals("running");
        }

        boolean healthy() {
            return running() && (health.isEmpty() || health.equals("healthy"));
        }

        @Override
        public String toString() {
            return state + (health.isEmpty() ? "" : " (" + health + ")");
        }
    }

    /**
     * The services the stack has on this host: vLLM in place of Ollama with {@code inference: vllm}; no Ollama
     * container on Apple silicon (it runs natively).
     */
    static List<String> expected(Host host) {
        GpuProfile profile = host.config().profile().orElseThrow();
        List<String> services = new ArrayList<>(List.of("cirisnode", "ethicsengine", "ollama", "redis", "postgres"));
        if (host.config().vllm()) {
            services.set(services.indexOf("ollama"), "vllm");
        } else if (profile.accelerator() == GpuProfile.Accelerator.APPLE) {
            services.remove("ollama");
        }
        return services;
    }

    static ComposeState read(Host host) {
        CommandResult ps = host.look(Commands.compose(host, "ps", "--all", "--format", "json"));
        if (!ps.ok()) {
            return new ComposeState(Map.of());
        }
        return parse(ps.stdout());
    }

    static ComposeState parse(String stdout) {
        Map<String, Container> containers = new LinkedHashMap<>();
        try {
            String text = stdout.strip();
            List<JsonNode> nodes = new ArrayList<>();
            if (text.startsWith("[")) {
                JSON.readTree(text).forEach(nodes::add);
            } else {
                for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            for (JsonNode node : nodes) {
                containers.put(node.path("Service").asText(), new Container(node.path("State").asText(),
                        node.path("Health").asText()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("docker compose ps printed something that is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        return new ComposeState(containers);
    }

    /** Expected services that are not running, with their state. */
    List<String> notRunning(List<String> expected) {
        return expected.stream().filter(s -> !containers.containsKey(s) || !containers.get(s).running())
                .map(s -> s + ": " + (containers.containsKey(s) ? containers.get(s) : "no container")).toList();
    }

    /** Expected services that are not healthy, with their state. */
    List<String> notHealthy(List<String> expected) {
        return expected.stream().filter(s -> !containers.containsKey(s) || !containers.get(s).healthy())
                .map(s -> s + ": " + (containers.containsKey(s) ? containers.get(s) : "no container")).toList();
    }
}
