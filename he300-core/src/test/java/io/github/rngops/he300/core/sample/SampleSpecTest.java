package io.github.rngops.he300.core.sample;

import static io.github.rngops.he300.core.Category.COMMONSENSE;
import static io.github.rngops.he300.core.Category.COMMONSENSE_HARD;
import static io.github.rngops.he300.core.Category.DEONTOLOGY;
import static io.github.rngops.he300.core.Category.JUSTICE;
import static io.github.rngops.he300.core.Category.VIRTUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.He300Exception;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSpecTest {

    @Test
    void defaultsToVersion10FullSampleOfAllCategoriesWithSeed42() {
        SampleSpec spec = SampleSpec.ofDefaults();
        assertThat(spec.version()).isEqualTo(ProtocolVersion.V1_0);
        assertThat(spec.size()).isEqualTo(300);
        assertThat(spec.categories()).containsExactly(Category.values());
        assertThat(spec.seed()).isEqualTo(BigInteger.valueOf(42));
        assertThat(SampleSpec.builder().build()).isEqualTo(spec);
    }

    @Test
    void fullSampleOfAllCategoriesFollowsTheVersionTable() {
        assertThat(SampleSpec.ofDefaults().counts()).containsExactly(
                entry(COMMONSENSE, 75), entry(COMMONSENSE_HARD, 75), entry(DEONTOLOGY, 50), entry(JUSTICE, 50),
                entry(VIRTUE, 50));
        assertThat(SampleSpec.builder().version(ProtocolVersion.V1_1).build().counts()).containsExactly(
                entry(COMMONSENSE, 50), entry(COMMONSENSE_HARD, 100), entry(DEONTOLOGY, 50), entry(JUSTICE, 50),
                entry(VIRTUE, 50));
        assertThat(SampleSpec.builder().version(ProtocolVersion.V1_2).build().counts()).containsExactly(
                entry(COMMONSENSE, 50), entry(COMMONSENSE_HARD, 50), entry(DEONTOLOGY, 75), entry(JUSTICE, 50),
                entry(VIRTUE, 75));
    }

    @Test
    void quickSampleTakesSixPerCategoryWhateverTheVersion() {
        SampleSpec quick = SampleSpec.builder().version(ProtocolVersion.V1_1).size(SampleSpec.QUICK_SIZE).build();
        assertThat(quick.counts()).containsExactly(
                entry(COMMONSENSE, 6), entry(COMMONSENSE_HARD, 6), entry(DEONTOLOGY, 6), entry(JUSTICE, 6),
                entry(VIRTUE, 6));
    }

    @Test
    void otherSizesSplitEquallyWithTheRemainderToTheFirstCategories() {
        assertThat(SampleSpec.builder().size(298).build().counts()).containsExactly(
                entry(COMMONSENSE, 60), entry(COMMONSENSE_HARD, 60), entry(DEONTOLOGY, 60), entry(JUSTICE, 59),
                entry(VIRTUE, 59));
        assertThat(SampleSpec.builder().size(3).build().counts()).containsExactly(
                entry(COMMONSENSE, 1), entry(COMMONSENSE_HARD, 1), entry(DEONTOLOGY, 1), entry(JUSTICE, 0),
                entry(VIRTUE, 0));
    }

    @Test
    void fullSizeOfACategorySubsetSplitsEqually() {
        SampleSpec spec = SampleSpec.builder().categories(VIRTUE, COMMONSENSE_HARD, DEONTOLOGY, JUSTICE).build();
        assertThat(spec.counts()).containsExactly(
                entry(COMMONSENSE_HARD, 75), entry(DEONTOLOGY, 75), entry(JUSTICE, 75), entry(VIRTUE, 75));
        assertThat(SampleSpec.builder().size(7).categories(VIRTUE, JUSTICE).build().counts())
                .containsExactly(entry(JUSTICE, 4), entry(VIRTUE, 3));
    }

    @Test
    void keepsCategoriesInProtocolOrder() {
        SampleSpec spec = new SampleSpec(ProtocolVersion.V1_0, 30, List.of(VIRTUE, COMMONSENSE), BigInteger.ONE);
        assertThat(spec.categories()).containsExactly(COMMONSENSE, VIRTUE);
    }

    @Test
    void acceptsSeedsFarBeyondLong() {
        BigInteger huge = BigInteger.TWO.pow(200).add(BigInteger.ONE);
        assertThat(SampleSpec.builder().seed(huge).build().seed()).isEqualTo(huge);
        assertThat(SampleSpec.builder().seed(0).build().seed()).isZero();
    }

    @Test
    void refusesSizeBelowOne() {
        assertThatThrownBy(() -> SampleSpec.builder().size(0))
                .isInstanceOf(SampleSpecException.class)
                .hasMessage("sample size must be at least 1, was 0: use 30 for a quick run or 300 for the full benchmark")
                .satisfies(e -> assertThat(((SampleSpecException) e).setting()).isEqualTo("size"));
        assertThatThrownBy(() -> new SampleSpec(ProtocolVersion.V1_0, -3, Category.all(), BigInteger.ONE))
                .isInstanceOf(He300Exception.class)
                .hasMessageContaining("was -3");
    }

    @Test
    void refusesNegativeSeed() {
        assertThatThrownBy(() -> SampleSpec.builder().seed(-1))
                .isInstanceOf(SampleSpecException.class)
                .hasMessage("seed must be a non-negative integer, was -1: use 0 or more (the default is 42)")
                .satisfies(e -> assertThat(((SampleSpecException) e).value()).isEqualTo("-1"));
    }

    @Test
    void refusesNoCategories() {
        assertThatThrownBy(() -> SampleSpec.builder().categories(List.of()))
                .isInstanceOf(SampleSpecException.class)
                .hasMessage("categories must name at least one category, none were given: choose from "
                        + "commonsense, commonsense_hard, deontology, justice, virtue");
    }

    @Test
    void refusesADuplicateCategory() {
        assertThatThrownBy(() -> SampleSpec.builder().categories(JUSTICE, VIRTUE, JUSTICE))
                .isInstanceOf(SampleSpecException.class)
                .hasMessage("categories names justice more than once (justice,virtue,justice): name each category once")
                .satisfies(e -> assertThat(((SampleSpecException) e).setting()).isEqualTo("categories"));
    }

    @Test
    void aVariantComesFromToBuilder() {
        SampleSpec quick = SampleSpec.builder().size(30).seed(7).build();
        SampleSpec variant = quick.toBuilder().categories(VIRTUE).build();
        assertThat(variant).isEqualTo(new SampleSpec(ProtocolVersion.V1_0, 30, List.of(VIRTUE), BigInteger.valueOf(7)));
        assertThat(quick.categories()).hasSize(5);
    }
}
