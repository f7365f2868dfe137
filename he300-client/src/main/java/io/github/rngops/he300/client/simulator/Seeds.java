package io.github.rngops.he300.client.simulator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The simulator's randomness: every draw comes from the seed and a key (a scenario id, a prompt, a request number),
 * so it is the same whatever the order or concurrency of requests.
 */
final class Seeds {

    private static final long LATENCY = 0x4c4154454e4359L;
    private static final long FAULTS = 0x4641554c5453L;

    private Seeds() {}

    /** The stream for a scenario's answer: {@code SplittableRandom(seed ^ fnv1a64(id))}. */
    static SplittableRandom forText(long seed, String text) {
        return new SplittableRandom(seed ^ fnv1a64(text));
    }

    /** The stream for the latency of generation request {@code n}. */
    static SplittableRandom forLatency(long seed, long n) {
        return new SplittableRandom(seed ^ mix64(LATENCY + n));
    }

    /** The stream for the fault of generation request {@code n}. */
    static SplittableRandom forFault(long seed, long n) {
        return new SplittableRandom(seed ^ mix64(FAULTS + n));
    }

    /** 64-bit FNV-1a over the UTF-8 bytes, finished with {@link #mix64}. */
    static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix64(hash);
    }

    /** SplitMix64's finaliser. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
