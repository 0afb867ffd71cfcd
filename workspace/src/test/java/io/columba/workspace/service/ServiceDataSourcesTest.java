package io.columba.workspace.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import io.columba.storage.error.ColumbaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code FROM tinybird.<name>} pointed at the service tables, and what a read of them sees. */
class ServiceDataSourcesTest {
    @TempDir
    Path folder;

    @Test
    void pointsQualifiedServiceNamesInTablePositionsAtTheirTables() {
        try (Database database = Database.open(folder);
                ServiceDataSources services = ServiceDataSources.open(database)) {
            assertThat(services.resolve("SELECT count() FROM tinybird.datasources_ops_log WHERE x = 'tinybird.a'"))
                    .isEqualTo("SELECT count() FROM `__tinybird_datasources_ops_log` AS datasources_ops_log"
                            + " WHERE x = 'tinybird.a'");
            assertThat(services.resolve("SELECT * FROM events e JOIN tinybird.pipe_stats_rt s ON 1"))
                    .isEqualTo("SELECT * FROM events e JOIN `__tinybird_pipe_stats_rt` s ON 1");
            assertThat(services.resolve("SELECT tinybird.x FROM events")).isEqualTo("SELECT tinybird.x FROM events");
            assertThatThrownBy(() -> services.resolve("SELECT 1 FROM tinybird.jobs_log"))
                    .isInstanceOf(ColumbaException.class)
                    .hasMessageContaining("tinybird.jobs_log");
        }
    }

    @Test
    void aReadSeesTheOperationsRecordedBeforeIt() throws IOException {
        try (Database database = Database.open(folder);
                ServiceDataSources services = ServiceDataSources.open(database)) {
            services.operations().record(DatasourceOperation.start("truncate", "events"));
            services.operations().eventsAccepted("events", 5, 1);
            services.operations().eventsAccepted("events", 2, 0);

            String sql = services.resolve("SELECT sum(rows), sum(rows_quarantine), any(datasource_id),"
                    + " countIf(event_type = 'truncate') FROM tinybird.datasources_ops_log"
                    + " WHERE event_type IN ('append-hfi', 'truncate')");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OutputFormats.write(
                    database.execute(sql, QuerySettings.forReading()), "TabSeparated", FormatSettings.CLICKHOUSE, out);

            // however the periodic write cut the Events API's requests into rows, they add up
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo("7\t1\t" + ServiceDataSources.resourceId("events") + "\t1\n");
            assertThat(ServiceDataSources.resourceId("events")).startsWith("t_").hasSize(34);
        }
    }
}
