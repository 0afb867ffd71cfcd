package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.expression.Constant;
import io.columba.executor.expression.FunctionInvocation;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.executor.operator.GranuleRange;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.part.DataPart;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.PhysicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Primary-key pruning: from the WHERE conjuncts comparing key columns with constants, a range of values per column
 * of the key's leading plain columns; a granule is skipped when its key span [first row, next granule's first row]
 * misses the ranges. As ClickHouse does, a column after the first is looked at only where the columns before it
 * hold one value over the whole span ({@code CounterID = 62 AND EventDate >= '2013-07-14'} keeps the granules of
 * counter 62 on those days only).
 */
final class KeyPruning {
    /** Per key column: its position among the scan's columns (-1: not read), and the range the WHERE allows. */
    private final int[] scanColumns;

    private final long[] low;
    private final long[] high;
    /** How many leading key columns can be compared as signed longs. */
    private final int usable;

    private KeyPruning(int[] scanColumns, List<DataType> keyTypes) {
        this.scanColumns = scanColumns;
        this.low = new long[scanColumns.length];
        this.high = new long[scanColumns.length];
        java.util.Arrays.fill(low, Long.MIN_VALUE);
        java.util.Arrays.fill(high, Long.MAX_VALUE);
        int count = 0;
        while (count < keyTypes.size() && comparable(keyTypes.get(count))) {
            count++;
        }
        this.usable = count;
    }

    /** Key types whose stored longs order as their values do. */
    private static boolean comparable(DataType keyType) {
        return keyType.physicalType() == PhysicalType.LONG
                && !keyType.isNullable()
                && !(keyType instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8);
    }

    /**
     * The ranges to read of each part; all granules when the condition says nothing about the key.
     * {@code scanColumns[k]} is where leading key column {@code k} (of type {@code keyTypes.get(k)}) is among the
     * scan's columns, or -1 when the scan does not read it.
     */
    static List<GranuleRange> ranges(
            List<DataPart> parts, BoundExpression where, int[] scanColumns, List<DataType> keyTypes) {
        KeyPruning pruning = new KeyPruning(scanColumns, keyTypes);
        if (where != null) {
            for (int k = 0; k < pruning.usable; k++) {
                if (scanColumns[k] >= 0) {
                    pruning.collect(where, k, keyTypes.get(k));
                }
            }
        }
        boolean bounded = false;
        for (int k = 0; k < pruning.usable; k++) {
            bounded |= pruning.low[k] != Long.MIN_VALUE || pruning.high[k] != Long.MAX_VALUE;
        }
        List<GranuleRange> ranges = new ArrayList<>();
        for (DataPart part : parts) {
            if (!bounded) {
                ranges.add(new GranuleRange(part, 0, part.granuleCount()));
                continue;
            }
            pruning.prune(part, ranges);
        }
        return ranges;
    }

    private void prune(DataPart part, List<GranuleRange> ranges) {
        int columns = 0;
        while (columns < usable
                && columns < part.primaryIndex().columnCount()
                && part.primaryIndex().column(columns) instanceof LongColumn) {
            columns++;
        }
        if (columns == 0) {
            ranges.add(new GranuleRange(part, 0, part.granuleCount()));
            return;
        }
        long[][] index = new long[columns][];
        for (int k = 0; k < columns; k++) {
            index[k] = ((LongColumn) part.primaryIndex().column(k)).values();
        }
        int start = -1;
        for (int g = 0; g < part.granuleCount(); g++) {
            boolean keep = mayMatch(index, g);
            if (keep && start < 0) {
                start = g;
            } else if (!keep && start >= 0) {
                ranges.add(new GranuleRange(part, start, g));
                start = -1;
            }
        }
        if (start >= 0) {
            ranges.add(new GranuleRange(part, start, part.granuleCount()));
        }
    }

    /** Whether granule {@code g}'s key span may hold a row within the ranges. */
    private boolean mayMatch(long[][] index, int g) {
        for (int k = 0; k < index.length; k++) {
            long first = index[k][g];
            long last = index[k][g + 1];
            if (first > high[k] || last < low[k]) {
                return false;
            }
            if (first != last) {
                // The next column's values are bounded by the span only where this one holds a single value.
                return true;
            }
        }
        return true;
    }

    private void collect(BoundExpression expression, int key, DataType keyType) {
        if (!(expression instanceof FunctionInvocation call)) {
            return;
        }
        if (call.name().equals("and")) {
            for (BoundExpression argument : call.arguments()) {
                collect(argument, key, keyType);
            }
            return;
        }
        if (call.arguments().size() != 2) {
            return;
        }
        BoundExpression left = call.arguments().get(0);
        BoundExpression right = call.arguments().get(1);
        String name = call.name();
        if (right instanceof ColumnReference && left instanceof Constant) {
            BoundExpression swap = left;
            left = right;
            right = swap;
            name = switch (name) {
                case "less" -> "greater";
                case "greater" -> "less";
                case "lessOrEquals" -> "greaterOrEquals";
                case "greaterOrEquals" -> "lessOrEquals";
                default -> name;
            };
        }
        if (!(left instanceof ColumnReference column)
                || column.index() != scanColumns[key]
                || !(right instanceof Constant constant)) {
            return;
        }
        Long value = asKeyValue(constant, keyType);
        if (value == null) {
            return;
        }
        long v = value;
        switch (name) {
            case "equals" -> {
                low[key] = Math.max(low[key], v);
                high[key] = Math.min(high[key], v);
            }
            case "less" -> high[key] = Math.min(high[key], v == Long.MIN_VALUE ? v : v - 1);
            case "lessOrEquals" -> high[key] = Math.min(high[key], v);
            case "greater" -> low[key] = Math.max(low[key], v == Long.MAX_VALUE ? v : v + 1);
            case "greaterOrEquals" -> low[key] = Math.max(low[key], v);
            default -> {}
        }
    }

    /** The constant in the key's own representation, or null when it can't be compared exactly that way. */
    private static Long asKeyValue(Constant constant, DataType keyType) {
        if (constant.isNull()) {
            return null;
        }
        DataType type = constant.type();
        try {
            if (type.physicalType() == PhysicalType.LONG) {
                if (type instanceof IntegerType integer
                        && !integer.signed()
                        && integer.bytes() == 8
                        && constant.longValue() < 0) {
                    return null;
                }
                boolean bothIntegers = type instanceof IntegerType && keyType instanceof IntegerType;
                if (!bothIntegers && !type.equals(keyType)) {
                    return null;
                }
                return constant.longValue();
            }
            if (type.physicalType() == PhysicalType.BYTES) {
                Column converted = TypeConversion.cast(constant.toColumn(), type, keyType, 1);
                return ((LongColumn) converted.materialize()).get(0);
            }
        } catch (RuntimeException unparsable) {
            return null;
        }
        return null;
    }
}
