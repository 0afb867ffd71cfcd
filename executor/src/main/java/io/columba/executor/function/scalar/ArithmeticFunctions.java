package io.columba.executor.function.scalar;

import io.columba.executor.function.Kernel;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.List;

/** plus, minus, multiply, divide, intDiv, modulo, negate, abs. */
public final class ArithmeticFunctions {
    private ArithmeticFunctions() {}

    private enum Operation {
        PLUS(DecimalArithmetic.Operation.PLUS),
        MINUS(DecimalArithmetic.Operation.MINUS),
        MULTIPLY(DecimalArithmetic.Operation.MULTIPLY),
        INT_DIV(null),
        INT_DIV_OR_ZERO(null),
        MODULO(null);

        private final DecimalArithmetic.Operation decimal;

        Operation(DecimalArithmetic.Operation decimal) {
            this.decimal = decimal;
        }

        /** The same operation on Decimal operands, or null when there is none. */
        DecimalArithmetic.Operation decimal() {
            return decimal;
        }
    }

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "plus",
                        "Sum of two numbers; a Date or DateTime plus a number of days or seconds.",
                        "SELECT plus(2, 3)",
                        (types, args) -> bindIntegerOrFloat("plus", Operation.PLUS, types)),
                SimpleScalarFunction.of(
                        "minus",
                        "Difference of two numbers; a Date or DateTime minus days or seconds; days or seconds between two dates or times.",
                        "SELECT minus(2, 3)",
                        (types, args) -> bindIntegerOrFloat("minus", Operation.MINUS, types)),
                SimpleScalarFunction.of(
                        "multiply",
                        "Product of two numbers.",
                        "SELECT multiply(4, 5)",
                        (types, args) -> bindIntegerOrFloat("multiply", Operation.MULTIPLY, types)),
                SimpleScalarFunction.of(
                        "divide",
                        "Quotient of two numbers as Float64; division by zero gives inf or nan.",
                        "SELECT divide(7, 2)",
                        (types, args) -> bindDivide(types)),
                SimpleScalarFunction.of(
                        "intDiv",
                        "Integer quotient rounded toward zero; division by zero is an error.",
                        "SELECT intDiv(7, 2)",
                        (types, args) -> bindIntegerOrFloat("intDiv", Operation.INT_DIV, types)),
                SimpleScalarFunction.of(
                        "intDivOrZero",
                        "As intDiv, but 0 when dividing by zero.",
                        "SELECT intDivOrZero(7, 0)",
                        (types, args) -> bindIntegerOrFloat("intDivOrZero", Operation.INT_DIV_OR_ZERO, types)),
                SimpleScalarFunction.of(
                                "modulo",
                                "Remainder of a division; its sign follows the dividend.",
                                "SELECT modulo(7, 3)",
                                (types, args) -> bindIntegerOrFloat("modulo", Operation.MODULO, types))
                        .withAliases("mod"),
                SimpleScalarFunction.of(
                        "negate",
                        "The number with its sign changed.",
                        "SELECT negate(5)",
                        (types, args) -> bindNegate(types)),
                SimpleScalarFunction.of("abs", "Absolute value.", "SELECT abs(-5)", (types, args) -> bindAbs(types)));
    }

    private static Binding bindIntegerOrFloat(String name, Operation operation, List<DataType> types) {
        Operands.expectCount(name, types, 2, 2);
        DataType left = types.get(0);
        DataType right = types.get(1);
        if ((operation == Operation.PLUS || operation == Operation.MINUS)
                && (left instanceof io.columba.storage.type.IntervalType
                        || right instanceof io.columba.storage.type.IntervalType)) {
            return IntervalFunctions.bindArithmetic(name, operation == Operation.MINUS, left, right);
        }
        if ((operation == Operation.PLUS || operation == Operation.MINUS)
                && (left instanceof DateType
                        || left instanceof io.columba.storage.type.Date32Type
                        || left instanceof DateTimeType)
                && right instanceof IntegerType) {
            boolean subtract = operation == Operation.MINUS;
            return new Binding(left, (args, rows) -> dateShift(args, rows, subtract));
        }
        if (operation == Operation.MINUS && (isDay(left) && isDay(right) || isTime(left) && isTime(right))) {
            // Date - Date counts days, DateTime - DateTime seconds, both as Int32 (wrapping, as ClickHouse does).
            return new Binding(IntegerType.INT32, (args, rows) -> difference(args, rows));
        }
        if (operation == Operation.PLUS && right instanceof DateType
                || operation == Operation.PLUS && right instanceof io.columba.storage.type.Date32Type
                || operation == Operation.PLUS && right instanceof DateTimeType) {
            if (left instanceof IntegerType) {
                return new Binding(right, (args, rows) -> dateShift(new Column[] {args[1], args[0]}, rows, false));
            }
        }
        if (DecimalArithmetic.applies(left, right) && operation.decimal() != null) {
            return DecimalArithmetic.bind(name, operation.decimal(), left, right);
        }
        if (!NumericTypes.isNumeric(left) || !NumericTypes.isNumeric(right)) {
            throw Operands.illegalTypes(name, left, right);
        }
        DataType result = switch (operation) {
            case PLUS, MULTIPLY -> NumericTypes.additionResult(left, right);
            case MINUS -> NumericTypes.subtractionResult(left, right);
            case INT_DIV, INT_DIV_OR_ZERO -> NumericTypes.integerDivisionResult(left, right);
            case MODULO -> NumericTypes.moduloResult(left, right);
        };
        boolean floating = left instanceof FloatType || right instanceof FloatType;
        if (floating) {
            Kernel kernel = (args, rows) -> floatKernel(operation, args, left, right, rows, result);
            return new Binding(result, kernel);
        }
        IntegerType integerResult = (IntegerType) result;
        boolean unsigned64 = isUnsigned64(left) || isUnsigned64(right);
        return new Binding(result, (args, rows) -> integerKernel(operation, args, rows, integerResult, unsigned64));
    }

    private static boolean isDay(DataType type) {
        return type instanceof DateType || type instanceof io.columba.storage.type.Date32Type;
    }

    private static boolean isTime(DataType type) {
        return type instanceof DateTimeType;
    }

    private static Column difference(Column[] args, int rows) {
        long[] a = Operands.longs(args[0], rows);
        long[] b = Operands.longs(args[1], rows);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = (int) (a[i] - b[i]);
        }
        return new LongColumn(out, null, rows);
    }

    private static boolean isUnsigned64(DataType type) {
        return type instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
    }

    private static Column dateShift(Column[] args, int rows, boolean subtract) {
        long[] base = Operands.longs(args[0], rows);
        long[] delta = Operands.longs(args[1], rows);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = subtract ? base[i] - delta[i] : base[i] + delta[i];
        }
        return new LongColumn(out, null, rows);
    }

    private static Column integerKernel(
            Operation operation, Column[] args, int rows, IntegerType result, boolean unsigned64) {
        long[] a = Operands.longs(args[0], rows);
        long[] b = Operands.longs(args[1], rows);
        long[] out = new long[rows];
        switch (operation) {
            case PLUS -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] + b[i];
                }
            }
            case MINUS -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] - b[i];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] * b[i];
                }
            }
            case INT_DIV, INT_DIV_OR_ZERO -> {
                boolean orZero = operation == Operation.INT_DIV_OR_ZERO;
                for (int i = 0; i < rows; i++) {
                    if (b[i] == 0) {
                        checkDivisor(args, i, orZero);
                        out[i] = 0;
                        continue;
                    }
                    out[i] = unsigned64 ? Long.divideUnsigned(a[i], b[i]) : a[i] / b[i];
                }
            }
            case MODULO -> {
                for (int i = 0; i < rows; i++) {
                    if (b[i] == 0) {
                        checkDivisor(args, i, false);
                        out[i] = 0;
                        continue;
                    }
                    out[i] = unsigned64 ? Long.remainderUnsigned(a[i], b[i]) : a[i] % b[i];
                }
            }
        }
        if (result.bytes() < 8) {
            for (int i = 0; i < rows; i++) {
                out[i] = result.wrap(out[i]);
            }
        }
        return new LongColumn(out, null, rows);
    }

    /** A zero divisor is an error unless the row is NULL (its value is a placeholder) or OrZero semantics apply. */
    private static void checkDivisor(Column[] args, int row, boolean orZero) {
        if (!orZero && !args[0].isNull(row) && !args[1].isNull(row)) {
            throw new ColumbaException(ErrorCode.ILLEGAL_DIVISION, "Division by zero");
        }
    }

    private static Column floatKernel(
            Operation operation, Column[] args, DataType leftType, DataType rightType, int rows, DataType result) {
        double[] a = Operands.doubles(args[0], leftType, rows);
        double[] b = Operands.doubles(args[1], rightType, rows);
        if (result instanceof IntegerType integer) {
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                if (b[i] == 0 && operation == Operation.INT_DIV) {
                    throw new ColumbaException(ErrorCode.ILLEGAL_DIVISION, "Division by zero");
                }
                out[i] = b[i] == 0 ? 0 : integer.wrap((long) (a[i] / b[i]));
            }
            return new LongColumn(out, null, rows);
        }
        double[] out = new double[rows];
        switch (operation) {
            case PLUS -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] + b[i];
                }
            }
            case MINUS -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] - b[i];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] * b[i];
                }
            }
            case MODULO -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = a[i] % b[i];
                }
            }
            default -> throw new IllegalStateException(operation.name());
        }
        return new DoubleColumn(out, null, rows);
    }

    private static Binding bindDivide(List<DataType> types) {
        Operands.expectCount("divide", types, 2, 2);
        DataType left = types.get(0);
        DataType right = types.get(1);
        if (DecimalArithmetic.applies(left, right)) {
            return DecimalArithmetic.bind("divide", DecimalArithmetic.Operation.DIVIDE, left, right);
        }
        if (!NumericTypes.isNumeric(left) || !NumericTypes.isNumeric(right)) {
            throw Operands.illegalTypes("divide", left, right);
        }
        return new Binding(FloatType.FLOAT64, (args, rows) -> {
            double[] a = Operands.doubles(args[0], left, rows);
            double[] b = Operands.doubles(args[1], right, rows);
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = a[i] / b[i];
            }
            return new DoubleColumn(out, null, rows);
        });
    }

    private static Binding bindNegate(List<DataType> types) {
        Operands.expectCount("negate", types, 1, 1);
        DataType type = types.get(0);
        if (!NumericTypes.isNumeric(type)) {
            throw Operands.illegalType("negate", type, 1);
        }
        DataType result = NumericTypes.negateResult(type);
        if (result instanceof FloatType) {
            return new Binding(result, (args, rows) -> {
                double[] a = Operands.doubles(args[0], type, rows);
                double[] out = new double[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = -a[i];
                }
                return new DoubleColumn(out, null, rows);
            });
        }
        IntegerType integer = (IntegerType) result;
        return new Binding(result, (args, rows) -> {
            long[] a = Operands.longs(args[0], rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = integer.wrap(-a[i]);
            }
            return new LongColumn(out, null, rows);
        });
    }

    private static Binding bindAbs(List<DataType> types) {
        Operands.expectCount("abs", types, 1, 1);
        DataType type = types.get(0);
        if (!NumericTypes.isNumeric(type)) {
            throw Operands.illegalType("abs", type, 1);
        }
        if (type instanceof FloatType) {
            return new Binding(type, (args, rows) -> {
                double[] a = Operands.doubles(args[0], type, rows);
                double[] out = new double[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = Math.abs(a[i]);
                }
                return new DoubleColumn(out, null, rows);
            });
        }
        IntegerType integer = NumericTypes.asInteger(type);
        IntegerType result = IntegerType.of(integer.bytes(), false);
        return new Binding(result, (args, rows) -> {
            long[] a = Operands.longs(args[0], rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = result.wrap(integer.signed() ? Math.abs(a[i]) : a[i]);
            }
            return new LongColumn(out, null, rows);
        });
    }
}
