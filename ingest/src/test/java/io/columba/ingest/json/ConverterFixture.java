package io.columba.ingest.json;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.TextValues;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataTypeParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** The converted rows' values, one line per row, each value as its vector holds it (doubles exactly). */
    static List<String> rendered(ConvertedRows rows) {
        Block block = rows.rows();
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < block.rowCount(); row++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < block.columnCount(); c++) {
                Column column = block.column(c).materialize();
                line.append(c == 0 ? "" : "\t");
                if (column.isNull(row)) {
                    line.append("NULL");
                    continue;
                }
                line.append(
                        switch (column) {
                            case LongColumn longs -> Long.toString(longs.get(row));
                            case DoubleColumn doubles -> Double.toString(doubles.get(row));
                            case StringColumn strings -> "'" + strings.getString(row) + "'";
                            default -> TextValues.plainText(column, rows.types().get(c), row);
                        });
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static IngestColumn column(String name, String type, String defaultExpression) {
        return new IngestColumn(name, DataTypeParser.parse(type), JsonPath.ofField(name), defaultExpression);
    }
}
