package io.columba.executor.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden parts of on-disk format v1 ({@code testdata/storage/v1}): every reader must read them to the same
 * rows, and the writer must still write them byte for byte (a change of format is a new {@code vN} folder, not an
 * edit of v1). {@code -Dgolden.write=true} writes the folder anew, for a new format version only.
 */
class GoldenPartsTest {
    /** One table per engine feature the format carries: every type, codecs, skip indexes, a TTL. */
    static final List<String> STATEMENTS = List.of(
            "CREATE TABLE everything (k UInt32, i8 Int8, u64 UInt64, i128 Int128, u256 UInt256, f32 Float32,"
                    + " f64 Float64, d Decimal(9, 2), dw Decimal(38, 10), s String, fs FixedString(3), day Date,"
                    + " day32 Date32, ts DateTime('UTC'), ts64 DateTime64(3), u UUID, ip IPv4, ip6 IPv6, b Bool,"
                    + " e Enum8('a' = 1, 'b' = -2), lc LowCardinality(String), n Nullable(Int32),"
                    + " arr Array(Nullable(String)), nested Array(Array(UInt8)), m Map(String, UInt16),"
                    + " t Tuple(x Float64, y String), state AggregateFunction(sum, UInt64),"
                    + " INDEX by_s s TYPE bloom_filter(0.01) GRANULARITY 1, INDEX by_f f64 TYPE minmax GRANULARITY 2)"
                    + " ENGINE = MergeTree PARTITION BY toYYYYMM(day) ORDER BY (k, s)"
                    + " SETTINGS index_granularity = 2",
            "INSERT INTO everything SELECT number, -number, 18446744073709551615 - number,"
                    + " toInt128(-170141183460469231731687303715884105728), toUInt256(number * 1000000000000),"
                    + " number / 3, number / 7, number / 4, number / 8, concat('s', toString(number)),"
                    + " toFixedString('ab', 3), toDate('2024-01-30') + number, toDate32('1955-11-05') + number,"
                    + " toDateTime('2024-01-30 10:00:00') + number, toDateTime64('2024-01-30 10:00:00.125', 3),"
                    + " toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0'), toIPv4('10.0.0.1'), toIPv6('2001:db8::1'),"
                    + " number % 2 = 0, 'b', 'low', NULL, ['x', NULL], [[1], []], map('k', 7),"
                    + " tuple(0.5, 'y'), sumState(number) FROM numbers(5) GROUP BY number",
            "CREATE TABLE coded (ts DateTime CODEC(DoubleDelta, LZ4), id UInt64 CODEC(Delta, ZSTD(3)),"
                    + " v Float64 CODEC(Gorilla), small Int32 CODEC(T64, LZ4HC(9)), raw UInt8 CODEC(NONE))"
                    + " ENGINE = SummingMergeTree ORDER BY id TTL ts + INTERVAL 100 YEAR",
            "INSERT INTO coded SELECT toDateTime('2024-01-01 00:00:00') + number * 15, number, number / 4,"
                    + " number % 17 - 8, number % 256 FROM numbers(100)");

    static Path goldenFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("testdata/storage");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve("v1");
            }
        }
        throw new IllegalStateException(
                "testdata/storage not found above " + Path.of("").toAbsolutePath());
    }

    private static String dump(Database database) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String query : List.of(
                "SELECT k, i8, u64, i128, u256, f32, f64, d, dw, s, fs, day, day32, ts, ts64, u, ip, ip6, b, e, lc, n,"
                        + " arr, nested, m, t, finalizeAggregation(state) FROM everything ORDER BY k",
                "SELECT * FROM coded ORDER BY id")) {
            QueryResult result = database.execute(query, QuerySettings.DEFAULTS);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            OutputFormats.write(result, "TabSeparatedWithNamesAndTypes", FormatSettings.CLICKHOUSE, bytes);
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @TempDir
    Path temporary;

    @Test
    void goldenPartsReadToTheirRecordedRows() throws IOException {
        Path golden = goldenFolder();
        if (Boolean.getBoolean("golden.write")) {
            write(golden);
        }
        Path copy = temporary.resolve("copy");
        copyTree(golden.resolve("database"), copy);
        try (Database database = Database.open(copy)) {
            assertThat(dump(database)).isEqualTo(Files.readString(golden.resolve("expected.tsv")));
        }
    }

    @Test
    void theWriterStillWritesTheGoldenPartsByteForByte() throws IOException {
        Path golden = goldenFolder().resolve("database");
        Path fresh = temporary.resolve("fresh");
        try (Database database = Database.open(fresh)) {
            for (String statement : STATEMENTS) {
                database.execute(statement, QuerySettings.DEFAULTS);
            }
        }
        List<Path> expected = files(golden);
        assertThat(files(fresh)).containsExactlyElementsOf(expected);
        for (Path file : expected) {
            assertThat(Files.readAllBytes(fresh.resolve(file)))
                    .as(file.toString())
                    .isEqualTo(Files.readAllBytes(golden.resolve(file)));
        }
    }

    private static void write(Path golden) throws IOException {
        Path database = golden.resolve("database");
        if (Files.exists(database)) {
            try (Stream<Path> walk = Files.walk(database)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        try (Database writer = Database.open(database)) {
            for (String statement : STATEMENTS) {
                writer.execute(statement, QuerySettings.DEFAULTS);
            }
            Files.writeString(golden.resolve("expected.tsv"), dump(writer));
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .sorted()
                    .toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
