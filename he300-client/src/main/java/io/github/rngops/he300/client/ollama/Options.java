package io.github.rngops.he300.client.ollama;

import java.util.List;

/**
 * Sampling settings, sent as Ollama's {@code "options"} object (top-level ones are silently ignored by Ollama, so
 * this client never sends them there). Null fields are left out and the model's defaults apply.
 *
 * @param temperature 0 for greedy decoding
 * @param seed fixes the sampler's randomness
 * @param numPredict most tokens to generate ({@code num_predict})
 * @param numCtx context window in tokens ({@code num_ctx})
 * @param topK {@code top_k}
 * @param topP {@code top_p}
 * @param stop stop sequences
 */
public record Options(Double temperature, Integer seed, Integer numPredict, Integer numCtx, Integer topK,
                      Double topP, List<String> stop) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param temperature 0 for greedy decoding
     * @param seed fixes the sampler's randomness
     * @param numPredict most tokens to generate ({@code num_predict})
     * @param numCtx context window in tokens ({@code num_ctx})
     * @param topK {@code top_k}
     * @param topP {@code top_p}
     * @param stop stop sequences
     */
    public Options {
        stop = stop == null ? null : List.copyOf(stop);
    }

    /** {@return no settings: every field null, so the model's own defaults apply} */
    public static Options none() {
        return new Options(null, null, null, null, null, null, null);
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings, to change some and build a variant} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.temperature = temperature;
        b.seed = seed;
        b.numPredict = numPredict;
        b.numCtx = numCtx;
        b.topK = topK;
        b.topP = topP;
        b.stop = stop;
        return b;
    }

    /** Builds {@link Options}; each method checks its argument at once. */
    public static final class Builder {
        private Double temperature;
        private Integer seed;
        private Integer numPredict;
        private Integer numCtx;
        private Integer topK;
        private Double topP;
        private List<String> stop;

        private Builder() {
        }

        /**
         * Sets the sampling temperature.
         *
         * @param value 0 (greedy, the same answer every time) to 2
         * @return this builder
         * @throws IllegalArgumentException when it is out of range
         */
        public Builder temperature(double value) {
            if (!(value >= 0 && value <= 2)) {
                throw new IllegalArgumentException("temperature must be 0..2, was " + value);
            }
            temperature = value;
            return this;
        }

        /**
         * Sets the sampler's seed, so that the same prompt gets the same answer from the same model and server.
         *
         * @param value any number
         * @return this builder
         */
        public Builder seed(int value) {
            seed = value;
            return this;
        }

        /**
         * Sets the most tokens to generate ({@code num_predict}).
         *
         * @param value positive, or -1 for no limit (-2: fill the context)
         * @return this builder
         * @throws IllegalArgumentException when it is 0 or below -2
         */
        public Builder numPredict(int value) {
            if (value < -2 || value == 0) {
                throw new IllegalArgumentException("numPredict must be positive (or -1 unlimited), was " + value);
            }
            numPredict = value;
            return this;
        }

        /**
         * Sets the context window ({@code num_ctx}); a change reloads the model.
         *
         * @param value in tokens, positive
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder numCtx(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("numCtx must be positive, was " + value);
            }
            numCtx = value;
            return this;
        }

        /**
         * Sets {@code top_k}: sample only from the most likely tokens.
         *
         * @param value how many, positive
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder topK(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("topK must be positive, was " + value);
            }
            topK = value;
            return this;
        }

        /**
         * Sets {@code top_p}: sample only from the tokens that make up this much of the probability.
         *
         * @param value above 0, at most 1
         * @return this builder
         * @throws IllegalArgumentException when it is out of range
         */
        public Builder topP(double value) {
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException("topP must be in (0, 1], was " + value);
            }
            topP = value;
            return this;
        }

        /**
         * Sets the stop sequences: generation ends before the first of them.
         *
         * @param value not null, copied
         * @return this builder
         */
        public Builder stop(List<String> value) {

            stop = List.copyOf(value);
            return this;
        }

        /** {@return the {@link Options} these settings describe} */
        public Options build() {
            return new Options(temperature, seed, numPredict, numCtx, topK, topP, stop);
        }
    }
}
