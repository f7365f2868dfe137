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
 */
public record Services(App cirisnode, App ethicsengine, Ollama ollama, Store redis, Store postgres) {
    /** The default images. PostgreSQL must be 15 or newer: {@code init.sql} reads passwords with psql's {@code \getenv}. */
    public static final String CIRISNODE_IMAGE = "ghcr.io/cirisai/cirisnode:latest";
    public static final String ETHICSENGINE_IMAGE = "ghcr.io/cirisai/ethicsengine_enterprise:latest";
    public static final String OLLAMA_IMAGE = "ollama/ollama:latest";
    public static final String REDIS_IMAGE = "redis:7-alpine";
    public static final String POSTGRES_IMAGE = "postgres:16-alpine";

    /**
     * An application service.
     *
     * @param image the image
     * @param port the host port
     */
    public record App(String image, int port) {
        /**
         * Checks the components, as the class description says of each.
         *
         * @param image the image
         * @param port the host port
         */
        public App {
            Objects.requireNonNull(image, "image");
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
         * Checks the components, as the class description says of each.
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
         * Checks the components, as the class description says of each.
         *
         * @param image the image
         * @param port the host port, always on loopback
         * @param persistence whether its data lives in a named volume (else it is lost with the container)
         */
        public Store {
            Objects.requireNonNull(image, "image");
        }
    }

    public Services {
        Objects.requireNonNull(cirisnode, "cirisnode");
        Objects.requireNonNull(ethicsengine, "ethicsengine");
        Objects.requireNonNull(ollama, "ollama");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(postgres, "postgres");
    }

    /** Host ports by service name, in stack order. */
    public List<Integer> ports() {
        return List.of(cirisnode.port, ethicsengine.port, ollama.port, redis.port, postgres.port);
    }
}
