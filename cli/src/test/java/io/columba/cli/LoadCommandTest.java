package io.columba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.storage.column.LongColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code columba local load} into an embedded data folder. */
class LoadCommandTest {
    @TempDir
    Path folder;

    @Test
    void createsTheTableAndLoadsEveryFile() throws IOException {
        Path create = Files.writeString(
                folder.resolve("create.sql"),
                "CREATE TABLE hits (id Int64, url String) ENGINE = MergeTree() ORDER BY id;\n");
        Path first = Files.writeString(folder.resolve("a.tsv"), "1\thttp://a/\n2\thttp://b/\n");
        Path second = Files.writeString(folder.resolve("b.tsv"), "3\thttp://c/\n");
        Path data = folder.resolve("data");

        CommandRun run = CommandRun.of(
                "local",
                "load",
                "--data",
                data.toString(),
                "--table",
                "hits",
                "--create-sql",
                create.toString(),
                "--threads",
                "2",
                "--batch-rows",
                "1",
                first.toString(),
                second.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Loaded 3 rows into hits in ");
        assertThat(run.err()).contains("a.tsv: 2 rows, 100.0% read").contains("b.tsv: 1 rows");
        try (Database database = Database.open(data)) {
            LongColumn sum = (LongColumn) database.execute("SELECT sum(id) FROM hits", QuerySettings.DEFAULTS)
                    .blocks()
                    .get(0)
                    .column(0);
            assertThat(sum.get(0)).isEqualTo(6);
        }
    }

    @Test
    void aMissingTableWithoutCreateSqlIsAClearError() throws IOException {
        Path file = Files.writeString(folder.resolve("a.tsv"), "1\n");

        CommandRun run = CommandRun.of(
                "local", "load", "--data", folder.resolve("data").toString(), "--table", "hits", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("table hits does not exist").contains("--create-sql");
    }
}
