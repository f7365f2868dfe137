package io.github.rngops.he300.provision.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a model's weights are stored; the registry maps each to an Ollama tag. */
public enum Quantization {
    Q4_K_M("Q4_K_M"),
    Q5_K_M("Q5_K_M"),
    Q8_0("Q8_0"),
    FP16("fp16");

    private final String label;

    Quantization(String label) {
        this.label = label;
    }

    /** As written in the files: {@code Q4_K_M}, {@code fp16}. */
    public String label() {
        return label;
    }

    /** {@return the quantization written {@code text} (any case), if there is one} */
    public static Optional<Quantization> find(String text) {
        return Arrays.stream(values()).filter(q -> q.label.equalsIgnoreCase(text)).findFirst();
    }

    /** {@return every label, in order} */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Quantization::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
