package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigException;
import io.github.rngops.he300.core.config.DidYouMean;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The models the installer can pull and the GPU profiles it can configure, read from {@code models.yaml}. The shipped
 * registry ({@link #ofDefaults()}) corrects the seed design's: Llama 3.2 has 1B and 3B; the 8B model is Llama 3.1.
 *
 * <pre>{@code
 * ModelRegistry registry = ModelRegistry.ofDefaults();
 * ModelPull pull = registry.pull("llama-3.1-8B-instruct", "Q5_K_M");   // llama3.1:8b-instruct-q5_K_M
 * GpuProfile a10 = registry.profileFor("NVIDIA A10").orElse(registry.cpuProfile());
 * }</pre>
 *
 * @param source where it was read from (a file name, or {@value #DEFAULT_RESOURCE})
 * @param models by registry name, in file order
 * @param profiles by profile name, in file order
 */
public record ModelRegistry(String source, Map<String, ModelSpec> models, Map<String, GpuProfile> profiles) {
    /** The classpath resource (next to this class) of the shipped registry. */
    public static final String DEFAULT_RESOURCE = "models.yaml";
    private static final Pattern LLAMA_32_BIG = Pattern.compile("(?i)llama-?3\\.2-?(8|70)b.*");

    /**
     * Refuses a null component (a {@code NullPointerException} naming it), and copies the maps.
     *
     * @param source where it was read from (a file name, or {@value #DEFAULT_RESOURCE})
     * @param models by registry name, in file order
     * @param profiles by profile name, in file order
     */
    public ModelRegistry {
        Objects.requireNonNull(source, "source");
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    }

    /**
     * {@return the shipped registry: Llama 3.2 1B/3B, Llama 3.1 8B, Mistral 7B; profiles a10-24gb, a100-40gb, mac-m1-16gb, cpu}
     */
    public static ModelRegistry ofDefaults() {
        return Defaults.REGISTRY;
    }

    /**
     * Reads a registry file ({@code models.yaml}'s shape).
     *
     * @param file the file
     * @return the registry
     * @throws ConfigException listing every problem with its place (a missing or unreadable file is one)
     */
    public static ModelRegistry read(Path file) {
        return parse(file.toString(), ConfigReader.readText(file, file.toString(), null));
    }

    /**
     * Reads registry YAML given as text.
     *
     * @param fileName what messages and {@link #source()} call it
     * @param yaml the content
     * @return the registry
     * @throws ConfigException listing every problem with its place
     */
    public static ModelRegistry parse(String fileName, String yaml) {
        return RegistryReader.read(fileName, yaml);
    }

    /**
     * Looks a model up by its registry name.
     *
     * @param name the registry's name ({@code llama-3.2-3B-instruct}), exactly
     * @return the model, or empty if the registry does not have it
     */
    public Optional<ModelSpec> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /**
     * Looks a GPU profile up by name.
     *
     * @param name the profile's name ({@code a10-24gb}), exactly
     * @return the profile, or empty if the registry does not have it
     */
    public Optional<GpuProfile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /**
     * The profile for a device named {@code gpuName} ({@code NVIDIA A10}, {@code NVIDIA A100-SXM4-40GB},
     * {@code Apple M2}): the profile with the longest {@code gpu_names} prefix of it, ignoring case.
     *
     * @param gpuName the device name as {@code nvidia-smi} or {@code sysctl} prints it
     * @return the profile, or empty if no profile names a prefix of it
     */
    public Optional<GpuProfile> profileFor(String gpuName) {
        String lower = gpuName.strip().toLowerCase(java.util.Locale.ROOT);
        GpuProfile best = null;
        int bestLength = -1;
        for (GpuProfile profile : profiles.values()) {
            for (String prefix : profile.gpuNames()) {
                if (lower.startsWith(prefix.toLowerCase(java.util.Locale.ROOT)) && prefix.length() > bestLength) {
                    best = profile;
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@return the first profile without an accelerator: what a host without a usable GPU gets} */
    public GpuProfile cpuProfile() {
        return profiles.values().stream().filter(p -> p.accelerator() == GpuProfile.Accelerator.NONE).findFirst()
                .orElseThrow(() -> ConfigException.of(source, 0, 0, "gpu_profiles",
                        "no profile with accelerator: none, needed for a host without a GPU"));
    }

    /**
     * Resolves a model and quantization given on a command line ({@code --pull-model M --quantization Q}); a
     * refusal names the flag.
     *
     * @param model the registry's name of the model
     * @param quantization a quantization label, any case ({@code Q5_K_M})
     * @return the model, the quantization and the Ollama tag to pull
     * @throws ConfigException naming {@code --pull-model} or {@code --quantization}, with the nearest known name
     */
    public ModelPull pull(String model, String quantization) {
        return pull("--pull-model", model, quantization);
    }

    /**
     * Resolves a model and quantization as {@link #pull(String, String)} does, for the model given by another flag.
     *
     * @param flag the flag that named the model ({@code --set-model}), for the message
     * @param model the registry's name of the model
     * @param quantization a quantization label, any case
     * @return the model, the quantization and the Ollama tag to pull
     * @throws ConfigException naming {@code flag} or {@code --quantization}, with the nearest known name
     */
    public ModelPull pull(String flag, String model, String quantization) {
        ModelSpec spec = require(flag, model);
        Quantization q = Quantization.find(quantization).orElseThrow(() -> ConfigException.of("command line", 0, 0,
                "--quantization", unknownQuantization(quantization, spec)));
        return spec.tag(q).map(tag -> new ModelPull(model, q, tag)).orElseThrow(() -> ConfigException.of(
                "command line", 0, 0, "--quantization", unknownQuantization(quantization, spec)));
    }

    /**
     * Looks up the model a flag names, refusing a name the registry does not have.
     *
     * @param flag the flag that named the model ({@code --pull-model}), for the message
     * @param model the registry's name of the model
     * @return the model
     * @throws ConfigException naming {@code flag}, with the nearest known name (or the Llama 3.1 model meant)
     */
    public ModelSpec require(String flag, String model) {
        return model(model).orElseThrow(() -> ConfigException.of("command line", 0, 0, flag, unknownModel(model)));
    }

    /** The problem text for a name the registry does not have. */
    String unknownModel(String name) {
        if (LLAMA_32_BIG.matcher(name).matches()) {
            String size = name.replaceAll("(?i).*3\\.2-?(8|70)b.*", "$1");
            String instead = "llama-3.1-" + size + "B-instruct";
            return "'" + name + "' does not exist: Llama 3.2 has 1B and 3B only; the " + size + "B model is Llama 3.1,"
                    + " use '" + instead + "'";
        }
        return "unknown model '" + name + "'" + DidYouMean.hint(name, models.keySet());
    }

    /** The problem text for a quantization {@code spec} is not offered in. */
    static String unknownQuantization(String given, ModelSpec spec) {
        Optional<Quantization> known = Quantization.find(given);
        java.util.List<String> offered = spec.quantizations().keySet().stream().map(Quantization::label).toList();
        if (known.isPresent()) {
            return spec.name() + " is not offered in " + known.get() + " (offered: " + String.join(", ", offered)
                    + ")";
        }
        return "unknown quantization '" + given + "'" + DidYouMean.nearest(given, offered)
                .map(s -> "; did you mean '" + s + "'?")
                .orElse(" (offered for " + spec.name() + ": " + String.join(", ", offered) + ")");
    }

    /** The shipped registry, read once. */
    private static final class Defaults {
        static final ModelRegistry REGISTRY = load();

        private static ModelRegistry load() {
            try (InputStream in = ModelRegistry.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new UncheckedIOException(new NoSuchFileException(DEFAULT_RESOURCE + " (classpath)"));
                }
                return parse("classpath:" + DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
