package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The ClickHouse HTTP interface over HTTP: health checks, a write/read round trip, errors and auth. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickHouseApiTest {
    @TempDir
    static Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private RunningServer running;
    private int port;
    private String token;

    @BeforeAll
    void start() {
        running = RunningServer.start(dataDirectory);
        port = running.ports.clickHousePort();
        token = running.adminToken;
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("default:" + token).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void healthChecksAnswerOk() {
        assertThat(http.get(port, "/ping").body()).isEqualTo("Ok.\n");
        assertThat(http.get(port, "/").body()).isEqualTo("Ok.\n");
        assertThat(http.get(port, "/play").statusCode()).isEqualTo(404);
    }

    @Test
    void createInsertSelectRoundTrip() {
        HttpResponse<String> create = http.post(
                port,
                "/",
                "CREATE TABLE round_trip (id UInt64, name String) ENGINE = MergeTree ORDER BY id",
                "Authorization",
                basic());
        HttpResponse<String> insert = http.post(
                port,
                "/?query=" + encode("INSERT INTO round_trip FORMAT JSONEachRow"),
                "{\"id\": 2, \"name\": \"b\\tc\"}\n{\"id\": 1, \"name\": \"a\"}\n",
                "X-ClickHouse-Key",
                token);
        HttpResponse<String> select = http.post(
                port, "/?password=" + encode(token), "SELECT id, name FROM round_trip ORDER BY id FORMAT TabSeparated");

        assertThat(create.statusCode()).as(create.body()).isEqualTo(200);
        assertThat(create.body()).isEmpty();
        assertThat(insert.statusCode()).as(insert.body()).isEqualTo(200);
        assertThat(insert.body()).isEmpty();
        assertThat(select.statusCode()).as(select.body()).isEqualTo(200);
        assertThat(select.body()).isEqualTo("1\ta\n2\tb\\tc\n");
        assertThat(select.headers().firstValue("X-ClickHouse-Format")).contains("TabSeparated");
        assertThat(select.headers().firstValue("X-ClickHouse-Query-Id")).isPresent();
        assertThat(select.headers().firstValue("X-ClickHouse-Summary"))
                .hasValueSatisfying(summary -> assertThat(summary).contains("\"result_rows\":\"2\""));
        assertThat(select.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/tab-separated-values"));
    }

    @Test
    void defaultFormatAnd64BitQuotingFollowClickHouse() {
        HttpResponse<String> json = http.get(
                port,
                "/?default_format=JSONEachRow&query=" + encode("SELECT count() AS c FROM events"),
                "Authorization",
                basic());
        HttpResponse<String> unquoted = http.get(
                port,
                "/?output_format_json_quote_64bit_integers=0&query="
                        + encode("SELECT count() AS c FROM events FORMAT JSONEachRow"),
                "Authorization",
                basic());

        assertThat(json.body()).isEqualTo("{\"c\":\"" + QuickstartProject.eventRows() + "\"}\n");
        assertThat(json.headers().firstValue("X-ClickHouse-Format")).contains("JSONEachRow");
        assertThat(unquoted.body()).isEqualTo("{\"c\":" + QuickstartProject.eventRows() + "}\n");
    }

    @Test
    void queryInUrlAndBodyAreJoined() {
        HttpResponse<String> response =
                http.post(port, "/?query=" + encode("SELECT count()"), "FROM events", "Authorization", basic());

        assertThat(response.body()).isEqualTo(QuickstartProject.eventRows() + "\n");
    }

    @Test
    void errorsAreClickHouseText() {
        HttpResponse<String> syntax = http.post(port, "/", "SELECT count( FROM events", "Authorization", basic());
        HttpResponse<String> unknownTable =
                http.post(port, "/", "SELECT count() FROM no_such_table", "Authorization", basic());

        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(syntax.body())
                .startsWith("Code: 62. DB::Exception: ")
                .contains("position")
                .endsWith("(SYNTAX_ERROR)\n");
        assertThat(syntax.headers().firstValue("X-ClickHouse-Exception-Code")).contains("62");
        assertThat(unknownTable.statusCode()).isEqualTo(404);
        assertThat(unknownTable.body()).startsWith("Code: 60. DB::Exception: ").endsWith("(UNKNOWN_TABLE)\n");
        assertThat(unknownTable.headers().firstValue("X-ClickHouse-Exception-Code"))
                .contains("60");
    }

    @Test
    void getIsReadOnly() {
        HttpResponse<String> response =
                http.get(port, "/?query=" + encode("DROP TABLE events"), "Authorization", basic());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).startsWith("Code: 164.").endsWith("(READONLY)\n");
        assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).contains("164");
    }

    @Test
    void needsTheTokenAsPassword() {
        HttpResponse<String> missing = http.post(port, "/", "SELECT 1");
        HttpResponse<String> wrong = http.post(port, "/?user=default&password=wrong", "SELECT 1");
        HttpResponse<String> bearer = http.post(port, "/", "SELECT 1", "Authorization", "Bearer " + token);

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).startsWith("Code: 516.").endsWith("(AUTHENTICATION_FAILED)\n");
        assertThat(missing.headers().firstValue("X-ClickHouse-Exception-Code")).contains("516");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.body()).isEqualTo("1\n");
    }
}
