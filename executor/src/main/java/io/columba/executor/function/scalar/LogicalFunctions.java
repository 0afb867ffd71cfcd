package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.NullableType;
import java.util.List;

/** and, or, not, xor with ClickHouse's three-valued logic; isNull, isNotNull. */
public final class LogicalFunctions {
    private LogicalFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                                "and",
                                "1 when every argument is non-zero; 0 when any is zero; else NULL.",
                                "SELECT and(1, 0)",
                                (types, args) -> bindAndOr("and", true, types))
                        .ignoringCase()
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "or",
                                "1 when any argument is non-zero; 0 when all are zero; else NULL.",
                                "SELECT or(1, 0)",
                                (types, args) -> bindAndOr("or", false, types))
                        .ignoringCase()
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "not", "1 for zero, 0 for non-zero.", "SELECT not(0)", (types, args) -> bindNot(types))
                        .ignoringCase(),
                SimpleScalarFunction.of(
                        "xor",
                        "1 when an odd number of arguments are non-zero.",
                        "SELECT xor(1, 0)",
                        (types, args) -> bindXor(types)),
                SimpleScalarFunction.of(
                                "isNull",
                                "1 when the value is NULL.",
                                "SELECT isNull(NULL)",
                                (types, args) -> bindIsNull(types, true))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "isNotNull",
                                "1 when the value is not NULL.",
                                "SELECT isNotNull(1)",
                                (types, args) -> bindIsNull(types, false))
                        .seeingNulls());
    }

    /** Truth of each row: non-zero numbers. */
    static boolean[] truth(Column column, int rows) {
        Column plain = column instanceof ConstantColumn c ? c.value() : column;
        boolean constant = plain != column;
        boolean[] out = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            int at = constant ? 0 : i;
            out[i] = switch (plain) {
                case LongColumn longs -> longs.get(at) != 0;
                case DoubleColumn doubles -> doubles.get(at) != 0;
                default -> false;
            };
        }
        return out;
    }

    private static void checkNumeric(String name, List<DataType> types, int minimum) {
        Operands.expectCount(name, types, minimum, Integer.MAX_VALUE);
        for (int i = 0; i < types.size(); i++) {
            DataType type = types.get(i).withoutNullable();
            if (!NumericTypes.isNumeric(type) && !(type instanceof NothingType)) {
                throw Operands.illegalType(name, types.get(i), i + 1);
            }
        }
    }

    private static Binding bindAndOr(String name, boolean isAnd, List<DataType> types) {
        checkNumeric(name, types, 2);
        boolean nullable = types.stream().anyMatch(t -> t.isNullable() || t instanceof NothingType);
        DataType result = nullable ? NullableType.of(IntegerType.UINT8) : IntegerType.UINT8;
        return new Binding(result, (args, rows) -> {
            long[] out = new long[rows];
            boolean[] nulls = nullable ? new boolean[rows] : null;
            boolean anyNull = false;
            for (int i = 0; i < rows; i++) {
                out[i] = isAnd ? 1 : 0;
            }
            for (Column arg : args) {
                boolean[] truth = truth(arg, rows);
                for (int i = 0; i < rows; i++) {
                    if (arg.isNull(i)) {
                        nulls[i] = true;
                        anyNull = true;
                    } else if (truth[i] != isAnd) {
                        out[i] = isAnd ? 0 : 1;
                    }
                }
            }
            if (anyNull) {
                long decided = isAnd ? 0 : 1;
                for (int i = 0; i < rows; i++) {
                    if (out[i] == decided) {
                        nulls[i] = false;
                    }
                }
            }
            return new LongColumn(out, anyNull ? nulls : null, rows);
        });
    }

    private static Binding bindNot(List<DataType> types) {
        checkNumeric("not", types, 1);
        Operands.expectCount("not", types, 1, 1);
        return new Binding(IntegerType.UINT8, (args, rows) -> {
            boolean[] truth = truth(args[0], rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = truth[i] ? 0 : 1;
            }
            return new LongColumn(out, null, rows);
        });
    }

    private static Binding bindXor(List<DataType> types) {
        checkNumeric("xor", types, 2);
        return new Binding(IntegerType.UINT8, (args, rows) -> {
            long[] out = new long[rows];
            for (Column arg : args) {
                boolean[] truth = truth(arg, rows);
                for (int i = 0; i < rows; i++) {
                    out[i] ^= truth[i] ? 1 : 0;
                }
            }
            return new LongColumn(out, null, rows);
        });
    }

    private static Binding bindIsNull(List<DataType> types, boolean wantNull) {
        Operands.expectCount(wantNull ? "isNull" : "isNotNull", types, 1, 1);
        return new Binding(IntegerType.UINT8, (args, rows) -> {
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = args[0].isNull(i) == wantNull ? 1 : 0;
            }
            return new LongColumn(out, null, rows);
        });
    }
}
