package io.columba.executor.function.scalar;

import io.columba.executor.function.Kernel;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.List;

/** greatest and least of their arguments in the common type; rand and rand64. */
public final class GreatestLeastFunctions {
    private GreatestLeastFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                extreme("greatest", true).ignoringCase(),
                extreme("least", false).ignoringCase(),
                random("rand", IntegerType.UINT32).withAliases("rand32"),
                random("rand64", IntegerType.UINT64));
    }

    private static SimpleScalarFunction extreme(String name, boolean greatest) {
        return SimpleScalarFunction.of(
                name,
                "The " + (greatest ? "greatest" : "least") + " of the arguments, in their common type.",
                "SELECT " + name + "(1, 2.5, -3)",
                (types, args) -> {
                    Operands.expectCount(name, types, 2, Integer.MAX_VALUE);
                    DataType common = types.get(0);
                    for (int i = 1; i < types.size(); i++) {
                        common = NumericTypes.commonType(common, types.get(i));
                    }
                    DataType result = common;
                    return new Binding(result, (columns, rows) -> pick(columns, types, result, rows, greatest));
                });
    }

    private static Column pick(Column[] columns, List<DataType> types, DataType result, int rows, boolean greatest) {
        Column[] cast = new Column[columns.length];
        for (int a = 0; a < columns.length; a++) {
            cast[a] =
                    TypeConversion.cast(columns[a], types.get(a), result, rows).materialize();
        }
        ColumnBuilder out = ColumnBuilder.forType(result, rows);
        boolean unsigned64 = result instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
        for (int i = 0; i < rows; i++) {
            int best = 0;
            for (int a = 1; a < cast.length; a++) {
                int order = compare(cast[a], cast[best], i, unsigned64);
                if (greatest ? order > 0 : order < 0) {
                    best = a;
                }
            }
            out.appendFrom(cast[best], i);
        }
        return out.build();
    }

    private static int compare(Column left, Column right, int row, boolean unsigned64) {
        return switch (left) {
            case LongColumn longs ->
                unsigned64
                        ? Long.compareUnsigned(longs.get(row), ((LongColumn) right).get(row))
                        : Long.compare(longs.get(row), ((LongColumn) right).get(row));
            case DoubleColumn doubles -> Double.compare(doubles.get(row), ((DoubleColumn) right).get(row));
            case io.columba.storage.column.StringColumn strings ->
                io.columba.storage.column.StringColumn.compare(
                        strings, row, (io.columba.storage.column.StringColumn) right, row);
            default ->
                throw new IllegalStateException(
                        "greatest/least of " + left.getClass().getSimpleName());
        };
    }

    private static SimpleScalarFunction random(String name, IntegerType type) {
        return SimpleScalarFunction.of(
                name,
                "A pseudo-random " + type.name() + "; arguments only tell calls apart.",
                "SELECT " + name + "() >= 0",
                (types, args) -> new Binding(type, new Kernel() {
                    @Override
                    public Column apply(Column[] columns, int rows) {
                        long[] out = new long[rows];
                        java.util.concurrent.ThreadLocalRandom random =
                                java.util.concurrent.ThreadLocalRandom.current();
                        for (int i = 0; i < rows; i++) {
                            out[i] = type.bytes() == 8 ? random.nextLong() : random.nextLong() & 0xFFFFFFFFL;
                        }
                        return new LongColumn(out, null, rows);
                    }

                    @Override
                    public boolean deterministic() {
                        return false;
                    }
                }));
    }
}
