package io.columba.executor.function.scalar;

import io.columba.executor.function.Kernel;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.Date32Type;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.EnumType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IPv4Type;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.PhysicalType;
import io.columba.storage.type.StringType;
import java.util.List;

/** equals, notEquals, less, greater, lessOrEquals, greaterOrEquals: UInt8 results. */
public final class ComparisonFunctions {
    private ComparisonFunctions() {}

    /** Which outcomes of a three-way comparison make the predicate true. */
    enum Predicate {
        EQUALS("equals", "=="),
        NOT_EQUALS("notEquals", "!="),
        LESS("less", "<"),
        GREATER("greater", ">"),
        LESS_OR_EQUALS("lessOrEquals", "<="),
        GREATER_OR_EQUALS("greaterOrEquals", ">=");

        final String functionName;
        final String operator;

        Predicate(String functionName, String operator) {
            this.functionName = functionName;
            this.operator = operator;
        }

        boolean test(int comparison) {
            return switch (this) {
                case EQUALS -> comparison == 0;
                case NOT_EQUALS -> comparison != 0;
                case LESS -> comparison < 0;
                case GREATER -> comparison > 0;
                case LESS_OR_EQUALS -> comparison <= 0;
                case GREATER_OR_EQUALS -> comparison >= 0;
            };
        }
    }

    public static List<ScalarFunction> all() {
        return java.util.Arrays.stream(Predicate.values())
                .map(predicate -> (ScalarFunction) SimpleScalarFunction.of(
                        predicate.functionName,
                        "1 when a " + predicate.operator + " b, else 0. Strings compare as bytes; a string"
                                + " compared with a date, date-time or number is parsed as that type.",
                        "SELECT " + predicate.functionName + "(1, 2)",
                        (types, args) -> bind(predicate, types)))
                .toList();
    }

    private static Binding bind(Predicate predicate, List<DataType> types) {
        Operands.expectCount(predicate.functionName, types, 2, 2);
        DataType left = types.get(0);
        DataType right = types.get(1);
        if (left instanceof StringType && right instanceof StringType) {
            return new Binding(IntegerType.UINT8, (args, rows) -> compareStrings(predicate, args, rows));
        }
        if (left instanceof StringType || right instanceof StringType) {
            DataType target = left instanceof StringType ? right : left;
            Binding inner = bind(predicate, List.of(target, target));
            boolean castLeft = left instanceof StringType;
            return new Binding(IntegerType.UINT8, (args, rows) -> {
                Column[] converted = args.clone();
                int index = castLeft ? 0 : 1;
                converted[index] = TypeConversion.cast(args[index], StringType.STRING, target, rows);
                return inner.kernel().apply(converted, rows);
            });
        }
        Binding special = bindSpecial(predicate, left, right);
        if (special != null) {
            return special;
        }
        boolean leftTemporal =
                left instanceof DateType || left instanceof DateTimeType || left instanceof DateTime64Type;
        boolean rightTemporal =
                right instanceof DateType || right instanceof DateTimeType || right instanceof DateTime64Type;
        if (leftTemporal
                && rightTemporal
                && (left instanceof DateTime64Type || right instanceof DateTime64Type)
                && !left.equals(right)) {
            DataType common = NumericTypes.commonType(left, right);
            return new Binding(
                    IntegerType.UINT8,
                    (args, rows) -> compareLongs(
                            predicate,
                            new Column[] {
                                TypeConversion.cast(args[0], left, common, rows),
                                TypeConversion.cast(args[1], right, common, rows)
                            },
                            rows));
        }
        if (leftTemporal || rightTemporal) {
            if (left instanceof DateType && right instanceof DateTimeType
                    || left instanceof DateTimeType && right instanceof DateType) {
                DataType dateTime = left instanceof DateTimeType ? left : right;
                boolean castLeft = left instanceof DateType;
                return new Binding(IntegerType.UINT8, (args, rows) -> {
                    Column[] converted = args.clone();
                    int index = castLeft ? 0 : 1;
                    converted[index] = TypeConversion.cast(args[index], DateType.DATE, dateTime, rows);
                    return compareLongs(predicate, converted, rows);
                });
            }
            if ((leftTemporal || left instanceof IntegerType) && (rightTemporal || right instanceof IntegerType)) {
                return new Binding(IntegerType.UINT8, (args, rows) -> compareLongs(predicate, args, rows));
            }
            throw Operands.illegalTypes(predicate.functionName, left, right);
        }
        if (!NumericTypes.isNumeric(left) || !NumericTypes.isNumeric(right)) {
            throw Operands.illegalTypes(predicate.functionName, left, right);
        }
        if (left instanceof FloatType || right instanceof FloatType) {
            return new Binding(IntegerType.UINT8, (args, rows) -> compareDoubles(predicate, args, left, right, rows));
        }
        boolean leftUnsigned64 = isUnsigned64(left);
        boolean rightUnsigned64 = isUnsigned64(right);
        if (leftUnsigned64 || rightUnsigned64) {
            Kernel kernel = (args, rows) -> compareMixed(predicate, args, rows, leftUnsigned64, rightUnsigned64);
            return new Binding(IntegerType.UINT8, kernel);
        }
        return new Binding(IntegerType.UINT8, (args, rows) -> compareLongs(predicate, args, rows));
    }

