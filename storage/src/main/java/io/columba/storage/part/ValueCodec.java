package io.columba.storage.part;

import io.columba.storage.block.Block;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.TupleType;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes rows of a column as a granule's bytes and reads them back.
 *
 * <pre>
 * Granule  --> NullMap?, Value^rows
 * NullMap  --> UInt8^rows (1 = NULL), only for Nullable types
 * Value    --> fixed-width little-endian at the type's width (numbers, dates, enums, IPv4, Decimal up to 18 digits)
 *            | VarUInt length, bytes (String)
 *            | bytes at the type's width (FixedString, UUID and IPv6, wide numbers order-preserving)
 * Arrays   --> VarUInt size^rows, Granule of the element type over all elements (Array, Map)
 * Tuples   --> Granule of each element type in turn
 * </pre>
 */
public final class ValueCodec {
    private ValueCodec() {}

    /**
     * Whether {@code column}, encoded as {@code type} and decoded again, gives exactly its own values and NULLs: a
     * vector of the type's physical kind whose values the type's width holds (integers in range for their width and
     * sign, Float32 values that are floats, FixedString values of the full width). Arrays, tuples and constants say
     * no.
     */
    static boolean readsBackAs(DataType type, Column column) {
        if (!type.isNullable() && column.nulls() != null) {
            return false;
        }
        int width = type.fixedWidth();
        return switch (type.physicalType()) {
            case LONG -> column instanceof LongColumn longs && longsFit(longs, width, type.signedValues());
            case DOUBLE -> column instanceof DoubleColumn doubles && (width == 8 || floatsExact(doubles));
            case BYTES -> column instanceof StringColumn strings && (width == 0 || allOfWidth(strings, width));
            case ARRAY, TUPLE -> false;
        };
    }

    private static boolean longsFit(LongColumn column, int width, boolean signed) {
        if (width >= 8) {
            return width == 8;
        }
        int unused = 64 - 8 * width;
        long[] values = column.values();
        long outside = 0;
        for (int row = 0; row < column.size(); row++) {
            long value = values[row];
            long readBack = signed ? (value << unused) >> unused : (value << unused) >>> unused;
            outside |= value ^ readBack;
        }
        return outside == 0;
    }

    private static boolean floatsExact(DoubleColumn column) {
        double[] values = column.values();
        for (int row = 0; row < column.size(); row++) {
            if (Double.doubleToRawLongBits((float) values[row]) != Double.doubleToRawLongBits(values[row])) {
                return false;
            }
        }
        return true;
    }

    private static boolean allOfWidth(StringColumn column, int width) {
        for (int row = 0; row < column.size(); row++) {
            if (column.length(row) != width) {
                return false;
            }
        }
        return true;
    }

    public static void encode(DataType type, Column column, int from, int to, GrowableByteArray out) {
        Column values = column.materialize();
        if (type.isNullable()) {
            int at = out.reserve(to - from);
            byte[] target = out.bytes();
            for (int row = from; row < to; row++) {
                target[at++] = (byte) (values.isNull(row) ? 1 : 0);
            }
        }
        switch (values) {
            case LongColumn longs -> encodeLongs(type.fixedWidth(), longs.values(), from, to, out);
            case DoubleColumn doubles -> encodeDoubles(type.fixedWidth(), doubles.values(), from, to, out);
            case StringColumn strings -> {
                int width = type.fixedWidth();
                if (width > 0) {
                    encodeFixedBytes(width, strings, from, to, out);
                    return;
                }
                encodeStrings(strings, from, to, out);
            }
            case ArrayColumn arrays -> {
                int[] offsets = arrays.offsets();
                for (int row = from; row < to; row++) {
                    out.writeVarUInt(offsets[row + 1] - offsets[row]);
                }
                encode(ArrayType.elementOf(type), arrays.elements(), offsets[from], offsets[to], out);
            }
            case TupleColumn tuples -> {
                List<DataType> elementTypes = ((TupleType) type.withoutNullable()).elements();
                for (int e = 0; e < elementTypes.size(); e++) {
                    encode(elementTypes.get(e), tuples.elements().get(e), from, to, out);
                }
            }
            case io.columba.storage.column.ConstantColumn constant ->
                throw new IllegalStateException("materialized column is constant");
        }
    }

