package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigException;
import io.github.rngops.he300.core.config.ConfigNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code install.yaml} into an {@link InstallConfig}: every problem of the file (and of the registry it names)
 * is collected and thrown as one {@link ConfigException}, before anything is changed anywhere. Where secrets come
 * from is injected: the environment (for {@code HE300_API_KEY} and the like) and the random source for generated
 * ones, so a test can fix both.
 *
 * <pre>{@code
 * ConfigReader reader = ConfigReader.builder().environment(System.getenv()).random(new SecureRandom()).build();
 * InstallConfig config = reader.read(Path.of("install.yaml"));
 * }</pre>
 */
public final class ConfigReader {
    /** What a config read without a file is called in messages and {@link InstallConfig#source()}. */
    public static final String QUICK_START = "quick-start";

    private final Map<String, String> environment;
    private final SecureRandom random;
    private final ModelRegistry registry;
    private final Path home;

    private ConfigReader(Builder builder) {
        this.environment = Map.copyOf(builder.environment);
        this.random = builder.random;
        this.registry = builder.registry;
        this.home = builder.home;
    }

    /** {@return the process environment, a new {@link SecureRandom}, the shipped registry unless the file names one} */
    public static ConfigReader ofDefaults() {
        return builder().build();
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads and checks {@code file}; paths in it ({@code models.registry}, {@code *_file}) are relative to its
     * directory. Reads only local files and the environment; nothing is connected to.
     *
     * @param file the {@code install.yaml} to read
     * @return the resolved config: models checked against the registry, secrets given or generated
     * @throws ConfigException listing every problem with file, line, column and key path (a missing or unreadable
     *     file is one too)
     */
    public InstallConfig read(Path file) {
        String name = file.toString();
        Path dir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("/"));
        return parse(name, readText(file, name, null), dir);
    }

    /**
     * Reads and checks {@code install.yaml} content given as text.
     *
     * @param fileName what messages and {@link InstallConfig#source()} call it
     * @param yaml the content
     * @param baseDir what relative paths in it ({@code models.registry}, {@code *_file}) resolve against
     * @return the resolved config
     * @throws ConfigException listing every problem with its place
     */
    public InstallConfig parse(String fileName, String yaml, Path baseDir) {
        return new InstallReader(this, fileName, baseDir, null).read(yaml);
    }

    /**
     * Defaults for a host of {@code profile}, with no config file ({@code --quick-start}): this machine as target,
     * the profile's first recommended model in Q4_K_M (or the first quantization it is offered in), the SSH-tunnel
     * network mode, the usual ports, secrets from the environment or generated.
     *
     * @param profile the GPU profile, usually chosen from the host's facts
     * @return the config, with {@link #QUICK_START} as its source and {@code profile} set
     * @throws ConfigException if the profile recommends no model the registry has in any quantization
     */
    public InstallConfig quickStart(GpuProfile profile) {
        return new InstallReader(this, QUICK_START, home, Objects.requireNonNull(profile, "profile")).read("");
    }

    Map<String, String> environment() {
        return environment;
    }

    SecureRandom random() {
        return random;
    }

    Optional<ModelRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    Path home() {
        return home;
    }

    /** A whole file as UTF-8; a missing or unreadable file is a problem at {@code at} (or at line 1 of itself). */
    static String readText(Path file, String name, ConfigNode at) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw fileProblem(name, at, "no such file");
        } catch (CharacterCodingException e) {
            throw fileProblem(name, at, "not UTF-8 text");
        } catch (IOException e) {
            throw fileProblem(name, at, "cannot read: " + e.getMessage());
        }
    }

    private static ConfigException fileProblem(String name, ConfigNode at, String problem) {
        return at == null ? ConfigException.of(name, 0, 0, "", problem)
                : ConfigException.of(at.file(), at.line(), at.column(), at.path(), name + ": " + problem);
    }

    /** Sets up a {@link ConfigReader}; every setting has a default. */
    public static final class Builder {
        private Map<String, String> environment = System.getenv();
        private SecureRandom random = new SecureRandom();
        private ModelRegistry registry;
        private Path home = Path.of(System.getProperty("user.home", "/"));

        private Builder() {}

        /**
         * Sets where {@code HE300_*} variables are looked up (the process environment).
         *
         * @param value where {@code HE300_*} variables are looked up
         * @return this builder
         */
        public Builder environment(Map<String, String> value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /**
         * Sets the source of generated secrets (a new {@link SecureRandom}).
         *
         * @param value the source of generated secrets
         * @return this builder
         */
        public Builder random(SecureRandom value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * Sets a registry to use instead of the one {@code models.registry} names or the shipped one.
         *
         * @param value a registry to use instead of the one {@code models.registry} names or the shipped one
         * @return this builder
         */
        public Builder registry(ModelRegistry value) {
            this.registry = Objects.requireNonNull(value, "registry");
            return this;
        }

        /**
         * Sets what {@code ~} in paths expands to ({@code user.home}).
         *
         * @param value what {@code ~} in paths expands to
         * @return this builder
         */
        public Builder home(Path value) {
            this.home = Objects.requireNonNull(value, "home");
            return this;
        }

        /** {@return the {@link ConfigReader} these settings describe} */
        public ConfigReader build() {
            return new ConfigReader(this);
        }
    }
}
