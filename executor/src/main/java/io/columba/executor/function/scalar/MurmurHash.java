package io.columba.executor.function.scalar;

/** MurmurHash2 (32 and 64A) and MurmurHash3 (x86_32, x64_128), seed 0 unless given, as ClickHouse uses them. */
final class MurmurHash {
    private MurmurHash() {}

    static int hash2x32(byte[] data, int at, int len, int seed) {
        int m = 0x5bd1e995;
        int h = seed ^ len;
        int pos = at;
        int left = len;
        while (left >= 4) {
            int k = (int) CityHash102.fetch32(data, pos);
            k *= m;
            k ^= k >>> 24;
            k *= m;
            h *= m;
            h ^= k;
            pos += 4;
            left -= 4;
        }
        switch (left) {
            case 3:
                h ^= (data[pos + 2] & 0xFF) << 16;
            case 2:
                h ^= (data[pos + 1] & 0xFF) << 8;
            case 1:
                h ^= data[pos] & 0xFF;
                h *= m;
            default:
        }
        h ^= h >>> 13;
        h *= m;
        h ^= h >>> 15;
        return h;
    }

    static long hash2x64(byte[] data, int at, int len, long seed) {
        long m = 0xc6a4a7935bd1e995L;
        long h = seed ^ (len * m);
        int pos = at;
        int blocks = len / 8;
        for (int b = 0; b < blocks; b++, pos += 8) {
            long k = CityHash102.fetch64(data, pos);
            k *= m;
            k ^= k >>> 47;
            k *= m;
            h ^= k;
            h *= m;
        }
        int tail = len & 7;
        if (tail > 0) {
            for (int i = tail - 1; i >= 0; i--) {
                h ^= (data[pos + i] & 0xFFL) << (8 * i);
            }
            h *= m;
        }
        h ^= h >>> 47;
        h *= m;
        h ^= h >>> 47;
        return h;
    }

    static int hash3x32(byte[] data, int at, int len, int seed) {
        int c1 = 0xcc9e2d51;
        int c2 = 0x1b873593;
        int h = seed;
        int blocks = len / 4;
        for (int b = 0; b < blocks; b++) {
            int k = (int) CityHash102.fetch32(data, at + b * 4);
            k *= c1;
            k = Integer.rotateLeft(k, 15);
            k *= c2;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int tail = at + blocks * 4;
        int k = 0;
        switch (len & 3) {
            case 3:
                k ^= (data[tail + 2] & 0xFF) << 16;
            case 2:
                k ^= (data[tail + 1] & 0xFF) << 8;
            case 1:
                k ^= data[tail] & 0xFF;
                k *= c1;
                k = Integer.rotateLeft(k, 15);
                k *= c2;
                h ^= k;
            default:
        }
        h ^= len;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** MurmurHash3_x64_128 as {h1, h2}. */
    static long[] hash3x128(byte[] data, int at, int len, long seed) {
        long c1 = 0x87c37b91114253d5L;
        long c2 = 0x4cf5ad432745937fL;
        long h1 = seed;
        long h2 = seed;
        int blocks = len / 16;
        for (int b = 0; b < blocks; b++) {
            long k1 = CityHash102.fetch64(data, at + b * 16);
            long k2 = CityHash102.fetch64(data, at + b * 16 + 8);
            k1 *= c1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= c2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = at + blocks * 16;
        long k1 = 0;
        long k2 = 0;
        int rest = len & 15;
        for (int i = rest - 1; i >= 8; i--) {
            k2 ^= (data[tail + i] & 0xFFL) << (8 * (i - 8));
        }
        if (rest > 8) {
            k2 *= c2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
        }
        for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
            k1 ^= (data[tail + i] & 0xFFL) << (8 * i);
        }
        if (rest > 0) {
            k1 *= c1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
        }
        h1 ^= len;
        h2 ^= len;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }
}
