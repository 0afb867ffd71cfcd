package io.columba.storage.index;

/**
 * A Bloom filter over byte strings: {@code hashes} bit positions per value from two 64-bit hashes (Kirsch and
 * Mitzenmacher's double hashing), in {@code bits.length * 64} bits.
 */
public final class BloomFilter {
    private final long[] bits;
    private final int hashes;
    private final long seed;

    public BloomFilter(int bitCount, int hashes, long seed) {
        this.bits = new long[Math.max(1, (bitCount + 63) / 64)];
        this.hashes = Math.max(1, hashes);
        this.seed = seed;
    }

    BloomFilter(long[] bits, int hashes, long seed) {
        this.bits = bits;
        this.hashes = hashes;
        this.seed = seed;
    }

    public long[] words() {
        return bits;
    }

    public void add(byte[] value, int offset, int length) {
        long h1 = hash(value, offset, length, seed);
        long h2 = hash(value, offset, length, seed ^ 0x9E3779B97F4A7C15L) | 1;
        long size = bits.length * 64L;
        for (int i = 0; i < hashes; i++) {
            long position = Long.remainderUnsigned(h1 + i * h2, size);
            bits[(int) (position >>> 6)] |= 1L << position;
        }
    }

    public boolean mayContain(byte[] value, int offset, int length) {
        long h1 = hash(value, offset, length, seed);
        long h2 = hash(value, offset, length, seed ^ 0x9E3779B97F4A7C15L) | 1;
        long size = bits.length * 64L;
        for (int i = 0; i < hashes; i++) {
            long position = Long.remainderUnsigned(h1 + i * h2, size);
            if ((bits[(int) (position >>> 6)] & (1L << position)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** A 64-bit FNV-1a hash finished with a murmur mix, seeded. */
    static long hash(byte[] value, int offset, int length, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = offset; i < offset + length; i++) {
            h ^= value[i] & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
