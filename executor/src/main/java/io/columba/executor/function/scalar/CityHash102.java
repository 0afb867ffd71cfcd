package io.columba.executor.function.scalar;

/** CityHash64 as of CityHash v1.0.2, the version ClickHouse's cityHash64 keeps (later versions hash differently). */
public final class CityHash102 {
    private CityHash102() {}

    private static final long K0 = 0xc3a5c85c97cb3127L;
    private static final long K1 = 0xb492b66fbe98f273L;
    private static final long K2 = 0x9ae16a3b2f90404fL;
    private static final long K3 = 0xc949d7c7509e6557L;

    static long fetch64(byte[] s, int at) {
        return (s[at] & 0xFFL)
                | (s[at + 1] & 0xFFL) << 8
                | (s[at + 2] & 0xFFL) << 16
                | (s[at + 3] & 0xFFL) << 24
                | (s[at + 4] & 0xFFL) << 32
                | (s[at + 5] & 0xFFL) << 40
                | (s[at + 6] & 0xFFL) << 48
                | (s[at + 7] & 0xFFL) << 56;
    }

    static long fetch32(byte[] s, int at) {
        return (s[at] & 0xFFL) | (s[at + 1] & 0xFFL) << 8 | (s[at + 2] & 0xFFL) << 16 | (s[at + 3] & 0xFFL) << 24;
    }

    private static long rotate(long value, int shift) {
        return shift == 0 ? value : Long.rotateRight(value, shift);
    }

    private static long shiftMix(long value) {
        return value ^ (value >>> 47);
    }

    /** CityHash's Hash128to64 of (low, high): also how ClickHouse combines the hashes of several arguments. */
    public static long hash128to64(long low, long high) {
        long mul = 0x9ddfea08eb382d69L;
        long a = (low ^ high) * mul;
        a ^= a >>> 47;
        long b = (high ^ a) * mul;
        b ^= b >>> 47;
        return b * mul;
    }

    private static long hashLen16(long u, long v) {
        return hash128to64(u, v);
    }

    private static long hashLen0to16(byte[] s, int at, int len) {
        if (len > 8) {
            long a = fetch64(s, at);
            long b = fetch64(s, at + len - 8);
            return hashLen16(a, Long.rotateRight(b + len, len)) ^ b;
        }
        if (len >= 4) {
            long a = fetch32(s, at);
            return hashLen16(len + (a << 3), fetch32(s, at + len - 4));
        }
        if (len > 0) {
            int a = s[at] & 0xFF;
            int b = s[at + (len >> 1)] & 0xFF;
            int c = s[at + len - 1] & 0xFF;
            long y = (a + (b << 8)) & 0xFFFFFFFFL;
            long z = (len + (c << 2)) & 0xFFFFFFFFL;
            return shiftMix(y * K2 ^ z * K3) * K2;
        }
        return K2;
    }

    private static long hashLen17to32(byte[] s, int at, int len) {
        long a = fetch64(s, at) * K1;
        long b = fetch64(s, at + 8);
        long c = fetch64(s, at + len - 8) * K2;
        long d = fetch64(s, at + len - 16) * K0;
        return hashLen16(rotate(a - b, 43) + rotate(c, 30) + d, a + rotate(b ^ K3, 20) - c + len);
    }

    private static long[] weakHashLen32WithSeeds(long w, long x, long y, long z, long a, long b) {
        a += w;
        b = rotate(b + a + z, 21);
        long c = a;
        a += x;
        a += y;
        b += rotate(a, 44);
        return new long[] {a + z, b + c};
    }

    private static long[] weakHashLen32WithSeeds(byte[] s, int at, long a, long b) {
        return weakHashLen32WithSeeds(
                fetch64(s, at), fetch64(s, at + 8), fetch64(s, at + 16), fetch64(s, at + 24), a, b);
    }

    private static long hashLen33to64(byte[] s, int at, int len) {
        long z = fetch64(s, at + 24);
        long a = fetch64(s, at) + (len + fetch64(s, at + len - 16)) * K0;
        long b = rotate(a + z, 52);
        long c = rotate(a, 37);
        a += fetch64(s, at + 8);
        c += rotate(a, 7);
        a += fetch64(s, at + 16);
        long vf = a + z;
        long vs = b + rotate(a, 31) + c;
        a = fetch64(s, at + 16) + fetch64(s, at + len - 32);
        z = fetch64(s, at + len - 8);
        b = rotate(a + z, 52);
        c = rotate(a, 37);
        a += fetch64(s, at + len - 24);
        c += rotate(a, 7);
        a += fetch64(s, at + len - 16);
        long wf = a + z;
        long ws = b + rotate(a, 31) + c;
        long r = shiftMix((vf + ws) * K2 + (wf + vs) * K0);
        return shiftMix(r * K0 + vs) * K2;
    }

    public static long hash64(byte[] s, int at, int len) {
        if (len <= 32) {
            return len <= 16 ? hashLen0to16(s, at, len) : hashLen17to32(s, at, len);
        }
        if (len <= 64) {
            return hashLen33to64(s, at, len);
        }
        long x = fetch64(s, at);
        long y = fetch64(s, at + len - 16) ^ K1;
        long z = fetch64(s, at + len - 56) ^ K0;
        long[] v = weakHashLen32WithSeeds(s, at + len - 64, len, y);
        long[] w = weakHashLen32WithSeeds(s, at + len - 32, len * K1, K0);
        z += shiftMix(v[1]) * K1;
        x = rotate(z + x, 39) * K1;
        y = rotate(y, 33) * K1;
        int remaining = (len - 1) & ~63;
        int pos = at;
        do {
            x = rotate(x + y + v[0] + fetch64(s, pos + 16), 37) * K1;
            y = rotate(y + v[1] + fetch64(s, pos + 48), 42) * K1;
            x ^= w[1];
            y ^= v[0];
            z = rotate(z ^ w[0], 33);
            v = weakHashLen32WithSeeds(s, pos, v[1] * K1, x + w[0]);
            w = weakHashLen32WithSeeds(s, pos + 32, z + w[1], y);
            long swap = z;
            z = x;
            x = swap;
            pos += 64;
            remaining -= 64;
        } while (remaining != 0);
        return hashLen16(hashLen16(v[0], w[0]) + shiftMix(y) * K1 + z, hashLen16(v[1], w[1]) + x);
    }
}
