package io.columba.executor.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pretty formats byte for byte against ClickHouse 18.16's HTTP answers: {@code pretty/cases.tsv} holds a name,
 * a query and URL settings per line, {@code pretty/<name>.<format>.txt} what the peer wrote for it. Also where the
 * other text formats put the row of {@code WITH TOTALS}, as the peer answered the same query.
 */
class PrettyFormatsTest {
    private static final List<String> FORMATS = List.of(
            "Pretty",
            "PrettyNoEscapes",
            "PrettyCompact",
            "PrettyCompactNoEscapes",
            "PrettyCompactMonoBlock",
            "PrettySpace",
            "PrettySpaceNoEscapes");

    private static final String TOTALS_QUERY = "SELECT number % 3 AS k, count() AS c, toNullable(k) AS n, 'a\"b' AS s"
            + " FROM numbers(10) GROUP BY k, n WITH TOTALS ORDER BY k";

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(folder);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private byte[] write(String sql, String format, Map<String, String> settings) throws IOException {
        QueryResult result = database.execute(sql, QuerySettings.DEFAULTS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputFormats.write(result, format, FormatSettings.CLICKHOUSE.with(new QuerySettings(settings, false)), out);
        return out.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PrettyFormatsTest.class.getResourceAsStream("pretty/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesClickHouse() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : new String(resource("cases.tsv"), StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.split("\t", -1);
            Map<String, String> settings = new HashMap<>();
            for (String setting : fields[2].isEmpty() ? new String[0] : fields[2].split("&")) {
                settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
            String sql = fields[1].replace("\\t", "\t");
            for (String format : FORMATS) {
                String name = fields[0] + "." + format + ".txt";
                tests.add(DynamicTest.dynamicTest(
                        name,
                        () -> assertThat(new String(write(sql, format, settings), StandardCharsets.UTF_8))
                                .isEqualTo(new String(resource(name), StandardCharsets.UTF_8))));
            }
        }
        return tests.stream();
    }

    @Test
    void anEmptyResultWritesNothing() throws IOException {
        for (String format : FORMATS) {
            assertThat(write("SELECT 1 WHERE 0", format, Map.of())).as(format).isEmpty();
        }
    }

    @Test
    void showsTenThousandRowsOfTheFirstBlockAndCountsTheRest() throws IOException {
        String compact = new String(
                write("SELECT number FROM numbers(70000)", "PrettyCompactNoEscapes", Map.of()), StandardCharsets.UTF_8);
        String[] lines = compact.split("\n");
        assertThat(lines).hasSize(10_000 + 3);
        assertThat(lines[0]).isEqualTo("┌─number─┐");
        assertThat(lines[10_000]).isEqualTo("│   9999 │");
        assertThat(lines[10_002]).isEqualTo("  Showed first 10000.");
        String space = new String(
                write("SELECT number FROM numbers(70000)", "PrettySpaceNoEscapes", Map.of()), StandardCharsets.UTF_8);
        assertThat(space).startsWith("number\n\n     0\n").endsWith("  9999\n\nShowed first 10000.\n");
    }

    private String totals(String format) throws IOException {
        return new String(write(TOTALS_QUERY, format, Map.of()), StandardCharsets.UTF_8);
    }

    @Test
    void jsonHasATotalsObjectAfterTheData() throws IOException {
        assertThat(totals("JSON"))
                .contains(
                        "\t\t{\n\t\t\t\"k\": 2,\n\t\t\t\"c\": \"3\",\n\t\t\t\"n\": 2,\n\t\t\t\"s\": \"a\\\"b\"\n\t\t}\n"
                                + "\t],\n\n"
                                + "\t\"totals\":\n\t{\n\t\t\"k\": 0,\n\t\t\"c\": \"10\",\n\t\t\"n\": null,\n\t\t\"s\": \"a\\\"b\"\n"
                                + "\t},\n\n\t\"rows\": 3,\n");
    }

    @Test
    void jsonCompactHasATotalsArrayWithoutSpaces() throws IOException {
        assertThat(totals("JSONCompact"))
                .contains("\t\t[2, \"3\", 2, \"a\\\"b\"]\n\t],\n\n\t\"totals\": [0,\"10\",null,\"a\\\"b\"],\n\n");
    }

    @Test
    void delimitedFormatsEndWithAnEmptyLineAndTheTotals() throws IOException {
        assertThat(totals("TSVWithNamesAndTypes"))
                .isEqualTo("k\tc\tn\ts\nUInt8\tUInt64\tNullable(UInt8)\tString\n"
                        + "0\t4\t0\ta\"b\n1\t3\t1\ta\"b\n2\t3\t2\ta\"b\n\n0\t10\t\\N\ta\"b\n");
        assertThat(totals("CSV"))
                .isEqualTo("0,4,0,\"a\"\"b\"\n1,3,1,\"a\"\"b\"\n2,3,2,\"a\"\"b\"\n\n0,10,\\N,\"a\"\"b\"\n");
    }

    @Test
    void jsonEachRowLeavesTheTotalsOut() throws IOException {
        assertThat(totals("JSONEachRow"))
                .isEqualTo(
                        "{\"k\":0,\"c\":\"4\",\"n\":0,\"s\":\"a\\\"b\"}\n{\"k\":1,\"c\":\"3\",\"n\":1,\"s\":\"a\\\"b\"}\n"
                                + "{\"k\":2,\"c\":\"3\",\"n\":2,\"s\":\"a\\\"b\"}\n");
    }
}
