package io.columba.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.cli.bench.HitsColumns.Column;
import io.columba.cli.bench.HitsGenerator.Format;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java generator against the Python one it ports ({@code ../shared/bench/gen_hits.py}), 200,000 rows of each
 * with seed 1: per column the distinct-count ratio, min and max, mean, share of empty strings and the shares of the
 * most frequent values of low-cardinality columns. Skipped when ../shared or python3 is absent.
 *
 * <p>The tolerances follow from how many independent draws decide a column (its effective sample size):
 *
 * <ul>
 *   <li>{@link Grain#ROW}: drawn per row, n = 200,000, standard error of a share below 0.0011 and of a mean 0.0032
 *       standard deviations: shares within 0.01, means within 0.03 sd (about 9 standard errors).
 *   <li>{@link Grain#USER}: drawn once per user (power-law over 20,000 users) or per URL (Zipf hosts x paths): a few
 *       thousand effective draws, so 0.03 for shares and 0.1 sd for means.
 *   <li>{@link Grain#ARCHETYPE}: a property of a device archetype (Zipf 1.0 over 4,000), a counter (Zipf 1.0 over
 *       10,000), a region or a timing set, assigned at random when the pools are built. Zipf 1.0's top rank alone
 *       takes 11% of the draws; the effective number of draws is 1 / sum(p^2), about 50. Two Python seeds differ by
 *       up to 0.17 in a share and 0.4 sd in a mean there (e.g. UserAgent 7: 23% vs 11%), so 0.25 and 0.75 sd.
 * </ul>
 *
 * Distinct counts within 15% (row and user grain: sparse columns hold ~2,000 values, 3 sigma of binomial noise is
 * ~7%), 30% for archetypes. Min and max within 5% of the range, 30% for archetypes (a timing set's maximum is the
 * tail of an exponential). Whether a string is empty is drawn per row, so empty shares get the row tolerance unless
 * the string is an archetype's property.
 */
class HitsDistributionTest {
    private static final int ROWS = 200_000;
    private static final Set<String> USER_GRAIN = Set.of(
            "JavaEnable",
            "ClientIP",
            "UserID",
            "IPNetworkID",
            "ClientTimeZone",
            "FUniqID",
            "Age",
            "Sex",
            "Income",
            "Interests",
            "Robotness",
            "RemoteIP",
            "BrowserLanguage",
            "BrowserCountry",
            "Title",
            "URL",
            "Referer",
            "OriginalURL",
            "URLHash",
            "RefererHash",
            "SearchPhrase",
            "UTMTerm");
    private static final Set<String> ARCHETYPE_GRAIN = Set.of(
            "CounterID",
            "RegionID",
            "RefererRegionID",
            "CounterClass",
            "OS",
            "UserAgent",
            "ResolutionWidth",
            "ResolutionHeight",
            "ResolutionDepth",
            "FlashMajor",
            "FlashMinor",
            "FlashMinor2",
            "NetMajor",
            "NetMinor",
            "UserAgentMajor",
            "UserAgentMinor",
            "CookieEnable",
            "JavascriptEnable",
            "IsMobile",
            "MobilePhone",
            "MobilePhoneModel",
            "WindowClientWidth",
            "WindowClientHeight",
            "SilverlightVersion1",
            "SilverlightVersion2",
            "SilverlightVersion3",
            "SilverlightVersion4",
            "PageCharset",
            "CodeVersion",
            "SendTiming",
            "DNSTiming",
            "ConnectTiming",
            "ResponseStartTiming",
            "ResponseEndTiming",
            "FetchTiming");

    /** How many independent draws decide a column, and the tolerances that follow (see the class comment). */
    enum Grain {
        ROW(0.01, 0.03, 0.15, 0.05),
        USER(0.03, 0.1, 0.15, 0.05),
        ARCHETYPE(0.25, 0.75, 0.3, 0.3);

        final double share;
        final double meanInStandardDeviations;
        final double distinctRatio;
        final double rangeShare;

        Grain(double share, double meanInStandardDeviations, double distinctRatio, double rangeShare) {
            this.share = share;
            this.meanInStandardDeviations = meanInStandardDeviations;
            this.distinctRatio = distinctRatio;
            this.rangeShare = rangeShare;
        }

        static Grain of(String column) {
            return ARCHETYPE_GRAIN.contains(column) ? ARCHETYPE : USER_GRAIN.contains(column) ? USER : ROW;
        }
    }

    @TempDir
    Path folder;

    @Test
    void sameDistributionsAsGenHitsPy() throws IOException, InterruptedException {
        Path script = genHitsPy();
        Assumptions.assumeTrue(script != null, "../shared/bench/gen_hits.py is absent");
        Path python = folder.resolve("python.tsv");
        Assumptions.assumeTrue(
                runPython(script, python), "python3 is absent or gen_hits.py failed; not comparing distributions");
        Path java = folder.resolve("java.tsv");
        try (OutputStream out = Files.newOutputStream(java)) {
            HitsGenerator.write(ROWS, 1, Format.tsv, 2, out);
        }
        List<String> failures = compare(ColumnStatistics.of(python), ColumnStatistics.of(java));
        assertThat(failures).as("columns off gen_hits.py's distributions").isEmpty();
    }

    /** What differs beyond the tolerances, one line per statistic. */
    static List<String> compare(ColumnStatistics python, ColumnStatistics java) {
        assertThat(java.rows).isEqualTo(python.rows);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < HitsColumns.ALL.size(); i++) {
            Column column = HitsColumns.ALL.get(i);
            Grain grain = Grain.of(column.name());
            double ratio = java.distinct(i) / (double) python.distinct(i);
            check(failures, column, "distinct ratio", ratio, 1, Math.max(ratio, 1 / ratio) - 1 <= grain.distinctRatio);
            if (column.type().startsWith("Int")) {
                double range = Math.max(python.max(i) - python.min(i), 1);
                check(
                        failures,
                        column,
                        "min",
                        java.min(i),
                        python.min(i),
                        Math.abs(java.min(i) - python.min(i)) <= grain.rangeShare * range);
                check(
                        failures,
                        column,
                        "max",
                        java.max(i),
                        python.max(i),
                        Math.abs(java.max(i) - python.max(i)) <= grain.rangeShare * range);
                double spread = Math.max(python.standardDeviation(i), 1e-9);
                check(
                        failures,
                        column,
                        "mean",
                        java.mean(i),
                        python.mean(i),
                        Math.abs(java.mean(i) - python.mean(i)) <= grain.meanInStandardDeviations * spread);
            } else {
                // whether a string is empty is drawn per row, unless it is an archetype's property
                double emptyTolerance = grain == Grain.ARCHETYPE ? grain.share : Grain.ROW.share;
                check(
                        failures,
                        column,
                        "empty share",
                        java.share(i, ""),
                        python.share(i, ""),
                        Math.abs(java.share(i, "") - python.share(i, "")) <= emptyTolerance);
            }
            if (python.distinct(i) <= 64) {
                for (String value : python.top(i, 5)) {
                    check(
                            failures,
                            column,
                            "share of '" + value + "'",
                            java.share(i, value),
                            python.share(i, value),
                            Math.abs(java.share(i, value) - python.share(i, value)) <= grain.share);
                }
            }
        }
        return failures;
    }

    private static void check(
            List<String> failures, Column column, String statistic, double java, double python, boolean within) {
        if (!within) {
            failures.add(String.format(
                    Locale.ROOT,
                    "%s (%s) %s: java %.6g, python %.6g",
                    column.name(),
                    Grain.of(column.name()),
                    statistic,
                    java,
                    python));
        }
    }

    private static boolean runPython(Path script, Path out) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(
                            "python3",
                            script.toString(),
                            Integer.toString(ROWS),
                            "--seed",
                            "1",
                            "--jobs",
                            "2",
                            "--out",
                            out.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return false; // no python3 on the PATH
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    /** ../shared/bench/gen_hits.py next to the project (or a parent of the working directory), or null. */
    static Path genHitsPy() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared/bench/gen_hits.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
