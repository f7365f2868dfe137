package io.github.rngops.he300.core.sample;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * CPython 3.11's {@code random.Random}, reduced to what HE-300 sampling calls, and exact to the bit: the same seed
 * draws the same numbers, so a sample here matches one drawn by the reference implementation.
 *
 * <p>Ported from {@code Modules/_randommodule.c} (MT19937, {@code random_seed}, {@code init_by_array}) and
 * {@code Lib/random.py} ({@code _randbelow_with_getrandbits}, {@code sample}, {@code shuffle}). State words are held
 * in {@code int}s and read unsigned where it matters.
 */
final class PyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    private static final BigInteger WORD_MASK = BigInteger.valueOf(0xffffffffL);

    private final int[] mt = new int[N];
    private int mti;

    /** Seeds like {@code random.Random(seed)} with an int: the sign is dropped, as CPython does. */
    PyRandom(BigInteger seed) {
        initByArray(words(seed.abs()));
    }

    PyRandom(long seed) {
        this(BigInteger.valueOf(seed));
    }

    /** The 32-bit words of {@code n}, least significant first; zero is one word, 0. */
    private static int[] words(BigInteger n) {
        int count = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[count];
        for (int i = 0; i < count; i++) {
            key[i] = n.shiftRight(32 * i).and(WORD_MASK).intValue();
        }
        return key;
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    // int arithmetic wraps modulo 2^32 exactly like the C uint32_t code; only the shifts need to be unsigned.
    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = UPPER_MASK; // makes the state non-zero, as in the reference code
    }

    /** The next MT19937 output, {@code genrand_uint32}, as an unsigned value. */
    long nextWord() {
        if (mti >= N) {
            twist();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int kk = 0; kk < N; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK);
            mt[kk] = mt[(kk + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        mti = 0;
    }

    /** {@code getrandbits(k)} for {@code 0 <= k <= 32}: the top {@code k} bits of one word. */
    long getrandbits(int k) {
        if (k < 0 || k > 32) {
            throw new IllegalArgumentException("k must be in 0..32, was " + k);
        }
        return k == 0 ? 0 : nextWord() >>> (32 - k);
    }

    /** {@code _randbelow(n)}: rejection sampling on {@code n.bit_length()} bits, for {@code n > 0}. */
    int randbelow(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, was " + n);
        }
        int k = 32 - Integer.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return (int) r;
    }

    /** {@code random.sample(population, k)}: {@code k} distinct elements in selection order. */
    <T> List<T> sample(List<T> population, int k) {
        int n = population.size();
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("sample larger than population or negative: k=" + k + ", n=" + n);
        }
        List<T> result = new ArrayList<>(k);
        if (n <= setsize(k)) {
            List<T> pool = new ArrayList<>(population);
            for (int i = 0; i < k; i++) {
                int j = randbelow(n - i);
                result.add(pool.get(j));
                pool.set(j, pool.get(n - i - 1)); // move a non-selected element into the vacancy
            }
        } else {
            BitSet selected = new BitSet(n);
            for (int i = 0; i < k; i++) {
                int j = randbelow(n);
                while (selected.get(j)) {
                    j = randbelow(n);
                }
                selected.set(j);
                result.add(population.get(j));
            }
        }
        return result;
    }

    /**
     * CPython's threshold between the two branches of {@code sample}: {@code 21 + 4 ** ceil(log(3k, 4))} for
     * {@code k > 5}. {@code math.log(x, 4)} divides two natural logarithms in double precision, and so does this.
     */
    static long setsize(int k) {
        long size = 21;
        if (k > 5) {
            double exponent = Math.ceil(StrictMath.log(3.0 * k) / StrictMath.log(4.0));
            size += 1L << (2 * (long) exponent);
        }
        return size;
    }

    /** {@code random.shuffle(x)}, in place: Fisher-Yates from the end. */
    <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = randbelow(i + 1);
            T swapped = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swapped);
        }
    }
}
