package io.columba.sql.explain;

import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Literal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Spells constants as ClickHouse's {@code FieldVisitorDump} does: {@code UInt64_1}, {@code Int64_-1},
 * {@code Float64_1.5}, {@code 'text'}, {@code NULL}, {@code Bool_1}, {@code Array_[UInt64_1]}, {@code Tuple_('a', NULL)}.
 */
final class LiteralDump {
    private LiteralDump() {}

    static String dump(Literal literal) {
        return switch (literal.kind()) {
            case UINT64 -> "UInt64_" + Long.toUnsignedString((Long) literal.value());
            case INT64 -> "Int64_" + literal.value();
            case BIG_INTEGER -> bigInteger((BigInteger) literal.value());
            case FLOAT64 -> "Float64_" + float64((Double) literal.value());
            case STRING -> quoted((String) literal.value());
            case NULL -> "NULL";
            case BOOL -> ((Boolean) literal.value()) ? "Bool_1" : "Bool_0";
        };
    }

    /** A bracketed array or a tuple of constants, which ClickHouse's parser reads as one literal. */
    static String dumpCollection(FunctionCall call) {
        boolean array = call.name().equals("array");
        StringBuilder out = new StringBuilder(array ? "Array_[" : "Tuple_(");
        List<io.columba.sql.ast.Expression> elements = call.arguments();
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            switch (elements.get(i)) {
                case Literal literal -> out.append(dump(literal));
                case FunctionCall nested -> out.append(dumpCollection(nested));
                default -> throw new IllegalArgumentException("not a constant: " + elements.get(i));
            }
        }
        return out.append(array ? ']' : ')').toString();
    }

    private static String bigInteger(BigInteger value) {
        if (value.signum() < 0) {
            return (value.bitLength() < 128 ? "Int128_" : "Int256_") + value;
        }
        return (value.bitLength() <= 128 ? "UInt128_" : "UInt256_") + value;
    }

    /** The shortest text that reads back as the same double, in plain notation within ClickHouse's range. */
    static String float64(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        double magnitude = Math.abs(value);
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    /** A string in single quotes with ClickHouse's escapes. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
