package io.github.rngops.he300.provision.stack;

import io.github.rngops.he300.provision.config.GpuProfile;
import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.NetworkConfig;
import io.github.rngops.he300.provision.config.Services;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * A compose file for the stack, built as maps (keys in a fixed order) and dumped by snakeyaml-engine. Secrets appear
 * only as {@code ${VAR}} references, which compose fills from {@code .env}.
 */
final class ComposeFile {
    static final String NETWORK = "he300-net";
    static final String OLLAMA_VOLUME = "he300-ollama-models";
    static final String REDIS_VOLUME = "he300-redis-data";
    static final String POSTGRES_VOLUME = "he300-postgres-data";
    static final String HF_VOLUME = "he300-hf-cache";
    static final String HF_TOKEN_FILE = "hf_token";
    static final String HF_SECRET = "hf_token";
    static final String VLLM_URL = "http://vllm:8000";
    private static final String HUGGINGFACE_HUB = "huggingface/huggingface_hub@ee0a451 src/huggingface_hub/constants.py";
    private static final String PYTHON_GET = "import urllib.request; urllib.request.urlopen('%s', timeout=5)";

    private ComposeFile() {}

    /** The compose file; {@code gpu} adds the NVIDIA device reservation to Ollama. */
    static String render(InstallConfig config, GpuProfile profile, boolean gpu) {
        Services s = config.services();
        NetworkConfig network = config.network();
        Map<String, Map<String, String>> notes = new LinkedHashMap<>();
        boolean vllm = config.vllm();
        boolean ollamaInDocker = !vllm && profile.accelerator() != GpuProfile.Accelerator.APPLE;
        String ollamaUrl = ollamaInDocker ? "http://ollama:11434" : "http://host.docker.internal:11434";
        String exposed = network.exposedAddress();

        Map<String, Object> services = new LinkedHashMap<>();
        if (ollamaInDocker) {
            Map<String, Object> ollama = service(s.ollama().image());
            ollama.put("environment", env(notes, "ollama", new ServiceEnv()
                    .put("OLLAMA_HOST", "0.0.0.0:11434", ServiceEnv.OLLAMA + " (Host)")
                    .put("OLLAMA_NUM_PARALLEL", String.valueOf(config.ollamaNumParallel()),
                            ServiceEnv.OLLAMA + " (NumParallel)")
                    .put("OLLAMA_CONTEXT_LENGTH", String.valueOf(config.ollamaContextLength()),
                            ServiceEnv.OLLAMA + " (ContextLength)")));
            ollama.put("ports", ports(network.exposesOllama() ? exposed : NetworkConfig.LOOPBACK, s.ollama().port(),
                    11434));
            ollama.put("volumes", List.of(OLLAMA_VOLUME + ":/root/.ollama"));
            ollama.put("healthcheck", health(List.of("CMD", "ollama", "list")));
            if (gpu) {
                ollama.put("deploy", gpuReservation());
            }
            ollama.put("networks", List.of(NETWORK));
            services.put("ollama", ollama);
        }

        if (vllm) {
            services.put("vllm", vllm(config, gpu, network.exposesOllama() ? exposed : NetworkConfig.LOOPBACK,
                    notes));
        }

        Map<String, Object> redis = service(s.redis().image());
        if (s.redis().persistence()) {
            redis.put("command", "redis-server --appendonly yes");   // one string: no YAML 1.1 reader sees a boolean
            redis.put("volumes", List.of(REDIS_VOLUME + ":/data"));
        }
        redis.put("ports", ports(NetworkConfig.LOOPBACK, s.redis().port(), 6379));
        redis.put("healthcheck", health(List.of("CMD", "redis-cli", "ping")));
        redis.put("networks", List.of(NETWORK));
        services.put("redis", redis);

        Map<String, Object> postgres = service(s.postgres().image());
        postgres.put("environment", env(notes, "postgres", new ServiceEnv()
                .put("POSTGRES_USER", "postgres", ServiceEnv.POSTGRES)
                .put("POSTGRES_DB", "postgres", ServiceEnv.POSTGRES)
                .put("POSTGRES_PASSWORD", ref(EnvFile.POSTGRES_PASSWORD), ServiceEnv.POSTGRES)
                .put(EnvFile.CIRISNODE_DB_PASSWORD, ref(EnvFile.CIRISNODE_DB_PASSWORD), "init.sql (\\getenv)")
                .put(EnvFile.ETHICSENGINE_DB_PASSWORD, ref(EnvFile.ETHICSENGINE_DB_PASSWORD), "init.sql (\\getenv)")));
        List<String> postgresVolumes = new ArrayList<>();
        if (s.postgres().persistence()) {
            postgresVolumes.add(POSTGRES_VOLUME + ":/var/lib/postgresql/data");
        }
        postgresVolumes.add("./" + PostgresInit.FILE + ":/docker-entrypoint-initdb.d/10-he300.sql:ro");
        postgres.put("volumes", postgresVolumes);
        postgres.put("ports", ports(NetworkConfig.LOOPBACK, s.postgres().port(), 5432));
        postgres.put("healthcheck", health(List.of("CMD", "pg_isready", "-U", "postgres", "-d", "postgres")));
        postgres.put("networks", List.of(NETWORK));
        services.put("postgres", postgres);

        Map<String, Object> eee = app(s.ethicsengine());
        // the image's CMD starts the Streamlit UI (engine/Dockerfile); the API is api/main.py's FastAPI app
        eee.put("command", List.of("uvicorn", "api.main:app", "--host", "0.0.0.0", "--port", "8080"));
        ServiceEnv eeeEnv = new ServiceEnv();
        if (vllm) {
            eeeEnv.put("LLM_PROVIDER", "openai", ServiceEnv.ENGINE + "core/simple_llm.py, open_llm/config_llm.py")
                    .put("LLM_MODEL", config.huggingFaceModel().orElseThrow(),
                            ServiceEnv.ENGINE + "core/simple_llm.py, open_llm/config_llm.py")
                    .put("OPENAI_BASE_URL", VLLM_URL + "/v1", ServiceEnv.ENGINE + "open_llm/config_llm.py");
        } else {
            eeeEnv.put("LLM_PROVIDER", "ollama", ServiceEnv.ENGINE + "core/simple_llm.py, open_llm/config_llm.py")
                    .put("LLM_MODEL", config.models().defaultPull().tag().toString(),
                            ServiceEnv.ENGINE + "core/simple_llm.py, open_llm/config_llm.py")
                    .put("OLLAMA_BASE_URL", ollamaUrl, ServiceEnv.ENGINE + "core/simple_llm.py, api/routers/he300.py")
                    .put("OLLAMA_HOST", ollamaUrl, ServiceEnv.ENGINE + "api/routers/ollama.py (a URL here)");
        }
        eee.put("environment", env(notes, "ethicsengine", eeeEnv
                .put("DATABASE_URL_ASYNC", "postgresql://ethicsengine:" + ref(EnvFile.ETHICSENGINE_DB_PASSWORD)
                        + "@postgres:5432/ethicsengine", ServiceEnv.ENGINE
                        + "config/settings.py (database_url; db/session.py adds +asyncpg)")
                .put("REDIS_URL", "redis://redis:6379/1", ServiceEnv.ENGINE + "config/settings.py (redis_url)")
                .put("JWT_SECRET", ref(EnvFile.JWT_SECRET), ServiceEnv.ENGINE
                        + "config/settings.py (jwt_secret, shared with CIRISNode)")
                .put("ENGINE_API_KEYS", ref(EnvFile.API_KEY), ServiceEnv.ENGINE
                        + "config/settings.py (api_keys), api/dependencies.py")));
        eee.put("ports", ports(exposed, s.ethicsengine().port(), 8080));
        eee.put("healthcheck", health(List.of("CMD", "python", "-c",
                String.format(PYTHON_GET, "http://127.0.0.1:8080/health"))));
        eee.put("depends_on", healthy(vllm ? List.of("vllm", "postgres", "redis")
                : ollamaInDocker ? List.of("ollama", "postgres", "redis") : List.of("postgres", "redis")));
        if (!ollamaInDocker && !vllm) {
            eee.put("extra_hosts", List.of("host.docker.internal:host-gateway"));
        }
        eee.put("networks", List.of(NETWORK));
        services.put("ethicsengine", eee);

        Map<String, Object> node = app(s.cirisnode());
        // one worker, not the image's 4: CIRISNode keeps benchmark jobs in one process's memory
        node.put("command", List.of("uvicorn", "cirisnode.main:app", "--host", "0.0.0.0", "--port", "8000",
                "--workers", "1"));
        ServiceEnv nodeEnv = new ServiceEnv();
        if (!vllm) {
            nodeEnv.put("OLLAMA_BASE_URL", ollamaUrl, ServiceEnv.CIRISNODE + "cirisnode/api/ollama/routes.py,"
                    + " api/llm/routes.py, api/benchmarks/routes.py");
        }
        node.put("environment", env(notes, "cirisnode", nodeEnv
                .put("EEE_ENABLED", "true", ServiceEnv.CIRISNODE + "cirisnode/config.py (Settings)")
                .put("EEE_BASE_URL", "http://ethicsengine:8080", ServiceEnv.CIRISNODE + "cirisnode/config.py (Settings)")
                .put("DATABASE_URL", "postgresql://cirisnode:" + ref(EnvFile.CIRISNODE_DB_PASSWORD)
                        + "@postgres:5432/cirisnode", ServiceEnv.CIRISNODE + "cirisnode/config.py, db/pg_pool.py")
                .put("REDIS_URL", "redis://redis:6379/0", ServiceEnv.CIRISNODE + "cirisnode/config.py (Settings)")
                .put("JWT_SECRET", ref(EnvFile.JWT_SECRET), ServiceEnv.CIRISNODE + "cirisnode/config.py (Settings)")
                .put("CIPHER_SECRET_KEY", ref(EnvFile.CIPHER_SECRET_KEY), ServiceEnv.CIRISNODE
                        + "cirisnode/utils/encryption.py (required: the database is not on localhost)")));
        node.put("ports", ports(exposed, s.cirisnode().port(), 8000));
        node.put("healthcheck", health(List.of("CMD", "python", "-c",
                String.format(PYTHON_GET, "http://127.0.0.1:8000/api/v1/health"))));
        node.put("depends_on", healthy(List.of("ethicsengine", "postgres", "redis")));
        if (!ollamaInDocker && !vllm) {
            node.put("extra_hosts", List.of("host.docker.internal:host-gateway"));
        }
        node.put("networks", List.of(NETWORK));
        services.put("cirisnode", node);

        if (config.services().monitoring().enabled()) {
            MonitoringFiles.addServices(services, config, exposed, notes);
        }

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", config.stack().project());
        root.put("services", services);
        root.put("networks", Map.of(NETWORK, named(NETWORK, "bridge")));
        Map<String, Object> volumes = new LinkedHashMap<>();
        if (ollamaInDocker) {
            volumes.put(OLLAMA_VOLUME, named(OLLAMA_VOLUME, null));
        }
        if (vllm) {
            volumes.put(HF_VOLUME, named(HF_VOLUME, null));
        }
        if (config.services().monitoring().enabled()) {
            volumes.put(MonitoringFiles.PROMETHEUS_VOLUME, named(MonitoringFiles.PROMETHEUS_VOLUME, null));
            volumes.put(MonitoringFiles.GRAFANA_VOLUME, named(MonitoringFiles.GRAFANA_VOLUME, null));
        }
        if (s.redis().persistence()) {
            volumes.put(REDIS_VOLUME, named(REDIS_VOLUME, null));
        }
        if (s.postgres().persistence()) {
            volumes.put(POSTGRES_VOLUME, named(POSTGRES_VOLUME, null));
        }
        if (!volumes.isEmpty()) {
            root.put("volumes", volumes);
        }
        if (vllm && config.security().hfToken().isPresent()) {
            root.put("secrets", Map.of(HF_SECRET, Map.of("file", "./" + HF_TOKEN_FILE)));
        }
        String header = "# he300 stack for " + (gpu ? "an NVIDIA GPU host" : "a host without an NVIDIA GPU")
                + ", generated by he300 from " + config.source() + " (GPU profile " + profile.name() + ").\n"
                + "# Secrets are ${VAR} references to .env (mode 0600). Network mode " + network.mode().label()
                + (exposed.equals(NetworkConfig.LOOPBACK) ? ": every port is published on 127.0.0.1 only.\n"
                : ": CIRISNode, EthicsEngine" + (network.exposesOllama() ? ", Ollama" : "") + " are published on "
                + exposed + ", the rest on 127.0.0.1 only.\n");
        return header + ServiceEnv.annotate(dump(root), notes);
    }

