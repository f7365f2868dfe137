package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.sample.ProtocolVersion;
import io.github.rngops.he300.core.sample.SampleSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The flags that choose a sample, shared by {@code sample} and {@code benchmark}. */
public final class SampleOptions {
    @Option(names = "--protocol-version", paramLabel = "V", defaultValue = "1.0",
            description = "HE-300 version: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = VersionIds.class)
    String version;

    @ArgGroup(exclusive = true)
    Size size = new Size();

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the CPython-exact sampler, any non-negative integer. Default: ${DEFAULT-VALUE}.")
    String seed;

    @Option(names = "--categories", paramLabel = "C,C", split = ",",
            description = "Categories to draw from (default: all): commonsense, commonsense_hard, deontology, justice,"
                    + " virtue.")
    List<String> categories;

    static final class Size {
        @Option(names = "--sample-size", paramLabel = "N", description = "Scenarios to draw. Default: 300.")
        Integer count;

        @Option(names = "--quick", description = "30 scenarios, 6 per category.")
        boolean quick;

        @Option(names = "--full", description = "The full 300.")
        boolean full;
    }

    static final class VersionIds extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        VersionIds() {
            super(List.of("1.0", "1.1", "1.2"));
        }
    }

    /** {@return the spec these flags describe; a bad value is a {@link He300Exception} that says how to fix it} */
    public SampleSpec spec() {
        SampleSpec.Builder builder = SampleSpec.builder()
                .version(ProtocolVersion.fromId(version).orElseThrow(() -> new He300Exception(
                        "unknown protocol version '" + version + "': use one of " + ProtocolVersion.allIds())))
                .seed(seed())
                .size(size());
        if (categories != null) {
            builder.categories(categories.stream().map(SampleOptions::category).toList());
        }
        return builder.build();
    }

    private int size() {
        if (size.quick) {
            return SampleSpec.QUICK_SIZE;
        }
        return size.count != null ? size.count : SampleSpec.FULL_SIZE;
    }

    private BigInteger seed() {
        try {
            return new BigInteger(seed.trim());
        } catch (NumberFormatException e) {
            throw new He300Exception("seed must be a non-negative integer, was '" + seed + "'");
        }
    }

    private static Category category(String id) {
        return Category.fromId(id).orElseThrow(() -> new He300Exception(
                "unknown category '" + id + "': use one or more of " + Category.allIds()));
    }
}
