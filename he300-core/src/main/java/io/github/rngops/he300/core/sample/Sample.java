package io.github.rngops.he300.core.sample;

import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.DatasetFile;
import java.util.List;
import java.util.Objects;

/**
 * A drawn HE-300 sample: the spec it was drawn with, the scenarios in the order to run them, and the dataset files
 * (with checksums) of its categories, which a result records to be reproducible.
 *
 * @param spec what was asked for
 * @param scenarios the drawn scenarios, in the order to run them
 * @param files the dataset files of the spec's categories
 */
public record Sample(SampleSpec spec, List<Scenario> scenarios, List<DatasetFile> files) {

    /**
     * Copies the lists.
     *
     * @param spec what was asked for; not null
     * @param scenarios the drawn scenarios, in the order to run them
     * @param files the dataset files of the spec's categories
     */
    public Sample {
        Objects.requireNonNull(spec, "spec");
        scenarios = List.copyOf(scenarios);
        files = List.copyOf(files);
    }
}
