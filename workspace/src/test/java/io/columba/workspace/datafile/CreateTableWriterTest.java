package io.columba.workspace.datafile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreateTableWriterTest {
    @Test
    void writesMergeTreeWithKeys() {
        DatasourceDefinition datasource = DatasourceParser.parse("events", """
                SCHEMA >
                    `timestamp` DateTime `json:$.timestamp`,
                    `session_id` String `json:$.session_id` DEFAULT '',
                    `revenue` Float64 CODEC(ZSTD(1))
                ENGINE "MergeTree"
                ENGINE_PARTITION_KEY "toYYYYMM(timestamp)"
                ENGINE_SORTING_KEY "timestamp, session_id"
                ENGINE_SETTINGS "index_granularity = 8192"
                """, "events.datasource");

        assertThat(CreateTableWriter.createTable(datasource)).isEqualTo("""
                        CREATE TABLE `events`
                        (
                            `timestamp` DateTime,
                            `session_id` String DEFAULT '',
                            `revenue` Float64
                        )
                        ENGINE = MergeTree
                        PARTITION BY toYYYYMM(timestamp)
                        ORDER BY (timestamp, session_id)
                        SETTINGS index_granularity = 8192""");
    }

    @Test
    void ordersByTupleWithoutSortingKey() {
        DatasourceDefinition datasource =
                DatasourceParser.parse("t", "SCHEMA >\n    a String\nENGINE_SORTING_KEY \"\"\n", "t.datasource");

        assertThat(CreateTableWriter.createTable(datasource))
                .isEqualTo("CREATE TABLE `t`\n(\n    `a` String\n)\nENGINE = MergeTree\nORDER BY tuple()");
    }

    @Test
    void passesEngineParametersAndTtl() {
        DatasourceDefinition datasource = DatasourceParser.parse("links", """
                SCHEMA >
                    `id` String,
                    `updated` DateTime,
                    `deleted` UInt8
                ENGINE "ReplacingMergeTree"
                ENGINE_SORTING_KEY "id"
                ENGINE_PRIMARY_KEY "id"
                ENGINE_VER "updated"
                ENGINE_IS_DELETED "deleted"
                ENGINE_TTL "updated + INTERVAL 1 DAY"
                """, "links.datasource");

        assertThat(CreateTableWriter.createTable(datasource))
                .endsWith("ENGINE = ReplacingMergeTree(updated, deleted)\nPRIMARY KEY id\nORDER BY id\n"
                        + "TTL updated + INTERVAL 1 DAY");
    }

    @Test
    void tupleOnlyWhenTheKeyHasSeveralExpressions() {
        assertThat(CreateTableWriter.asTuple("a")).isEqualTo("a");
        assertThat(CreateTableWriter.asTuple("toDate(a), b")).isEqualTo("(toDate(a), b)");
        assertThat(CreateTableWriter.asTuple("(a, b)")).isEqualTo("(a, b)");
        assertThat(CreateTableWriter.asTuple("tuple()")).isEqualTo("tuple()");
    }
}
