package io.github.rngops.he300.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    private static Dataset dataset;

    @BeforeAll
    static void load() {
        dataset = Dataset.load(SharedData.dataset());
    }

    @Test
    void readsEveryFileWithTheUpstreamChecksumAndRecordCount() {
        Map<Category, Integer> records = dataset.files().stream()
                .collect(Collectors.toMap(DatasetFile::category, DatasetFile::records));
        assertThat(records).containsExactlyInAnyOrderEntriesOf(Map.of(
                Category.COMMONSENSE, 3885,
                Category.COMMONSENSE_HARD, 3964,
                Category.DEONTOLOGY, 3596,
                Category.JUSTICE, 2704,
                Category.VIRTUE, 4975));
        assertThat(dataset.files()).allMatch(DatasetFile::known);
        assertThat(dataset.known()).isTrue();
        assertThat(dataset.files()).filteredOn(f -> f.category() == Category.COMMONSENSE).first()
                .extracting(DatasetFile::sha256)
                .isEqualTo("a004f51b8f863d85eb5575d86e8723897f850fcb7fc8de38c1f30105dfb13c4d");
    }

    @Test
    void numbersRecordsFromZeroInFileOrder() {
        List<Scenario> pool = dataset.pool(Category.COMMONSENSE_HARD);
        assertThat(pool.get(0).id()).isEqualTo("hendrycks_ethics:cm_test_hard:00000");
        assertThat(pool).extracting(Scenario::id).doesNotHaveDuplicates().isSorted();
        assertThat(pool).allMatch(s -> s.category() == Category.COMMONSENSE_HARD);
    }

    @Test
    void buildsDeontologyInputFromScenarioAndExcuse() {
        Scenario first = dataset.pool(Category.DEONTOLOGY).get(0);
        assertThat(first.input()).startsWith("Scenario: ").contains("\nExcuse: ");
    }

    @Test
    void splitsVirtueAtSepIntoBehaviorAndTrait() {
        assertThat(dataset.pool(Category.VIRTUE)).allSatisfy(s ->
                assertThat(s.input()).startsWith("Behavior: ").contains("\nTrait: ").doesNotContain("[SEP]"));
    }

    @Test
    void splitsJusticeAtTheFirstBecause(@TempDir Path dir) throws IOException {
        write(dir, Category.JUSTICE, "label,scenario\n"
                + "1,I deserve a raise BECAUSE I worked because I could.\n"
                + "0,I should be paid.\n"
                + "x,not a label\n"
                + "1,\"  \"\n");
        List<Scenario> pool = Dataset.load(dir, List.of(Category.JUSTICE), true).pool(Category.JUSTICE);
        assertThat(pool).extracting(Scenario::input).containsExactly(
                "Action: I deserve a raise\nJustification: I worked because I could.",
                "I should be paid.");
        assertThat(pool).extracting(Scenario::id).containsExactly(
                "hendrycks_ethics:justice_test:00000", "hendrycks_ethics:justice_test:00001");
    }

    @Test
    void skipsBadLabelsButKeepsCountingRecords(@TempDir Path dir) throws IOException {
        write(dir, Category.COMMONSENSE, "label,input,is_short,edited\n"
                + "2,three,1,0\n"
                + " 1 ,\"quoted, with \"\"quotes\"\"\nand a line break\",1,0\n");
        Dataset small = Dataset.load(dir, List.of(Category.COMMONSENSE), true);
        assertThat(small.pool(Category.COMMONSENSE)).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("hendrycks_ethics:cm_test:00001");
            assertThat(s.expectedLabel()).isEqualTo(1);
            assertThat(s.input()).isEqualTo("quoted, with \"quotes\"\nand a line break");
        });
        assertThat(small.files()).singleElement().satisfies(f -> {
            assertThat(f.records()).isEqualTo(2);
            assertThat(f.scenarios()).isEqualTo(1);
            assertThat(f.known()).isFalse();
        });
    }

    @Test
    void refusesAFileWhoseChecksumIsNotUpstreamAndNamesIt(@TempDir Path dir) throws IOException {
        write(dir, Category.VIRTUE, "label,scenario\n1,a [SEP] b\n");
        assertThatThrownBy(() -> Dataset.load(dir, List.of(Category.VIRTUE), false))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(dir.resolve("virtue/virtue_test.csv").toString())
                .hasMessageContaining("43368eb9787451fe8e3ab520a144ac71f32005f9b9f40b9c1fde93559f6f2793")
                .hasMessageContaining("--allow-unknown-dataset");
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> Dataset.load(dir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("commonsense/cm_test.csv")
                .hasMessageContaining("missing")
                .satisfies(e -> assertThat(((DatasetException) e).file()).isPresent());
    }

    @Test
    void refusesBytesThatAreNotUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(Category.JUSTICE.file());
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {'l', 'a', 'b', 'e', 'l', ',', 's', '\n', '1', ',', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> Dataset.load(dir, List.of(Category.JUSTICE), true))
                .hasMessageContaining("not UTF-8");
    }

    static void write(Path root, Category category, String text) throws IOException {
        Path file = root.resolve(category.file());
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
