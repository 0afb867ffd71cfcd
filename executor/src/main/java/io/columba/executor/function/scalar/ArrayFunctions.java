package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.MapType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.TupleType;
import java.util.ArrayList;
import java.util.List;

/** Building and reading arrays, tuples and maps: array, tuple, map, arrayElement, tupleElement, has, ... */
public final class ArrayFunctions {
    private ArrayFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                                "array",
                                "An array of the arguments, of their least common type; [a, b] is array(a, b).",
                                "SELECT array(1, 2, 300)",
                                (types, args) -> bindArray(types))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "tuple",
                                "A tuple of the arguments; (a, b) is tuple(a, b).",
                                "SELECT tuple(1, 'a')",
                                (types, args) -> bindTuple(types))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "map",
                                "A map from keys to values given in turn: map(k1, v1, k2, v2, ...).",
                                "SELECT map('a', 1, 'b', 2)",
                                (types, args) -> bindMap(types))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                        "arrayElement",
                        "arr[i]: the i-th element counting from 1 (from the end when negative), the default value"
                                + " when out of range; m[k]: the value of key k in a map, or the default value.",
                        "SELECT [10, 20, 30][2], map('a', 1)['a']",
                        (types, args) -> bindElement(types)),
                SimpleScalarFunction.of(
                        "tupleElement",
                        "t.N or tupleElement(t, N): the N-th element of a tuple (from 1), or the element named N.",
                        "SELECT tupleElement((1, 'a'), 2)",
                        ArrayFunctions::bindTupleElement),
                SimpleScalarFunction.of(
                                "has",
                                "1 when the array contains the value (NULL finds NULL), else 0.",
                                "SELECT has([1, 2, 3], 2)",
                                (types, args) -> bindSearch("has", types, false))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "indexOf",
                                "The position (from 1) of the first element equal to the value (NULL finds NULL), or 0.",
                                "SELECT indexOf(['a', 'b'], 'b')",
                                (types, args) -> bindSearch("indexOf", types, true))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                        "mapKeys",
                        "The keys of a map as an array.",
                        "SELECT mapKeys(map('a', 1, 'b', 2))",
                        (types, args) -> bindMapPart("mapKeys", types, 0)),
                SimpleScalarFunction.of(
                        "mapValues",
                        "The values of a map as an array.",
                        "SELECT mapValues(map('a', 1, 'b', 2))",
                        (types, args) -> bindMapPart("mapValues", types, 1)),
                SimpleScalarFunction.of(
                        "mapContains",
                        "1 when the map has the key, else 0.",
                        "SELECT mapContains(map('a', 1), 'a')",
                        (types, args) -> bindMapContains(types)),
                SimpleScalarFunction.of(
                        "empty",
                        "1 for an empty array, map or string, else 0.",
                        "SELECT empty([]), empty('')",
                        (types, args) -> bindEmpty("empty", types, true)),
                SimpleScalarFunction.of(
                        "notEmpty",
                        "1 for a non-empty array, map or string, else 0.",
                        "SELECT notEmpty([1]), notEmpty('')",
                        (types, args) -> bindEmpty("notEmpty", types, false)));
    }

    static boolean isArrayLike(DataType type) {
        return type instanceof ArrayType || type instanceof MapType;
    }

    private static DataType commonType(List<DataType> types) {
        DataType common = NothingType.NOTHING;
        for (DataType type : types) {
            common = common instanceof NothingType && !common.isNullable()
                    ? type
                    : NumericTypes.commonType(common, type);
        }
        return common;
    }

    private static Binding bindArray(List<DataType> types) {
        DataType element = types.isEmpty() ? NothingType.NOTHING : commonType(types);
        DataType result = new ArrayType(element);
        return new Binding(result, (args, rows) -> {
            Column[] converted = new Column[args.length];
            for (int i = 0; i < args.length; i++) {
                converted[i] = TypeConversion.cast(args[i], types.get(i), element, rows);
            }
            ColumnBuilder elements = ColumnBuilder.forType(element, rows * Math.max(1, args.length));
            int[] offsets = new int[rows + 1];
            for (int row = 0; row < rows; row++) {
                for (Column argument : converted) {
                    elements.appendFrom(argument, row);
                }
                offsets[row + 1] = offsets[row] + converted.length;
            }
            return new ArrayColumn(offsets, elements.build(), null, rows);
        });
    }

    private static Binding bindTuple(List<DataType> types) {
        if (types.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function tuple requires at least one argument.");
        }
        return new Binding(TupleType.of(types), (args, rows) -> {
            List<Column> elements = new ArrayList<>(args.length);
            for (Column argument : args) {
                elements.add(expand(argument, rows));
            }
            return new TupleColumn(elements, null, rows);
        });
    }

    private static Binding bindMap(List<DataType> types) {
        if (types.size() % 2 != 0) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function map requires an even number of arguments");
        }
        List<DataType> keyTypes = new ArrayList<>();
        List<DataType> valueTypes = new ArrayList<>();
        for (int i = 0; i < types.size(); i += 2) {
            keyTypes.add(types.get(i));
            valueTypes.add(types.get(i + 1));
        }
        DataType key = keyTypes.isEmpty() ? NothingType.NOTHING : commonType(keyTypes);
        DataType value = valueTypes.isEmpty() ? NothingType.NOTHING : commonType(valueTypes);
        MapType result = new MapType(key, value);
        int pairs = keyTypes.size();
        return new Binding(result, (args, rows) -> {
            ColumnBuilder keys = ColumnBuilder.forType(key, rows * Math.max(1, pairs));
            ColumnBuilder values = ColumnBuilder.forType(value, rows * Math.max(1, pairs));
            Column[] converted = new Column[args.length];
            for (int i = 0; i < args.length; i++) {
                converted[i] = TypeConversion.cast(args[i], types.get(i), i % 2 == 0 ? key : value, rows);
            }
            int[] offsets = new int[rows + 1];
            for (int row = 0; row < rows; row++) {
                for (int p = 0; p < pairs; p++) {
                    keys.appendFrom(converted[2 * p], row);
                    values.appendFrom(converted[2 * p + 1], row);
                }
                offsets[row + 1] = offsets[row] + pairs;
            }
            int total = offsets[rows];
            return new ArrayColumn(
                    offsets, new TupleColumn(List.of(keys.build(), values.build()), null, total), null, rows);
        });
    }

    private static Binding bindElement(List<DataType> types) {
        Operands.expectCount("arrayElement", types, 2, 2);
        DataType container = types.get(0);
        DataType index = types.get(1);
        if (container instanceof MapType map) {
            return new Binding(map.value(), (args, rows) -> mapElement(args, map, index, rows));
        }
        if (!(container instanceof ArrayType array) || !(index instanceof IntegerType)) {
            throw Operands.illegalTypes("arrayElement", container, index);
        }
        DataType element = array.element();
        return new Binding(element, (args, rows) -> {
            ArrayColumn arrays = (ArrayColumn) expand(args[0], rows);
            long[] positions = Operands.longs(args[1], rows);
            ColumnBuilder out = ColumnBuilder.forType(element, rows);
            Column fallback = ColumnBuilder.defaults(element, null, 1);
            for (int row = 0; row < rows; row++) {
                int length = arrays.length(row);
                long position = positions[row];
                long at = position > 0 ? position - 1 : length + position;
                if (position == 0 || at < 0 || at >= length) {
                    out.appendFrom(fallback, 0);
                } else {
                    out.appendFrom(arrays.elements(), arrays.offsets()[row] + (int) at);
                }
            }
            return out.build();
        });
    }

    private static Column mapElement(Column[] args, MapType map, DataType keyType, int rows) {
        ArrayColumn maps = (ArrayColumn) expand(args[0], rows);
        TupleColumn entries = (TupleColumn) maps.elements();
        Column keys = TypeConversion.cast(expand(args[1], rows), keyType, map.key(), rows);
        ColumnBuilder out = ColumnBuilder.forType(map.value(), rows);
        Column fallback = ColumnBuilder.defaults(map.value(), null, 1);
        for (int row = 0; row < rows; row++) {
            int found = -1;
            for (int i = maps.offsets()[row]; i < maps.offsets()[row + 1] && found < 0; i++) {
                if (ValueEquality.equal(entries.elements().get(0), i, keys, row)) {
                    found = i;
                }
            }
            if (found < 0) {
                out.appendFrom(fallback, 0);
            } else {
                out.appendFrom(entries.elements().get(1), found);
            }
        }
        return out.build();
    }

    private static Binding bindTupleElement(List<DataType> types, List<BoundExpression> arguments) {
        Operands.expectCount("tupleElement", types, 2, 2);
        if (!(types.get(0) instanceof TupleType tuple)) {
            throw Operands.illegalType("tupleElement", types.get(0), 1);
        }
        int index = tupleIndex(tuple, arguments.get(1));
        DataType element = tuple.elements().get(index);
        return new Binding(
                element,
                (args, rows) -> ((TupleColumn) expand(args[0], rows)).elements().get(index));
    }

    private static int tupleIndex(TupleType tuple, BoundExpression argument) {
        if (argument instanceof Constant constant && !constant.isNull()) {
            if (constant.type() instanceof IntegerType) {
                long index = constant.longValue();
                if (index == 0) {
                    throw new ColumbaException(ErrorCode.ZERO_ARRAY_OR_TUPLE_INDEX, "Indices in tuples are 1-based.");
                }
                if (index < 0 || index > tuple.elements().size()) {
                    throw new ColumbaException(
                            ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                            "Index for tuple element is out of range: " + index + " in " + tuple.name());
                }
                return (int) index - 1;
            }
            if (constant.type() instanceof StringType && tuple.names() != null) {
                int index = tuple.names().indexOf(constant.stringValue());
                if (index >= 0) {
                    return index;
                }
                throw new ColumbaException(
                        ErrorCode.NOT_FOUND_COLUMN_IN_BLOCK,
                        "Tuple doesn't have element with name '" + constant.stringValue() + "'");
            }
        }
        throw new ColumbaException(
                ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                "Second argument of function tupleElement must be a constant UInt or a constant element name");
    }

    private static Binding bindSearch(String name, List<DataType> types, boolean position) {
        Operands.expectCount(name, types, 2, 2);
        if (!(types.get(0) instanceof ArrayType array)) {
            throw Operands.illegalType(name, types.get(0), 1);
        }
        DataType element = array.element();
        DataType needle = types.get(1);
        DataType common = NumericTypes.commonType(element, needle);
        return new Binding(position ? IntegerType.UINT64 : IntegerType.UINT8, (args, rows) -> {
            ArrayColumn arrays = (ArrayColumn) expand(args[0], rows);
            Column elements = TypeConversion.cast(arrays.elements(), element, common, arrays.offsets()[rows]);
            Column values = TypeConversion.cast(expand(args[1], rows), needle, common, rows);
            long[] out = new long[rows];
            for (int row = 0; row < rows; row++) {
                for (int i = arrays.offsets()[row]; i < arrays.offsets()[row + 1]; i++) {
                    if (ArrayKernels.same(elements, i, values, row)) {
                        out[row] = position ? i - arrays.offsets()[row] + 1 : 1;
                        break;
                    }
                }
            }
            return new LongColumn(out, null, rows);
        });
    }

    private static Binding bindMapPart(String name, List<DataType> types, int part) {
        Operands.expectCount(name, types, 1, 1);
        if (!(types.get(0) instanceof MapType map)) {
            throw Operands.illegalType(name, types.get(0), 1);
        }
        return new Binding(new ArrayType(part == 0 ? map.key() : map.value()), (args, rows) -> {
            ArrayColumn maps = (ArrayColumn) expand(args[0], rows);
            Column entries = ((TupleColumn) maps.elements()).elements().get(part);
            return new ArrayColumn(maps.offsets(), entries, null, rows);
        });
    }

    private static Binding bindMapContains(List<DataType> types) {
        Operands.expectCount("mapContains", types, 2, 2);
        if (!(types.get(0) instanceof MapType map)) {
            throw Operands.illegalType("mapContains", types.get(0), 1);
        }
        DataType keyType = types.get(1);
        return new Binding(IntegerType.UINT8, (args, rows) -> {
            ArrayColumn maps = (ArrayColumn) expand(args[0], rows);
            Column keys = ((TupleColumn) maps.elements()).elements().get(0);
            Column wanted = TypeConversion.cast(expand(args[1], rows), keyType, map.key(), rows);
            long[] out = new long[rows];
            for (int row = 0; row < rows; row++) {
                for (int i = maps.offsets()[row]; i < maps.offsets()[row + 1]; i++) {
                    if (ValueEquality.equal(keys, i, wanted, row)) {
                        out[row] = 1;
                        break;
                    }
                }
            }
            return new LongColumn(out, null, rows);
        });
    }

    private static Binding bindEmpty(String name, List<DataType> types, boolean empty) {
        Operands.expectCount(name, types, 1, 1);
        DataType type = types.get(0);
        if (!isArrayLike(type) && !(type instanceof StringType)) {
            throw Operands.illegalType(name, type, 1);
        }
        return new Binding(IntegerType.UINT8, (args, rows) -> {
            long[] lengths = lengths(expand(args[0], rows), rows);
            long[] out = new long[rows];
            for (int row = 0; row < rows; row++) {
                out[row] = (lengths[row] == 0) == empty ? 1 : 0;
            }
            return new LongColumn(out, null, rows);
        });
    }

    /** Lengths of arrays and maps (elements) or strings (bytes). */
    static long[] lengths(Column column, int rows) {
        long[] out = new long[rows];
        switch (column) {
            case ArrayColumn arrays -> {
                for (int row = 0; row < rows; row++) {
                    out[row] = arrays.length(row);
                }
            }
            case io.columba.storage.column.StringColumn strings -> {
                for (int row = 0; row < rows; row++) {
                    out[row] = strings.length(row);
                }
            }
            default -> throw new IllegalStateException("no length: " + column);
        }
        return out;
    }

    /** A constant argument expanded to one value a row. */
    static Column expand(Column column, int rows) {
        return column instanceof ConstantColumn ? column.materialize() : column;
    }

    static DataType nullableElement(DataType type) {
        return NullableType.of(type);
    }
}
