package io.github.rngops.he300.provision.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a model's weights are stored; the registry maps each to an Ollama tag. */
public enum Quantization {
    /** 4-bit k-quant, medium: the default, smallest of the four. */
    Q4_K_M("Q4_K_M"),
    /** 5-bit k-quant, medium. */
    Q5_K_M("Q5_K_M"),
    /** 8-bit. */
    Q8_0("Q8_0"),
    /** Unquantized 16-bit floats: the most memory. */
    FP16("fp16");

    private final String label;

    Quantization(String label) {
        this.label = label;
    }

    /** {@return the label as written in the files and on command lines: {@code Q4_K_M}, {@code fp16}} */
    public String label() {
        return label;
    }

    /**
     * {@return the quantization written {@code text} (any case), if there is one}
     *
     * @param text a label as a person typed it
     */
    public static Optional<Quantization> find(String text) {
        return Arrays.stream(values()).filter(q -> q.label.equalsIgnoreCase(text)).findFirst();
    }

    /** {@return every label, in order} */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Quantization::label).toList();
    }

    /** {@return the label} */
    @Override
    public String toString() {
        return label;
    }
}
