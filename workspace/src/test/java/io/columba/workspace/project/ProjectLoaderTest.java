package io.columba.workspace.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import io.columba.workspace.Workspace;
import io.columba.workspace.service.ServiceTable;
import io.columba.workspace.token.TokenStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
    @TempDir
    Path project;

    @TempDir
    Path dataDirectory;

    @BeforeEach
    void writeProject() throws IOException {
        Files.createDirectories(project.resolve("datasources"));
        Files.createDirectories(project.resolve("fixtures"));
        Files.writeString(project.resolve("datasources/visits.datasource"), """
                SCHEMA >
                    `day` Date `json:$.day`,
                    `page` String `json:$.page`,
                    `hits` UInt32 `json:$.hits`

                ENGINE "MergeTree"
                ENGINE_SORTING_KEY "day, page"
                """);
        Files.writeString(project.resolve("datasources/empty.datasource"), "SCHEMA >\n    `id` UInt64\n");
        Files.writeString(project.resolve("fixtures/visits.ndjson"), """
                {"day": "2025-01-01", "page": "/", "hits": 3}
                {"day": "2025-01-01", "page": "/docs", "hits": 4}
                {"day": "2025-01-02", "page": "/", "hits": 5}
                """);
    }

    @Test
    void createsTablesAndLoadsFixturesOnlyOnce() {
        try (Workspace workspace = Workspace.open(dataDirectory, project)) {
            assertThat(workspace.datasources())
                    .containsExactly(
                            new LoadedDatasource("empty", true, null, 0),
                            new LoadedDatasource("visits", true, project.resolve("fixtures/visits.ndjson"), 3));
            assertThat(scalar(workspace.database(), "SELECT sum(hits) FROM visits"))
                    .isEqualTo("12");
            assertThat(workspace.tokens().byName(TokenStore.ADMIN_TOKEN)).isPresent();
        }
        try (Workspace reopened = Workspace.open(dataDirectory, project)) {
            assertThat(reopened.datasources())
                    .containsExactly(
                            new LoadedDatasource("empty", false, null, 0),
                            new LoadedDatasource("visits", false, null, 0));
            assertThat(scalar(reopened.database(), "SELECT count() FROM visits"))
                    .isEqualTo("3");
        }
    }

    @Test
    void aBadDatafileChangesNothing() throws IOException {
        Files.writeString(project.resolve("datasources/zz_broken.datasource"), "SCHEMA >\n    `id`\n");

        assertThatThrownBy(() -> Workspace.open(dataDirectory, project))
                .hasMessageContaining("zz_broken.datasource, line 2");
        try (Workspace workspace = Workspace.open(dataDirectory)) {
            // every workspace has its service data sources' tables; no data source table was made
            assertThat(workspace.database().tableNames())
                    .filteredOn(table -> !ServiceTable.isServiceTable(table))
                    .isEmpty();
        }
    }

    @Test
    void aFixtureThatFailsDropsTheTableAgain() throws IOException {
        Files.writeString(project.resolve("fixtures/visits.ndjson"), "{\"day\": \"2025-01-01\", \"hits\": \"many\"}\n");

        assertThatThrownBy(() -> Workspace.open(dataDirectory, project)).hasMessageContaining("visits.ndjson");
        try (Workspace workspace = Workspace.open(dataDirectory)) {
            assertThat(workspace.database().tableExists("visits")).isFalse();
        }
    }

    private static String scalar(Database database, String sql) {
        QueryResult result = database.execute(sql, QuerySettings.forReading());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OutputFormats.write(result, "TabSeparated", FormatSettings.CLICKHOUSE, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
