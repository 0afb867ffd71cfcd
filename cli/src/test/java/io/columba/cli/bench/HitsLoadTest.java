package io.columba.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.cli.bench.HitsColumns.Column;
import io.columba.cli.bench.HitsGenerator.Format;
import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.FileAppender;
import io.columba.ingest.InputFormat;
import io.columba.storage.block.Block;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated rows load into ClickBench's {@code hits} table through the bulk-load path of {@code columba local load}
 * ({@link FileAppender}), as TSV and as CSV, and every column reads back the values written: per column the sum of
 * the numbers, the total UTF-8 length of the strings, or the first and last date.
 */
class HitsLoadTest {
    private static final int ROWS = 5000;

    @TempDir
    Path folder;

    @Test
    void tsvAndCsvLoadIntoTheHitsTableWithEveryValue() throws IOException {
        HitsRows tsv = HitsRows.generate(ROWS, 7, Format.tsv, 2);
        List<String> expected = expectedAggregates(tsv.lines());
        try (Database database = Database.open(folder.resolve("data"))) {
            for (String table : List.of("hits_tsv", "hits_csv")) {
                database.execute(HitsColumns.createTableSql(table), QuerySettings.DEFAULTS);
            }
            FileAppender appender = new FileAppender(database, 1000, 2);
            byte[] csv = HitsRows.generate(ROWS, 7, Format.csv, 1).bytes();
            assertThat(appender.append("hits_tsv", new ByteArrayInputStream(tsv.bytes()), InputFormat.TSV))
                    .isEqualTo(ROWS);
            assertThat(appender.append("hits_csv", new ByteArrayInputStream(csv), InputFormat.CSV))
                    .isEqualTo(ROWS);

            assertThat(aggregates(database, "hits_tsv")).containsExactlyElementsOf(expected);
            assertThat(aggregates(database, "hits_csv")).containsExactlyElementsOf(expected);
        }
    }

    /** One aggregate per column, in a query and as computed from the lines. */
    private static String aggregateOf(Column column) {
        return switch (column.type()) {
            case "String" -> "sum(length(" + column.name() + "))";
            case "Date", "DateTime" -> "min(toString(" + column.name() + ")), max(toString(" + column.name() + "))";
            default -> "sum(" + column.name() + ")";
        };
    }

    private static List<String> expectedAggregates(List<String> lines) {
        int columns = HitsColumns.ALL.size();
        long[] sums = new long[columns];
        String[] min = new String[columns];
        String[] max = new String[columns];
        for (String line : lines) {
            String[] fields = line.split("\t", -1);
            for (int i = 0; i < columns; i++) {
                String type = HitsColumns.ALL.get(i).type();
                if (type.startsWith("Int")) {
                    sums[i] += Long.parseLong(fields[i]); // wraps like ClickHouse's sum of Int64
                } else if (type.equals("String")) {
                    sums[i] += fields[i].getBytes(StandardCharsets.UTF_8).length;
                } else {
                    min[i] = min[i] == null || fields[i].compareTo(min[i]) < 0 ? fields[i] : min[i];
                    max[i] = max[i] == null || fields[i].compareTo(max[i]) > 0 ? fields[i] : max[i];
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            String type = HitsColumns.ALL.get(i).type();
            if (type.startsWith("Date")) {
                expected.add(min[i]);
                expected.add(max[i]);
            } else {
                expected.add(Long.toString(sums[i]));
            }
        }
        return expected;
    }

    private static List<String> aggregates(Database database, String table) {
        List<String> select = new ArrayList<>();
        for (Column column : HitsColumns.ALL) {
            select.add(aggregateOf(column));
        }
        Block block = database.execute("SELECT " + String.join(", ", select) + " FROM " + table, QuerySettings.DEFAULTS)
                .blocks()
                .get(0);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < block.columns().size(); i++) {
            values.add(
                    block.column(i) instanceof StringColumn strings
                            ? strings.getString(0)
                            : Long.toString(((LongColumn) block.column(i)).get(0)));
        }
        return values;
    }
}
