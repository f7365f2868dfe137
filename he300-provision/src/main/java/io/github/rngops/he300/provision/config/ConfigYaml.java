package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.net.Cidr;
import java.util.LinkedHashMap;

import java.util.Map;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Renders a resolved {@link InstallConfig} in {@code install.yaml}'s shape, secrets masked. */
final class ConfigYaml {
    private ConfigYaml() {}

    static String render(InstallConfig c) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> target = map(root, "target");
        target.put("host", c.target().host());
        target.put("user", c.target().user());
        c.target().sshKey().ifPresent(v -> target.put("ssh_key", v));
        target.put("port", c.target().port());
        c.target().knownHosts().ifPresent(v -> target.put("known_hosts", v));
        Map<String, Object> os = map(root, "os");
        os.put("detect", c.os().detected() ? "auto" : "manual");
        c.os().manual().ifPresent(v -> os.put("manual", v));
        Map<String, Object> gpu = map(root, "gpu");
        gpu.put("type", c.gpu().type());
        gpu.put("memory", c.gpu().memoryGb().isPresent() ? (Object) c.gpu().memoryGb().getAsInt() : "auto");
        gpu.put("nvidia_driver", c.gpu().nvidiaDriver().orElse("auto"));
        gpu.put("profile", c.profile().map(GpuProfile::name).orElse("auto"));
        Map<String, Object> models = map(root, "models");
        models.put("default", c.models().defaultPull().model());
        models.put("pull_on_install", c.models().pulls().stream().map(ModelPull::model).toList());
        models.put("quantization", c.models().quantization().label());
        models.put("registry", c.registry().source());
        models.put("tags", c.models().pulls().stream().map(p -> p.tag().toString()).toList());
        Map<String, Object> network = map(root, "network");
        NetworkConfig n = c.network();
        network.put("mode", n.mode().label());
        network.put("published_on", n.exposedAddress());
        switch (n.mode()) {
            case DIRECT -> {
                Map<String, Object> direct = map(network, "direct");
                direct.put("https", n.direct().https());
                direct.put("certbot", n.direct().certbot());
                n.direct().domain().ifPresent(v -> direct.put("domain", v));
                n.direct().email().ifPresent(v -> direct.put("email", v));
            }
            case WIREGUARD -> {
                Map<String, Object> wg = map(network, "wireguard");
                wg.put("interface", n.wireguard().interfaceName());
                wg.put("listen_port", n.wireguard().listenPort());
                wg.put("address", n.wireguard().address().toString());
                n.wireguard().peerPublicKey().ifPresent(v -> wg.put("peer_public_key", v.base64()));
                n.wireguard().peerEndpoint().ifPresent(v -> wg.put("peer_endpoint", v.toString()));
                wg.put("peer_allowed_ips", n.wireguard().peerAllowedIps().stream().map(Cidr::toString).toList());
            }
            case TAILSCALE -> {
                Map<String, Object> ts = map(network, "tailscale");
                n.tailscale().authKey().ifPresent(v -> ts.put("auth_key", masked(v)));
                n.tailscale().hostname().ifPresent(v -> ts.put("hostname", v));
            }
            case TUNNEL -> {
                Map<String, Object> tunnel = map(network, "tunnel");
                tunnel.put("cirisnode", n.tunnel().cirisnode());
                tunnel.put("ethicsengine", n.tunnel().ethicsengine());
                tunnel.put("ollama", n.tunnel().ollama());
            }
            default -> throw new IllegalStateException(n.mode().toString());
        }
        Map<String, Object> services = map(root, "services");
        Services s = c.services();
        app(services, "cirisnode", s.cirisnode());
        app(services, "ethicsengine", s.ethicsengine());
        Map<String, Object> ollama = map(services, "ollama");
        ollama.put("image", s.ollama().image());
        ollama.put("port", s.ollama().port());
        ollama.put("gpu_layers", s.ollama().gpuLayers());
        ollama.put("num_parallel", c.ollamaNumParallel());
        ollama.put("context_length", c.ollamaContextLength());
        store(services, "redis", s.redis());
        store(services, "postgres", s.postgres());
        services.put("inference", s.inference().label());
        if (s.monitoring().enabled()) {
            Map<String, Object> monitoring = map(services, "monitoring");
            monitoring.put("enabled", true);
            monitoring.put("expose", s.monitoring().expose());
            monitoring.put("prometheus_port", s.monitoring().prometheusPort());
            monitoring.put("grafana_port", s.monitoring().grafanaPort());
            monitoring.put("prometheus_image", s.monitoring().prometheusImage());
            monitoring.put("grafana_image", s.monitoring().grafanaImage());
        }
        if (c.vllm()) {
            Map<String, Object> vllm = map(services, "vllm");
            vllm.put("image", s.vllm().image());
            vllm.put("port", s.vllm().port());
            vllm.put("model", c.huggingFaceModel().orElse("(none in the registry)"));
            vllm.put("max_model_len", c.vllmMaxModelLen());
            vllm.put("gpu_memory_utilization", c.vllmGpuMemoryUtilization());
            vllm.put("tensor_parallel", c.vllmTensorParallel());
            vllm.put("max_num_seqs", c.vllmMaxNumSeqs());
        }
        Map<String, Object> security = map(root, "security");
        Security sec = c.security();
        for (StackSecret secret : StackSecret.values()) {
            security.put(secret.key(), masked(secret.of(sec)));
        }
        sec.hfToken().ifPresent(token -> security.put("hf_token", masked(token)));
        security.put("allowed_ips", sec.allowedIps().networks().stream().map(Cidr::toString).toList());
        Map<String, Object> stack = map(root, "stack");
        stack.put("dir", c.stack().dir());
        stack.put("project", c.stack().project());
        stack.put("health_command", String.join(" ", c.stack().healthCommand()));
        stack.put("health_interval_minutes", c.stack().healthIntervalMinutes());
        return "# " + c.source() + ", resolved" + c.profile().map(p -> " for GPU profile " + p.name()).orElse("")
                + "; secrets masked\n" + dump(root);
    }

    static String dump(Object tree) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setWidth(120).setSplitLines(false).build();
        return new Dump(settings).dumpToString(tree);
    }

    private static void app(Map<String, Object> parent, String name, Services.App app) {
        Map<String, Object> m = map(parent, name);
        m.put("image", app.image());
        m.put("port", app.port());
        app.build().ifPresent(source -> {
            m.put("repository", source.repository());
            m.put("commit", source.commit());
            m.put("dir", source.dir());
        });
    }

    private static void store(Map<String, Object> parent, String name, Services.Store store) {
        Map<String, Object> m = map(parent, name);
        m.put("image", store.image());
        m.put("port", store.port());
        m.put("persistence", store.persistence());
    }

    private static String masked(Secret secret) {
        return Secret.MASK + " (" + secret.origin() + ")";
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Map<String, Object> child = new LinkedHashMap<>();
        parent.put(key, child);
        return child;
    }

}
