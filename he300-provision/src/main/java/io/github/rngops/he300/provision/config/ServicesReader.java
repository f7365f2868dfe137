package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigNode;
import io.github.rngops.he300.core.config.Problems;
import io.github.rngops.he300.core.config.Section;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code services:} of {@code install.yaml}: images (pulled, or built on the host from a pinned commit), host
 * ports, Ollama's settings. Problems go to the sections' nodes, like every other part of {@link InstallReader}.
 */
final class ServicesReader {
    static final List<String> VLLM = List.of("image", "port", "gpu_memory_utilization", "max_model_len",
            "tensor_parallel", "max_num_seqs");

    static final List<String> MONITORING = List.of("enabled", "expose", "prometheus_port", "grafana_port",
            "prometheus_image", "grafana_image");

    private ServicesReader() {}

    static Services read(Section s) {
        Section c = s.section("cirisnode", InstallReader.APP);
        Section e = s.section("ethicsengine", InstallReader.APP);
        Section o = s.section("ollama", InstallReader.OLLAMA);
        Section r = s.section("redis", InstallReader.STORE);
        Section p = s.section("postgres", InstallReader.STORE);
        Section v = s.section("vllm", VLLM);
        Section m = s.section("monitoring", MONITORING);
        Services.Monitoring monitoring = new Services.Monitoring(m.bool("enabled", false), m.bool("expose", false),
                m.port("prometheus_port", 9090), m.port("grafana_port", 3000),
                image(m.get("prometheus_image"), Services.PROMETHEUS_IMAGE),
                image(m.get("grafana_image"), Services.GRAFANA_IMAGE));
        Services.Inference inference = Services.Inference.valueOf(s.choice("inference", List.of("ollama", "vllm"),
                "ollama").toUpperCase(java.util.Locale.ROOT));
        Services.Vllm vllm = new Services.Vllm(image(v, Services.VLLM_IMAGE), v.port("port", 8100),
                v.autoPositive("gpu_memory_utilization", "a fraction of GPU memory above 0, at most 1")
                        .map(java.math.BigDecimal::doubleValue).filter(f -> {
                            if (f > 1) {
                                v.get("gpu_memory_utilization").problem("must be a fraction of GPU memory above 0"
                                        + " and at most 1, was " + f);
                            }
                            return f <= 1;
                        }),
                v.autoInteger("max_model_len", 512, 1 << 20, "a token count 512..1048576"),
                v.autoInteger("tensor_parallel", 1, 64, "a GPU count 1..64"),
                v.autoInteger("max_num_seqs", 1, 4096, "a sequence count 1..4096"));
        Services services = new Services(app(c, Services.CIRISNODE_IMAGE, Optional.empty(), 8000),
                app(e, Services.ETHICSENGINE_IMAGE, Optional.of(Services.ETHICSENGINE_SOURCE), 8080),
                new Services.Ollama(image(o, Services.OLLAMA_IMAGE), o.port("port", 11434),
                        o.integer("gpu_layers", -1, -1, 1000, "-1 (all layers) or a layer count 0..1000"),
                        o.autoInteger("num_parallel", 1, 256, "a request count 1..256"),
                        o.autoInteger("context_length", 512, 1 << 20, "a token count 512..1048576")),
                new Services.Store(image(r, Services.REDIS_IMAGE), r.port("port", 6379), r.bool("persistence", true)),
                new Services.Store(image(p, Services.POSTGRES_IMAGE), p.port("port", 5432),
                        p.bool("persistence", true)), inference, vllm, monitoring);
        Map<Integer, String> seen = new HashMap<>();
        List<Section> sections = List.of(c, e, o, r, p);
        for (int i = 0; i < InstallReader.SERVICES.size(); i++) {
            int port = services.ports().get(i);
            String earlier = seen.putIfAbsent(port, InstallReader.SERVICES.get(i));
            if (earlier != null) {
                sections.get(i).get("port").problem("port " + port + " is already services." + earlier + ".port:"
                        + " each service needs its own host port");
            }
        }
        if (monitoring.enabled()) {
            for (String key : List.of("prometheus_port", "grafana_port")) {
                int port = key.startsWith("prom") ? monitoring.prometheusPort() : monitoring.grafanaPort();
                String earlier = seen.putIfAbsent(port, "monitoring." + key);
                if (earlier != null) {
                    m.get(key).problem("port " + port + " is already services." + earlier
                            + (earlier.startsWith("monitoring") ? "" : ".port") + ": each service needs its own host port");
                }
            }
        }
        if (inference == Services.Inference.VLLM && seen.containsKey(vllm.port())) {
            v.get("port").problem("port " + vllm.port() + " is already services." + seen.get(vllm.port())
                    + ".port: each service needs its own host port");
        }
        return services;
    }

