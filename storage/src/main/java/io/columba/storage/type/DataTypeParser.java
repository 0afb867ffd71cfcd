package io.columba.storage.type;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
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
                DataType inner = parse(argument);
                if (inner instanceof ArrayType
                        || inner instanceof TupleType
                        || inner instanceof MapType
                        || inner instanceof LowCardinalityType) {
                    throw new ColumbaException(
                            ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                            "Nested type " + inner.name() + " cannot be inside Nullable type");
                }
                return NullableType.of(inner);
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
                return lowCardinality(parse(argument), text);
            }
            return parameterized(family, arguments(argument), text);
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
            case "Date32" -> Date32Type.DATE32;
            case "UUID" -> UuidType.UUID;
            case "IPv4" -> IPv4Type.IPV4;
            case "IPv6" -> IPv6Type.IPV6;
            case "Int128" -> WideIntegerType.INT128;
            case "UInt128" -> WideIntegerType.UINT128;
            case "Int256" -> WideIntegerType.INT256;
            case "UInt256" -> WideIntegerType.UINT256;
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
            case "DECIMAL", "NUMERIC", "DEC" -> new DecimalType(10, 0);
            default -> throw unknown(original);
        };
    }

    private static DataType lowCardinality(DataType inner, String original) {
        DataType plain = inner.withoutNullable();
        boolean allowed = plain instanceof StringType
                || plain instanceof FixedStringType
                || plain instanceof IntegerType
                || plain instanceof FloatType
                || plain instanceof DateType
                || plain instanceof Date32Type
                || plain instanceof DateTimeType
                || plain instanceof UuidType
                || plain instanceof IPv4Type
                || plain instanceof IPv6Type;
        if (!allowed) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Creating columns of type " + original + " is prohibited: LowCardinality of " + inner.name()
                            + " is not supported");
        }
        return new LowCardinalityType(inner);
    }

    private static DataType parameterized(String family, List<String> arguments, String original) {
        switch (family.toUpperCase(Locale.ROOT)) {
            case "DECIMAL", "NUMERIC", "DEC" -> {
                if (arguments.isEmpty() || arguments.size() > 2) {
                    throw new ColumbaException(
                            ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                            "Decimal data type family must have precision and optional scale arguments: " + original);
                }
                int precision = integerArgument(arguments.get(0), original);
                int scale = arguments.size() == 2 ? integerArgument(arguments.get(1), original) : 0;
                return decimal(precision, scale, original);
            }
            default -> {}
        }
        return switch (family) {
            case "Array" -> {
                if (arguments.size() != 1) {
                    throw new ColumbaException(
                            ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                            "Array data type family must have exactly one argument - type of elements: " + original);
                }
                yield new ArrayType(parse(arguments.get(0)));
            }
            case "Tuple" -> tuple(arguments, original);
            case "AggregateFunction" -> aggregateFunction(arguments, original);
            case "Map" -> {
                if (arguments.size() != 2) {
                    throw new ColumbaException(
                            ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                            "Map data type family must have two arguments: key and value types: " + original);
                }
                yield new MapType(parse(arguments.get(0)), parse(arguments.get(1)));
            }
            case "Decimal32" -> decimal(9, singleScale(arguments, original), original);
            case "Decimal64" -> decimal(18, singleScale(arguments, original), original);
            case "Decimal128" -> decimal(38, singleScale(arguments, original), original);
            case "Decimal256" -> decimal(76, singleScale(arguments, original), original);
            case "FixedString" -> {
                int length = arguments.size() == 1 ? integerArgument(arguments.get(0), original) : -1;
                if (length <= 0 || length > 0xFFFFFF) {
                    throw new ColumbaException(
                            ErrorCode.UNEXPECTED_AST_STRUCTURE,
                            "FixedString data type family must have a number (positive integer) as its argument: "
                                    + original);
                }
                yield new FixedStringType(length);
            }
            case "Enum8" -> enumType(1, arguments, original);
            case "Enum16" -> enumType(2, arguments, original);
            case "Enum" -> enumType(0, arguments, original);
            default -> throw unknown(original);
        };
    }

    /** AggregateFunction(f, T...) and AggregateFunction(f(params), T...). */
    private static DataType aggregateFunction(List<String> arguments, String original) {
        if (arguments.isEmpty() || arguments.get(0).isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Data type AggregateFunction requires parameters: name of aggregate function and list of data"
                            + " types for arguments: " + original);
        }
        String function = arguments.get(0);
        List<String> parameters = List.of();
        int open = function.indexOf('(');
        if (open > 0 && function.endsWith(")")) {
            parameters = arguments(function.substring(open + 1, function.length() - 1));
            function = function.substring(0, open).strip();
        }
        if (!function.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "Aggregate function name for data type AggregateFunction must be an identifier: " + original);
        }
        List<DataType> types = new ArrayList<>();
        for (String argument : arguments.subList(1, arguments.size())) {
            types.add(parse(argument));
        }
        return new AggregateFunctionType(function, parameters, types);
    }

    /** Tuple(T, ...) or Tuple(name T, ...): an element is named when an identifier and a space come first. */
    private static DataType tuple(List<String> arguments, String original) {
        if (arguments.isEmpty()) {
            throw new ColumbaException(ErrorCode.EMPTY_DATA_PASSED, "Tuple cannot be empty: " + original);
        }
        List<DataType> elements = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String argument : arguments) {
            java.util.regex.Matcher named = NAMED_ELEMENT.matcher(argument);
            if (named.matches()) {
                names.add(named.group(1).replace("`", ""));
                elements.add(parse(named.group(2)));
            } else {
                elements.add(parse(argument));
            }
        }
        if (!names.isEmpty() && names.size() != elements.size()) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "Either all or none of the Tuple elements must have names: " + original);
        }
        return new TupleType(elements, names.isEmpty() ? null : names);
    }

    private static final java.util.regex.Pattern NAMED_ELEMENT = java.util.regex.Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*|`[^`]+`)\\s+([A-Za-z].*)", java.util.regex.Pattern.DOTALL);

    private static int singleScale(List<String> arguments, String original) {
        if (arguments.size() != 1) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Parameter count mismatch: " + original + " takes exactly one argument, the scale");
        }
        return integerArgument(arguments.get(0), original);
    }

    private static DataType decimal(int precision, int scale, String original) {
        if (precision < 1 || precision > 76) {
            throw new ColumbaException(
                    ErrorCode.ARGUMENT_OUT_OF_BOUND,
                    "Precision " + precision + " is out of bounds (precision range: [1, 76]) in type " + original);
        }
        if (scale < 0 || scale > precision) {
            throw new ColumbaException(
                    ErrorCode.ARGUMENT_OUT_OF_BOUND,
                    "Scale " + scale + " is out of bounds (max scale: " + precision + ") in type " + original);
        }
        return new DecimalType(precision, scale);
    }

    private static DataType enumType(int bytes, List<String> arguments, String original) {
        if (arguments.isEmpty()) {
            throw new ColumbaException(ErrorCode.EMPTY_DATA_PASSED, "Enum data type cannot be empty: " + original);
        }
        List<EnumType.Element> elements = new ArrayList<>();
        boolean automatic = arguments.stream().noneMatch(argument -> topLevelEquals(argument) >= 0);
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            int equals = topLevelEquals(argument);
            String quoted = (equals < 0 ? argument : argument.substring(0, equals)).strip();
            if (!quoted.startsWith("'") || !quoted.endsWith("'") || quoted.length() < 2) {
                throw new ColumbaException(
                        ErrorCode.UNEXPECTED_AST_STRUCTURE,
                        "Elements of Enum data type must be of form: 'name' = number or 'name', where name is string"
                                + " literal and number is an integer: " + original);
            }
            String name = unescape(quoted.substring(1, quoted.length() - 1));
            int value;
            if (equals < 0) {
                if (!automatic) {
                    throw new ColumbaException(
                            ErrorCode.UNEXPECTED_AST_STRUCTURE,
                            "Either all or none of the Enum elements must have values: " + original);
                }
                value = i + 1;
            } else {
                value = integerArgument(argument.substring(equals + 1), original);
            }
            for (EnumType.Element existing : elements) {
                boolean sameName = existing.name().equals(name);
                if (sameName || existing.value() == value) {
                    throw new ColumbaException(
                            ErrorCode.SYNTAX_ERROR,
                            "Duplicate " + (sameName ? "names" : "values") + " in enum: '" + name + "' = " + value
                                    + " and '" + existing.name() + "' = " + existing.value());
                }
            }
            elements.add(new EnumType.Element(name, value));
        }
        int min = elements.stream().mapToInt(EnumType.Element::value).min().orElse(0);
        int max = elements.stream().mapToInt(EnumType.Element::value).max().orElse(0);
        int width = bytes != 0 ? bytes : (min >= Byte.MIN_VALUE && max <= Byte.MAX_VALUE ? 1 : 2);
        long low = width == 1 ? Byte.MIN_VALUE : Short.MIN_VALUE;
        long high = width == 1 ? Byte.MAX_VALUE : Short.MAX_VALUE;
        if (min < low || max > high) {
            throw new ColumbaException(
                    ErrorCode.ARGUMENT_OUT_OF_BOUND,
                    "Value " + (min < low ? min : max) + " for element is out of range of Enum" + (width * 8) + ": "
                            + original);
        }
        return new EnumType(width, elements);
    }

    /** Where the {@code =} between an enum element's name and value is, outside the quotes; -1 if none. */
    private static int topLevelEquals(String argument) {
        boolean quoted = false;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
            } else if (c == '=' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int integerArgument(String text, String original) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.UNEXPECTED_AST_STRUCTURE,
                    "Expected an integer argument, got '" + text.strip() + "' in type " + original);
        }
    }

    /** The comma-separated arguments of a type, split outside parentheses and quotes. */
    public static List<String> arguments(String text) {
        List<String> result = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                result.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        String last = text.substring(start).strip();
        if (!last.isEmpty() || !result.isEmpty()) {
            result.add(last);
        }
        return result;
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
