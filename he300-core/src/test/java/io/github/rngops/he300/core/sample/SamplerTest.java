package io.github.rngops.he300.core.sample;

import static io.github.rngops.he300.core.Category.COMMONSENSE;
import static io.github.rngops.he300.core.Category.JUSTICE;
import static io.github.rngops.he300.core.Category.VIRTUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.dataset.DatasetFile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sampler on small in-memory pools, so it is checked without the shared dataset. Expected orders were printed by
 * CPython 3.11.7 drawing from {@code range(n)} the same way.
 */
class SamplerTest {
    private static final Dataset DATASET = dataset(Map.of(COMMONSENSE, 40, VIRTUE, 10, JUSTICE, 30));

    @Test
    void drawsEachCategoryThenShufflesOnceLikeCpython() {
        // r = Random(5); x = r.sample(range(40), 13) + virtue_pool; r.shuffle(x)  (virtue's 12 >= its pool of 10)
        SampleSpec spec = SampleSpec.builder().size(25).categories(VIRTUE, COMMONSENSE).seed(5).build();

        Sample sample = Sampler.draw(spec, DATASET);

        assertThat(sample.scenarios()).extracting(Scenario::id).containsExactlyElementsOf(ids(
                "co:29 co:10 vi:6 vi:0 vi:3 co:36 co:32 vi:7 co:11 co:16 vi:8 vi:1 co:22 co:1 vi:2 co:15 co:39 vi:9"
                        + " vi:5 co:33 vi:4 co:27 co:3"));
    }

    @Test
    void takesTheWholePoolWithoutDrawingWhenTheCountReachesIt() {
        SampleSpec spec = SampleSpec.builder().size(25).categories(COMMONSENSE, VIRTUE).seed(5).build();
        assertThat(spec.counts()).containsEntry(VIRTUE, 12);

        Sample sample = Sampler.draw(spec, DATASET);

        assertThat(sample.scenarios()).hasSize(23)
                .filteredOn(s -> s.category() == VIRTUE).containsExactlyInAnyOrderElementsOf(DATASET.pool(VIRTUE));
    }

    @Test
    void acceptsSeedsBeyondSixtyFourBits() {
        SampleSpec spec = SampleSpec.builder().size(7).categories(JUSTICE).seed(BigInteger.TWO.pow(70)).build();

        assertThat(Sampler.draw(spec, DATASET).scenarios()).extracting(Scenario::id)
                .containsExactlyElementsOf(ids("ju:3 ju:25 ju:7 ju:0 ju:15 ju:13 ju:24"));
    }

    @Test
    void sameSpecDrawsTheSameSample() {
        SampleSpec spec = SampleSpec.builder().size(20).categories(COMMONSENSE, JUSTICE).seed(11).build();

        assertThat(Sampler.draw(spec, DATASET)).isEqualTo(Sampler.draw(spec, DATASET));
        assertThat(Sampler.draw(spec.toBuilder().seed(12).build(), DATASET).scenarios())
                .isNotEqualTo(Sampler.draw(spec, DATASET).scenarios());
    }

    @Test
    void recordsTheFilesOfItsCategoriesOnly() {
        SampleSpec spec = SampleSpec.builder().size(4).categories(JUSTICE, VIRTUE).build();

        Sample sample = Sampler.draw(spec, DATASET);

        assertThat(sample.spec()).isEqualTo(spec);
        assertThat(sample.files()).extracting(DatasetFile::category).containsExactly(JUSTICE, VIRTUE);
    }

    @Test
    void sampleIsImmutable() {
        Sample sample = Sampler.draw(SampleSpec.builder().size(3).categories(VIRTUE).build(), DATASET);

        assertThatThrownBy(() -> sample.scenarios().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesASizeBeyondThePoolsOfTheChosenCategories() {
        SampleSpec spec = SampleSpec.builder().size(41).categories(VIRTUE, JUSTICE).build();

        assertThatThrownBy(() -> Sampler.draw(spec, DATASET))
                .isInstanceOf(He300Exception.class)
                .hasMessage("sample size 41 exceeds the 40 scenarios of the chosen categories (justice,virtue):"
                        + " ask for at most 40 or choose more categories");
    }

    @Test
    void refusesACategoryTheDatasetDidNotLoad() {
        SampleSpec spec = SampleSpec.builder().size(5).categories(Category.DEONTOLOGY, VIRTUE).build();

        assertThatThrownBy(() -> Sampler.draw(spec, DATASET))
                .isInstanceOf(He300Exception.class)
                .hasMessage("the dataset at memory has no deontology scenarios: load deontology/deontology_test.csv"
                        + " or leave deontology out of the categories");
    }

    /** Pools of synthetic scenarios with ids like {@code co:7} (commonsense record 7), and one file record per category. */
    private static Dataset dataset(Map<Category, Integer> sizes) {
        Map<Category, List<Scenario>> pools = new EnumMap<>(Category.class);
        sizes.forEach((category, size) -> pools.put(category, IntStream.range(0, size)
                .mapToObj(i -> new Scenario(category.id().substring(0, 2) + ":" + i, category, "input " + i, i % 2))
                .toList()));
        List<DatasetFile> files = pools.entrySet().stream()
                .map(e -> new DatasetFile(e.getKey(), "sha-" + e.getKey().id(), e.getValue().size(),
                        e.getValue().size(), false))
                .toList();
        return new Dataset(Path.of("memory"), pools, files);
    }

    private static List<String> ids(String ids) {
        return List.of(ids.split(" "));
    }
}
