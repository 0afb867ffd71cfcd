package io.columba.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on {@code POST /v0/events} over real HTTP: malformed lines, wrong types, huge strings, deep nesting and
 * invalid UTF-8 each end in the quarantine or a 400 with ClickHouse's error, and the server keeps serving.
 */
class EventsBadInputTest {
    private static final String EVENTS = "/v0/events?name=numbered&wait=true";

    @TempDir
    Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private IngestionServer server;

    @BeforeEach
    void start() {
        server = new IngestionServer(dataDirectory, 100 << 20);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String body) {
        return http.post(server.port(), EVENTS, body, "Authorization", server.bearer());
    }

    private HttpResponse<String> post(byte[] body) {
        return http.send(http.request(server.port(), EVENTS)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", server.bearer())
                .build());
    }

    private String sql(String query) {
        return server.sql(http, query);
    }

    /** The server still takes events and answers queries. */
    private void assertStillServing(long expectedRows) {
        HttpResponse<String> good = post("{\"id\":999999,\"client\":\"after\"}\n");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(sql("SELECT count() FROM numbered")).isEqualTo((expectedRows + 1) + "\n");
    }

    @Test
    void malformedLinesAreQuarantinedAndTheGoodOnesKept() {
        HttpResponse<String> response = post("{\"id\":1}\n{\"id\":2,\n{\"id\":3}\nnot json at all\n{\"id\":4}}\n");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"successful_rows\":2,\"quarantined_rows\":3}");
        assertThat(sql("SELECT id FROM numbered ORDER BY id")).isEqualTo("1\n3\n");
        assertThat(
                        sql(
                                "SELECT count(), countIf(c__error[1] LIKE 'line % is not valid JSON%') FROM numbered_quarantine"))
                .isEqualTo("3\t3\n");
        assertStillServing(2);
    }

    @Test
    void valuesOfTheWrongTypeAreQuarantinedWithTheColumnAtFault() {
        HttpResponse<String> response = post("""
                {"id":"abc"}
                {"id":-1}
                {"id":1.5}
                {"id":{"a":1}}
                {"id":[1,2]}
                {"id":18446744073709551616}
                {"id":7,"client":["x"]}
                {"id":true}
                """);

        assertThat(response.statusCode()).isEqualTo(200);
        // As in ClickHouse: true is 1 for a number column, and -1 wraps around to the largest UInt64.
        assertThat(sql("SELECT id, client FROM numbered ORDER BY id"))
                .isEqualTo("1\tunknown\n7\t[\"x\"]\n18446744073709551615\tunknown\n");
        assertThat(response.body()).isEqualTo("{\"successful_rows\":3,\"quarantined_rows\":5}");
        assertThat(sql("SELECT DISTINCT c__error_column FROM numbered_quarantine"))
                .isEqualTo("['id']\n");
        assertThat(sql("SELECT c__error[1] FROM numbered_quarantine WHERE id = 'abc'"))
                .isEqualTo("value \\'abc\\' on column \\'id\\' is not UInt64\n"); // TSV escapes quotes
        assertStillServing(3);
    }

    @Test
    void hugeStringsAreStoredWholeOrQuarantined() {
        String huge = "é\\t\\n\\\\x".repeat(500_000);
        HttpResponse<String> response =
                post("{\"id\":1,\"client\":\"" + huge + "\"}\n{\"id\":\"" + "9".repeat(1_000_000) + "\"}\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"successful_rows\":1,\"quarantined_rows\":1}");
        assertThat(sql("SELECT length(client), lengthUTF8(client), substring(client, 1, 12) FROM numbered"))
                .isEqualTo("3000000\t2500000\té\\t\\n\\\\xé\\t\\n\\\\x\n");
        assertThat(sql("SELECT length(id) FROM numbered_quarantine")).isEqualTo("1000000\n");
        assertStillServing(1);
    }

    @Test
    void deepNestingIsRefusedOrQuarantinedWithoutHarm() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        HttpResponse<String> alone = post(deep);
        HttpResponse<String> amongGoodRows = post("{\"id\":1}\n{\"id\":2,\"client\":" + deep + "}\n{\"id\":3}\n");

        assertThat(alone.statusCode()).isEqualTo(400);
        assertThat(alone.body())
                .contains("\"code\":27")
                .contains("DB::Exception: The body is not NDJSON")
                .contains("(CANNOT_PARSE_INPUT_ASSERTION_FAILED)");
        assertThat(amongGoodRows.statusCode()).isEqualTo(200);
        assertThat(amongGoodRows.body()).isEqualTo("{\"successful_rows\":2,\"quarantined_rows\":1}");
        assertThat(sql("SELECT c__error[1] LIKE '%nesting depth%' FROM numbered_quarantine"))
                .isEqualTo("1\n");
        assertStillServing(2);
    }

    @Test
    void invalidUtf8IsRefusedAndChangesNothing() {
        byte[] body = "{\"id\":1,\"client\":\"\u00ff\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("not valid UTF-8")
                .contains("Code: 27. DB::Exception:")
                .contains("(CANNOT_PARSE_INPUT_ASSERTION_FAILED)");
        assertThat(sql("SELECT count() FROM numbered")).isEqualTo("0\n");
        assertStillServing(0);
    }
}
