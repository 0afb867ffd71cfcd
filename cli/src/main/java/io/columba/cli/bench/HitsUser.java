package io.columba.cli.bench;

import static io.columba.cli.bench.HitsVocabulary.AGES;
import static io.columba.cli.bench.HitsVocabulary.COUNTRIES;
import static io.columba.cli.bench.HitsVocabulary.LANGUAGES;
import static io.columba.cli.bench.HitsVocabulary.TIME_ZONES;

/**
 * The attributes of one user, a pure function of the seed and the user's index: every row of a user repeats its
 * UserID, device, region, IP, demographics and browser language. Reused from row to row (one per thread).
 */
final class HitsUser {
    /** ClickBench's query Q20 looks this UserID up; the user of index 1234 gets it. */
    static final long MAGIC_USER_ID = 435090932899640449L;

    private static final int MAGIC_USER_INDEX = 1234;
    private static final byte[][] LANGUAGE_BYTES = HitsWorld.encode(LANGUAGES);
    private static final byte[][] COUNTRY_BYTES = HitsWorld.encode(COUNTRIES);

    boolean javaEnable;
    int clientIp;
    byte[] region;
    long userId;
    int device;
    int ipNetworkId;
    int timeZone;
    long fUniqId;
    int age;
    int sex;
    int income;
    int interests;
    int robotness;
    int remoteIp;
    byte[] language;
    byte[] country;

    void fill(HitsWorld world, long index, long users) {
        SplitMixRandom random = new SplitMixRandom(SplitMixRandom.mix(index * 2654435761L + world.seed));
        userId = index == Math.min(MAGIC_USER_INDEX, users - 1)
                ? MAGIC_USER_ID
                : SplitMixRandom.mix(index ^ (world.seed << 32)) & Long.MAX_VALUE;
        device = world.deviceTable.sample(random);
        region = world.regionIds[world.regionTable.sample(random)];
        age = random.nextDouble() < 0.4 ? 0 : random.choice(AGES);
        sex = age == 0 ? 0 : random.below(3);
        income = age == 0 ? 0 : random.below(5);
        interests = random.nextDouble() < 0.5 ? random.between(0, 32767) : 0;
        robotness = random.nextDouble() < 0.95 ? 0 : random.between(1, 4);
        remoteIp = random.nextInt32();
        language = LANGUAGE_BYTES[random.below(LANGUAGE_BYTES.length)];
        country = COUNTRY_BYTES[random.below(COUNTRY_BYTES.length)];
        javaEnable = random.nextDouble() < 0.7;
        clientIp = random.nextInt32();
        ipNetworkId = random.between(0, 4_000_000);
        timeZone = random.choice(TIME_ZONES);
        fUniqId = random.nextDouble() < 0.4 ? 0 : SplitMixRandom.mix(index + 77) & Long.MAX_VALUE;
    }
}
