package io.columba.executor.function.scalar;

/** xxHash32, xxHash64 (seed 0) and SipHash-2-4 with a zero key, as ClickHouse's xxHash32/xxHash64/sipHash64. */
final class XxSipHash {
    private XxSipHash() {}

    private static final int P32_1 = 0x9E3779B1;
    private static final int P32_2 = 0x85EBCA77;
    private static final int P32_3 = 0xC2B2AE3D;
    private static final int P32_4 = 0x27D4EB2F;
    private static final int P32_5 = 0x165667B1;
    private static final long P64_1 = 0x9E3779B185EBCA87L;
    private static final long P64_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P64_3 = 0x165667B19E3779F9L;
    private static final long P64_4 = 0x85EBCA77C2B2AE63L;
    private static final long P64_5 = 0x27D4EB2F165667C5L;

    static int xx32(byte[] data, int at, int len) {
        int pos = at;
        int end = at + len;
        int h;
        if (len >= 16) {
            int v1 = P32_1 + P32_2;
            int v2 = P32_2;
            int v3 = 0;
            int v4 = -P32_1;
            while (pos <= end - 16) {
                v1 = round32(v1, (int) CityHash102.fetch32(data, pos));
                v2 = round32(v2, (int) CityHash102.fetch32(data, pos + 4));
                v3 = round32(v3, (int) CityHash102.fetch32(data, pos + 8));
                v4 = round32(v4, (int) CityHash102.fetch32(data, pos + 12));
                pos += 16;
            }
            h = Integer.rotateLeft(v1, 1)
                    + Integer.rotateLeft(v2, 7)
                    + Integer.rotateLeft(v3, 12)
                    + Integer.rotateLeft(v4, 18);
        } else {
            h = P32_5;
        }
        h += len;
        while (pos <= end - 4) {
            h += (int) CityHash102.fetch32(data, pos) * P32_3;
            h = Integer.rotateLeft(h, 17) * P32_4;
            pos += 4;
        }
        while (pos < end) {
            h += (data[pos] & 0xFF) * P32_5;
            h = Integer.rotateLeft(h, 11) * P32_1;
            pos++;
        }
        h ^= h >>> 15;
        h *= P32_2;
        h ^= h >>> 13;
        h *= P32_3;
        h ^= h >>> 16;
        return h;
    }

    private static int round32(int acc, int input) {
        acc += input * P32_2;
        acc = Integer.rotateLeft(acc, 13);
        return acc * P32_1;
    }

    static long xx64(byte[] data, int at, int len) {
        int pos = at;
        int end = at + len;
        long h;
        if (len >= 32) {
            long v1 = P64_1 + P64_2;
            long v2 = P64_2;
            long v3 = 0;
            long v4 = -P64_1;
            while (pos <= end - 32) {
                v1 = round64(v1, CityHash102.fetch64(data, pos));
                v2 = round64(v2, CityHash102.fetch64(data, pos + 8));
                v3 = round64(v3, CityHash102.fetch64(data, pos + 16));
                v4 = round64(v4, CityHash102.fetch64(data, pos + 24));
                pos += 32;
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge64(h, v1);
            h = merge64(h, v2);
            h = merge64(h, v3);
            h = merge64(h, v4);
        } else {
            h = P64_5;
        }
        h += len;
        while (pos <= end - 8) {
            h ^= round64(0, CityHash102.fetch64(data, pos));
            h = Long.rotateLeft(h, 27) * P64_1 + P64_4;
            pos += 8;
        }
        if (pos <= end - 4) {
            h ^= CityHash102.fetch32(data, pos) * P64_1;
            h = Long.rotateLeft(h, 23) * P64_2 + P64_3;
            pos += 4;
        }
        while (pos < end) {
            h ^= (data[pos] & 0xFFL) * P64_5;
            h = Long.rotateLeft(h, 11) * P64_1;
            pos++;
        }
        h ^= h >>> 33;
        h *= P64_2;
        h ^= h >>> 29;
        h *= P64_3;
        h ^= h >>> 32;
        return h;
    }

    private static long round64(long acc, long input) {
        acc += input * P64_2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P64_1;
    }

    private static long merge64(long acc, long value) {
        acc ^= round64(0, value);
        return acc * P64_1 + P64_4;
    }

    static long sip64(byte[] data, int at, int len) {
        long v0 = 0x736f6d6570736575L;
        long v1 = 0x646f72616e646f6dL;
        long v2 = 0x6c7967656e657261L;
        long v3 = 0x7465646279746573L;
        long[] v = {v0, v1, v2, v3};
        int blocks = len / 8;
        for (int b = 0; b < blocks; b++) {
            long m = CityHash102.fetch64(data, at + b * 8);
            v[3] ^= m;
            rounds(v, 2);
            v[0] ^= m;
        }
        long last = ((long) len & 0xFF) << 56;
        int tail = at + blocks * 8;
        for (int i = 0; i < (len & 7); i++) {
            last |= (data[tail + i] & 0xFFL) << (8 * i);
        }
        v[3] ^= last;
        rounds(v, 2);
        v[0] ^= last;
        v[2] ^= 0xff;
        rounds(v, 4);
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void rounds(long[] v, int count) {
        for (int r = 0; r < count; r++) {
            v[0] += v[1];
            v[1] = Long.rotateLeft(v[1], 13);
            v[1] ^= v[0];
            v[0] = Long.rotateLeft(v[0], 32);
            v[2] += v[3];
            v[3] = Long.rotateLeft(v[3], 16);
            v[3] ^= v[2];
            v[0] += v[3];
            v[3] = Long.rotateLeft(v[3], 21);
            v[3] ^= v[0];
            v[2] += v[1];
            v[1] = Long.rotateLeft(v[1], 17);
            v[1] ^= v[2];
            v[2] = Long.rotateLeft(v[2], 32);
        }
    }
}
