package io.github.rngops.he300.provision.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stack's services ({@code services:}): images and host ports. Containers listen on their usual ports
 * (8000, 8080, 11434, 6379, 5432); {@code port} is the host side.
 *
 * @param cirisnode CIRISNode
 * @param ethicsengine EthicsEngine Enterprise
 * @param ollama Ollama
 * @param redis Redis
 * @param postgres PostgreSQL
 * @param inference what serves the model
 * @param vllm vLLM's settings (used with {@link Inference#VLLM})
 * @param monitoring Prometheus and Grafana, if enabled
 */
public record Services(App cirisnode, App ethicsengine, Ollama ollama, Store redis, Store postgres,
                       Inference inference, Vllm vllm, Monitoring monitoring) {
    /**
     * Prometheus's image, pinned by tag and index digest (as renovate pinned it in prometheus/client_java pull
     * request 1638).
     */
    public static final String PROMETHEUS_IMAGE = "prom/prometheus:v3.7.2"
            + "@sha256:23031bfe0e74a13004252caaa74eccd0d62b6c6e7a04711d5b8bf5b7e113adc7";
    /** Grafana's image, pinned by tag and index digest (prometheus/client_java pull request 1635). */
    public static final String GRAFANA_IMAGE = "grafana/grafana:12.2.1"
            + "@sha256:35c41e0fd0295f5d0ee5db7e780cf33506abfaf47686196f825364889dee878b";

    /**
     * The optional monitoring profile ({@code services.monitoring}): Prometheus scraping what the services expose,
     * Grafana with a dashboard.
     *
     * @param enabled whether the stack has them
     * @param expose publish them on the network mode's address too (else on 127.0.0.1 only, the default)
     * @param prometheusPort Prometheus's host port
     * @param grafanaPort Grafana's host port
     * @param prometheusImage Prometheus's image
     * @param grafanaImage Grafana's image
     */
    public record Monitoring(boolean enabled, boolean expose, int prometheusPort, int grafanaPort,
                             String prometheusImage, String grafanaImage) {
        /**
         * Checks that both images are given.
         *
         * @param enabled whether the stack has them
         * @param expose publish them on the network mode's address too
         * @param prometheusPort Prometheus's host port
         * @param grafanaPort Grafana's host port
         * @param prometheusImage Prometheus's image
         * @param grafanaImage Grafana's image
         * @throws NullPointerException if an image is null
         */
        public Monitoring {
            Objects.requireNonNull(prometheusImage, "prometheusImage");
            Objects.requireNonNull(grafanaImage, "grafanaImage");
        }
    }

    /** What serves the model: Ollama (the default), or vLLM on an NVIDIA host ({@code services.inference}). */
    public enum Inference {
        /** Ollama, in Docker (on a Mac, natively). */
        OLLAMA,
        /** vLLM's OpenAI-compatible server; NVIDIA hosts only. */
        VLLM;

        /** {@return the name as {@code services.inference} takes it: {@code ollama}, {@code vllm}} */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * vLLM's OpenAI-compatible server's image, published by vLLM on Docker Hub (tags {@code v<version>}).
     * v0.12.0 is a release tag whose image Docker Hub lists.
     */
    public static final String VLLM_IMAGE = "vllm/vllm-openai:v0.12.0";

    /**
     * CIRISNode's default image. The default images are each pinned. CIRISNode: the tag {@code .github/workflows/deploy.yml} of CIRISAI/CIRISNode
     * publishes for each push to main (the short commit), at 0c20f78 (2026-02-24). EthicsEngine: not published
     * (CIRISBench's workflows publish agent images only), so built on the host from {@link #ETHICSENGINE_SOURCE};
     * the image name is the local tag of that build. Ollama, Redis, PostgreSQL: release tags (ollama's
     * {@code release.yaml} tags {@code {{version}}}; Redis and PostgreSQL as docker-library/official-images lists
     * them). PostgreSQL must be 15 or newer: {@code init.sql} reads passwords with psql's {@code \getenv}.
     */
    public static final String CIRISNODE_IMAGE = "ghcr.io/cirisai/cirisnode:0c20f78";
    /**
     * Where EthicsEngine's image is built from on the host: CIRISBench's {@code engine} directory at a pinned commit.
     */
    public static final GitSource ETHICSENGINE_SOURCE = new GitSource("https://github.com/CIRISAI/CIRISBench.git",
            "44198dddb6f60064d814cad3bafe72f9b7c87d83", "engine");
    /** The local tag of the EthicsEngine image built from {@link #ETHICSENGINE_SOURCE}: its short commit. */
    public static final String ETHICSENGINE_IMAGE = "he300/ethicsengine:" + ETHICSENGINE_SOURCE.shortCommit();
    /** Ollama's default image, a release tag. */
    public static final String OLLAMA_IMAGE = "ollama/ollama:0.32.15";
    /** Redis's default image, a release tag. */
    public static final String REDIS_IMAGE = "redis:7.4.11-alpine";
    /** PostgreSQL's default image, a release tag (15 or newer is needed). */
    public static final String POSTGRES_IMAGE = "postgres:16.15-alpine";

    /**
     * An application service.
     *
     * @param image the image: pulled, or when {@code build} is set, the local tag of the image built on the host
     * @param port the host port
     * @param build the source it is built from on the host; empty: {@code image} is pulled
     */
    public record App(String image, int port, Optional<GitSource> build) {
        /**
         * Checks that image and build are given.
         *
         * @param image the image pulled, or the local tag of the one built
         * @param port the host port
         * @param build the source it is built from, or empty
         * @throws NullPointerException if {@code image} or {@code build} is null
         */
        public App {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(build, "build");
        }
    }

    /**
     * Ollama.
     *
     * @param image the image
     * @param port the host port (11434)
     * @param gpuLayers layers offloaded to the GPU, -1 for all (clients send it as {@code options.num_gpu})
     * @param numParallel {@code OLLAMA_NUM_PARALLEL}; empty: the GPU profile's {@code concurrent_requests}
     * @param contextLength {@code OLLAMA_CONTEXT_LENGTH}; empty: the GPU profile's {@code context_length}
     */
    public record Ollama(String image, int port, int gpuLayers, Optional<Integer> numParallel,
                         Optional<Integer> contextLength) {
        /**
         * Refuses a null component (a {@code NullPointerException} naming it).
         *
         * @param image the image
         * @param port the host port (11434)
         * @param gpuLayers layers offloaded to the GPU, -1 for all (clients send it as {@code options.num_gpu})
         * @param numParallel {@code OLLAMA_NUM_PARALLEL}; empty: the GPU profile's {@code concurrent_requests}
         * @param contextLength {@code OLLAMA_CONTEXT_LENGTH}; empty: the GPU profile's {@code context_length}
         */
        public Ollama {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(numParallel, "numParallel");
            Objects.requireNonNull(contextLength, "contextLength");
        }
    }

    /**
     * A data store.
     *
     * @param image the image
     * @param port the host port, always on loopback
     * @param persistence whether its data lives in a named volume (else it is lost with the container)
     */
    public record Store(String image, int port, boolean persistence) {
        /**
         * Refuses a null component (a {@code NullPointerException} naming it).
         *
         * @param image the image
         * @param port the host port, always on loopback
         * @param persistence whether its data lives in a named volume (else it is lost with the container)
         */
        public Store {
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * vLLM ({@code services.vllm}), used when {@link #inference()} is {@link Inference#VLLM}. Empty settings come
     * from the GPU profile.
     *
     * @param image the image
     * @param port the host port (on loopback unless the network mode exposes the model server)
     * @param gpuMemoryUtilization {@code --gpu-memory-utilization}; empty: the profile's
     * @param maxModelLen {@code --max-model-len}; empty: the profile's context length
     * @param tensorParallel {@code --tensor-parallel-size}; empty: the profile's GPU count
     * @param maxNumSeqs {@code --max-num-seqs}; empty: the profile's vLLM concurrency
     */
    public record Vllm(String image, int port, Optional<Double> gpuMemoryUtilization, Optional<Integer> maxModelLen,
                       Optional<Integer> tensorParallel, Optional<Integer> maxNumSeqs) {
        /**
         * Checks that every component is given (the settings as {@link Optional}s).
         *
         * @param image the image
         * @param port the host port
         * @param gpuMemoryUtilization {@code --gpu-memory-utilization}, or empty
         * @param maxModelLen {@code --max-model-len}, or empty
         * @param tensorParallel {@code --tensor-parallel-size}, or empty
         * @param maxNumSeqs {@code --max-num-seqs}, or empty
         * @throws NullPointerException if a component is null
         */
        public Vllm {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(gpuMemoryUtilization, "gpuMemoryUtilization");
            Objects.requireNonNull(maxModelLen, "maxModelLen");
            Objects.requireNonNull(tensorParallel, "tensorParallel");
            Objects.requireNonNull(maxNumSeqs, "maxNumSeqs");
        }
    }

    /**
     * Checks that every service is given.
     *
     * @param cirisnode CIRISNode
     * @param ethicsengine EthicsEngine Enterprise
     * @param ollama Ollama
     * @param redis Redis
     * @param postgres PostgreSQL
     * @param inference what serves the model
     * @param vllm vLLM's settings
     * @param monitoring Prometheus and Grafana
     * @throws NullPointerException if a component is null
     */
    public Services {
        Objects.requireNonNull(cirisnode, "cirisnode");
        Objects.requireNonNull(ethicsengine, "ethicsengine");
        Objects.requireNonNull(ollama, "ollama");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(inference, "inference");
        Objects.requireNonNull(vllm, "vllm");
        Objects.requireNonNull(monitoring, "monitoring");
    }

    /** {@return the host ports of CIRISNode, EthicsEngine, Ollama, Redis and PostgreSQL, in that order} */
    public List<Integer> ports() {
        return List.of(cirisnode.port, ethicsengine.port, ollama.port, redis.port, postgres.port);
    }
}
