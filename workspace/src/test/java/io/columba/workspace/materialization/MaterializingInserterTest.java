package io.columba.workspace.materialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import io.columba.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Views over a workspace's inserts: backfill when a later build adds one, Null landing tables, cycles. */
class MaterializingInserterTest {
    @TempDir
    Path project;

    @TempDir
    Path dataDirectory;

    @BeforeEach
    void writeProject() throws IOException {
        Files.createDirectories(project.resolve("datasources"));
        Files.createDirectories(project.resolve("fixtures"));
        Files.writeString(project.resolve("datasources/hits.datasource"), """
                SCHEMA >
                    `page` String `json:$.page`,
                    `ms` UInt32 `json:$.ms`

                ENGINE "MergeTree"
                ENGINE_SORTING_KEY "page"
                """);
        Files.writeString(project.resolve("fixtures/hits.ndjson"), """
                {"page": "/", "ms": 3}
                {"page": "/docs", "ms": 4}
                {"page": "/", "ms": 5}
                """);
    }

    private void addView(String name, String target, String targetSchema, String sql) throws IOException {
        if (targetSchema != null) {
            Files.writeString(project.resolve("datasources/" + target + ".datasource"), targetSchema);
        }
        Files.writeString(
                project.resolve(name + ".pipe"),
                "NODE n\nSQL >\n    " + sql + "\n\nTYPE materialized\nDATASOURCE " + target + "\n");
    }

    private void addPageTotals() throws IOException {
        addView(
                "page_totals",
                "page_totals",
                """
                SCHEMA >
                    `page` String,
                    `hits` AggregateFunction(count),
                    `ms` AggregateFunction(sum, UInt32)

                ENGINE "AggregatingMergeTree"
                ENGINE_SORTING_KEY "page"
                """,
                "SELECT page, countState() AS hits, sumState(ms) AS ms, 'ignored' AS extra FROM hits GROUP BY page");
    }

    private static String query(Workspace workspace, String sql) {
        QueryResult result = workspace.database().execute(sql, QuerySettings.DEFAULTS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OutputFormats.write(result, "TabSeparated", FormatSettings.CLICKHOUSE, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aViewAddedByALaterBuildIsBackfilledAndThenTriggered() throws IOException {
        try (Workspace first = Workspace.open(dataDirectory, project)) {
            assertThat(query(first, "SELECT count() FROM hits")).isEqualTo("3\n");
        }
        addPageTotals();
        try (Workspace second = Workspace.open(dataDirectory, project)) {
            second.execute("INSERT INTO hits VALUES ('/docs', 10)", QuerySettings.DEFAULTS);

            assertThat(query(
                            second,
                            "SELECT page, countMerge(hits), sumMerge(ms) FROM page_totals GROUP BY page"
                                    + " ORDER BY page"))
                    .isEqualTo("/\t2\t8\n/docs\t2\t14\n");
            assertThat(query(
                            second,
                            second.services()
                                    .resolve("SELECT event_type, datasource_name, pipe_name, result"
                                            + " FROM tinybird.datasources_ops_log WHERE event_type = 'populateview'")))
                    .isEqualTo("populateview\tpage_totals\tpage_totals\tok\n");
        }
        try (Workspace third = Workspace.open(dataDirectory, project)) {
            assertThat(query(third, "SELECT countMerge(hits) FROM page_totals")).isEqualTo("4\n");
        }
    }

    @Test
    void aNullLandingTableFeedsItsViewsAndKeepsNothing() throws IOException {
        Files.writeString(project.resolve("datasources/landing.datasource"), """
                SCHEMA >
                    `page` String `json:$.page`,
                    `ms` UInt32 `json:$.ms`

                ENGINE "Null"
                """);
        addView("slow", "slow_pages", """
                SCHEMA >
                    `page` String,
                    `ms` UInt32

                ENGINE "MergeTree"
                ENGINE_SORTING_KEY "page"
                """, "SELECT page, ms FROM landing WHERE ms > 100");
        try (Workspace workspace = Workspace.open(dataDirectory, project)) {
            workspace.execute(
                    "INSERT INTO landing FORMAT JSONEachRow\n{\"page\":\"/a\",\"ms\":500}\n{\"page\":\"/b\",\"ms\":5}\n",
                    QuerySettings.DEFAULTS);

            assertThat(query(workspace, "SELECT count() FROM landing")).isEqualTo("0\n");
            assertThat(query(workspace, "SELECT page, ms FROM slow_pages")).isEqualTo("/a\t500\n");
        }
    }

    @Test
    void viewsWritingEachOthersSourcesStopAndReportTheCycle() throws IOException {
        String schema = """
                SCHEMA >
                    `page` String `json:$.page`,
                    `ms` UInt32 `json:$.ms`

                ENGINE "MergeTree"
                ENGINE_SORTING_KEY "page"
                """;
        addView("ping", "echo", schema, "SELECT page, ms FROM hits");
        addView("pong", "hits", null, "SELECT page, ms FROM echo");
        try (Workspace workspace = Workspace.open(dataDirectory, project)) {
            long before =
                    Long.parseLong(query(workspace, "SELECT count() FROM hits").strip());
            workspace.execute("INSERT INTO hits VALUES ('/loop', 1)", QuerySettings.DEFAULTS);

            assertThat(Long.parseLong(
                            query(workspace, "SELECT count() FROM hits").strip()))
                    .isEqualTo(before + 1 + MaterializingInserter.MAX_DEPTH / 2);
            assertThat(workspace.inserter().recentFailures())
                    .last()
                    .satisfies(failure -> assertThat(failure.error()).contains("cycle"));
            assertThat(workspace.database().tableNames()).noneMatch(name -> name.startsWith(StagingTables.PREFIX));
        }
    }
}
