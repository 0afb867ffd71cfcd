package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columba.ingest.buffer.BufferSettings;
import io.columba.workspace.Workspace;
import io.columba.workspace.materialization.MaterializationFailure;
import io.columba.workspace.service.ServiceTable;
import io.columba.workspace.token.TokenStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Materialized views as insert triggers, end to end over testdata/projects/materialized: rows coming by the Events
 * API, the Data Sources API, the ClickHouse HTTP interface and the fixtures run the views over just those rows;
 * {@code purchases -> country_revenue} cascades; AggregatingMergeTree targets are read with -Merge; a failing view
 * keeps the insert.
 */
class MaterializedViewsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** daily_actions merged, as the events themselves say it should be. */
    private static final String DAILY_FROM_VIEW = "SELECT date, action, countMerge(hits), uniqExactMerge(sessions),"
            + " sumMerge(revenue) FROM daily_actions GROUP BY date, action ORDER BY date, action";

    private static final String DAILY_FROM_EVENTS = "SELECT toDate(timestamp) AS date, action, count(),"
            + " uniqExact(session_id), sum(revenue) FROM events GROUP BY date, action ORDER BY date, action";

    private static final String COUNTRIES_FROM_VIEW = "SELECT country, countMerge(purchases), sumMerge(revenue)"
            + " FROM country_revenue GROUP BY country ORDER BY country";

    private static final String COUNTRIES_FROM_EVENTS = "SELECT country, count(), sum(revenue) FROM events"
            + " WHERE action = 'purchase' GROUP BY country ORDER BY country";

    @TempDir
    Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private Workspace workspace;
    private ColumbaServer server;
    private BoundPorts ports;
    private String token;

    @BeforeEach
    void start() {
        open();
    }

    private void open() {
        workspace = Workspace.open(
                dataDirectory,
                TestdataProject.folder("materialized"),
                BufferSettings.DEFAULTS.withFlushDelay(Duration.ofMillis(200)));
        server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
        ports = server.start();
        token = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
        workspace.close();
    }

    /** A ClickHouse-port statement's TabSeparated answer; it must succeed. */
    private String clickHouse(String sql) {
        HttpResponse<String> response = http.post(ports.clickHousePort(), "/?password=" + encode(token), sql);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> events(String ndjson) {
        return http.post(
                ports.tinybirdPort(), "/v0/events?name=events&wait=true", ndjson, "Authorization", "Bearer " + token);
    }

    @Test
    void fixtureRowsWentThroughTheViewsAndTheirChain() throws IOException {
        HttpResponse<String> daily = http.get(
                ports.tinybirdPort(), "/v0/pipes/daily.json?action=purchase", "Authorization", "Bearer " + token);

        assertThat(daily.statusCode()).as(daily.body()).isEqualTo(200);
        JsonNode data = JSON.readTree(daily.body()).get("data");
        assertThat(data.toString())
                .isEqualTo(
                        "[{\"date\":\"2024-05-01\",\"action\":\"purchase\",\"hits\":1,\"sessions\":1,\"revenue\":20.5},"
                                + "{\"date\":\"2024-05-02\",\"action\":\"purchase\",\"hits\":1,\"sessions\":1,\"revenue\":10}]");
        assertThat(clickHouse(COUNTRIES_FROM_VIEW)).isEqualTo("DE\t1\t20.5\nES\t1\t10\n");
        assertThat(clickHouse(DAILY_FROM_VIEW)).isEqualTo(clickHouse(DAILY_FROM_EVENTS));
    }

    @Test
    void eventsApiRowsRunTheViewsOverTheNewRowsOnly() {
        HttpResponse<String> response = events(
                "{\"timestamp\":\"2024-05-02 12:00:00\",\"session_id\":\"3\",\"action\":\"purchase\",\"country\":\"ES\","
                        + "\"revenue\":5}\n"
                        + "{\"timestamp\":\"2024-05-03 08:00:00\",\"session_id\":\"4\",\"action\":\"page_view\"}\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // Session 3 bought on 2024-05-02 in the fixture too: one session, merged across the two inserts' states.
        assertThat(clickHouse(DAILY_FROM_VIEW))
                .isEqualTo("2024-05-01\tpage_view\t2\t2\t0\n"
                        + "2024-05-01\tpurchase\t1\t1\t20.5\n"
                        + "2024-05-02\tpage_view\t1\t1\t0\n"
                        + "2024-05-02\tpurchase\t2\t1\t15\n"
                        + "2024-05-03\tpage_view\t1\t1\t0\n");
        // The view ran over the 2 new rows, not the 7 in the table: 4 groups from the fixture, 2 from this insert.
        assertThat(clickHouse("SELECT count() FROM daily_actions")).isEqualTo("6\n");
        assertThat(clickHouse(COUNTRIES_FROM_VIEW)).isEqualTo("DE\t1\t20.5\nES\t2\t15\n");
        assertThat(clickHouse("SELECT count() FROM purchases")).isEqualTo("3\n");
    }

    @Test
    void dataSourcesApiAppendsRunTheViews() {
        HttpResponse<String> ndjson = http.post(
                ports.tinybirdPort(),
                "/v0/datasources?name=events&mode=append&format=ndjson",
                "{\"timestamp\":\"2024-05-04 10:00:00\",\"session_id\":\"5\",\"action\":\"purchase\",\"country\":\"FR\","
                        + "\"revenue\":7}\n",
                "Authorization",
                "Bearer " + token);
        HttpResponse<String> csv = http.post(
                ports.tinybirdPort(),
                "/v0/datasources?name=events&mode=append&format=csv",
                "timestamp,session_id,action,country,revenue\n2024-05-04 11:00:00,6,purchase,FR,3\n"
                        + "2024-05-04 12:00:00,6,page_view,FR,0\n",
                "Authorization",
                "Bearer " + token);

        assertThat(ndjson.statusCode()).as(ndjson.body()).isEqualTo(200);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(clickHouse(COUNTRIES_FROM_VIEW)).isEqualTo("DE\t1\t20.5\nES\t1\t10\nFR\t2\t10\n");
        assertThat(clickHouse(DAILY_FROM_VIEW)).isEqualTo(clickHouse(DAILY_FROM_EVENTS));
    }

    @Test
    void clickHouseInsertsRunTheViews() {
        clickHouse("INSERT INTO events VALUES ('2024-05-05 00:00:00', '7', 'purchase', 'IT', 1.5)");
        clickHouse("INSERT INTO `events` (timestamp, session_id, action) FORMAT JSONEachRow\n"
                + "{\"timestamp\":\"2024-05-05 01:00:00\",\"session_id\":\"8\",\"action\":\"purchase\"}\n");
        clickHouse("insert into default.events SELECT timestamp + 86400, session_id, action, country, revenue"
                + " FROM events WHERE country = 'DE'");

        // The DEFAULT of country fills the JSON row in the staging table as in the table itself.
        assertThat(clickHouse(COUNTRIES_FROM_VIEW))
                .isEqualTo("DE\t2\t41\nES\t1\t10\nIT\t1\t1.5\nunknown\t1\t0\n")
                .isEqualTo(clickHouse(COUNTRIES_FROM_EVENTS));
        assertThat(clickHouse(DAILY_FROM_VIEW)).isEqualTo(clickHouse(DAILY_FROM_EVENTS));
        // no staging table is left (the tables behind tinybird.* are the workspace's own)
        assertThat(clickHouse("SHOW TABLES").lines().filter(table -> !ServiceTable.isServiceTable(table)))
                .containsExactly("country_revenue", "daily_actions", "events", "purchases", "session_numbers");
    }

    @Test
    void aFailingViewKeepsTheInsertAndTheOtherViews() {
        HttpResponse<String> response =
                events("{\"timestamp\":\"2024-05-06 00:00:00\",\"session_id\":\"x\",\"action\":\"explode\"}\n"
                        + "{\"timestamp\":\"2024-05-06 00:00:01\",\"session_id\":\"9\",\"action\":\"purchase\","
                        + "\"country\":\"PT\",\"revenue\":2}\n");
        HttpResponse<String> numeric =
                events("{\"timestamp\":\"2024-05-06 00:00:02\",\"session_id\":\"42\",\"action\":\"explode\"}\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(numeric.statusCode()).as(numeric.body()).isEqualTo(200);
        assertThat(clickHouse("SELECT count() FROM events")).isEqualTo("8\n");
        assertThat(clickHouse(DAILY_FROM_VIEW)).isEqualTo(clickHouse(DAILY_FROM_EVENTS));
        assertThat(clickHouse(COUNTRIES_FROM_VIEW)).contains("PT\t1\t2\n");
        assertThat(clickHouse("SELECT number FROM session_numbers")).isEqualTo("42\n");
        assertThat(workspace.inserter().recentFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.pipe()).isEqualTo("session_numbers");
            assertThat(failure.source()).isEqualTo("events");
            assertThat(failure.target()).isEqualTo("session_numbers");
            assertThat(failure.error()).contains("'x'");
        });
    }

    @Test
    void restartingRunsNoViewTwice() {
        events(
                "{\"timestamp\":\"2024-05-07 00:00:00\",\"session_id\":\"10\",\"action\":\"purchase\",\"country\":\"DE\","
                        + "\"revenue\":1}\n");
        String before = clickHouse(DAILY_FROM_VIEW) + clickHouse(COUNTRIES_FROM_VIEW);
        stop();
        open();

        assertThat(clickHouse(DAILY_FROM_VIEW) + clickHouse(COUNTRIES_FROM_VIEW))
                .isEqualTo(before);
        assertThat(clickHouse(COUNTRIES_FROM_VIEW)).isEqualTo(clickHouse(COUNTRIES_FROM_EVENTS));
        assertThat(workspace.inserter().recentFailures())
                .map(MaterializationFailure::pipe)
                .isEmpty();
    }
}