    /**
     * vLLM's OpenAI-compatible server: the model by its Hugging Face id, sized from the GPU profile, the token (if
     * any) as a compose secret file that huggingface_hub reads through {@code HF_TOKEN_PATH}, never an environment
     * value; downloads kept in a volume. {@code ipc: host}: vLLM's PyTorch workers share memory (its Docker docs).
     */
    private static Map<String, Object> vllm(InstallConfig config, boolean gpu, String hostIp,
            Map<String, Map<String, String>> notes) {
        Services.Vllm settings = config.services().vllm();
        Map<String, Object> vllm = service(settings.image());
        vllm.put("command", List.of("--model", config.huggingFaceModel().orElseThrow(), "--host", "0.0.0.0",
                "--port", "8000", "--max-model-len", String.valueOf(config.vllmMaxModelLen()),
                "--gpu-memory-utilization", String.valueOf(config.vllmGpuMemoryUtilization()),
                "--tensor-parallel-size", String.valueOf(config.vllmTensorParallel()),
                "--max-num-seqs", String.valueOf(config.vllmMaxNumSeqs())));
        if (config.security().hfToken().isPresent()) {
            vllm.put("environment", env(notes, "vllm", new ServiceEnv()
                    .put("HF_TOKEN_PATH", "/run/secrets/" + HF_SECRET, HUGGINGFACE_HUB)));
            vllm.put("secrets", List.of(HF_SECRET));
        }
        vllm.put("ipc", "host");
        vllm.put("ports", ports(hostIp, settings.port(), 8000));
        vllm.put("volumes", List.of(HF_VOLUME + ":/root/.cache/huggingface"));
        Map<String, Object> health = health(List.of("CMD", "python3", "-c",
                String.format(PYTHON_GET, "http://127.0.0.1:8000/health")));
        health.put("start_period", "900s");   // the first start downloads the weights
        vllm.put("healthcheck", health);
        if (gpu) {
            vllm.put("deploy", gpuReservation());
        }
        vllm.put("networks", List.of(NETWORK));
        return vllm;
    }

