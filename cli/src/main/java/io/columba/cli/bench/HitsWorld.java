package io.columba.cli.bench;

import static io.columba.cli.bench.HitsVocabulary.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every pool the rows draw from (hosts, paths, page titles, counters, search phrases, regions, device archetypes,
 * timing sets), built from the seed alone and read-only afterwards, so that all threads share one. Strings are kept
 * as UTF-8 bytes, ready to copy into a row.
 */
final class HitsWorld {
    static final int HOSTS = 3000;
    static final int PATHS = 2500;
    static final int COUNTERS = 10_000;
    static final int PHRASES = 300_000;
    static final int REGIONS = 9000;
    static final int DEVICES = 4000;
    static final int TIMINGS = 20_000;
    static final int TOP_COUNTER = 62;
    private static final String HEX = "0123456789ABCDEF";

    final long seed;
    final byte[][] hosts;
    final byte[][] paths;
    final byte[][] topics;
    final byte[][] siteNames;
    final ZipfTable hostTable = new ZipfTable(HOSTS, 0.9);
    final ZipfTable pathTable = new ZipfTable(PATHS, 1.05);
    final ZipfTable counterTable = new ZipfTable(COUNTERS, 1.0);
    final ZipfTable phraseTable = new ZipfTable(PHRASES, 1.0);
    final ZipfTable regionTable = new ZipfTable(REGIONS, 1.1);
    final ZipfTable deviceTable = new ZipfTable(DEVICES, 1.0);
    final byte[][] counterIds = new byte[COUNTERS][];
    final int[] counterHost = new int[COUNTERS];
    final byte[][] counterClasses = new byte[COUNTERS][];
    final byte[][] counterCodes = new byte[COUNTERS][];
    final byte[][] counterCharsets = new byte[COUNTERS][];
    final byte[][] phrases = new byte[PHRASES][];
    final byte[][] quotedPhrases = new byte[PHRASES][];
    final byte[][] regionIds = new byte[REGIONS][];
    final HitsDevices devices;
    final byte[][] timings = new byte[TIMINGS][];
    /** About 4,096 entries: an hour of the day, as often as {@link HitsVocabulary#HOUR_WEIGHTS} says. */
    final int[] hourTable;
    /** The home page of counter 62's site, whose hashes get ClickBench's magic constants. */
    final byte[] topCounterHome;

    HitsWorld(long seed) {
        this.seed = seed;
        SplitMixRandom random = new SplitMixRandom(SplitMixRandom.mix(seed));
        List<String> hostNames = hosts(random);
        this.hosts = encode(hostNames);
        this.paths = encode(paths(random));
        this.topics = encode(topics(random));
        this.siteNames = new byte[HOSTS][];
        for (int i = 0; i < HOSTS; i++) {
            String name = hostNames.get(i).replace("www.", "").split("\\.")[0];
            siteNames[i] =
                    utf8(name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
        }
        counters(random);
        searchPhrases(random);
        regions(random);
        this.devices = new HitsDevices(random);
        timings(random);
        this.hourTable = hourTable();
        this.topCounterHome = utf8("http://" + hostNames.get(counterHost[0]) + "/");
    }

    private static List<String> hosts(SplitMixRandom random) {
        List<String> hosts = new ArrayList<>(HOSTS);
        Set<String> seen = new HashSet<>();
        while (hosts.size() < HOSTS) {
            String host;
            if (random.nextDouble() < 0.5) {
                host = word(random, random.between(2, 4)) + random.choice(TOP_LEVEL_DOMAINS);
            } else {
                host = word(random, random.between(2, 3)) + "-" + random.choice(LATIN_WORDS)
                        + random.choice(TOP_LEVEL_DOMAINS);
            }
            if (random.nextDouble() < 0.35) {
                host = "www." + host;
            } else if (random.nextDouble() < 0.1) {
                host = random.choice(HOST_PREFIXES) + host;
            }
            if (seen.add(host)) {
                hosts.add(host);
            }
        }
        // well-known hosts at fixed mid ranks, never rank 0 (counter 62's site)
        for (int i = 0; i < WELL_KNOWN_HOSTS.length; i++) {
            hosts.set(7 + i * 37, WELL_KNOWN_HOSTS[i]);
        }
        return hosts;
    }

    private static List<String> paths(SplitMixRandom random) {
        List<String> paths = new ArrayList<>(PATHS);
        Set<String> seen = new HashSet<>();
        paths.add("/");
        seen.add("/");
        while (paths.size() < PATHS) {
            int depth = random.between(1, 4);
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                double x = random.nextDouble();
                path.append('/');
                if (x < 0.6) {
                    path.append(random.choice(PATH_WORDS));
                } else if (x < 0.85) {
                    path.append(random.between(1, 99_999));
                } else {
                    path.append(word(random, random.between(2, 4)));
                }
            }
            if (random.nextDouble() < 0.3) {
                path.append(random.choice(PATH_SUFFIXES));
            }
            if (random.nextDouble() < 0.01) {
                path.append("/google");
            }
            if (seen.add(path.toString())) {
                paths.add(path.toString());
            }
        }
        return paths;
    }

