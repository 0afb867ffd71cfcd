package io.columba.storage.type;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.Locale;

/** Parses ClickHouse type names such as {@code Nullable(UInt32)} or {@code DateTime('UTC')}. */
public final class DataTypeParser {
    private DataTypeParser() {}

    public static DataType parse(String text) {
        String trimmed = text.strip();
        int open = trimmed.indexOf('(');
        if (open > 0 && trimmed.endsWith(")")) {
            String family = trimmed.substring(0, open).strip();
            String argument = trimmed.substring(open + 1, trimmed.length() - 1).strip();
            if (family.equalsIgnoreCase("Nullable")) {
                return NullableType.of(parse(argument));
            }
            if (family.equals("DateTime")) {
                return new DateTimeType(unquote(argument));
            }
            if (family.equals("DateTime64")) {
                return dateTime64(argument, text);
            }
            if (family.equals("SimpleAggregateFunction")) {
                // The values are plain values of the type; AggregatingMergeTree re-aggregates them when merging.
                int comma = argument.indexOf(',');
                if (comma < 0) {
                    throw unknown(text);
                }
                return parse(argument.substring(comma + 1));
            }
            if (family.equals("LowCardinality")) {
                // Values are held plainly until dictionary columns exist; the declared name is not kept yet.
                return parse(argument);
            }
            throw unknown(text);
        }
        return switch (trimmed) {
            case "Int8" -> IntegerType.INT8;
            case "Int16" -> IntegerType.INT16;
            case "Int32" -> IntegerType.INT32;
            case "Int64" -> IntegerType.INT64;
            case "UInt8" -> IntegerType.UINT8;
            case "UInt16" -> IntegerType.UINT16;
            case "UInt32" -> IntegerType.UINT32;
            case "UInt64" -> IntegerType.UINT64;
            case "Float32" -> FloatType.FLOAT32;
            case "Float64" -> FloatType.FLOAT64;
            case "String" -> StringType.STRING;
            case "Date" -> DateType.DATE;
            case "DateTime" -> DateTimeType.DATETIME;
            case "Bool", "Boolean" -> BoolType.BOOL;
            case "Nothing" -> NothingType.NOTHING;
            default -> parseAlias(trimmed, text);
        };
    }

    private static DataType dateTime64(String arguments, String original) {
        int comma = arguments.indexOf(',');
        String precision = (comma < 0 ? arguments : arguments.substring(0, comma)).strip();
        try {
            int digits = Integer.parseInt(precision);
            if (digits < 0 || digits > 9) {
                throw new ColumbaException(
                        ErrorCode.ARGUMENT_OUT_OF_BOUND,
                        "Precision " + digits + " is out of bounds (precision range: [0, 9]) in type " + original);
            }
            return new DateTime64Type(
                    digits,
                    comma < 0 ? null : unquote(arguments.substring(comma + 1).strip()));
        } catch (NumberFormatException e) {
            throw unknown(original);
        }
    }

    private static DataType parseAlias(String trimmed, String original) {
        return switch (trimmed.toUpperCase(Locale.ROOT)) {
            case "TINYINT", "INT1", "BYTE" -> IntegerType.INT8;
            case "SMALLINT", "INT2" -> IntegerType.INT16;
            case "INT", "INTEGER", "INT4" -> IntegerType.INT32;
            case "BIGINT", "INT8" -> IntegerType.INT64;
            case "FLOAT", "REAL" -> FloatType.FLOAT32;
            case "DOUBLE" -> FloatType.FLOAT64;
            case "TEXT", "VARCHAR", "CHAR", "BLOB" -> StringType.STRING;
            case "BOOL", "BOOLEAN" -> BoolType.BOOL;
            default -> throw unknown(original);
        };
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static ColumbaException unknown(String text) {
        return new ColumbaException(ErrorCode.UNKNOWN_TYPE, "Unknown data type family: " + text);
    }
}