    /** Each string as its VarUInt length and bytes, with room made once for the whole range. */
    private static void encodeStrings(StringColumn strings, int from, int to, GrowableByteArray out) {
        int[] offsets = strings.offsets();
        byte[] data = strings.data();
        long most = 0;
        for (int row = from; row < to; row++) {
            most += offsets[row + 1] - offsets[row] + 5;
        }
        int at = out.reserve((int) Math.min(Integer.MAX_VALUE - 16, most));
        byte[] target = out.bytes();
        for (int row = from; row < to; row++) {
            int length = offsets[row + 1] - offsets[row];
            int value = length;
            while ((value & ~0x7F) != 0) {
                target[at++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            target[at++] = (byte) value;
            System.arraycopy(data, offsets[row], target, at, length);
            at += length;
        }
        out.truncate(at);
    }

    /** Values of a fixed width (FixedString, UUID, IPv6, wide numbers): exactly {@code width} bytes each. */
    private static void encodeFixedBytes(int width, StringColumn strings, int from, int to, GrowableByteArray out) {
        int at = out.reserve((to - from) * width);
        byte[] target = out.bytes();
        for (int row = from; row < to; row++, at += width) {
            int length = Math.min(width, strings.length(row));
            System.arraycopy(strings.data(), strings.offsets()[row], target, at, length);
            java.util.Arrays.fill(target, at + length, at + width, (byte) 0);
        }
    }

    private static void encodeLongs(int width, long[] values, int from, int to, GrowableByteArray out) {
        int at = out.reserve((to - from) * width);
        byte[] target = out.bytes();
        switch (width) {
            case 1 -> {
                for (int row = from; row < to; row++) {
                    target[at++] = (byte) values[row];
                }
            }
            case 2 -> {
                for (int row = from; row < to; row++, at += 2) {
                    GrowableByteArray.SHORTS.set(target, at, (short) values[row]);
                }
            }
            case 4 -> {
                for (int row = from; row < to; row++, at += 4) {
                    GrowableByteArray.INTS.set(target, at, (int) values[row]);
                }
            }
            default -> {
                for (int row = from; row < to; row++, at += 8) {
                    GrowableByteArray.LONGS.set(target, at, values[row]);
                }
            }
        }
    }

    private static void encodeDoubles(int width, double[] values, int from, int to, GrowableByteArray out) {
        int at = out.reserve((to - from) * width);
        byte[] target = out.bytes();
        if (width == 4) {
            for (int row = from; row < to; row++, at += 4) {
                GrowableByteArray.INTS.set(target, at, Float.floatToRawIntBits((float) values[row]));
            }
            return;
        }
        for (int row = from; row < to; row++, at += 8) {
            GrowableByteArray.LONGS.set(target, at, Double.doubleToRawLongBits(values[row]));
        }
    }

    /** Where decoding writes: arrays sized for all rows of a read, filled granule by granule. */
    public static final class Target {
        final DataType type;
        final long[] longs;
        final double[] doubles;
        final boolean[] nulls;
        GrowableByteArray stringBytes;
        int[] stringOffsets;
        int[] arrayOffsets;
        List<Column> elementChunks;
        List<Target> tupleElements;
        int rows;

        public Target(DataType type, int totalRows) {
            this.type = type;
            this.longs = type.physicalType() == io.columba.storage.type.PhysicalType.LONG ? new long[totalRows] : null;
            this.doubles =
                    type.physicalType() == io.columba.storage.type.PhysicalType.DOUBLE ? new double[totalRows] : null;
            this.nulls = type.isNullable() ? new boolean[totalRows] : null;
            if (type.physicalType() == io.columba.storage.type.PhysicalType.BYTES) {
                // Variable-width strings start small: decoding sizes the buffer from the bytes it meets.
                stringBytes = new GrowableByteArray(type.fixedWidth() > 0 ? totalRows * type.fixedWidth() : 16);
                stringOffsets = new int[totalRows + 1];
            }
            if (type.physicalType() == io.columba.storage.type.PhysicalType.ARRAY) {
                arrayOffsets = new int[totalRows + 1];
                elementChunks = new ArrayList<>();
            }
            if (type.physicalType() == io.columba.storage.type.PhysicalType.TUPLE) {
                tupleElements = new ArrayList<>();
                for (DataType element : ((TupleType) type.withoutNullable()).elements()) {
                    tupleElements.add(new Target(element, totalRows));
                }
            }
        }

        /** Makes room for {@code bytes} string bytes at once, before the values are decoded. */
        public void reserveStringBytes(int bytes) {
            if (stringBytes.length() == 0) {
                stringBytes = new GrowableByteArray(bytes);
            } else {
                stringBytes.ensureCapacity(bytes);
            }
        }

        public Column build() {
            boolean[] resultNulls = nulls;
            if (nulls != null) {
                boolean any = false;
                for (boolean isNull : nulls) {
                    any |= isNull;
                }
                resultNulls = any ? nulls : null;
            }
            return switch (type.physicalType()) {
                case LONG -> new LongColumn(longs, resultNulls, rows);
                case DOUBLE -> new DoubleColumn(doubles, resultNulls, rows);
                case BYTES -> new StringColumn(stringBytes.bytes(), stringOffsets, resultNulls, rows);
                case ARRAY -> {
                    DataType elementType = ArrayType.elementOf(type);
                    int elements = arrayOffsets[rows];
                    Column all = elementChunks.isEmpty()
                            ? io.columba.storage.column.ColumnBuilder.defaults(elementType, null, 0)
                            : Block.concatColumns(elementChunks, elementType, elements);
                    yield new ArrayColumn(arrayOffsets, all, null, rows);
                }
                case TUPLE ->
                    new TupleColumn(tupleElements.stream().map(Target::build).toList(), null, rows);
            };
        }
    }

    /** Decodes {@code count} rows at {@code offset} of {@code source} into the target; returns the end offset. */
    public static int decode(byte[] source, int offset, int count, Target target) {
        DataType type = target.type;
        int at = offset;
        int start = target.rows;
        if (target.nulls != null) {
            for (int i = 0; i < count; i++) {
                target.nulls[start + i] = source[at++] != 0;
            }
        }
        int width = type.fixedWidth();
        boolean signed = type.signedValues();
        switch (type.physicalType()) {
            case LONG -> at = decodeLongs(source, at, count, width, signed, target.longs, start);
            case DOUBLE -> at = decodeDoubles(source, at, count, width, target.doubles, start);
            case BYTES ->
                at = width > 0
                        ? decodeFixedBytes(source, at, count, width, target)
                        : decodeStrings(source, at, count, target);
            case ARRAY -> at = decodeArrays(source, at, count, target);
            case TUPLE -> {
                for (Target element : target.tupleElements) {
                    at = decode(source, at, count, element);
                }
            }
        }
        target.rows = start + count;
        return at;
    }

    /** Loops without a branch or a second induction variable inside, which the JIT unrolls and vectorizes. */
    static int decodeLongs(byte[] source, int at, int count, int width, boolean signed, long[] out, int start) {
        switch (width) {
            case 1 -> {
                if (signed) {
                    for (int i = 0; i < count; i++) {
                        out[start + i] = source[at + i];
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        out[start + i] = source[at + i] & 0xFFL;
                    }
                }
            }
            case 2 -> {
                if (signed) {
                    for (int i = 0; i < count; i++) {
                        out[start + i] = (short) GrowableByteArray.SHORTS.get(source, at + 2 * i);
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        out[start + i] = (short) GrowableByteArray.SHORTS.get(source, at + 2 * i) & 0xFFFFL;
                    }
                }
            }
            case 4 -> {
                if (signed) {
                    for (int i = 0; i < count; i++) {
                        out[start + i] = (int) GrowableByteArray.INTS.get(source, at + 4 * i);
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        out[start + i] = (int) GrowableByteArray.INTS.get(source, at + 4 * i) & 0xFFFF_FFFFL;
                    }
                }
            }
            default -> {
                java.nio.ByteBuffer.wrap(source, at, count * 8)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .asLongBuffer()
                        .get(out, start, count);
                return at + count * 8;
            }
        }
        return at + count * width;
    }

    private static int decodeDoubles(byte[] source, int at, int count, int width, double[] out, int start) {
        int end = start + count;
        if (width == 4) {
            for (int i = start; i < end; i++, at += 4) {
                out[i] = Float.intBitsToFloat((int) GrowableByteArray.INTS.get(source, at));
            }
            return at;
        }
        for (int i = start; i < end; i++, at += 8) {
            out[i] = Double.longBitsToDouble((long) GrowableByteArray.LONGS.get(source, at));
        }
        return at;
    }

    private static int decodeArrays(byte[] source, int at, int count, Target target) {
        int start = target.rows;
        int base = target.arrayOffsets[start];
        int total = 0;
        for (int i = 0; i < count; i++) {
            long length = 0;
            int shift = 0;
            while (true) {
                if (at >= source.length) {
                    throw new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "Array sizes run past their block");
                }
                byte b = source[at++];
                length |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
                shift += 7;
            }
            if (length > source.length) {
                throw new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "Array size " + length + " is corrupt");
            }
            total += (int) length;
            target.arrayOffsets[start + i + 1] = base + total;
        }
        Target elements = new Target(ArrayType.elementOf(target.type), total);
        at = decode(source, at, total, elements);
        target.elementChunks.add(elements.build());
        return at;
    }

