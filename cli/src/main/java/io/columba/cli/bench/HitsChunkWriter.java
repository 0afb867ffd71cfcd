package io.columba.cli.bench;

import static io.columba.cli.bench.HitsVocabulary.*;
import static io.columba.cli.bench.HitsWorld.encode;
import static io.columba.cli.bench.HitsWorld.utf8;

/**
 * Writes chunks of {@code hits} rows as TabSeparated lines (no escaping is needed: no generated string holds a tab,
 * newline or backslash). Chunk {@code c} covers rows {@code [c * CHUNK_ROWS, ...)} and draws from its own random
 * sequence seeded by the seed and {@code c}, so the output does not depend on which thread writes which chunk. One
 * writer per thread.
 */
final class HitsChunkWriter {
    static final int CHUNK_ROWS = 10_000;
    /** ClickBench's queries Q40/Q41 look these hashes up: counter 62's home page gets them. */
    static final long MAGIC_URL_HASH = 2868770270353813622L;

    static final long MAGIC_REFERER_HASH = 3594120000172545465L;
    private static final int DAYS = 31;
    private static final byte[] HTTP = utf8("http://");
    private static final byte[] HTTPS = utf8("https://");
    private static final byte[] DATE_PREFIX = utf8("2013-07-");
    private static final byte[] TITLE_SEPARATOR = utf8(" - ");
    private static final byte[] ID_PARAMETER = utf8("?id=");
    private static final byte[] UTM_PARAMETER = utf8("?utm_source=");
    private static final byte[] PAGE_PARAMETER = utf8("&p=");
    private static final byte[][] UTM_SOURCE_BYTES = encode(UTM_SOURCES);
    private static final byte[][] SEARCH_ENGINE_BYTES = encode(SEARCH_ENGINE_PREFIXES);
    private static final byte[][] ADVERTISING_BYTES = encode(ADVERTISING_HOSTS);
    private static final byte[][] SOCIAL_HOST_BYTES = encode(SOCIAL_HOSTS);

    private final HitsWorld world;
    private final long users;
    private final HitsUser user = new HitsUser();
    private final Blake2bHash hash = new Blake2bHash();
    private final RowBuffer url = new RowBuffer(256);
    private final RowBuffer referer = new RowBuffer(256);
    private final HitsTailWriter tail;
    private SplitMixRandom random;
    private byte[] phrase;
    private int trafficSource;
    private int searchEngine;
    private int advertisingEngine;
    private int refererCategory;

    /** Rows of a data set of {@code totalRows} rows (which sets the number of users, a tenth of the rows). */
    HitsChunkWriter(HitsWorld world, long totalRows) {
        this.world = world;
        this.users = Math.max(1, totalRows / 10);
        this.tail = new HitsTailWriter(world);
    }

    /** Appends {@code rows} rows of chunk {@code chunk} to {@code out}. */
    void write(long chunk, int rows, RowBuffer out) {
        random = new SplitMixRandom(SplitMixRandom.mix(world.seed * 1_000_003L + chunk));
        for (int i = 0; i < rows; i++) {
            writeRow(out);
        }
    }

    private void writeRow(RowBuffer out) {
        SplitMixRandom r = random;
        double x = r.nextDouble();
        user.fill(world, (long) (users * x * x), users);
        int counter = world.counterTable.sample(r);
        int day = (int) (r.nextDouble() * DAYS);
        if (day % 7 >= 5 && r.nextDouble() < 0.25) {
            day = (int) (r.nextDouble() * DAYS); // thinner weekends (Jul 6/7 2013 were Sat/Sun)
        }
        int second =
                world.hourTable[(int) (r.nextDouble() * world.hourTable.length)] * 3600 + (int) (r.nextDouble() * 3600);
        int host = r.nextDouble() < 0.8 ? world.counterHost[counter] : world.hostTable.sample(r);
        int path = world.pathTable.sample(r);
        byte[] scheme = (host + path) % 3 != 0 ? HTTP : HTTPS;
        page(scheme, host, path);
        boolean titleEmpty = r.nextDouble() < 0.05;
        trafficSource(scheme, host);
        long urlHash = url.contentEquals(world.topCounterHome) ? MAGIC_URL_HASH : hash.hash(url.bytes(), url.length());
        long refererHash;
        if (referer.contentEquals(world.topCounterHome)) {
            refererHash = MAGIC_REFERER_HASH;
        } else {
            refererHash = referer.length() == 0 ? 0 : hash.hash(referer.bytes(), referer.length());
        }

        out.put(r.bits(63)).tab().put(user.javaEnable ? '1' : '0').tab();
        if (!titleEmpty) {
            out.put(world.topics[path]).put(TITLE_SEPARATOR).put(world.siteNames[host]);
        }
        out.tab().put(r.nextDouble() < 0.999 ? '1' : '0').tab();
        dateTime(out, day, second).tab();
        date(out, day).tab().put(world.counterIds[counter]).tab();
        out.put(user.clientIp).tab().put(user.region).tab().put(user.userId).tab();
        out.put(world.counterClasses[counter])
                .tab()
                .put(world.devices.osAndUserAgent[user.device])
                .tab();
        out.put(url).tab().put(referer).tab();
        out.put(r.nextDouble() < 0.08 ? '1' : '0').tab().put(refererCategory).tab();
        if (trafficSource == -1) {
            out.put(user.region);
        } else {
            out.put(referer.length() == 0 ? 0 : r.bits(12));
        }
        out.tab().put(path % 60).tab().put(host % 300).tab();
        out.put(world.devices.screenAndBrowser[user.device]).tab();
        if (r.nextDouble() >= 0.97) {
            out.put('p').put(r.bits(10));
        }
        out.tab()
                .put(user.ipNetworkId)
                .tab()
                .put(trafficSource)
                .tab()
                .put(searchEngine)
                .tab();
        if (phrase != null) {
            out.put(phrase);
        }
        out.tab().put(advertisingEngine).tab().put('0').tab();
        tail.write(r, user, counter, day, second, url, out);
        out.put(refererHash)
                .tab()
                .put(urlHash)
                .tab()
                .put(r.nextDouble() < 0.9 ? 0 : r.bits(22))
                .put('\n');
    }

