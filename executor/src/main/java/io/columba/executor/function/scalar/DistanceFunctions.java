package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import java.util.List;

/** Distances between two numeric arrays taken as vectors: L1, L2, squared L2, L-infinity and cosine. */
public final class DistanceFunctions {
    private DistanceFunctions() {}

    private enum Metric {
        L1,
        L2,
        L2_SQUARED,
        L_INFINITY,
        COSINE
    }

    public static List<ScalarFunction> all() {
        return List.of(
                distance("L1Distance", "The sum of the absolute differences of two vectors.", Metric.L1),
                distance("L2Distance", "The Euclidean distance between two vectors.", Metric.L2),
                distance("L2SquaredDistance", "The sum of the squared differences of two vectors.", Metric.L2_SQUARED),
                distance("LinfDistance", "The largest absolute difference of two vectors.", Metric.L_INFINITY),
                distance(
                        "cosineDistance",
                        "1 minus the cosine of the angle between two vectors (nan when one is all zeros).",
                        Metric.COSINE));
    }

    private static SimpleScalarFunction distance(String name, String description, Metric metric) {
        return SimpleScalarFunction.of(
                name,
                description + " Float32 for two Float32 arrays, otherwise Float64.",
                "SELECT " + name + "([1, 2, 3], [4, 5, 6])",
                (types, args) -> {
                    Operands.expectCount(name, types, 2, 2);
                    DataType[] elements = new DataType[2];
                    for (int a = 0; a < 2; a++) {
                        if (!(types.get(a) instanceof ArrayType array)
                                || !NumericTypes.isNumeric(array.element())
                                || array.element().isNullable()) {
                            throw Operands.illegalType(name, types.get(a), a + 1);
                        }
                        elements[a] = array.element();
                    }
                    boolean single = elements[0] instanceof FloatType left
                            && left.bytes() == 4
                            && elements[1] instanceof FloatType right
                            && right.bytes() == 4;
                    DataType result = single ? FloatType.FLOAT32 : FloatType.FLOAT64;
                    return new Binding(
                            result, (columns, rows) -> compute(name, metric, columns, elements, rows, single));
                });
    }

    private static Column compute(
            String name, Metric metric, Column[] columns, DataType[] elements, int rows, boolean single) {
        ArrayColumn left = (ArrayColumn) plain(columns[0]);
        ArrayColumn right = (ArrayColumn) plain(columns[1]);
        double[] a =
                Operands.doubles(left.elements(), elements[0], left.elements().size());
        double[] b =
                Operands.doubles(right.elements(), elements[1], right.elements().size());
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            int leftRow = columns[0] instanceof ConstantColumn ? 0 : i;
            int rightRow = columns[1] instanceof ConstantColumn ? 0 : i;
            int aFrom = left.offsets()[leftRow];
            int bFrom = right.offsets()[rightRow];
            int length = left.offsets()[leftRow + 1] - aFrom;
            if (length != right.offsets()[rightRow + 1] - bFrom) {
                throw new ColumbaException(
                        ErrorCode.SIZES_OF_ARRAYS_DONT_MATCH,
                        "Arguments of function " + name + " have different array sizes: " + length + " and "
                                + (right.offsets()[rightRow + 1] - bFrom));
            }
            double value = metric(metric, a, aFrom, b, bFrom, length);
            out[i] = single ? (float) value : value;
        }
        return new DoubleColumn(out, null, rows);
    }

    private static Column plain(Column column) {
        return column instanceof ConstantColumn constant ? constant.value() : column;
    }

    private static double metric(Metric metric, double[] a, int aFrom, double[] b, int bFrom, int length) {
        double sum = 0;
        double leftNorm = 0;
        double rightNorm = 0;
        for (int k = 0; k < length; k++) {
            double x = a[aFrom + k];
            double y = b[bFrom + k];
            double difference = Math.abs(x - y);
            switch (metric) {
                case L1 -> sum += difference;
                case L2, L2_SQUARED -> sum += difference * difference;
                case L_INFINITY -> sum = Math.max(sum, difference);
                case COSINE -> {
                    sum += x * y;
                    leftNorm += x * x;
                    rightNorm += y * y;
                }
            }
        }
        return switch (metric) {
            case L2 -> Math.sqrt(sum);
            case COSINE -> 1 - sum / Math.sqrt(leftNorm * rightNorm);
            default -> sum;
        };
    }
}
