package io.columba.executor.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How every JSON and CSV output format writes Decimal, UUID, IPs, Enum, wide integers, arrays, maps and tuples. */
class TypedValueFormatsTest {
    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void createRow() {
        database = Database.open(folder);
        database.execute(
                "CREATE TABLE v (d Decimal(9, 2), u UUID, ip IPv4, ip6 IPv6, e Enum8('info' = 1), w Int128,"
                        + " lc LowCardinality(String), fs FixedString(2), day Date32, nums Array(UInt64),"
                        + " words Array(String), m Map(String, UInt8), named Tuple(x UInt8, y String),"
                        + " pair Tuple(UInt8, String)) ENGINE = MergeTree ORDER BY tuple()",
                QuerySettings.DEFAULTS);
        database.execute(
                "INSERT INTO v VALUES (1.5, '61f0c404-5cb3-11e7-907b-a6006ad3dba0', '1.2.3.4', '2001:db8::1', 'info',"
                        + " -5, 'x', 'a', '1955-11-05', [1, 2], ['a', 'b\"c'], {'k': 1}, (1, 's'), (2, 't'))",
                QuerySettings.DEFAULTS);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String write(String format, FormatSettings settings) throws IOException {
        QueryResult result = database.execute("SELECT * FROM v", QuerySettings.DEFAULTS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputFormats.write(result, format, settings, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonEachRowQuotesWhatClickHouseQuotes() throws IOException {
        assertThat(write("JSONEachRow", FormatSettings.CLICKHOUSE))
                .isEqualTo("{\"d\":1.5,\"u\":\"61f0c404-5cb3-11e7-907b-a6006ad3dba0\",\"ip\":\"1.2.3.4\","
                        + "\"ip6\":\"2001:db8::1\",\"e\":\"info\",\"w\":\"-5\",\"lc\":\"x\",\"fs\":\"a\\u0000\","
                        + "\"day\":\"1955-11-05\",\"nums\":[\"1\",\"2\"],\"words\":[\"a\",\"b\\\"c\"],"
                        + "\"m\":{\"k\":1},\"named\":{\"x\":1,\"y\":\"s\"},\"pair\":[2,\"t\"]}\n");
    }

    @Test
    void tinybirdSettingsWriteWideIntegersBare() throws IOException {
        assertThat(write("JSONEachRow", FormatSettings.TINYBIRD))
                .contains("\"w\":-5,")
                .contains("\"nums\":[1,2]");
    }

    @Test
    void jsonMetaNamesTheDeclaredTypes() throws IOException {
        String json = write("JSON", FormatSettings.CLICKHOUSE);
        assertThat(json)
                .contains("\"type\": \"LowCardinality(String)\"")
                .contains("\"type\": \"Map(String, UInt8)\"")
                .contains("\"type\": \"Tuple(x UInt8, y String)\"")
                .contains("\"type\": \"Enum8('info' = 1)\"")
                .contains("\"type\": \"Decimal(9, 2)\"");
    }

    @Test
    void csvQuotesTextAndCompositeValues() throws IOException {
        assertThat(write("CSV", FormatSettings.CLICKHOUSE))
                .isEqualTo("1.5,\"61f0c404-5cb3-11e7-907b-a6006ad3dba0\",\"1.2.3.4\",\"2001:db8::1\",\"info\",-5,"
                        + "\"x\",\"a\0\",\"1955-11-05\",\"[1,2]\",\"['a','b\"\"c']\",\"{'k':1}\",\"(1,'s')\","
                        + "\"(2,'t')\"\n");
    }

    @Test
    void tabSeparatedWritesQuotedFormsInside() throws IOException {
        assertThat(write("TabSeparated", FormatSettings.CLICKHOUSE))
                .isEqualTo("1.5\t61f0c404-5cb3-11e7-907b-a6006ad3dba0\t1.2.3.4\t2001:db8::1\tinfo\t-5\tx\ta\\0\t"
                        + "1955-11-05\t[1,2]\t['a','b\"c']\t{'k':1}\t(1,'s')\t(2,'t')\n");
    }

    @Test
    void valuesSurviveReopeningAndReadBackFromTheirJson() throws IOException {
        String json = write("JSONEachRow", FormatSettings.CLICKHOUSE);
        database.execute("INSERT INTO v FORMAT JSONEachRow\n" + json, QuerySettings.DEFAULTS);
        database.close();
        database = Database.open(folder);
        String twice = write("JSONEachRow", FormatSettings.CLICKHOUSE);
        assertThat(twice).isEqualTo(json + json);
    }
}
