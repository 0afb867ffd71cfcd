package io.columba.executor.catalog;

import io.columba.executor.function.aggregate.AggregateStateColumns;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.engine.KeyRuns;
import io.columba.storage.engine.MergingMode;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.AggregateFunctionType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AggregatingMergeTree: rows with one key become one row. An {@code AggregateFunction(f, T)} column merges its
 * states; a {@code SimpleAggregateFunction(f, T)} column combines its values with {@code f} (sum, min, max, any,
 * anyLast); every other column keeps the first row's value.
 */
final class AggregatingMode implements MergingMode {
    private enum Simple {
        SUM,
        MIN,
        MAX,
        ANY,
        ANY_LAST
    }

    private final List<DataType> types = new ArrayList<>();
    private final List<Simple> functions = new ArrayList<>();

    AggregatingMode(List<ColumnDeclaration> columns) {
        for (ColumnDeclaration column : columns) {
            types.add(DataTypeParser.parse(column.type()));
            functions.add(simpleFunction(column));
        }
    }

    private static Simple simpleFunction(ColumnDeclaration column) {
        String type = column.type().strip();
        if (!type.startsWith("SimpleAggregateFunction(")) {
            return null;
        }
        String name = type.substring("SimpleAggregateFunction(".length(), type.indexOf(','))
                .strip();
        return switch (name) {
            case "sum" -> {
                DataType stored = DataTypeParser.parse(type).withoutNullable();
                boolean wide = stored.equals(IntegerType.UINT64)
                        || stored.equals(IntegerType.INT64)
                        || stored.equals(io.columba.storage.type.FloatType.FLOAT64);
                if (!wide) {
                    throw new ColumbaException(
                            ErrorCode.BAD_ARGUMENTS,
                            "Incompatible data types between aggregate function 'sum' which returns a 64-bit type"
                                    + " and column storage type " + stored.name());
                }
                yield Simple.SUM;
            }
            case "min" -> Simple.MIN;
            case "max" -> Simple.MAX;
            case "any" -> Simple.ANY;
            case "anyLast" -> Simple.ANY_LAST;
            default ->
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "SimpleAggregateFunction " + name + " of column " + column.name()
                                + " is not supported yet (supported: sum, min, max, any, anyLast)");
        };
    }

    @Override
    public Block collapse(Block rows, Block keys, boolean forFinal) {
        int[] starts = KeyRuns.starts(keys);
        int runs = starts.length - 1;
        if (runs == rows.rowCount()) {
            return rows;
        }
        Block firsts = rows.take(starts, runs);
        List<Column> columns = new ArrayList<>(firsts.columns());
        for (int c = 0; c < columns.size(); c++) {
            if (functions.get(c) != null) {
                columns.set(c, combine(rows.column(c).materialize(), types.get(c), functions.get(c), starts));
            } else if (types.get(c) instanceof AggregateFunctionType state) {
                columns.set(
                        c, AggregateStateColumns.mergeRuns(state, rows.column(c).materialize(), starts));
            }
        }
        return new Block(runs, columns);
    }

    private static Column combine(Column values, DataType type, Simple function, int[] starts) {
        int runs = starts.length - 1;
        ColumnBuilder out = ColumnBuilder.forType(type, runs);
        for (int run = 0; run < runs; run++) {
            int chosen = -1;
            long longSum = 0;
            double doubleSum = 0;
            for (int row = starts[run]; row < starts[run + 1]; row++) {
                if (values.isNull(row)) {
                    continue;
                }
                if (function == Simple.SUM) {
                    if (values instanceof LongColumn longs) {
                        longSum += longs.get(row);
                    } else {
                        doubleSum += ((DoubleColumn) values).get(row);
                    }
                    chosen = row;
                } else if (chosen < 0 || function == Simple.ANY_LAST || better(values, row, chosen, type, function)) {
                    chosen = row;
                }
            }
            if (chosen < 0) {
                out.appendFrom(values, starts[run]);
            } else if (function == Simple.SUM) {
                Column sum = values instanceof LongColumn
                        ? new LongColumn(new long[] {
                            type.withoutNullable() instanceof IntegerType integer ? integer.wrap(longSum) : longSum
                        })
                        : new DoubleColumn(new double[] {doubleSum});
                out.appendFrom(sum, 0);
            } else {
                out.appendFrom(values, chosen);
            }
        }
        return out.build();
    }

    private static boolean better(Column values, int row, int chosen, DataType type, Simple function) {
        if (function == Simple.ANY) {
            return false;
        }
        int order = compare(values, row, chosen, type);
        return function == Simple.MIN ? order < 0 : order > 0;
    }

    private static int compare(Column values, int a, int b, DataType type) {
        return io.columba.storage.column.ValueOrder.compare(values, a, values, b, type);
    }

    @Override
    public String toString() {
        return "AggregatingMergeTree " + functions.toString().toLowerCase(Locale.ROOT);
    }
}
