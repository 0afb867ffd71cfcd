package io.columba.executor.format;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Text of Decimal(P, S) values: no trailing zeros after the point, as ClickHouse prints them by default. */
public final class DecimalText {
    private DecimalText() {}

    public static String format(long unscaled, int scale) {
        if (scale == 0) {
            return Long.toString(unscaled);
        }
        return format(BigInteger.valueOf(unscaled), scale);
    }

    public static String format(BigInteger unscaled, int scale) {
        BigDecimal value = new BigDecimal(unscaled, scale).stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        return value.toPlainString();
    }

    /**
     * The unscaled value of a decimal text ({@code -12.345}, {@code 1e3}): digits past the scale are cut, and a
     * value of more than P digits is an error.
     */
    public static BigInteger parse(String text, DecimalType type) {
        String value = text.strip();
        BigDecimal parsed;
        try {
            if (value.isEmpty() || !Character.isDigit(value.charAt(value.length() - 1)) && !value.endsWith(".")) {
                throw new NumberFormatException(value);
            }
            parsed = new BigDecimal(value.endsWith(".") ? value.substring(0, value.length() - 1) : value);
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse string '" + text + "' as " + type.name());
        }
        return checked(
                parsed.setScale(type.scale(), java.math.RoundingMode.DOWN).unscaledValue(), type, text);
    }

    /** The unscaled value, refused when it has more digits than the precision. */
    public static BigInteger checked(BigInteger unscaled, DecimalType type, Object shown) {
        if (unscaled.abs().compareTo(type.limit()) > 0) {
            throw new ColumbaException(
                    ErrorCode.DECIMAL_OVERFLOW,
                    "Decimal value " + shown + " is out of range of " + type.name() + ": too many digits");
        }
        return unscaled;
    }
}
