package io.columba.ingest;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.buffer.BufferSettings;
import io.columba.ingest.buffer.InsertBuffer;
import io.columba.ingest.events.DatasourceAppender;
import io.columba.ingest.events.EventIngestor;
import io.columba.ingest.events.NdjsonAppender;
import io.columba.ingest.json.ColumnDefaults;
import io.columba.ingest.json.IngestColumn;
import io.columba.ingest.json.JsonPath;
import io.columba.ingest.json.RowConverter;
import io.columba.storage.type.DataTypeParser;
import java.nio.file.Path;

/** A database in a folder with the insert buffer and the Data Sources API's appender over it, for tests. */
public final class AppendFixture implements AutoCloseable {
    private final Path folder;
    private Database database;
    private InsertBuffer buffer;
    private RowConverter converter;
    private EventIngestor events;

    /** Opens the database in {@code folder} and runs {@code createTable} in it. */
    public AppendFixture(Path folder, String createTable) {
        this.folder = folder;
        reopen();
        database.execute(createTable, QuerySettings.DEFAULTS);
    }

    /** Opens the database and its buffer again, as after a restart (close first). */
    public void reopen() {
        database = Database.open(folder.resolve("database"));
        buffer = InsertBuffer.open(database, folder.resolve("log"), BufferSettings.DEFAULTS);
        converter = new RowConverter(new ColumnDefaults(database));
        events = new EventIngestor(database, buffer, converter);
    }

    public Database database() {
        return database;
    }

    /** An appender inserting through {@code inserter}, cutting CSV and TSV in batches of {@code batchRows}. */
    public DatasourceAppender appender(Inserter inserter, int batchRows) {
        return appender(inserter, batchRows, DatasourceAppender.QUARANTINE_SPILL_CHARS);
    }

    /** As above, inserting quarantined rows once {@code spillChars} characters of them are held. */
    public DatasourceAppender appender(Inserter inserter, int batchRows, int spillChars) {
        NdjsonAppender ndjson = new NdjsonAppender(database, buffer, converter, events, inserter);
        return new DatasourceAppender(database, buffer, events, ndjson, inserter, batchRows, spillChars);
    }

    public static IngestColumn column(String name, String type, String path) {
        return new IngestColumn(name, DataTypeParser.parse(type), JsonPath.parse(path), null);
    }

    @Override
    public void close() {
        buffer.close();
        database.close();
    }
}
