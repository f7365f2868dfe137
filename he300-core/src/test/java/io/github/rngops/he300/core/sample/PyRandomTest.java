package io.github.rngops.he300.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values were printed by CPython 3.11.7's {@code random.Random} and are pasted here, so the build needs no
 * Python.
 */
class PyRandomTest {

    @ParameterizedTest(name = "seed {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0                               | 3626764237 1654615998 3255389356 3823568514 1806341205
            1                               | 577090037 2444712010 3639700191 3445702192 3280387012
            42                              | 2746317213 478163327 107420369 3184935163 1181241943
            4294967295                      | 2728839433 2661025012 872737089 924893097 2608619700
            4294967296                      | 485306839 1508871100 1794561286 4014597330 71624475
            18446744073709551623            | 4134331577 364536972 1405532956 207176672 3322737464
            1000000000000000000000000000000 | 4012147334 2100903950 2256175901 532161490 1499660927
            -5                              | 2675342405 1097127993 3185950873 1539898300 3415330359
            """)
    void seedsLikeCpythonForSmallHugeAndNegativeSeeds(String seed, String expectedWords) {
        PyRandom random = new PyRandom(new BigInteger(seed));
        List<Long> words = IntStream.range(0, 5).mapToObj(i -> random.getrandbits(32)).toList();
        assertThat(words).containsExactlyElementsOf(longs(expectedWords));
    }

    @Test
    void getrandbitsKeepsTheTopBitsOfOneWord() {
        PyRandom random = new PyRandom(42);
        List<Long> bits = IntStream.of(1, 7, 16, 31, 32, 5).mapToObj(random::getrandbits).toList();
        assertThat(bits).containsExactly(1L, 14L, 1639L, 1592467581L, 1181241943L, 7L);
    }

    @Test
    void getrandbitsOfZeroDrawsNothing() {
        PyRandom random = new PyRandom(42);
        assertThat(random.getrandbits(0)).isZero();
        assertThat(random.getrandbits(32)).isEqualTo(2746317213L);
    }

    @Test
    void randbelowRejectsLikeCpython() {
        PyRandom random = new PyRandom(42);
        List<Integer> drawn = IntStream.of(1, 2, 3, 10, 1000, 5000, Integer.MAX_VALUE)
                .mapToObj(random::randbelow).toList();
        assertThat(drawn).containsExactly(0, 0, 2, 4, 250, 1828, 299655412);
    }

    @ParameterizedTest(name = "k={0} -> {1}")
    @CsvSource({"1,21", "5,21", "6,85", "21,85", "22,277", "85,277", "86,1045", "341,1045", "342,4117",
        "1000,4117", "100000,1048597", "1000000000,4294967317"})
    void setsizeMatchesCpythonThresholds(int k, long expected) {
        assertThat(PyRandom.setsize(k)).isEqualTo(expected);
    }

    @Test
    void samplesALargePoolThroughTheSelectedSet() {
        assertThat(new PyRandom(42).sample(range(5000), 75)).containsExactlyElementsOf(ints("""
                912 204 2253 2006 1828 1143 839 4467 712 4837 3456 260 244 767 1791 1905 4139 4931 217 4597 1628
                4464 3436 1805 3679 4827 2278 53 1307 3462 2787 2276 1273 1763 2757 837 759 3112 792 2940 2817 4945
                2166 355 3763 4392 1022 3100 645 4522 2401 2962 4729 1575 569 375 1866 2370 653 1907 827 3113 2277
                3714 2988 1332 3032 2910 1716 2187 584 4990 1401 4375 2005"""));
    }

    @Test
    void samplesASmallPoolByMovingTheLastIntoTheGap() {
        assertThat(new PyRandom(42).sample(range(50), 10)).containsExactly(40, 7, 1, 17, 15, 14, 8, 6, 34, 5);
        assertThat(new PyRandom(7).sample(range(30), 5)).containsExactly(10, 4, 12, 20, 1);
    }

    @Test
    void switchesBranchExactlyAtTheSetsize() {
        // Seed 2 gives different draws in the two branches, so each side of the threshold is told apart.
        assertThat(new PyRandom(2).sample(range(21), 5)).containsExactly(1, 2, 19, 11, 5);
        assertThat(new PyRandom(2).sample(range(22), 5)).containsExactly(1, 2, 11, 5, 21);
        assertThat(new PyRandom(2).sample(range(85), 6)).containsExactly(7, 11, 10, 46, 21, 39);
        assertThat(new PyRandom(2).sample(range(86), 6)).containsExactly(7, 11, 10, 46, 21, 85);
    }

    @Test
    void shufflesLikeCpython() {
        List<Integer> list = range(20);
        new PyRandom(42).shuffle(list);
        assertThat(list).containsExactly(19, 5, 14, 4, 9, 13, 15, 18, 6, 12, 17, 10, 1, 11, 2, 16, 7, 8, 0, 3);
    }

    @Test
    void sampleThenShuffleShareOneGenerator() {
        PyRandom random = new PyRandom(new BigInteger("1000000000000000000000000000000"));
        assertThat(random.sample(range(4975), 50)).containsExactlyElementsOf(ints("""
                4007 4303 1015 2860 177 2702 1188 3381 3727 1105 3482 2659 12 1878 4723 3577 4384 3996 1772 2375
                4051 473 995 236 2252 167 3515 4185 1934 4940 4863 985 3472 1801 3503 742 4745 4405 3468 1005 4176
                621 4069 4894 95 1101 1983 2777 2664 725"""));
        List<Integer> list = range(10);
        random.shuffle(list);
        assertThat(list).containsExactly(9, 8, 7, 2, 6, 0, 1, 4, 3, 5);
    }

    @Test
    void samplingEveryElementTakesEachOnce() {
        List<Integer> population = List.copyOf(range(30));
        assertThat(new PyRandom(7).sample(population, 30)).containsExactlyInAnyOrderElementsOf(population);
        assertThat(new PyRandom(7).sample(range(10), 10)).containsExactlyInAnyOrderElementsOf(range(10));
    }

    private static List<Integer> range(int n) {
        return new ArrayList<>(IntStream.range(0, n).boxed().toList());
    }

    private static List<Long> longs(String words) {
        return List.of(words.trim().split("\\s+")).stream().map(Long::valueOf).toList();
    }

    private static List<Integer> ints(String words) {
        return List.of(words.trim().split("\\s+")).stream().map(Integer::valueOf).toList();
    }
}
