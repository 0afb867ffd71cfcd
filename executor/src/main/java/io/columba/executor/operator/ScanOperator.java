package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.StringColumn;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.part.DataPart;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads columns of a table's parts, granule range by granule range, in blocks of a few granules. The ranges
 * come already pruned by the primary key; a scan of no columns yields row counts only.
 */
public final class ScanOperator implements Operator {
    private static final int GRANULES_PER_BLOCK = 8;

    private final Iterator<GranuleRange> ranges;
    private final List<String> columnNames;
    private final List<DataType> columnTypes;
    private final ScanStatistics statistics;
    private final List<ColumnDefinition> definitions;
    private GranuleRange current;
    private int nextGranule;

    public ScanOperator(
            List<GranuleRange> ranges,
            List<String> columnNames,
            List<DataType> columnTypes,
            ScanStatistics statistics) {
        this.ranges = ranges.iterator();
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
        this.definitions = new ArrayList<>();
        for (int c = 0; c < columnNames.size(); c++) {
            definitions.add(new ColumnDefinition(columnNames.get(c), columnTypes.get(c)));
        }
        this.statistics = statistics;
    }

    @Override
    public Block next() {
        while (current == null || nextGranule >= current.to()) {
            if (!ranges.hasNext()) {
                return null;
            }
            current = ranges.next();
            nextGranule = current.from();
        }
        DataPart part = current.part();
        int from = nextGranule;
        int to = Math.min(current.to(), from + GRANULES_PER_BLOCK);
        nextGranule = to;
        int rows = part.rowsIn(from, to);
        List<Column> columns = new ArrayList<>(columnNames.size());
        long bytes = 0;
        for (int c = 0; c < columnNames.size(); c++) {
            Column column = part.readOrDefault(definitions.get(c), from, to);
            columns.add(column);
            bytes += byteSize(column, columnTypes.get(c), rows);
        }
        statistics.add(rows, bytes);
        return new Block(rows, columns);
    }

    private static long byteSize(Column column, DataType type, int rows) {
        long nullBytes = type.isNullable() ? rows : 0;
        if (column instanceof StringColumn strings) {
            return nullBytes + strings.offsets()[rows] + 8L * rows;
        }
        return nullBytes + (long) type.fixedWidth() * rows;
    }
}
