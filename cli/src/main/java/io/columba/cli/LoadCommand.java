package io.columba.cli;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.FileAppender;
import io.columba.ingest.InputFormat;
import io.columba.storage.error.ColumbaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code columba local load --data DIR --table T FILE...}: bulk-loads files into a table of an embedded data
 * folder (no server), in batches of {@code INSERT ... FORMAT}, showing rows and rows/s on stderr. With
 * {@code --create-sql} the table is created first when it does not exist.
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = "Bulk-load NDJSON, CSV or TSV files into a table of a data folder (no server needed).")
final class LoadCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, description = "The data folder (as given to 'local start --data-dir').")
    Path data;

    @Option(names = "--table", required = true, description = "The table to append to.")
    String table;

    @Option(
            names = "--create-sql",
            paramLabel = "FILE",
            description = "A CREATE TABLE statement to run first when the table does not exist.")
    Path createSql;

    @Option(
            names = "--format",
            description = "NDJSON, CSV or TSV (default: from each file's extension: .ndjson/.jsonl/.json, .csv, .tsv).")
    InputFormat format;

    @Option(
            names = "--batch-rows",
            description = "Rows per INSERT (default: ${DEFAULT-VALUE}); a batch also ends at 32M characters.")
    int batchRows = FileAppender.DEFAULT_BATCH_ROWS;

    @Option(
            names = "--threads",
            description = "Batches inserted at once while the next one is read (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--quiet", description = "No progress line on stderr.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to load, in order.")
    List<Path> files;

    @Override
    public Integer call() {
        if (batchRows < 1 || threads < 1) {
            throw new CommandFailure("--batch-rows and --threads must be positive");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure("no such file: " + file);
            }
        }
        Database database = Database.open(data.toAbsolutePath().normalize());
        createTableIfMissing(database);
        if (!database.tableExists(table)) {
            throw new CommandFailure("table " + table + " does not exist in " + data + "; pass --create-sql FILE");
        }
        PrintWriter out = spec.commandLine().getOut();
        FileAppender appender = new FileAppender(database, batchRows, threads);
        long totalRows = 0;
        long started = System.nanoTime();
        for (Path file : files) {
            totalRows += load(appender, file);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                Locale.ROOT,
                "Loaded %,d rows into %s in %.1f s (%s rows/s)%n",
                totalRows,
                table,
                seconds,
                LoadProgress.rate(totalRows, seconds));
        out.flush();
        database.close();
        return 0;
    }

    private void createTableIfMissing(Database database) {
        if (createSql == null || database.tableExists(table)) {
            return;
        }
        String sql;
        try {
            sql = Files.readString(createSql, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + createSql + ": " + e.getMessage(), e);
        }
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        database.execute(sql, QuerySettings.DEFAULTS);
    }

    private long load(FileAppender appender, Path file) {
        InputFormat fileFormat = format != null ? format : InputFormat.of(file);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        LoadProgress progress = new LoadProgress(
                spec.commandLine().getErr(), file.getFileName().toString(), size, quiet, System.console() != null);
        try (InputStream in = progress.counting(Files.newInputStream(file))) {
            long rows = appender.append(table, in, fileFormat, progress::batchCommitted);
            progress.finish(rows);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (ColumbaException e) {
            progress.finish(-1);
            throw new ColumbaException(e.errorCode(), e.getMessage() + " (loading " + file + ")", e);
        } finally {
            progress.close();
        }
    }
}
