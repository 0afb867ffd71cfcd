package io.columba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.server.ColumbaServer;
import io.columba.server.ServerConfig;
import io.columba.workspace.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code columba append} against a real server with the quickstart project (a fresh one per test). */
class AppendCommandTest {
    @TempDir
    Path directory;

    private Workspace workspace;
    private ColumbaServer server;
    private String host;

    @BeforeEach
    void start() {
        workspace = Workspace.open(directory.resolve("data"), ProjectPaths.quickstart());
        server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
        host = "http://127.0.0.1:" + server.start().tinybirdPort();
    }

    @AfterEach
    void stop() {
        server.close();
        workspace.close();
    }

    private long count(String where) {
        CommandRun run = CommandRun.of(
                "sql", "--host", host, "SELECT count() FROM events WHERE " + where + " FORMAT TabSeparated");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Long.parseLong(run.out().strip());
    }

    private static String csvRows(int rows, String session) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            csv.append("2025-03-0")
                    .append(1 + i % 9)
                    .append(" 10:00:00,")
                    .append(session)
                    .append(',')
                    .append(i % 2 == 0 ? "page_view" : "purchase")
                    .append(",FR,")
                    .append(i)
                    .append(',')
                    .append(i % 2 == 0 ? "0" : "9.5")
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void appendsACsvFileAndReportsTheRows() throws IOException {
        Path file = directory.resolve("more.csv");
        Files.writeString(file, csvRows(5000, "cli-csv"));

        CommandRun run = CommandRun.of("append", "--host", host, "events", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Appended 5,000 rows to events in ");
        assertThat(count("session_id = 'cli-csv'")).isEqualTo(5000);
        assertThat(count("session_id = 'cli-csv' AND revenue = 9.5")).isEqualTo(2500);
    }

    @Test
    void appendsAGzippedNdjsonFile() throws IOException {
        Path file = directory.resolve("more.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < 300; i++) {
                out.write(("{\"timestamp\":\"2025-04-01 00:00:00\",\"session_id\":\"cli-gz\",\"action\":\"click\","
                                + "\"duration_ms\":" + i + "}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }

        CommandRun run = CommandRun.of("append", "--host", host, "events", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(count("session_id = 'cli-gz' AND country = 'unknown'")).isEqualTo(300);
    }

    @Test
    void replaceWithAConditionSwapsOnlyTheMatchingRows() throws IOException {
        Path first = directory.resolve("first.csv");
        Files.writeString(first, csvRows(100, "cli-keep") + csvRows(100, "cli-swap"));
        assertThat(CommandRun.of("append", "--host", host, "events", first.toString())
                        .exitCode())
                .isZero();
        long before = count("1");
        Path second = directory.resolve("second.csv");
        Files.writeString(second, csvRows(7, "cli-swap"));

        CommandRun run = CommandRun.of(
                "append",
                "--host",
                host,
                "--mode",
                "replace",
                "--replace-condition",
                "session_id = 'cli-swap'",
                "events",
                second.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(count("session_id = 'cli-swap'")).isEqualTo(7);
        assertThat(count("session_id = 'cli-keep'")).isEqualTo(100);
        assertThat(count("1")).isEqualTo(before - 100 + 7);
    }

    @Test
    void ndjsonRowsThatDoNotConvertAreReportedAsQuarantined() throws IOException {
        Path file = directory.resolve("bad.ndjson");
        Files.writeString(file, """
                {"timestamp":"2025-05-01 00:00:00","session_id":"cli-bad","action":"click","duration_ms":1}
                {"timestamp":"not a date","session_id":"cli-bad","action":"click","duration_ms":2}
                {"timestamp":"2025-05-01 00:00:01","session_id":"cli-bad","action":"click","duration_ms":3}
                """);

        CommandRun run = CommandRun.of("append", "--host", host, "events", file.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).contains("Appended 2 rows").contains("1 rows went to events_quarantine");
        assertThat(count("session_id = 'cli-bad'")).isEqualTo(2);
    }

    @Test
    void aCsvRowThatDoesNotConvertGoesToTheQuarantineAndTheOthersAreAppended() throws IOException {
        Path file = directory.resolve("bad.csv");
        Files.writeString(file, csvRows(10, "cli-bad-csv") + "not a date,cli-bad-csv,click,FR,1,0\n");

        CommandRun run = CommandRun.of("append", "--host", host, "events", file.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).contains("Appended 10 rows").contains("1 rows went to events_quarantine");
        assertThat(count("session_id = 'cli-bad-csv'")).isEqualTo(10);
    }

    @Test
    void aCsvFileThatCannotBeReadChangesNothing() throws IOException {
        Path file = directory.resolve("broken.csv");
        Files.writeString(file, csvRows(10, "cli-broken-csv") + "\"an unclosed quote,cli-broken-csv,click,FR,1,0\n");

        CommandRun run = CommandRun.of("append", "--host", host, "events", file.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ");
        assertThat(count("session_id = 'cli-broken-csv'")).isZero();
    }

    @Test
    void anUnknownDataSourceAndAMissingFileAreClearErrors() throws IOException {
        Path file = directory.resolve("rows.csv");
        Files.writeString(file, csvRows(3, "cli-none"));

        CommandRun unknown = CommandRun.of("append", "--host", host, "no_such_ds", file.toString());
        CommandRun missing = CommandRun.of(
                "append",
                "--host",
                host,
                "events",
                directory.resolve("nope.csv").toString());

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("Error: ").contains("no_such_ds");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");
        assertThat(count("session_id = 'cli-none'")).isZero();
    }

    @Test
    void theFormatComesFromTheFileNameIgnoringGzip() {
        assertThat(AppendCommand.formatOf("a.CSV")).isEqualTo("csv");
        assertThat(AppendCommand.formatOf("a.tsv.gz")).isEqualTo("tsv");
        assertThat(AppendCommand.formatOf("a.jsonl")).isEqualTo("ndjson");
        assertThat(AppendCommand.formatOf("a.parquet")).isEqualTo("parquet");
        assertThat(AppendCommand.formatOf("rows")).isNull();
    }
}
