package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.NumericTypes;
import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.TupleType;
import java.util.Arrays;
import java.util.List;

/**
 * Statistics of two numeric columns kept as running sums: avgWeighted(x, w) = sum(x * w) / sum(w), and
 * simpleLinearRegression(x, y), the least-squares line y = k * x + b as a tuple (k, b).
 */
public final class PairStatisticsFunction implements AggregateFunction {
    /** Which statistic. */
    public enum Kind {
        AVG_WEIGHTED,
        SIMPLE_LINEAR_REGRESSION
    }

    private static final TupleType LINE =
            new TupleType(List.of(FloatType.FLOAT64, FloatType.FLOAT64), List.of("k", "b"));

    private final Kind kind;

    public PairStatisticsFunction(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind == Kind.AVG_WEIGHTED ? "avgWeighted" : "simpleLinearRegression";
    }

    @Override
    public String description() {
        return kind == Kind.AVG_WEIGHTED
                ? "The weighted average sum(x * w) / sum(w), Float64 (nan for no rows)."
                : "The least-squares line y = k * x + b through the points (x, y), as Tuple(k Float64, b Float64).";
    }

    @Override
    public String example() {
        return kind == Kind.AVG_WEIGHTED
                ? "SELECT avgWeighted(number, number) FROM numbers(4)"
                : "SELECT simpleLinearRegression(number, 2 * number + 1) FROM numbers(4)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 2, 2);
        for (DataType type : types) {
            if (!NumericTypes.isNumeric(type)) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                        "Illegal type " + type.name() + " of argument for aggregate function " + name());
            }
        }
        DataType result = kind == Kind.AVG_WEIGHTED ? FloatType.FLOAT64 : LINE;
        return new BoundAggregate(result, () -> new States(kind, types));
    }

    /** Per group: sum(w), sum(x * w) for avgWeighted; n, sum(x), sum(y), sum(x * y), sum(x * x) for the line. */
    private static final class States implements AggregateStates {
        private final Kind kind;
        private final List<DataType> types;
        private final int width;
        private double[] sums = new double[0];

        States(Kind kind, List<DataType> types) {
            this.kind = kind;
            this.types = types;
            this.width = kind == Kind.AVG_WEIGHTED ? 2 : 5;
        }

        private void grow(int groupCount) {
            if (sums.length < groupCount * width) {
                sums = Arrays.copyOf(sums, Math.max(groupCount, sums.length / width * 2) * width);
            }
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            grow(groupCount);
            double[] x = Operands.doubles(arguments[0], types.get(0), rows);
            double[] y = Operands.doubles(arguments[1], types.get(1), rows);
            for (int i = 0; i < rows; i++) {
                int at = groups[i] * width;
                if (kind == Kind.AVG_WEIGHTED) {
                    sums[at] += y[i];
                    sums[at + 1] += x[i] * y[i];
                } else {
                    sums[at] += 1;
                    sums[at + 1] += x[i];
                    sums[at + 2] += y[i];
                    sums[at + 3] += x[i] * y[i];
                    sums[at + 4] += x[i] * x[i];
                }
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            grow(groupCount);
            States from = (States) other;
            for (int g = 0; g < mapping.length && (g + 1) * width <= from.sums.length; g++) {
                for (int j = 0; j < width; j++) {
                    sums[mapping[g] * width + j] += from.sums[g * width + j];
                }
            }
        }

        @Override
        public Column result(int groupCount) {
            grow(groupCount);
            double[] first = new double[groupCount];
            double[] second = new double[groupCount];
            for (int g = 0; g < groupCount; g++) {
                int at = g * width;
                if (kind == Kind.AVG_WEIGHTED) {
                    first[g] = sums[at + 1] / sums[at];
                    continue;
                }
                double n = sums[at];
                double k = (n * sums[at + 3] - sums[at + 1] * sums[at + 2])
                        / (n * sums[at + 4] - sums[at + 1] * sums[at + 1]);
                first[g] = k;
                second[g] = (sums[at + 2] - k * sums[at + 1]) / n;
            }
            Column firstColumn = new DoubleColumn(first, null, groupCount);
            if (kind == Kind.AVG_WEIGHTED) {
                return firstColumn;
            }
            return new TupleColumn(List.of(firstColumn, new DoubleColumn(second, null, groupCount)), null, groupCount);
        }

        /** The group's sums as little-endian doubles. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            grow(group + 1);
            for (int j = 0; j < width; j++) {
                out.writeLong(Double.doubleToRawLongBits(sums[group * width + j]));
            }
        }

        @Override
        public void deserialize(StateReader in) {
            grow(1);
            for (int j = 0; j < width; j++) {
                sums[j] += in.readDouble();
            }
        }
    }
}