    /** Comparisons of Decimal, wide integers, UUID, IPv4/IPv6, Enum, FixedString and Date32; null for the rest. */
    private static Binding bindSpecial(Predicate predicate, DataType left, DataType right) {
        if (TypeConversion.isComposite(left) || TypeConversion.isComposite(right)) {
            if (!TypeConversion.isComposite(left) || !TypeConversion.isComposite(right)) {
                throw Operands.illegalTypes(predicate.functionName, left, right);
            }
            DataType common = left.equals(right) ? left : NumericTypes.commonType(left, right);
            return new Binding(IntegerType.UINT8, (args, rows) -> {
                Column a = TypeConversion.cast(args[0], left, common, rows);
                Column b = TypeConversion.cast(args[1], right, common, rows);
                long[] out = new long[rows];
                for (int i = 0; i < rows; i++) {
                    int order = io.columba.storage.column.ValueOrder.compare(a, i, b, i, common);
                    out[i] = predicate.test(order) ? 1 : 0;
                }
                return new LongColumn(out, null, rows);
            });
        }
        if (left.equals(right) && left.physicalType() == PhysicalType.BYTES) {
            // FixedString, UUID, IPv6 and wide numbers are held so that their bytes order as their values.
            return new Binding(IntegerType.UINT8, (args, rows) -> compareStrings(predicate, args, rows));
        }
        if (left.equals(right) && (left instanceof EnumType || left instanceof IPv4Type)) {
            return new Binding(IntegerType.UINT8, (args, rows) -> compareLongs(predicate, args, rows));
        }
        if (left instanceof EnumType && right instanceof IntegerType
                || left instanceof IntegerType && right instanceof EnumType) {
            return new Binding(IntegerType.UINT8, (args, rows) -> compareLongs(predicate, args, rows));
        }
        if (left instanceof Date32Type || right instanceof Date32Type) {
            return bindDate32(predicate, left, right);
        }
        if (ExactNumbers.isExact(left) || ExactNumbers.isExact(right)) {
            if (!(NumericTypes.isNumeric(left) || ExactNumbers.isExact(left))
                    || !(NumericTypes.isNumeric(right) || ExactNumbers.isExact(right))) {
                throw Operands.illegalTypes(predicate.functionName, left, right);
            }
            if (left instanceof FloatType || right instanceof FloatType) {
                return new Binding(
                        IntegerType.UINT8, (args, rows) -> compareExactAsDoubles(predicate, args, left, right, rows));
            }
            return new Binding(IntegerType.UINT8, (args, rows) -> compareExact(predicate, args, left, right, rows));
        }
        boolean leftSpecial =
                left instanceof EnumType || left instanceof IPv4Type || left.physicalType() == PhysicalType.BYTES;
        boolean rightSpecial =
                right instanceof EnumType || right instanceof IPv4Type || right.physicalType() == PhysicalType.BYTES;
        if (leftSpecial || rightSpecial) {
            throw Operands.illegalTypes(predicate.functionName, left, right);
        }
        return null;
    }

    private static Binding bindDate32(Predicate predicate, DataType left, DataType right) {
        boolean leftDays = left instanceof Date32Type || left instanceof DateType;
        boolean rightDays = right instanceof Date32Type || right instanceof DateType;
        if (leftDays && rightDays) {
            return new Binding(IntegerType.UINT8, (args, rows) -> compareLongs(predicate, args, rows));
        }
        boolean leftTime = leftDays || left instanceof DateTimeType || left instanceof DateTime64Type;
        boolean rightTime = rightDays || right instanceof DateTimeType || right instanceof DateTime64Type;
        if (!leftTime || !rightTime) {
            throw Operands.illegalTypes(predicate.functionName, left, right);
        }
        int precision = Math.max(
                left instanceof DateTime64Type l ? l.precision() : 0,
                right instanceof DateTime64Type r ? r.precision() : 0);
        String zone =
                left instanceof DateTimeType l ? l.timeZone() : right instanceof DateTimeType r ? r.timeZone() : null;
        DataType common = new DateTime64Type(precision, zone);
        return new Binding(
                IntegerType.UINT8,
                (args, rows) -> compareLongs(
                        predicate,
                        new Column[] {
                            TypeConversion.cast(args[0], left, common, rows),
                            TypeConversion.cast(args[1], right, common, rows)
                        },
                        rows));
    }

