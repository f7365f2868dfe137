package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.DatasetFile;
import io.github.rngops.he300.core.sample.Sample;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What was run: everything that decides which scenarios a run saw.
 *
 * @param protocolVersion e.g. {@code 1.0}; null for a result converted from a server that does not say
 * @param seed the sampler's seed as a decimal string (it may exceed 64 bits); null when not known
 * @param size scenarios in the sample
 * @param categories in protocol order
 * @param scenarioIds in sample order
 * @param datasetFiles the dataset files of those categories, with SHA-256; empty when not known
 * @param datasetKnown true when every dataset file is the upstream one
 */
public record RunSpec(String protocolVersion, String seed, int size, List<Category> categories,
        List<String> scenarioIds, List<DatasetFile> datasetFiles, boolean datasetKnown) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param protocolVersion e.g. {@code 1.0}; null for a result converted from a server that does not say
     * @param seed the sampler's seed as a decimal string (it may exceed 64 bits); null when not known
     * @param size scenarios in the sample
     * @param categories in protocol order
     * @param scenarioIds in sample order
     * @param datasetFiles the dataset files of those categories, with SHA-256; empty when not known
     * @param datasetKnown true when every dataset file is the upstream one
     */
    public RunSpec {
        categories = List.copyOf(categories);
        scenarioIds = List.copyOf(scenarioIds);
        datasetFiles = List.copyOf(datasetFiles);
        if (size != scenarioIds.size()) {
            throw new IllegalArgumentException("size " + size + " but " + scenarioIds.size() + " scenario ids");
        }
    }

    /**
     * {@return the spec of a drawn sample}
     *
     * @param sample the sample
     */
    public static RunSpec of(Sample sample) {
        List<String> ids = sample.scenarios().stream().map(Scenario::id).collect(Collectors.toList());
        boolean known = !sample.files().isEmpty() && sample.files().stream().allMatch(DatasetFile::known);
        return new RunSpec(sample.spec().version().id(), sample.spec().seed().toString(), ids.size(),
                sample.spec().categories(), ids, sample.files(), known);
    }
}
