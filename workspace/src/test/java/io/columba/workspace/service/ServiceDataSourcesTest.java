package io.columba.workspace.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.executor.Database;
import io.columba.storage.error.ColumbaException;
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
    void aReadSeesTheOperationsRecordedBeforeIt() {
        try (Database database = Database.open(folder);
                ServiceDataSources services = ServiceDataSources.open(database)) {
            services.operations().record(DatasourceOperation.start("truncate", "events"));
            services.operations().eventsAccepted("events", 5, 1);
            services.operations().eventsAccepted("events", 2, 0);

            String sql = services.resolve("SELECT event_type, rows, rows_quarantine, datasource_id FROM"
                    + " tinybird.datasources_ops_log ORDER BY event_type");
            var result = database.execute(sql, io.columba.executor.QuerySettings.forReading());

            assertThat(result.rowCount()).isEqualTo(2);
            var block = result.blocks().get(0);
            assertThat(((io.columba.storage.column.StringColumn) block.column(0)).getString(0))
                    .isEqualTo("append-hfi");
            assertThat(((io.columba.storage.column.StringColumn) block.column(3)).getString(0))
                    .isEqualTo(ServiceDataSources.resourceId("events"))
                    .startsWith("t_")
                    .hasSize(34);
        }
    }
}