    private static int decodeFixedBytes(byte[] source, int at, int count, int width, Target target) {
        if ((long) count * width > source.length - at) {
            throw new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "Fixed-width values run past their block");
        }
        int start = target.rows;
        int base = target.stringBytes.length();
        target.stringBytes.write(source, at, count * width);
        for (int i = 0; i < count; i++) {
            target.stringOffsets[start + i + 1] = base + (i + 1) * width;
        }
        return at + count * width;
    }

    /** The bytes of the next {@code count} strings (a walk over their lengths), so the output grows once. */
    private static int stringBytes(byte[] source, int at, int count) {
        long total = 0;
        for (int i = 0; i < count && at < source.length; i++) {
            long length = 0;
            int shift = 0;
            byte b;
            do {
                b = source[at++];
                length |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0 && at < source.length);
            total += length;
            at += (int) Math.min(length, source.length - at);
        }
        return (int) Math.min(total, source.length);
    }

    private static int decodeStrings(byte[] source, int at, int count, Target target) {
        int start = target.rows;
        GrowableByteArray bytes = target.stringBytes;
        // The rest of the block bounds the strings' bytes: when that fits already, the exact count is not needed.
        if (bytes.bytes().length - bytes.length() < source.length - at) {
            bytes.ensureCapacity(stringBytes(source, at, count));
        }
        for (int i = 0; i < count; i++) {
            long length = 0;
            int shift = 0;
            while (true) {
                if (at >= source.length) {
                    throw new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "String value runs past its block");
                }
                byte b = source[at++];
                length |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
                shift += 7;
            }
            if (length > source.length - at) {
                throw new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "String value runs past its block");
            }
            target.stringBytes.write(source, at, (int) length);
            at += (int) length;
            target.stringOffsets[start + i + 1] = target.stringBytes.length();
        }
        return at;
    }
}
