package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.NumericTypes;
import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import java.util.Arrays;
import java.util.List;

/**
 * Second moments with Welford's updates, as ClickHouse computes them: varPop, varSamp, stddevPop, stddevSamp of
 * one argument; covarPop, covarSamp and corr of two. Float64; NaN where the divisor is not positive.
 */
public final class MomentFunction implements AggregateFunction {
    /** Which statistic a group's moments give. */
    public enum Kind {
        VAR_POP("varPop", 1, "Population variance"),
        VAR_SAMP("varSamp", 1, "Sample variance (divided by n - 1)"),
        STDDEV_POP("stddevPop", 1, "Population standard deviation"),
        STDDEV_SAMP("stddevSamp", 1, "Sample standard deviation (from the variance divided by n - 1)"),
        COVAR_POP("covarPop", 2, "Population covariance of the two arguments"),
        COVAR_SAMP("covarSamp", 2, "Sample covariance of the two arguments (divided by n - 1)"),
        CORR("corr", 2, "Pearson correlation coefficient of the two arguments");

        final String function;
        final int arguments;
        final String description;

        Kind(String function, int arguments, String description) {
            this.function = function;
            this.arguments = arguments;
            this.description = description;
        }
    }

    private final Kind kind;

    public MomentFunction(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.function;
    }

    @Override
    public String description() {
        return kind.description + ", as Float64.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + (kind.arguments == 1 ? "(number)" : "(number, number * number)")
                + " FROM numbers(10)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, kind.arguments, kind.arguments);
        for (DataType type : types) {
            if (!NumericTypes.isNumeric(type)) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                        "Illegal type " + type.name() + " of argument for aggregate function " + name());
            }
        }
        List<DataType> argumentTypes = List.copyOf(types);
        return new BoundAggregate(FloatType.FLOAT64, () -> new States(kind, argumentTypes));
    }

    private static final class States implements AggregateStates {
        private final Kind kind;
        private final List<DataType> types;
        private double[] counts = new double[16];
        private double[] meansX = new double[16];
        private double[] meansY = new double[16];
        private double[] m2X = new double[16];
        private double[] m2Y = new double[16];
        private double[] coMoments = new double[16];

        States(Kind kind, List<DataType> types) {
            this.kind = kind;
            this.types = types;
        }

        private void grow(int groupCount) {
            if (counts.length < groupCount) {
                int size = Math.max(groupCount, counts.length * 2);
                counts = Arrays.copyOf(counts, size);
                meansX = Arrays.copyOf(meansX, size);
                meansY = Arrays.copyOf(meansY, size);
                m2X = Arrays.copyOf(m2X, size);
                m2Y = Arrays.copyOf(m2Y, size);
                coMoments = Arrays.copyOf(coMoments, size);
            }
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            grow(groupCount);
            double[] xs = Operands.doubles(arguments[0], types.get(0), rows);
            double[] ys = kind.arguments == 2 ? Operands.doubles(arguments[1], types.get(1), rows) : null;
            for (int i = 0; i < rows; i++) {
                int g = groups[i];
                double x = xs[i];
                double deltaX = x - meansX[g];
                double count = ++counts[g];
                meansX[g] += deltaX / count;
                m2X[g] += deltaX * (x - meansX[g]);
                if (ys != null) {
                    double y = ys[i];
                    double deltaY = y - meansY[g];
                    double oldMeanY = meansY[g];
                    meansY[g] += deltaY / count;
                    m2Y[g] += deltaY * (y - meansY[g]);
                    coMoments[g] += (x - meansX[g]) * (y - oldMeanY);
                }
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            grow(groupCount);
            for (int g = 0; g < mapping.length && g < from.counts.length; g++) {
                combine(
                        mapping[g],
                        from.counts[g],
                        from.meansX[g],
                        from.meansY[g],
                        from.m2X[g],
                        from.m2Y[g],
                        from.coMoments[g]);
            }
        }

        /** Chan's parallel combination of two groups' moments. */
        private void combine(int g, double count, double meanX, double meanY, double mX, double mY, double co) {
            if (count == 0) {
                return;
            }
            double total = counts[g] + count;
            double factor = counts[g] * count / total;
            double deltaX = meanX - meansX[g];
            double deltaY = meanY - meansY[g];
            meansX[g] += deltaX * count / total;
            meansY[g] += deltaY * count / total;
            m2X[g] += mX + deltaX * deltaX * factor;
            m2Y[g] += mY + deltaY * deltaY * factor;
            coMoments[g] += co + deltaX * deltaY * factor;
            counts[g] = total;
        }

        @Override
        public Column result(int groupCount) {
            grow(groupCount);
            double[] out = new double[groupCount];
            for (int g = 0; g < groupCount; g++) {
                double n = counts[g];
                out[g] = switch (kind) {
                    case VAR_POP -> n == 0 ? Double.NaN : m2X[g] / n;
                    case VAR_SAMP -> n <= 1 ? Double.NaN : m2X[g] / (n - 1);
                    case STDDEV_POP -> n == 0 ? Double.NaN : Math.sqrt(m2X[g] / n);
                    case STDDEV_SAMP -> n <= 1 ? Double.NaN : Math.sqrt(m2X[g] / (n - 1));
                    case COVAR_POP -> n == 0 ? Double.NaN : coMoments[g] / n;
                    case COVAR_SAMP -> n <= 1 ? Double.NaN : coMoments[g] / (n - 1);
                    case CORR -> n <= 1 ? Double.NaN : coMoments[g] / Math.sqrt(m2X[g] * m2Y[g]);
                };
            }
            return new DoubleColumn(out, null, groupCount);
        }

        /** The count as VarUInt, then Float64 means and moments (x only for one argument). */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            grow(group + 1);
            out.writeVarUInt((long) counts[group]);
            out.writeLong(Double.doubleToRawLongBits(meansX[group]));
            out.writeLong(Double.doubleToRawLongBits(m2X[group]));
            if (kind.arguments == 2) {
                out.writeLong(Double.doubleToRawLongBits(meansY[group]));
                out.writeLong(Double.doubleToRawLongBits(m2Y[group]));
                out.writeLong(Double.doubleToRawLongBits(coMoments[group]));
            }
        }

        @Override
        public void deserialize(StateReader in) {
            counts[0] = in.readVarUInt();
            meansX[0] = in.readDouble();
            m2X[0] = in.readDouble();
            if (kind.arguments == 2) {
                meansY[0] = in.readDouble();
                m2Y[0] = in.readDouble();
                coMoments[0] = in.readDouble();
            }
        }
    }
}
