package io.columba.executor.function.scalar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.EnumType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** ClickHouse's JSON* functions: a value found by a path of keys and 1-based indexes, typed or raw. */
public final class JsonFunctions {
    private JsonFunctions() {}

    private static final String DOCUMENT = "'{\"a\": \"hello\", \"b\": [-100, 200.5, 300], \"c\": {\"d\": true}}'";

    static final EnumType JSON_TYPE = new EnumType(
            1,
            List.of(
                    new EnumType.Element("Null", 0),
                    new EnumType.Element("String", 34),
                    new EnumType.Element("Array", 91),
                    new EnumType.Element("Object", 123),
                    new EnumType.Element("Int64", 105),
                    new EnumType.Element("UInt64", 117),
                    new EnumType.Element("Double", 100),
                    new EnumType.Element("Bool", 98)));

    public static List<ScalarFunction> all() {
        return List.of(
                scalar(
                        "JSONExtractString",
                        "The string at the path, unescaped; '' when absent or not a string.",
                        "'a'",
                        StringType.STRING,
                        JsonFunctions::string),
                scalar(
                        "JSONExtractInt",
                        "The number at the path as Int64; 0 when absent or not a number.",
                        "'b', 1",
                        IntegerType.INT64,
                        parser -> integer(parser, true)),
                scalar(
                        "JSONExtractUInt",
                        "The number at the path as UInt64; 0 when absent or not a number.",
                        "'b', 3",
                        IntegerType.UINT64,
                        parser -> integer(parser, false)),
                scalar(
                        "JSONExtractFloat",
                        "The number at the path as Float64; 0 when absent or not a number.",
                        "'b', 2",
                        FloatType.FLOAT64,
                        JsonFunctions::floating),
                scalar(
                        "JSONExtractBool",
                        "1 for true at the path, else 0.",
                        "'c', 'd'",
                        IntegerType.UINT8,
                        parser -> parser.currentToken() == JsonToken.VALUE_TRUE ? 1L : 0L),
                scalar(
                        "JSONExtractRaw",
                        "The JSON text of the value at the path, compact; '' when absent.",
                        "'b'",
                        StringType.STRING,
                        JsonPaths::raw),
                scalar(
                        "JSONHas",
                        "1 when the path exists in the document, else 0.",
                        "'c', 'd'",
                        IntegerType.UINT8,
                        parser -> 1L),
                scalar(
                        "JSONLength",
                        "The length of the array or object at the path; 0 otherwise.",
                        "'b'",
                        IntegerType.UINT64,
                        JsonPaths::length),
                scalar(
                        "JSONType",
                        "The type of the value at the path: Null, String, Array, Object, Int64, UInt64,"
                                + " Double or Bool.",
                        "'b'",
                        JSON_TYPE,
                        JsonFunctions::type),
                array("JSONExtractArrayRaw", "The JSON texts of the elements of the array at the path.", "'b'", false),
                array("JSONExtractKeys", "The keys of the object at the path.", "'c'", true));
    }

    private static SimpleScalarFunction scalar(
            String name, String description, String pathExample, DataType result, JsonPaths.Visitor<Object> visitor) {
        return SimpleScalarFunction.of(
                name, description, "SELECT " + name + "(" + DOCUMENT + ", " + pathExample + ")", (types, args) -> {
                    expectPath(name, types);
                    return new Binding(result, (columns, rows) -> extract(columns, rows, result, visitor));
                });
    }

    private static SimpleScalarFunction array(String name, String description, String pathExample, boolean keys) {
        return SimpleScalarFunction.of(
                name, description, "SELECT " + name + "(" + DOCUMENT + ", " + pathExample + ")", (types, args) -> {
                    expectPath(name, types);
                    return new Binding(
                            new ArrayType(StringType.STRING), (columns, rows) -> members(columns, rows, keys));
                });
    }

    static void expectPath(String name, List<DataType> types) {
        StringOperands.expectStrings(name, types, 1, Integer.MAX_VALUE, 0);
        for (int i = 1; i < types.size(); i++) {
            if (!StringOperands.isString(types.get(i)) && !(types.get(i) instanceof IntegerType)) {
                throw Operands.illegalType(name, types.get(i), i + 1);
            }
        }
    }

