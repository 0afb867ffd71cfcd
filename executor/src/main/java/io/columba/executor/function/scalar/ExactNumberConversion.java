package io.columba.executor.function.scalar;

import io.columba.executor.format.DecimalText;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.WideIntegerType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Conversions into and out of Decimal and the wide integers (Int128 ... UInt256), with ClickHouse's rules. */
final class ExactNumberConversion {
    private ExactNumberConversion() {}

    /**
     * Into a Decimal: numbers are scaled and cut past the scale (floats scaled in floating point), text is parsed; too
     * many digits is an error.
     */
    static Column toDecimal(Column column, DataType source, DecimalType target, int rows) {
        BigInteger[] out = new BigInteger[rows];
        for (int i = 0; i < rows; i++) {
            if (column.isNull(i)) {
                out[i] = BigInteger.ZERO;
                continue;
            }
            if (column instanceof StringColumn && isText(source)) {
                out[i] = DecimalText.parse(((StringColumn) column).getString(i), target);
                continue;
            }
            if (column instanceof DoubleColumn doubles && !Double.isFinite(doubles.get(i))) {
                throw new ColumbaException(
                        ErrorCode.DECIMAL_OVERFLOW, "Cannot convert infinity or NaN to " + target.name());
            }
            BigDecimal value = number(column, source, i);
            // A float is scaled in floating point and then cut, as ClickHouse does: 7.55 (7.5499...) * 100 is 755.
            BigInteger unscaled = column instanceof DoubleColumn doubles
                    ? new BigDecimal(doubles.get(i) * Math.pow(10, target.scale())).toBigInteger()
                    : value.setScale(target.scale(), RoundingMode.DOWN).unscaledValue();
            out[i] = DecimalText.checked(unscaled, target, value.toPlainString());
        }
        return ExactNumbers.column(out, target, rows);
    }

    /** Into Int128 ... UInt256: numbers cut toward zero and wrapped, text parsed and range-checked. */
    static Column toWideInteger(Column column, DataType source, WideIntegerType target, int rows) {
        BigInteger[] out = new BigInteger[rows];
        for (int i = 0; i < rows; i++) {
            if (column.isNull(i)) {
                out[i] = BigInteger.ZERO;
            } else if (column instanceof StringColumn strings && isText(source)) {
                out[i] = parseInteger(strings.getString(i), target);
            } else {
                out[i] = target.wrap(number(column, source, i).toBigInteger());
            }
        }
        return ExactNumbers.column(out, target, rows);
    }

    /** Out of a Decimal or wide integer into an integer, float or Bool. */
    static Column fromExact(Column column, DataType source, DataType target, int rows) {
        switch (target) {
            case FloatType floating -> {
                double[] out = new double[rows];
                for (int i = 0; i < rows; i++) {
                    double value = ExactNumbers.decimal(column, source, i).doubleValue();
                    out[i] = floating.bytes() == 4 ? (float) value : value;
                }
                return new DoubleColumn(out, null, rows);
            }
            case IntegerType integer -> {
                long[] out = new long[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = integer.wrap(ExactNumbers.decimal(column, source, i)
                            .toBigInteger()
                            .longValue());
                }
                return new LongColumn(out, null, rows);
            }
            case BoolType ignored -> {
                long[] out = new long[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = ExactNumbers.decimal(column, source, i).signum() != 0 ? 1 : 0;
                }
                return new LongColumn(out, null, rows);
            }
            default ->
                throw new ColumbaException(
                        ErrorCode.TYPE_MISMATCH,
                        "Conversion from " + source.name() + " to " + target.name() + " is not supported");
        }
    }

    private static boolean isText(DataType source) {
        return source instanceof StringType || source instanceof io.columba.storage.type.FixedStringType;
    }

    private static BigDecimal number(Column column, DataType source, int row) {
        if (!(NumericTypes.isNumeric(source) || ExactNumbers.isExact(source))) {
            throw new ColumbaException(
                    ErrorCode.TYPE_MISMATCH, "Conversion from " + source.name() + " to a number is not supported");
        }
        return ExactNumbers.decimal(column, source, row);
    }

    private static BigInteger parseInteger(String text, WideIntegerType target) {
        String value = text.strip();
        try {
            BigInteger parsed = new BigInteger(value.startsWith("+") ? value.substring(1) : value);
            return target.fits(parsed) ? parsed : target.wrap(parsed);
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_TEXT,
                    "Cannot parse string '" + text + "' as " + target.name() + ": syntax error");
        }
    }
}