    private static Column compareExact(Predicate predicate, Column[] args, DataType left, DataType right, int rows) {
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            int comparison = ExactNumbers.decimal(args[0], left, i).compareTo(ExactNumbers.decimal(args[1], right, i));
            out[i] = predicate.test(comparison) ? 1 : 0;
        }
        return new LongColumn(out, null, rows);
    }

    private static Column compareExactAsDoubles(
            Predicate predicate, Column[] args, DataType left, DataType right, int rows) {
        double[] a = exactAsDoubles(args[0], left, rows);
        double[] b = exactAsDoubles(args[1], right, rows);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            boolean result = Double.isNaN(a[i]) || Double.isNaN(b[i])
                    ? predicate == Predicate.NOT_EQUALS
                    : predicate.test(Double.compare(a[i] + 0.0, b[i] + 0.0));
            out[i] = result ? 1 : 0;
        }
        return new LongColumn(out, null, rows);
    }

    private static double[] exactAsDoubles(Column column, DataType type, int rows) {
        if (!ExactNumbers.isExact(type)) {
            return Operands.doubles(column, type, rows);
        }
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = ExactNumbers.decimal(column, type, i).doubleValue();
        }
        return values;
    }

    private static boolean isUnsigned64(DataType type) {
        return type instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
    }

    private static Column compareLongs(Predicate predicate, Column[] args, int rows) {
        long[] out = new long[rows];
        if (args[1] instanceof ConstantColumn constant && !(args[0] instanceof ConstantColumn)) {
            long[] a = Operands.longs(args[0], rows);
            long b = ((LongColumn) constant.value()).get(0);
            switch (predicate) {
                case EQUALS -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = a[i] == b ? 1 : 0;
                    }
                }
                case LESS -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = a[i] < b ? 1 : 0;
                    }
                }
                case GREATER_OR_EQUALS -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = a[i] >= b ? 1 : 0;
                    }
                }
                default -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = predicate.test(Long.compare(a[i], b)) ? 1 : 0;
                    }
                }
            }
            return new LongColumn(out, null, rows);
        }
        long[] a = Operands.longs(args[0], rows);
        long[] b = Operands.longs(args[1], rows);
        for (int i = 0; i < rows; i++) {
            out[i] = predicate.test(Long.compare(a[i], b[i])) ? 1 : 0;
        }
        return new LongColumn(out, null, rows);
    }

    private static Column compareMixed(
            Predicate predicate, Column[] args, int rows, boolean leftUnsigned64, boolean rightUnsigned64) {
        long[] a = Operands.longs(args[0], rows);
        long[] b = Operands.longs(args[1], rows);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            int comparison;
            if (leftUnsigned64 && rightUnsigned64) {
                comparison = Long.compareUnsigned(a[i], b[i]);
            } else if (leftUnsigned64) {
                comparison = b[i] < 0 || a[i] < 0 ? 1 : Long.compare(a[i], b[i]);
            } else {
                comparison = a[i] < 0 || b[i] < 0 ? -1 : Long.compare(a[i], b[i]);
            }
            out[i] = predicate.test(comparison) ? 1 : 0;
        }
        return new LongColumn(out, null, rows);
    }

    private static Column compareDoubles(Predicate predicate, Column[] args, DataType left, DataType right, int rows) {
        double[] a = Operands.doubles(args[0], left, rows);
        double[] b = Operands.doubles(args[1], right, rows);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            boolean result;
            if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
                result = predicate == Predicate.NOT_EQUALS;
            } else {
                result = predicate.test(Double.compare(a[i] + 0.0, b[i] + 0.0));
            }
            out[i] = result ? 1 : 0;
        }
        return new LongColumn(out, null, rows);
    }

    private static Column compareStrings(Predicate predicate, Column[] args, int rows) {
        StringColumn a = (StringColumn) (args[0] instanceof ConstantColumn c ? c.value() : args[0]);
        StringColumn b = (StringColumn) (args[1] instanceof ConstantColumn c ? c.value() : args[1]);
        boolean aConstant = a != args[0];
        boolean bConstant = b != args[1];
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            int comparison = StringColumn.compare(a, aConstant ? 0 : i, b, bConstant ? 0 : i);
            out[i] = predicate.test(comparison) ? 1 : 0;
        }
        return new LongColumn(out, null, rows);
    }
}
