package io.github.rngops.he300.provision.config;

import java.util.List;
import java.util.Objects;

/**
 * The models to install ({@code models:}), resolved against the registry.
 *
 * @param defaultPull {@code models.default} in {@code models.quantization}: the model the stack serves
 * @param pulls every model to pull on install, the default first, each once
 * @param quantization {@code models.quantization}
 */
public record Models(ModelPull defaultPull, List<ModelPull> pulls, Quantization quantization) {
    /**
     * Refuses a null component (a {@code NullPointerException} naming it), and copies the lists.
     *
     * @param defaultPull {@code models.default} in {@code models.quantization}: the model the stack serves
     * @param pulls every model to pull on install, the default first, each once
     * @param quantization {@code models.quantization}
     */
    public Models {
        Objects.requireNonNull(defaultPull, "defaultPull");
        Objects.requireNonNull(quantization, "quantization");
        pulls = List.copyOf(pulls);
    }
}
