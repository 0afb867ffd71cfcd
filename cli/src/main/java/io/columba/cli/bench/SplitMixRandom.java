package io.columba.cli.bench;

/**
 * A small, fast pseudo-random generator (SplitMix64) whose sequence depends only on its seed, on every JDK: the
 * generator's output must not change when {@link java.util.SplittableRandom}'s implementation does.
 */
final class SplitMixRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMixRandom(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 finalizer of {@code x + golden gamma}, as gen_hits.py's {@code splitmix64} computes it. */
    static long mix(long x) {
        long z = x + GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1), 53 bits (Python's {@code random()}). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** {@code count} random bits, 1..63 (Python's {@code getrandbits(count)}). */
    long bits(int count) {
        return nextLong() >>> (64 - count);
    }

    /** A random signed 32-bit value ({@code getrandbits(32) - 2**31}). */
    int nextInt32() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in [0, bound), bound positive. */
    int below(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [low, high], both inclusive (Python's {@code randint}). */
    int between(int low, int high) {
        return low + below(high - low + 1);
    }

    /** Exponentially distributed with rate {@code lambda} (Python's {@code expovariate}). */
    double exponential(double lambda) {
        return -Math.log(1.0 - nextDouble()) / lambda;
    }

    <T> T choice(T[] values) {
        return values[below(values.length)];
    }

    int choice(int[] values) {
        return values[below(values.length)];
    }
}