    /** One page topic per path: 1 to 5 words, mostly Cyrillic, capitalized; 2% start with "Google ". */
    private static List<String> topics(SplitMixRandom random) {
        List<String> topics = new ArrayList<>(PATHS);
        for (int i = 0; i < PATHS; i++) {
            int words = random.between(1, 5);
            StringBuilder topic = new StringBuilder();
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    topic.append(' ');
                }
                topic.append(random.nextDouble() < 0.8 ? random.choice(CYRILLIC_WORDS) : random.choice(LATIN_WORDS));
            }
            String text = topic.substring(0, 1).toUpperCase(Locale.ROOT) + topic.substring(1);
            topics.add(random.nextDouble() < 0.02 ? "Google " + text : text);
        }
        return topics;
    }

    /** Rank 0 is CounterID 62; the others are distinct random ids, each tied to a host, class, code and charset. */
    private void counters(SplitMixRandom random) {
        Set<Integer> seen = new HashSet<>();
        seen.add(TOP_COUNTER);
        counterIds[0] = utf8(Integer.toString(TOP_COUNTER));
        int count = 1;
        while (count < COUNTERS) {
            int id = random.nextDouble() < 0.3 ? random.between(1, 30_000_000) : random.between(1, 2_000_000);
            if (seen.add(id)) {
                counterIds[count++] = utf8(Integer.toString(id));
            }
        }
        for (int i = 0; i < COUNTERS; i++) {
            counterHost[i] = i % HOSTS;
            counterClasses[i] = utf8(Integer.toString(random.choice(COUNTER_CLASSES)));
        }
        for (int i = 0; i < COUNTERS; i++) {
            counterCodes[i] = utf8(Integer.toString(random.choice(CODE_VERSIONS)));
        }
        for (int i = 0; i < COUNTERS; i++) {
            counterCharsets[i] = utf8(random.choice(CHARSETS));
        }
    }

    private void searchPhrases(SplitMixRandom random) {
        Set<String> seen = new HashSet<>(2 * PHRASES);
        int count = 0;
        StringBuilder phrase = new StringBuilder();
        while (count < PHRASES) {
            int words = Math.min(6, 1 + (int) random.exponential(0.8));
            phrase.setLength(0);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    phrase.append(' ');
                }
                double x = random.nextDouble();
                if (x < 0.7) {
                    phrase.append(random.choice(CYRILLIC_WORDS));
                } else if (x < 0.85) {
                    phrase.append(random.choice(LATIN_WORDS));
                } else if (x < 0.95) {
                    phrase.append(random.between(1, 2014));
                } else {
                    phrase.append(word(random, random.between(2, 4)));
                }
            }
            String text = phrase.toString();
            if (seen.add(text)) {
                phrases[count] = utf8(text);
                quotedPhrases[count] = urlQuote(phrases[count]);
                count++;
            }
        }
    }

    /** 9,000 distinct region ids out of 1..19999; rank 0 is region 229. */
    private void regions(SplitMixRandom random) {
        int[] pool = new int[19_999];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i + 1;
        }
        for (int i = 0; i < REGIONS; i++) {
            int j = i + random.below(pool.length - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
            regionIds[i] = utf8(Integer.toString(pool[i]));
        }
        regionIds[0] = utf8("229");
    }

    /** Send, DNS, connect, response start, response end and fetch times (ms), each later stage after the last. */
    private void timings(SplitMixRandom random) {
        for (int i = 0; i < TIMINGS; i++) {
            int send = random.between(1, 50);
            int dns = (int) random.exponential(1 / 40.0);
            int connect = (int) random.exponential(1 / 80.0);
            int responseStart = connect + (int) random.exponential(1 / 300.0);
            int responseEnd = responseStart + (int) random.exponential(1 / 200.0);
            int fetch = responseEnd + (int) random.exponential(1 / 500.0);
            timings[i] =
                    utf8(send + "\t" + dns + "\t" + connect + "\t" + responseStart + "\t" + responseEnd + "\t" + fetch);
        }
    }

    private static int[] hourTable() {
        double total = 0;
        for (double weight : HOUR_WEIGHTS) {
            total += weight;
        }
        int[] table = new int[4096 + HOUR_WEIGHTS.length];
        int size = 0;
        for (int hour = 0; hour < HOUR_WEIGHTS.length; hour++) {
            // Python's round(): half to even
            long copies = (long) Math.rint(HOUR_WEIGHTS[hour] / total * 4096);
            for (long c = 0; c < copies; c++) {
                table[size++] = hour;
            }
        }
        return java.util.Arrays.copyOf(table, size);
    }

    static String word(SplitMixRandom random, int syllables) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(random.choice(LATIN_SYLLABLES));
        }
        return word.toString();
    }

    /** Python's {@code quote(phrase.replace(' ', '+'), safe='+')}: UTF-8 bytes percent-encoded, upper-case hex. */
    static byte[] urlQuote(byte[] text) {
        RowBuffer quoted = new RowBuffer(text.length * 3);
        for (byte b : text) {
            int c = b & 0xFF;
            if (c == ' ' || c == '+') {
                quoted.put('+');
            } else if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '-'
                    || c == '~') {
                quoted.put((char) c);
            } else {
                quoted.put('%').put(HEX.charAt(c >> 4)).put(HEX.charAt(c & 15));
            }
        }
        return java.util.Arrays.copyOf(quoted.bytes(), quoted.length());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[][] encode(String[] values) {
        byte[][] encoded = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            encoded[i] = utf8(values[i]);
        }
        return encoded;
    }

    private static byte[][] encode(List<String> values) {
        byte[][] encoded = new byte[values.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = utf8(values.get(i));
        }
        return encoded;
    }
}
