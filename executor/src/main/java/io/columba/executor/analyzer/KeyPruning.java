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
 * Primary-key pruning: from the WHERE conjuncts comparing the first key column with constants, a range of key
 * values; granules whose key span [first row, next granule's first row] misses it are skipped.
 */
final class KeyPruning {
    private long low = Long.MIN_VALUE;
    private long high = Long.MAX_VALUE;

    private KeyPruning() {}

    /** The ranges to read of each part; all granules when the condition says nothing about the key. */
    static List<GranuleRange> ranges(List<DataPart> parts, BoundExpression where, int keyColumn, DataType keyType) {
        KeyPruning pruning = new KeyPruning();
        boolean usable = where != null
                && keyColumn >= 0
                && keyType.physicalType() == PhysicalType.LONG
                && !keyType.isNullable()
                && !(keyType instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8);
        if (usable) {
            pruning.collect(where, keyColumn, keyType);
        }
        List<GranuleRange> ranges = new ArrayList<>();
        for (DataPart part : parts) {
            if (!usable || (pruning.low == Long.MIN_VALUE && pruning.high == Long.MAX_VALUE)) {
                ranges.add(new GranuleRange(part, 0, part.granuleCount()));
                continue;
            }
            pruning.prune(part, ranges);
        }
        return ranges;
    }

    private void prune(DataPart part, List<GranuleRange> ranges) {
        if (part.primaryIndex().columnCount() == 0) {
            ranges.add(new GranuleRange(part, 0, part.granuleCount()));
            return;
        }
        long[] index = ((LongColumn) part.primaryIndex().column(0)).values();
        int start = -1;
        for (int g = 0; g < part.granuleCount(); g++) {
            boolean keep = index[g] <= high && index[g + 1] >= low;
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

    private void collect(BoundExpression expression, int keyColumn, DataType keyType) {
        if (!(expression instanceof FunctionInvocation call)) {
            return;
        }
        if (call.name().equals("and")) {
            for (BoundExpression argument : call.arguments()) {
                collect(argument, keyColumn, keyType);
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
                || column.index() != keyColumn
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
                low = Math.max(low, v);
                high = Math.min(high, v);
            }
            case "less" -> high = Math.min(high, v == Long.MIN_VALUE ? v : v - 1);
            case "lessOrEquals" -> high = Math.min(high, v);
            case "greater" -> low = Math.max(low, v == Long.MAX_VALUE ? v : v + 1);
            case "greaterOrEquals" -> low = Math.max(low, v);
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
