package io.columba.cli.bench;

import static io.columba.cli.bench.HitsVocabulary.*;
import static io.columba.cli.bench.HitsWorld.encode;
import static io.columba.cli.bench.HitsWorld.utf8;

/**
 * Writes columns WindowClientWidth .. HasGCLID of a row (43 to 102), each followed by a tab: the window, client
 * time, counter settings, flags, demographics and the sparse tail (social, timings, goals, Openstat, UTM, FromTag).
 */
final class HitsTailWriter {
    private static final byte[] NO_SOCIAL = utf8("\t\t0");
    private static final byte[] NO_TIMINGS = utf8("0\t0\t0\t0\t0\t0");
    private static final byte[] NO_SOCIAL_SOURCE = utf8("0\t");
    private static final byte[] NO_PARAMETERS = utf8("0\t\t\t0");
    private static final byte[] NO_OPENSTAT = utf8("\t\t\t");
    private static final byte[] NO_UTM = utf8("\t\t\t\t");
    private static final byte[] PAGE = utf8("page");
    private static final byte[] SOURCE = utf8("src");
    private static final byte[] CAMPAIGN = utf8("campaign_");
    private static final byte[] AD = utf8("ad");
    private static final byte[] FROM = utf8("from_");
    private static final byte[][] SOCIAL_NETWORK_BYTES = encode(SOCIAL_NETWORKS);
    private static final byte[][] SOCIAL_ACTION_BYTES = encode(SOCIAL_ACTIONS);
    private static final byte[][] SOCIAL_HOST_BYTES = encode(SOCIAL_HOSTS);
    private static final byte[][] CURRENCY_BYTES = encode(CURRENCIES);
    private static final byte[][] OPENSTAT_BYTES = encode(OPENSTAT_SERVICES);
    private static final byte[][] UTM_SOURCE_BYTES = encode(UTM_SOURCES);
    private static final byte[][] UTM_MEDIUM_BYTES = encode(UTM_MEDIUMS);

    private final HitsWorld world;

    HitsTailWriter(HitsWorld world) {
        this.world = world;
    }

    void write(SplitMixRandom r, HitsUser user, int counter, int day, int second, RowBuffer url, RowBuffer out) {
        int width = world.devices.windowWidth[user.device];
        int height = world.devices.windowHeight[user.device];
        if (width != 0 && r.nextDouble() < 0.3) {
            width = Math.max(0, width - (int) r.bits(8));
            height = Math.max(0, height - (int) r.bits(7));
        }
        int clientSecond = r.nextDouble() < 0.7 ? second : (second + (int) r.bits(6)) % 86_400;
        out.put(width).tab().put(height).tab().put(user.timeZone).tab();
        HitsChunkWriter.dateTime(out, day, clientSecond).tab();
        out.put(world.devices.silverlight[user.device]).tab();
        out.put(world.counterCharsets[counter])
                .tab()
                .put(world.counterCodes[counter])
                .tab();
        double flags = r.nextDouble();
        out.put(flags < 0.03 ? '1' : '0')
                .tab()
                .put(flags >= 0.03 && flags < 0.035 ? '1' : '0')
                .tab();
        out.put(r.nextDouble() < 0.6 ? '1' : '0').tab().put(user.fUniqId).tab();
        if (r.nextDouble() >= 0.9) {
            out.put(url);
        }
        out.tab().put(r.nextInt32()).tab().put('0').tab();
        out.put(r.nextDouble() < 0.9 ? '0' : '1')
                .tab()
                .put(r.nextDouble() < 0.95 ? '0' : '1')
                .tab();
        out.put(r.nextDouble() < 0.05 ? '1' : '0')
                .tab()
                .put(r.nextDouble() < 0.9 ? '0' : '1')
                .tab();
        out.put(HIT_COLORS.charAt((int) (r.bits(16) % 10))).tab();
        HitsChunkWriter.dateTime(out, day, clientSecond).tab();
        out.put(user.age)
                .tab()
                .put(user.sex)
                .tab()
                .put(user.income)
                .tab()
                .put(user.interests)
                .tab();
        out.put(user.robotness).tab().put(user.remoteIp).tab();
        out.put(r.nextDouble() < 0.3 ? r.bits(16) : -1)
                .tab()
                .put(r.nextDouble() < 0.1 ? r.bits(16) : -1)
                .tab();
        out.put(r.nextDouble() < 0.8 ? 1 + r.bits(4) : 0).tab();
        out.put(user.language).tab().put(user.country).tab();
        sparse(r, out);
        out.put(r.nextDouble() < 0.02 ? '1' : '0').tab();
    }

    /** SocialNetwork .. FromTag (columns 77 to 101): mostly empty or zero. */
    private void sparse(SplitMixRandom r, RowBuffer out) {
        if (r.nextDouble() < 0.97) {
            out.put(NO_SOCIAL).tab();
        } else {
            out.put(SOCIAL_NETWORK_BYTES[(int) (r.bits(8) % 7)])
                    .tab()
                    .put(SOCIAL_ACTION_BYTES[(int) r.bits(2)])
                    .tab();
            out.put(r.bits(3) == 0 ? 404 : 0).tab();
        }
        out.put(r.nextDouble() < 0.7 ? NO_TIMINGS : world.timings[(int) r.bits(14)])
                .tab();
        double z = r.nextDouble();
        if (z < 0.02) {
            out.put(1 + r.bits(3))
                    .tab()
                    .put(SOCIAL_HOST_BYTES[(int) r.bits(2)])
                    .put(PAGE)
                    .put(r.bits(12))
                    .tab();
        } else {
            out.put(NO_SOCIAL_SOURCE).tab();
        }
        if (z > 0.99) {
            out.put(100 + r.bits(16))
                    .tab()
                    .put(r.bits(30))
                    .tab()
                    .put(CURRENCY_BYTES[(int) (r.bits(8) % 6)])
                    .tab();
            out.put(1 + r.bits(2)).tab();
        } else {
            out.put(NO_PARAMETERS).tab();
        }
        z = r.nextDouble();
        if (z < 0.01) {
            out.put(OPENSTAT_BYTES[(int) r.bits(2)])
                    .tab()
                    .put(r.bits(16))
                    .tab()
                    .put(r.bits(20))
                    .tab();
            out.put(SOURCE).put(r.bits(8)).tab();
        } else {
            out.put(NO_OPENSTAT).tab();
        }
        if (z > 0.95) {
            out.put(UTM_SOURCE_BYTES[(int) (r.bits(8) % 10)])
                    .tab()
                    .put(UTM_MEDIUM_BYTES[(int) (r.bits(8) % 7)])
                    .tab();
            out.put(CAMPAIGN).put(r.bits(9)).tab();
            if (r.bits(1) == 0) {
                out.put(AD).put(r.bits(10));
            }
            out.tab();
            if (r.bits(1) == 0) {
                out.put(world.phrases[world.phraseTable.sample(r)]);
            }
            out.tab();
        } else {
            out.put(NO_UTM).tab();
        }
        if (r.nextDouble() < 0.03) {
            out.put(FROM).put(r.bits(6));
        }
        out.tab();
    }
}
