package io.columba.executor.function.scalar;

import io.columba.executor.function.Kernel;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.storage.column.Column;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.WideIntegerType;
import java.math.BigInteger;

/**
 * plus, minus, multiply and divide with a Decimal operand, on exact unscaled integers as ClickHouse computes them:
 * the result has the widest Decimal operand's storage precision (9, 18, 38 or 76; an integer operand does not widen
 * it), the larger scale for plus and minus, the sum of scales for multiply, and the dividend's scale for divide
 * (the divisor's when the dividend is an integer), truncating toward zero. Past the precision it is
 * DECIMAL_OVERFLOW; a zero divisor is ILLEGAL_DIVISION.
 */
final class DecimalArithmetic {
    enum Operation {
        PLUS,
        MINUS,
        MULTIPLY,
        DIVIDE
    }

    private DecimalArithmetic() {}

    /** Whether one operand is a Decimal and the other a Decimal or an integer (the operands this class takes). */
    static boolean applies(DataType left, DataType right) {
        return (left instanceof DecimalType || right instanceof DecimalType) && exact(left) && exact(right);
    }

    private static boolean exact(DataType type) {
        return type instanceof DecimalType
                || type instanceof IntegerType
                || type instanceof WideIntegerType
                || type instanceof BoolType;
    }

    private static int scale(DataType type) {
        return type instanceof DecimalType decimal ? decimal.scale() : 0;
    }

    private static int storagePrecision(DataType type) {
        if (!(type instanceof DecimalType decimal)) {
            return 0;
        }
        int precision = decimal.precision();
        return precision <= 9 ? 9 : precision <= 18 ? 18 : precision <= 38 ? 38 : 76;
    }

    static Binding bind(String name, Operation operation, DataType left, DataType right) {
        int precision = Math.max(storagePrecision(left), storagePrecision(right));
        int leftScale = scale(left);
        int rightScale = scale(right);
        int scale = switch (operation) {
            case PLUS, MINUS -> Math.max(leftScale, rightScale);
            case MULTIPLY -> leftScale + rightScale;
            case DIVIDE -> left instanceof DecimalType ? leftScale : rightScale;
        };
        if (scale > precision) {
            throw new ColumbaException(
                    ErrorCode.ARGUMENT_OUT_OF_BOUND,
                    "The scale " + scale + " of " + name + "(" + left.name() + ", " + right.name()
                            + ") exceeds its precision " + precision);
        }
        DecimalType result = new DecimalType(precision, scale);
        BigInteger limit = BigInteger.TEN.pow(precision);
        // Operands are brought to a common scale (plus, minus) or the dividend scaled up (divide) first.
        BigInteger leftFactor = BigInteger.TEN.pow(
                switch (operation) {
                    case PLUS, MINUS -> scale - leftScale;
                    case MULTIPLY -> 0;
                    case DIVIDE -> scale - leftScale + rightScale;
                });
        BigInteger rightFactor = BigInteger.TEN.pow(
                operation == Operation.PLUS || operation == Operation.MINUS ? scale - rightScale : 0);
        Kernel kernel = (args, rows) -> {
            BigInteger[] out = new BigInteger[rows];
            for (int i = 0; i < rows; i++) {
                BigInteger a = ExactNumbers.integer(args[0], left, i).multiply(leftFactor);
                BigInteger b = ExactNumbers.integer(args[1], right, i).multiply(rightFactor);
                BigInteger value = switch (operation) {
                    case PLUS -> a.add(b);
                    case MINUS -> a.subtract(b);
                    case MULTIPLY -> a.multiply(b);
                    case DIVIDE -> {
                        if (b.signum() == 0) {
                            throw new ColumbaException(ErrorCode.ILLEGAL_DIVISION, "Division by zero in " + name);
                        }
                        yield a.divide(b);
                    }
                };
                if (value.abs().compareTo(limit) >= 0) {
                    throw new ColumbaException(
                            ErrorCode.DECIMAL_OVERFLOW,
                            "Decimal math overflow in " + name + ": the result does not fit in " + result.name());
                }
                out[i] = value;
            }
            Column column = ExactNumbers.column(out, result, rows);
            return column;
        };
        return new Binding(result, kernel);
    }
}
