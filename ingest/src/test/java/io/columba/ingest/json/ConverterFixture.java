package io.columba.ingest.json;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.storage.type.DataTypeParser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A database holding the table of {@link #createTable()} and a {@link RowConverter} over it, for each test. */
abstract class ConverterFixture {
    @TempDir
    Path folder;

    Database database;
    RowConverter converter;

    /** The CREATE TABLE statement of the table the test converts rows for. */
    abstract String createTable();

    @BeforeEach
    void open() {
        database = Database.open(folder);
        database.execute(createTable(), QuerySettings.DEFAULTS);
        converter = new RowConverter(new ColumnDefaults(database));
    }

    @AfterEach
    void close() {
        database.close();
    }

    static IngestColumn column(String name, String type, String defaultExpression) {
        return new IngestColumn(name, DataTypeParser.parse(type), JsonPath.ofField(name), defaultExpression);
    }
}
