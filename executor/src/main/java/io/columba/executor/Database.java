package io.columba.executor;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.nio.file.Path;
import java.util.List;

/**
 * One database: a catalog of tables in a data folder, and the entry point that parses, plans and runs
 * statements. Thread-safe.
 */
public final class Database implements AutoCloseable {
    private final Path folder;

    private Database(Path folder) {
        this.folder = folder;
    }

    /** Opens (or creates) the database kept in {@code folder}, loading every table's metadata. */
    public static Database open(Path folder) {
        return new Database(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Runs one statement. Errors are {@link ColumbaException}s with ClickHouse codes and change nothing. */
    public QueryResult execute(String sql, QuerySettings settings) {
        throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "not yet");
    }

    /** Names of the tables, sorted. */
    public List<String> tableNames() {
        return List.of();
    }

    public boolean tableExists(String name) {
        return false;
    }

    @Override
    public void close() {}
}
