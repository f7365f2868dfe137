package io.github.rngops.he300.sweep;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;

/**
 * One run of a sweep: a model on a host with a seed. Its {@link #id()} depends on those three only, so it is the same
 * on every machine and in every order of the file: {@code gpu-a.llama3.2-3b.s42}.
 *
 * @param id the stable id: host, model (and its quantization, when given and the name does not already say it) made
 *     file-name safe, seed
 * @param host the host's name
 * @param model the model
 * @param seed the sample's seed
 */
public record Cell(String id, String host, Model model, BigInteger seed) {

    /**
     * Checks that nothing is null; {@link #of} makes the id.
     *
     * @param id the stable id
     * @param host the host's name
     * @param model the model
     * @param seed the sample's seed
     */
    public Cell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(seed, "seed");
    }

    /**
     * The cell of {@code model} on {@code host} with {@code seed}, with its stable id.
     *
     * @param host the host's name
     * @param model the model; its name and quantization go into the id, lower case, other characters as {@code -}
     * @param seed the sample's seed
     * @return the cell, id {@code <host>.<model>.s<seed>}
     */
    public static Cell of(String host, Model model, BigInteger seed) {
        String name = slug(model.name());
        String quantization = model.quantization() == null ? null : slug(model.quantization());
        String modelPart = quantization == null || name.contains(quantization) ? name : name + "-" + quantization;
        return new Cell(host + "." + modelPart + ".s" + seed, host, model, seed);
    }

    /** Lower case; anything but letters, digits, {@code _} and {@code -} becomes {@code -}, runs of it one. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("-{2,}", "-");
        s = s.replaceAll("^-|-$", "");
        return s.isEmpty() ? "x" : s;
    }
}