    /** The URL: scheme, host and path, a quarter with {@code ?id=N}, 5% with UTM parameters, 0.5% empty. */
    private void page(byte[] scheme, int host, int path) {
        SplitMixRandom r = random;
        url.clear();
        url.put(scheme).put(world.hosts[host]).put(world.paths[path]);
        double y = r.nextDouble();
        if (y < 0.25) {
            url.put(ID_PARAMETER).put(r.bits(17));
        } else if (y < 0.30) {
            url.put(UTM_PARAMETER).put(UTM_SOURCE_BYTES[(int) (r.bits(3) % 10)]).put(PAGE_PARAMETER);
            url.put(r.bits(10));
        }
        if (r.nextDouble() < 0.005) {
            url.clear();
        }
    }

    /**
     * Referer, TraficSourceID, SearchEngineID, SearchPhrase, AdvEngineID and RefererCategoryID: 35% direct, 27%
     * internal, 13% search engines, 18% other sites, 4% advertising, 3% social networks.
     */
    private void trafficSource(byte[] scheme, int host) {
        SplitMixRandom r = random;
        referer.clear();
        phrase = null;
        searchEngine = 0;
        advertisingEngine = 0;
        refererCategory = 0;
        double t = r.nextDouble();
        if (t < 0.35) {
            trafficSource = 0;
        } else if (t < 0.62) {
            referer.put(scheme).put(world.hosts[host]).put(world.paths[world.pathTable.sample(r)]);
            trafficSource = -1;
        } else if (t < 0.75) {
            int k = r.nextDouble() < 0.7 ? world.phraseTable.sample(r) : (int) (r.nextDouble() * HitsWorld.PHRASES);
            phrase = world.phrases[k];
            int z = (int) r.bits(7);
            int engine = z < 70 ? 0 : z < 108 ? 1 : z < 118 ? 2 : z < 123 ? 3 : 4;
            referer.put(SEARCH_ENGINE_BYTES[engine]).put(world.quotedPhrases[k]);
            searchEngine = engine + 2;
            trafficSource = 2;
            refererCategory = 1;
        } else if (t < 0.93) {
            int otherHost = world.hostTable.sample(r);
            referer.put((otherHost & 1) != 0 ? HTTPS : HTTP).put(world.hosts[otherHost]);
            referer.put(world.paths[world.pathTable.sample(r)]);
            trafficSource = 1;
            refererCategory = 1 + otherHost % 40;
        } else if (t < 0.97) {
            referer.put(ADVERTISING_BYTES[(int) (r.bits(2) % 3)]).put(r.bits(30));
            advertisingEngine = ADVERTISING_ENGINES[(int) (r.bits(16) % 6)];
            trafficSource = 3;
        } else {
            referer.put(SOCIAL_HOST_BYTES[(int) r.bits(2)]).put(r.bits(24));
            trafficSource = r.nextDouble() < 0.7 ? 8 : 6;
        }
        if (r.nextDouble() < 0.02 && trafficSource == 0) {
            phrase = world.phrases[world.phraseTable.sample(r)]; // the site's own search on direct traffic
        }
    }

    static RowBuffer date(RowBuffer out, int day) {
        return out.put(DATE_PREFIX).putTwoDigits(day + 1);
    }

    static RowBuffer dateTime(RowBuffer out, int day, int second) {
        date(out, day).put(' ').putTwoDigits(second / 3600).put(':');
        return out.putTwoDigits(second / 60 % 60).put(':').putTwoDigits(second % 60);
    }
}