    private static Map<String, Object> gpuReservation() {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("driver", "nvidia");
        device.put("count", "all");
        device.put("capabilities", List.of("gpu"));
        return Map.of("resources", Map.of("reservations", Map.of("devices", List.of(device))));
    }

    static String dump(Object tree) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(4096).setSplitLines(false).build();
        return new Dump(settings).dumpToString(tree);
    }

    private static Map<String, Object> service(String image) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("image", image);
        service.put("restart", "unless-stopped");
        return service;
    }

    private static Map<String, Object> env(Map<String, Map<String, String>> notes, String service, ServiceEnv env) {
        notes.put(service, env.sources());
        return env.values();
    }

    /**
     * An application service: its image pulled, or built on the host from a pinned commit (a Git build context;
     * {@code pull_policy: build} so that the local tag is never looked up in a registry, where anyone could
     * publish that name).
     */
    private static Map<String, Object> app(Services.App app) {
        Map<String, Object> service = service(app.image());
        app.build().ifPresent(source -> {
            service.put("build", Map.of("context", source.context()));
            service.put("pull_policy", "build");
        });
        return service;
    }

    static List<Object> ports(String hostIp, int published, int target) {
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("target", target);
        port.put("published", String.valueOf(published));
        port.put("host_ip", hostIp);
        port.put("protocol", "tcp");
        return List.of(port);
    }

    static Map<String, Object> health(List<String> test) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("test", test);
        health.put("interval", "30s");
        health.put("timeout", "10s");
        health.put("retries", 5);
        health.put("start_period", "60s");
        return health;
    }

    private static Map<String, Object> healthy(List<String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        names.forEach(name -> out.put(name, Map.of("condition", "service_healthy")));
        return out;
    }

    private static Map<String, Object> named(String name, String driver) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        if (driver != null) {
            out.put("driver", driver);
        }
        return out;
    }

    private static String ref(String variable) {
        return "${" + variable + "}";
    }
}