    /** The path of one row: String keys and Long indexes. */
    static Object[] path(Column[] columns, int first, int end, int row) {
        Object[] path = new Object[end - first];
        for (int a = first; a < end; a++) {
            Column column = columns[a];
            Column plain = column instanceof io.columba.storage.column.ConstantColumn c ? c.value() : column;
            int at = StringOperands.row(column, row);
            path[a - first] =
                    plain instanceof StringColumn strings ? strings.getString(at) : ((LongColumn) plain).get(at);
        }
        return path;
    }

    private static Column extract(Column[] columns, int rows, DataType result, JsonPaths.Visitor<Object> visitor) {
        StringColumn documents = StringOperands.strings(columns[0]);
        StringColumnBuilder strings = result instanceof StringType ? new StringColumnBuilder(rows) : null;
        long[] longs = result instanceof FloatType ? null : new long[rows];
        double[] doubles = result instanceof FloatType ? new double[rows] : null;
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            Object value = JsonPaths.find(
                    documents.data(),
                    documents.offsets()[row],
                    documents.offsets()[row + 1],
                    path(columns, 1, columns.length, i),
                    visitor);
            if (strings != null) {
                strings.append(value == null ? "" : (String) value);
            } else if (doubles != null) {
                doubles[i] = value == null ? 0 : (Double) value;
            } else {
                longs[i] = value == null ? 0 : (Long) value;
            }
        }
        if (strings != null) {
            return strings.build();
        }
        return doubles != null ? new DoubleColumn(doubles, null, rows) : new LongColumn(longs, null, rows);
    }

    private static Column members(Column[] columns, int rows, boolean keys) {
        StringColumn documents = StringOperands.strings(columns[0]);
        ArrayColumnBuilder out = new ArrayColumnBuilder(new StringColumnBuilder(rows), rows);
        StringColumnBuilder elements = (StringColumnBuilder) out.elements();
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            List<String> found = JsonPaths.find(
                    documents.data(),
                    documents.offsets()[row],
                    documents.offsets()[row + 1],
                    path(columns, 1, columns.length, i),
                    parser -> members(parser, keys));
            if (found != null) {
                for (String member : found) {
                    elements.append(member);
                }
            }
            out.endArray();
        }
        return out.build();
    }

    private static List<String> members(JsonParser parser, boolean keys) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != (keys ? JsonToken.START_OBJECT : JsonToken.START_ARRAY)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        JsonToken end = keys ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        while (parser.nextToken() != end) {
            if (keys) {
                out.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            } else {
                out.add(JsonPaths.raw(parser));
            }
        }
        return out;
    }

    static Object string(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    static Object integer(JsonParser parser, boolean signed) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NUMBER_INT -> {
                BigInteger value = parser.getBigIntegerValue();
                if (signed ? value.bitLength() > 63 : value.signum() < 0 || value.bitLength() > 64) {
                    yield null;
                }
                yield value.longValue();
            }
            case VALUE_NUMBER_FLOAT -> (long) parser.getDoubleValue();
            case VALUE_TRUE -> 1L;
            case VALUE_STRING -> parseInteger(parser.getText(), signed);
            default -> null;
        };
    }

    static Object floating(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> 1.0;
            case VALUE_STRING -> parseDouble(parser.getText());
            default -> null;
        };
    }

    /** A number written inside a JSON string, as modern ClickHouse reads it; null when it is not one. */
    private static Long parseInteger(String text, boolean signed) {
        try {
            return signed ? Long.parseLong(text) : Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String text) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(text.length() - 1))) {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object type(JsonParser parser) throws IOException {
        return (long)
                switch (parser.currentToken()) {
                    case VALUE_STRING -> 34;
                    case START_ARRAY -> 91;
                    case START_OBJECT -> 123;
                    case VALUE_NUMBER_INT -> parser.getBigIntegerValue().bitLength() > 63 ? 117 : 105;
                    case VALUE_NUMBER_FLOAT -> 100;
                    case VALUE_TRUE, VALUE_FALSE -> 98;
                    default -> 0;
                };
    }
}
