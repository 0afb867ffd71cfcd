package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three materialized views of tinybirdco/logs-explorer-template, loaded as it is (ENGINE_TTL included), fed
 * two Events API batches of recent logs: each AggregatingMergeTree target, merged with -Merge, must say what the
 * same aggregation over {@code logs} says. Skipped without ../shared/conformance/tinybird.
 */
class LogsExplorerMaterializedViewsTest {
    @TempDir
    Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();

    @Test
    void everyViewTargetMatchesItsAggregationOverTheLogs() {
        Path project = LogsExplorerConformanceTest.findProject();
        assumeThat(project).as("../shared/conformance/tinybird is absent").isNotNull();
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        // The targets' DateTime64(3) columns are read as DateTime to compare with the aggregation over logs.
        try (Workspace workspace = Workspace.open(dataDirectory, project)) {
            ColumbaServer server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
            BoundPorts ports = server.start();
            String token = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);
            try {
                for (int batch = 0; batch < 2; batch++) {
                    HttpResponse<String> response = http.post(
                            ports.tinybirdPort(),
                            "/v0/events?name=logs&wait=true",
                            logs(day, batch, 40),
                            "Authorization",
                            "Bearer " + token);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                }
                String since = " >= toDateTime('" + day + " 00:00:00')";
                for (List<String> pair : List.of(
                        List.of(
                                "SELECT toDateTime(start_ts), toDateTime(end_ts), environment, service, level, countMerge(n_rows)"
                                        + " FROM logs_range_15m WHERE start_ts" + since
                                        + " GROUP BY start_ts, end_ts, environment, service, level",
                                "SELECT toStartOfFifteenMinutes(timestamp) AS start_ts, start_ts + toIntervalMinute(15),"
                                        + " environment, service, level, count() FROM logs WHERE timestamp" + since
                                        + " GROUP BY start_ts, environment, service, level"),
                        List.of(
                                "SELECT date, service, level, request_path, countMerge(total_requests),"
                                        + " countMerge(error_count), maxMerge(response_time_max),"
                                        + " round(avgMerge(response_time_avg), 6) FROM logs_daily_timeseries"
                                        + " WHERE date" + since + " GROUP BY date, service, level, request_path",
                                "SELECT toStartOfDay(timestamp) AS date, service, level, request_path, count(),"
                                        + " countIf(level = 'ERROR'), max(toFloat64(response_time)),"
                                        + " round(avg(toFloat64(response_time)), 6) FROM logs WHERE timestamp" + since
                                        + " GROUP BY date, service, level, request_path"),
                        List.of(
                                "SELECT date, host, status_code, countMerge(count) AS c FROM logs_daily_dimensions"
                                        + " WHERE date" + since + " GROUP BY date, host, status_code",
                                "SELECT toStartOfDay(timestamp) AS date, host, status_code, count() FROM logs"
                                        + " WHERE timestamp" + since + " GROUP BY date, host, status_code"))) {
                    String fromView = sorted(clickHouse(ports, token, pair.get(0)));
                    assertThat(fromView).as(pair.get(0)).isNotEmpty();
                    assertThat(fromView).as(pair.get(0)).isEqualTo(sorted(clickHouse(ports, token, pair.get(1))));
                }
                assertThat(workspace.inserter().recentFailures()).isEmpty();
            } finally {
                server.close();
            }
        }
    }

    /** {@code count} log lines on {@code day}; batches share their services, levels and paths, so groups span both. */
    private static String logs(String day, int batch, int count) {
        String[] levels = {"INFO", "ERROR", "WARN"};
        String[] services = {"api", "auth"};
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int n = batch * count + i;
            lines.append("{\"timestamp\":\"")
                    .append(day)
                    .append(String.format(" %02d:%02d:%02d", n % 3, (n * 7) % 60, n % 60))
                    .append("\",\"level\":\"")
                    .append(levels[n % 3])
                    .append("\",\"service\":\"")
                    .append(services[n % 2])
                    .append("\",\"message\":\"m")
                    .append(n)
                    .append("\",\"request_id\":\"r")
                    .append(n)
                    .append("\",\"environment\":\"production\",\"status_code\":")
                    .append(200 + (n % 4) * 100)
                    .append(",\"response_time\":")
                    .append(10 + n * 13 % 500)
                    .append(",\"request_method\":\"GET\",\"request_path\":\"/p")
                    .append(n % 5)
                    .append("\",\"host\":\"server-")
                    .append(n % 2)
                    .append("\",\"user_agent\":\"curl\"}\n");
        }
        return lines.toString();
    }

    private String clickHouse(BoundPorts ports, String token, String sql) {
        HttpResponse<String> response = http.post(ports.clickHousePort(), "/?password=" + encode(token), sql);
        assertThat(response.statusCode()).as(sql + "\n" + response.body()).isEqualTo(200);
        return response.body();
    }

    private static String sorted(String lines) {
        return String.join("\n", lines.lines().sorted().toList());
    }
}
