package io.columba.executor.function.aggregate;

/**
 * The pcg32_fast generator of the PCG library, as ClickHouse's groupArraySample draws from it: a 64-bit
 * multiplicative congruential state (seeded {@code seed | 3}) and the XSH RS output of the state before each step.
 */
final class Pcg32Fast {
    private static final long MULTIPLIER = 6364136223846793005L;

    private long state;

    Pcg32Fast(long seed) {
        this.state = seed | 3;
    }

    private Pcg32Fast(long state, boolean raw) {
        this.state = state;
    }

    static Pcg32Fast ofState(long state) {
        return new Pcg32Fast(state, true);
    }

    long state() {
        return state;
    }

    /** The next 32 random bits, as an unsigned number. */
    long next() {
        long old = state;
        state = old * MULTIPLIER;
        int shift = (int) (old >>> 61);
        old ^= old >>> 22;
        return (old >>> (22 + shift)) & 0xFFFFFFFFL;
    }

    /** A number in [0, limit) as ClickHouse's genRandom takes it: one draw modulo the limit below 2^32, else two. */
    long below(long limit) {
        if (Long.compareUnsigned(limit, 0xFFFFFFFFL) <= 0) {
            return Long.remainderUnsigned(next(), limit);
        }
        long high = next();
        return Long.remainderUnsigned(high * (1L << 32) + next(), limit);
    }
}
