package io.columba.server.tinybird;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids as Tinybird's {@code x-request-id}: ULIDs, 26 Crockford base-32 characters, the first 10 the time in
 * milliseconds (so ids sort by time) and the other 16 random.
 */
final class RequestIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private RequestIds() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return of(System.currentTimeMillis(), random.nextLong(), random.nextInt());
    }

    /** The id of time {@code millis} with 60 random bits from {@code randomHigh} and 20 from {@code randomLow}. */
    static String of(long millis, long randomHigh, int randomLow) {
        char[] id = new char[26];
        for (int i = 9; i >= 0; i--) {
            id[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        long bits = randomHigh;
        for (int i = 10; i < 22; i++) {
            id[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        int low = randomLow;
        for (int i = 22; i < 26; i++) {
            id[i] = ALPHABET[low & 31];
            low >>>= 5;
        }
        return new String(id);
    }
}
