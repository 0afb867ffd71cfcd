package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.TupleType;
import java.util.ArrayList;
import java.util.List;

/**
 * Functions that cut, join and reshape arrays: arrayConcat, arraySlice, arrayReverse, arrayPushBack/Front,
 * arrayPopBack/Front, arrayResize, arrayFlatten, arrayZip and the emptyArrayT constants.
 */
public final class ArrayShapeFunctions {
    private static final List<String> EMPTY_ARRAY_TYPES = List.of(
            "UInt8",
            "UInt16",
            "UInt32",
            "UInt64",
            "Int8",
            "Int16",
            "Int32",
            "Int64",
            "Float32",
            "Float64",
            "Date",
            "DateTime",
            "String");

    private ArrayShapeFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> functions = new ArrayList<>(List.of(
                SimpleScalarFunction.of(
                        "arrayConcat",
                        "The arrays joined end to end, in their common element type.",
                        "SELECT arrayConcat([1, 2], [3], [])",
                        (types, args) -> bindConcat(types)),
                SimpleScalarFunction.of(
                                "arraySlice",
                                "arraySlice(arr, offset[, length]): the elements from offset (from 1; from the end"
                                        + " when negative), length of them (up to that many from the end when"
                                        + " negative; all when absent or NULL).",
                                "SELECT arraySlice([1, 2, 3, 4, 5], 2, 3)",
                                (types, args) -> bindSlice(types))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                        "arrayReverse",
                        "The array's elements in reverse order.",
                        "SELECT arrayReverse([1, 2, 3])",
                        (types, args) -> bindCut("arrayReverse", types, Cut.REVERSE)),
                SimpleScalarFunction.of(
                        "arrayPopBack",
                        "The array without its last element.",
                        "SELECT arrayPopBack([1, 2, 3])",
                        (types, args) -> bindCut("arrayPopBack", types, Cut.POP_BACK)),
                SimpleScalarFunction.of(
                        "arrayPopFront",
                        "The array without its first element.",
                        "SELECT arrayPopFront([1, 2, 3])",
                        (types, args) -> bindCut("arrayPopFront", types, Cut.POP_FRONT)),
                SimpleScalarFunction.of(
                                "arrayPushBack",
                                "The array with the value added at its end, in their common type.",
                                "SELECT arrayPushBack([1, 2], 3)",
                                (types, args) -> bindPush("arrayPushBack", types, false))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "arrayPushFront",
                                "The array with the value added at its front, in their common type.",
                                "SELECT arrayPushFront([1, 2], 0)",
                                (types, args) -> bindPush("arrayPushFront", types, true))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "arrayResize",
                                "arrayResize(arr, size[, extender]): the array cut or padded (with the extender,"
                                        + " else the default value) to size elements; at its front when size is"
                                        + " negative.",
                                "SELECT arrayResize([1, 2], 4), arrayResize([1, 2, 3], -2), arrayResize([1], 3, 9)",
                                (types, args) -> bindResize(types))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "arrayFlatten",
                                "The elements of nested arrays, at any depth, in one flat array.",
                                "SELECT arrayFlatten([[[1]], [[2, 3]]]), flatten([[1], [2]])",
                                (types, args) -> bindFlatten(types))
                        .withAliases("flatten"),
                SimpleScalarFunction.of(
                        "arrayZip",
                        "Arrays of equal lengths zipped into one array of tuples.",
                        "SELECT arrayZip(['a', 'b'], [1, 2])",
                        (types, args) -> bindZip(types))));
        for (String type : EMPTY_ARRAY_TYPES) {
            functions.add(emptyArray(type));
        }
        return functions;
    }

    private enum Cut {
        REVERSE,
        POP_BACK,
        POP_FRONT
    }

    private static ScalarFunction emptyArray(String typeName) {
        String name = "emptyArray" + typeName;
        DataType element = DataTypeParser.parse(typeName);
        return SimpleScalarFunction.of(
                name, "An empty Array(" + typeName + ").", "SELECT " + name + "()", (types, args) -> {
                    Operands.expectCount(name, types, 0, 0);
                    return new Binding(
                            new ArrayType(element),
                            (columns, rows) -> new ArrayColumn(
                                    new int[rows + 1], ColumnBuilder.defaults(element, null, 0), null, rows));
                });
    }

    private static Binding bindConcat(List<DataType> types) {
        Operands.expectCount("arrayConcat", types, 1, Integer.MAX_VALUE);
        DataType element = ArrayKernels.commonElement("arrayConcat", types, 0);
        return new Binding(new ArrayType(element), (columns, rows) -> {
            ArrayColumn[] arrays = new ArrayColumn[columns.length];
            for (int a = 0; a < columns.length; a++) {
                arrays[a] = ArrayKernels.arrays(columns[a], types.get(a), element, rows);
            }
            ArrayColumnBuilder out = new ArrayColumnBuilder(ColumnBuilder.forType(element, rows), rows);
            for (int row = 0; row < rows; row++) {
                for (ArrayColumn array : arrays) {
                    for (int i = array.offsets()[row]; i < array.offsets()[row + 1]; i++) {
                        out.elements().appendFrom(array.elements(), i);
                    }
                }
                out.endArray();
            }
            return out.build();
        });
    }

    private static void expectInteger(String function, List<DataType> types, int position) {
        DataType type = types.get(position - 1).withoutNullable();
        if (!(type instanceof IntegerType) && !(type instanceof NothingType)) {
            throw Operands.illegalType(function, types.get(position - 1), position);
        }
    }

    /** An integer argument a row, with NULL (or an absent argument) read as {@code fallback}. */
    private static long[] integers(Column[] columns, List<DataType> types, int index, long fallback, int rows) {
        long[] out = new long[rows];
        if (index >= columns.length || types.get(index).withoutNullable() instanceof NothingType) {
            java.util.Arrays.fill(out, fallback);
            return out;
        }
        Column column = columns[index].materialize();
        long[] values = Operands.longs(column, rows);
        for (int row = 0; row < rows; row++) {
            out[row] = column.isNull(row) ? fallback : values[row];
        }
        return out;
    }

    private static Binding bindSlice(List<DataType> types) {
        Operands.expectCount("arraySlice", types, 2, 3);
        ArrayKernels.element("arraySlice", types, 1);
        expectInteger("arraySlice", types, 2);
        if (types.size() == 3) {
            expectInteger("arraySlice", types, 3);
        }
        return new Binding(types.get(0), (columns, rows) -> {
            ArrayColumn arrays = ArrayKernels.plain(columns[0], rows);
            long[] starts = integers(columns, types, 1, 0, rows);
            long[] lengths = integers(columns, types, 2, Long.MAX_VALUE, rows);
            int[] offsets = new int[rows + 1];
            int[] positions = new int[arrays.offsets()[rows] - arrays.offsets()[0]];
            int count = 0;
            for (int row = 0; row < rows; row++) {
                long size = arrays.length(row);
                long offset = starts[row];
                long length = lengths[row];
                long from = offset > 0 ? offset - 1 : size + offset;
                long to = length == Long.MAX_VALUE ? size : length >= 0 ? from + length : size + length;
                from = Math.max(0, Math.min(from, size));
                to = offset == 0 ? from : Math.max(from, Math.min(to, size));
                for (long i = from; i < to; i++) {
                    positions[count++] = arrays.offsets()[row] + (int) i;
                }
                offsets[row + 1] = count;
            }
            return ArrayKernels.gather(arrays, positions, offsets, rows);
        });
    }

    private static Binding bindCut(String name, List<DataType> types, Cut cut) {
        Operands.expectCount(name, types, 1, 1);
        ArrayKernels.element(name, types, 1);
        return new Binding(types.get(0), (columns, rows) -> {
            ArrayColumn arrays = ArrayKernels.plain(columns[0], rows);
            int[] offsets = new int[rows + 1];
            int[] positions = new int[arrays.offsets()[rows] - arrays.offsets()[0]];
            int count = 0;
            for (int row = 0; row < rows; row++) {
                int start = arrays.offsets()[row];
                int end = arrays.offsets()[row + 1];
                switch (cut) {
                    case REVERSE -> {
                        for (int i = end - 1; i >= start; i--) {
                            positions[count++] = i;
                        }
                    }
                    case POP_BACK -> {
                        for (int i = start; i < end - 1; i++) {
                            positions[count++] = i;
                        }
                    }
                    case POP_FRONT -> {
                        for (int i = start + 1; i < end; i++) {
                            positions[count++] = i;
                        }
                    }
                }
                offsets[row + 1] = count;
            }
            return ArrayKernels.gather(arrays, positions, offsets, rows);
        });
    }

    private static Binding bindPush(String name, List<DataType> types, boolean front) {
        Operands.expectCount(name, types, 2, 2);
        DataType current = ArrayKernels.element(name, types, 1);
        DataType value = types.get(1);
        DataType element = current.withoutNullable() instanceof NothingType && !current.isNullable()
                ? value
                : NumericTypes.commonType(current, value);
        return new Binding(new ArrayType(element), (columns, rows) -> {
            ArrayColumn arrays = ArrayKernels.arrays(columns[0], types.get(0), element, rows);
            Column values = ArrayFunctions.expand(TypeConversion.cast(columns[1], value, element, rows), rows);
            ArrayColumnBuilder out = new ArrayColumnBuilder(ColumnBuilder.forType(element, rows), rows);
            for (int row = 0; row < rows; row++) {
                if (front) {
                    out.elements().appendFrom(values, row);
                }
                for (int i = arrays.offsets()[row]; i < arrays.offsets()[row + 1]; i++) {
                    out.elements().appendFrom(arrays.elements(), i);
                }
                if (!front) {
                    out.elements().appendFrom(values, row);
                }
                out.endArray();
            }
            return out.build();
        });
    }

    private static Binding bindResize(List<DataType> types) {
        Operands.expectCount("arrayResize", types, 2, 3);
        DataType current = ArrayKernels.element("arrayResize", types, 1);
        if (current instanceof NothingType) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, "Function arrayResize cannot resize Array(Nothing)");
        }
        expectInteger("arrayResize", types, 2);
        DataType element = types.size() == 3 ? NumericTypes.commonType(current, types.get(2)) : current;
        return new Binding(new ArrayType(element), (columns, rows) -> {
            ArrayColumn arrays = ArrayKernels.arrays(columns[0], types.get(0), element, rows);
            long[] sizes = integers(columns, types, 1, 0, rows);
            Column extender = types.size() == 3
                    ? ArrayFunctions.expand(TypeConversion.cast(columns[2], types.get(2), element, rows), rows)
                    : ColumnBuilder.defaults(element, rows);
            ArrayColumnBuilder out = new ArrayColumnBuilder(ColumnBuilder.forType(element, rows), rows);
            for (int row = 0; row < rows; row++) {
                int start = arrays.offsets()[row];
                int length = arrays.length(row);
                long size = sizes[row];
                long wanted = Math.abs(size);
                if (wanted > 1_000_000_000L) {
                    throw new ColumbaException(
                            ErrorCode.TOO_LARGE_ARRAY_SIZE, "Too large array size in function arrayResize");
                }
                long padding = Math.max(0, wanted - length);
                if (size < 0) {
                    appendRepeated(out.elements(), extender, row, padding);
                }
                int kept = (int) Math.min(length, wanted);
                int from = size < 0 ? start + length - kept : start;
                for (int i = from; i < from + kept; i++) {
                    out.elements().appendFrom(arrays.elements(), i);
                }
                if (size >= 0) {
                    appendRepeated(out.elements(), extender, row, padding);
                }
                out.endArray();
            }
            return out.build();
        });
    }

    private static void appendRepeated(ColumnBuilder out, Column value, int row, long times) {
        for (long i = 0; i < times; i++) {
            out.appendFrom(value, row);
        }
    }

    private static Binding bindFlatten(List<DataType> types) {
        Operands.expectCount("arrayFlatten", types, 1, 1);
        DataType element = ArrayKernels.element("arrayFlatten", types, 1);
        while (element instanceof ArrayType nested) {
            element = nested.element();
        }
        return new Binding(new ArrayType(element), (columns, rows) -> {
            ArrayColumn arrays = ArrayKernels.plain(columns[0], rows);
            int[] offsets = arrays.offsets();
            Column elements = arrays.elements();
            while (elements instanceof ArrayColumn inner) {
                int[] composed = new int[rows + 1];
                for (int row = 0; row <= rows; row++) {
                    composed[row] = inner.offsets()[offsets[row]];
                }
                offsets = composed;
                elements = inner.elements();
            }
            return new ArrayColumn(offsets, elements, null, rows);
        });
    }

    private static Binding bindZip(List<DataType> types) {
        Operands.expectCount("arrayZip", types, 1, Integer.MAX_VALUE);
        List<DataType> elements = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            elements.add(ArrayKernels.element("arrayZip", types, i + 1));
        }
        return new Binding(new ArrayType(TupleType.of(elements)), (columns, rows) -> {
            ArrayColumn first = ArrayKernels.plain(columns[0], rows);
            int total = first.offsets()[rows] - first.offsets()[0];
            List<Column> parts = new ArrayList<>();
            for (Column column : columns) {
                ArrayColumn array = ArrayKernels.plain(column, rows);
                ArrayKernels.checkSameSizes("arrayZip", first, array, rows);
                parts.add(array.elements().slice(array.offsets()[0], total));
            }
            int[] offsets = new int[rows + 1];
            for (int row = 0; row <= rows; row++) {
                offsets[row] = first.offsets()[row] - first.offsets()[0];
            }
            return new ArrayColumn(offsets, new TupleColumn(parts, null, total), null, rows);
        });
    }
}