    /**
     * An application: {@code image} alone is pulled; {@code commit} (with {@code repository} and {@code dir}, or
     * the defaults' when the service has a default source) builds it on the host, {@code image} then naming the
     * local tag. A service whose default is built stays built unless {@code image} alone is given.
     */
    private static Services.App app(Section s, String defaultImage, Optional<GitSource> defaultSource, int port) {
        s.integer("replicas", 1, 1, 1, "1 (CIRISNode keeps jobs in one process's memory, and each service"
                + " publishes one host port)");
        Optional<String> image = s.get("image").text(InstallReader.checked(InstallReader.IMAGE,
                "must be an image reference, like ollama/ollama:0.5.7"));
        Optional<String> repository = s.get("repository").text(checked(GitSource.REPOSITORY,
                "must be an https:// Git URL ending in .git, like https://github.com/CIRISAI/CIRISBench.git"));
        Optional<String> commit = s.get("commit").text(checked(GitSource.COMMIT,
                "must be a full commit: 40 lower-case hex digits"));
        Optional<String> dir = s.get("dir").text(checked(GitSource.DIR,
                "must be a directory inside the repository, like engine (no leading '/', no '..')"));
        int hostPort = s.port("port", port);
        if (commit.isEmpty()) {
            if ((repository.isPresent() || dir.isPresent()) && !s.has("commit")) {
                s.get(repository.isPresent() ? "repository" : "dir").problem("building the image on the host needs"
                        + " the commit to build: set commit (40 hex digits) beside it");
            }
            if (image.isPresent() || defaultSource.isEmpty()) {
                return new Services.App(image.orElse(defaultImage), hostPort, Optional.empty());   // pulled
            }
            return new Services.App(defaultImage, hostPort, defaultSource);                        // default build
        }
        Optional<String> repo = repository.or(() -> defaultSource.map(GitSource::repository));
        if (repo.isEmpty()) {
            s.get("commit").problem("building the image on the host needs the repository too: set repository,"
                    + " an https:// Git URL ending in .git");
            return new Services.App(image.orElse(defaultImage), hostPort, Optional.empty());
        }
        boolean sameRepository = defaultSource.map(d -> d.repository().equals(repo.get())).orElse(false);
        GitSource source = new GitSource(repo.get(), commit.get(),
                dir.orElse(sameRepository ? defaultSource.get().dir() : ""));
        return new Services.App(image.orElseGet(() -> localTag(source)), hostPort, Optional.of(source));
    }

    /** {@code he300/<repository name>:<short commit>}: the tag an image built on the host gets. */
    private static String localTag(GitSource source) {
        String name = source.repository().substring(source.repository().lastIndexOf('/') + 1)
                .replaceFirst("\\.git$", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return "he300/" + name + ":" + source.shortCommit();
    }

    private static String image(Section s, String fallback) {
        return image(s.get("image"), fallback);
    }

    private static String image(ConfigNode node, String fallback) {
        return node.text(InstallReader.checked(InstallReader.IMAGE,
                "must be an image reference, like ollama/ollama:0.5.7")).orElse(fallback);
    }

    private static Function<String, String> checked(Pattern pattern, String problem) {
        return InstallReader.checked(pattern, problem);
    }
}
