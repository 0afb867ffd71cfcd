package io.columba.workspace.datafile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.storage.error.ColumbaException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasourceParserTest {
    private static DatasourceDefinition parse(String text) {
        return DatasourceParser.parse("events", text, "datasources/events.datasource");
    }

    @Test
    void readsTheCommonForwardShape() {
        DatasourceDefinition datasource = parse("""
                # landing table
                DESCRIPTION >
                    Analytics events
                    landing data source

                TOKEN "tracker" APPEND
                TOKEN reader read

                SCHEMA >
                    `timestamp` DateTime `json:$.timestamp`,
                    `session_id` Nullable(String) `json:$.session_id`,
                    `tenant_id` String `json:$.tenant_id` DEFAULT '',
                    `amounts` Array(Map(String, String)) `json:$.amounts[:]` DEFAULT [],
                    value Float64,
                    `price` Decimal(10, 2) DEFAULT 0 CODEC(ZSTD(1))

                ENGINE "MergeTree"
                ENGINE_PARTITION_KEY "toYYYYMM(timestamp)"
                ENGINE_SORTING_KEY tenant_id, timestamp
                ENGINE_TTL 'timestamp + INTERVAL 90 DAY'
                ENGINE_SETTINGS "index_granularity = 256"
                """);

        assertThat(datasource.name()).isEqualTo("events");
        assertThat(datasource.description()).isEqualTo("Analytics events\nlanding data source");
        assertThat(datasource.tokens())
                .containsExactly(
                        new ResourceToken("tracker", ResourceToken.APPEND),
                        new ResourceToken("reader", ResourceToken.READ));
        assertThat(datasource.columns())
                .containsExactly(
                        new SchemaColumn("timestamp", "DateTime", "$.timestamp", null, null),
                        new SchemaColumn("session_id", "Nullable(String)", "$.session_id", null, null),
                        new SchemaColumn("tenant_id", "String", "$.tenant_id", "''", null),
                        new SchemaColumn("amounts", "Array(Map(String, String))", "$.amounts[:]", "[]", null),
                        new SchemaColumn("value", "Float64", null, null, null),
                        new SchemaColumn("price", "Decimal(10, 2)", null, "0", "(ZSTD(1))"));
        assertThat(datasource.engine())
                .isEqualTo(new EngineDefinition(
                        "MergeTree",
                        "toYYYYMM(timestamp)",
                        "tenant_id, timestamp",
                        null,
                        "timestamp + INTERVAL 90 DAY",
                        "index_granularity = 256",
                        Map.of()));
        assertThat(datasource.hasJsonPaths()).isTrue();
    }

    @Test
    void acceptsCrlfTabsAndBareValues() {
        DatasourceDefinition datasource = parse("SCHEMA >\r\n\tid UInt64,\r\n\t`name` LowCardinality(String)\r\n\r\n"
                + "ENGINE MergeTree\r\nENGINE_SORTING_KEY id\r\n");

        assertThat(datasource.columns())
                .containsExactly(
                        new SchemaColumn("id", "UInt64", null, null, null),
                        new SchemaColumn("name", "LowCardinality(String)", null, null, null));
        assertThat(datasource.engine().sortingKey()).isEqualTo("id");
        assertThat(datasource.description()).isNull();
    }

    @Test
    void keepsCommasInsideQuotesAndJsonPaths() {
        DatasourceDefinition datasource = parse("""
                SCHEMA >
                    `kind` Enum8('a,b' = 1, 'c' = 2) `json:$.['odd,key']` DEFAULT 'a,b',
                    `at` DateTime('UTC')
                """);

        assertThat(datasource.columns())
                .containsExactly(
                        new SchemaColumn("kind", "Enum8('a,b' = 1, 'c' = 2)", "$.['odd,key']", "'a,b'", null),
                        new SchemaColumn("at", "DateTime('UTC')", null, null, null));
    }

    @Test
    void readsEngineParameters() {
        DatasourceDefinition datasource = parse("""
                SCHEMA >
                    `id` String,
                    `updated` DateTime,
                    `deleted` UInt8
                ENGINE "ReplacingMergeTree"
                ENGINE_SORTING_KEY "id"
                ENGINE_VER "updated"
                ENGINE_IS_DELETED "deleted"
                """);

        assertThat(datasource.engine().arguments())
                .containsEntry("ENGINE_VER", "updated")
                .containsEntry("ENGINE_IS_DELETED", "deleted");
    }

    @Test
    void acceptsConnectorAndMigrationDirectives() {
        DatasourceDefinition datasource = parse("""
                SCHEMA >
                    `id` String
                KAFKA_CONNECTION_NAME kafka
                KAFKA_TOPIC 'events'
                TAGS "a, b"
                FORWARD_QUERY >
                SELECT id
                FROM events
                """);

        assertThat(datasource.columns()).hasSize(1);
    }

    @Test
    void errorsNameTheFileTheLineAndWhatWasExpected() {
        assertThatThrownBy(() -> parse("SCHEMA >\n    `id` UInt64,\n    `name`\n"))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("datasources/events.datasource, line 3")
                .hasMessageContaining("expected a type after column 'name'");
        assertThatThrownBy(() -> parse("SCHEMA >\n    `id` UInt64 json:$.id\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("expected `json:<path>`, DEFAULT or CODEC");
        assertThatThrownBy(() -> parse("SCHEMA >\n    `id` UInt64,\n    ,`b` String\n"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("between two commas");
        assertThatThrownBy(() -> parse("DESCRIPTION >\n    no schema\n"))
                .hasMessageContaining("expected a 'SCHEMA >' block");
        assertThatThrownBy(() -> parse("FOO bar\nSCHEMA >\n    `id` UInt64\n"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected a directive");
        assertThatThrownBy(() -> parse("SCHEMA >\n    `id` UInt64\nFOO bar\n"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("found 'FOO bar'");
        assertThatThrownBy(() -> parse("SCHEMA >\n    `id` UInt64\nENGINE_SORTING_KY id\n"))
                .hasMessageContaining("unknown engine directive ENGINE_SORTING_KY");
        assertThatThrownBy(() -> parse("SCHEMA >\n    `id` UInt64\nTOKEN reader WRITE\n"))
                .hasMessageContaining("expected 'TOKEN <name> READ|APPEND'");
        assertThatThrownBy(() -> parse("SCHEMA >\n    `id` UInt64,\n    `id` String\n"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> parse("  SCHEMA >\n"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("indented line outside a block");
    }

    @Test
    void rejectsNamesThatAreNotIdentifiers() {
        assertThatThrownBy(() -> DatasourceParser.parse("bad-name", "SCHEMA >\n    a String\n", "bad-name.datasource"))
                .hasMessageContaining("bad-name");
    }
}
