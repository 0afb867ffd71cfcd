package io.columba.executor.function.scalar;

import io.columba.executor.format.NetworkText;
import io.columba.executor.format.TextValues;
import io.columba.executor.format.UuidText;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.Date32Type;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.EnumType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.IPv4Type;
import io.columba.storage.type.IPv6Type;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.UuidType;
import java.nio.charset.StandardCharsets;

/** Conversions into UUID, IPv4, IPv6, Enum, FixedString and Date32. */
final class DomainConversion {
    private DomainConversion() {}

    static Column toUuid(Column column, DataType source, int rows) {
        StringColumn text = text(column, source, UuidType.UUID, rows);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            out.append(text.isNull(i) ? new byte[16] : UuidText.parse(text.getString(i)));
        }
        return out.build();
    }

    static Column toIPv4(Column column, DataType source, int rows) {
        long[] out = new long[rows];
        if (column instanceof LongColumn longs && !(source instanceof IPv6Type)) {
            for (int i = 0; i < rows; i++) {
                out[i] = longs.get(i) & 0xFFFF_FFFFL;
            }
            return new LongColumn(out, null, rows);
        }
        if (source instanceof IPv6Type) {
            StringColumn bytes = (StringColumn) column;
            for (int i = 0; i < rows; i++) {
                out[i] = ipv4Of(bytes, i);
            }
            return new LongColumn(out, null, rows);
        }
        StringColumn text = text(column, source, IPv4Type.IPV4, rows);
        for (int i = 0; i < rows; i++) {
            out[i] = text.isNull(i) ? 0 : NetworkText.parseIPv4(text.getString(i));
        }
        return new LongColumn(out, null, rows);
    }

    /** The IPv4 address of an IPv4-mapped IPv6 value; other IPv6 values have none. */
    private static long ipv4Of(StringColumn bytes, int row) {
        int at = bytes.offsets()[row];
        byte[] data = bytes.data();
        for (int i = 0; i < 10; i++) {
            if (data[at + i] != 0) {
                throw notMapped(bytes, row);
            }
        }
        if (data[at + 10] != (byte) 0xFF || data[at + 11] != (byte) 0xFF) {
            throw notMapped(bytes, row);
        }
        return ((data[at + 12] & 0xFFL) << 24)
                | ((data[at + 13] & 0xFFL) << 16)
                | ((data[at + 14] & 0xFFL) << 8)
                | (data[at + 15] & 0xFFL);
    }

    private static ColumbaException notMapped(StringColumn bytes, int row) {
        return new ColumbaException(
                ErrorCode.CANNOT_CONVERT_TYPE,
                "IPv6 " + NetworkText.formatIPv6(bytes.data(), bytes.offsets()[row])
                        + " is not in the IPv4-mapped range and cannot be converted to IPv4");
    }

    static Column toIPv6(Column column, DataType source, int rows) {
        StringColumnBuilder out = new StringColumnBuilder(rows);
        if (source instanceof IPv4Type && column instanceof LongColumn longs) {
            for (int i = 0; i < rows; i++) {
                out.append(NetworkText.mapped(longs.get(i)));
            }
            return out.build();
        }
        StringColumn text = text(column, source, IPv6Type.IPV6, rows);
        for (int i = 0; i < rows; i++) {
            out.append(text.isNull(i) ? new byte[16] : NetworkText.parseIPv6(text.getString(i)));
        }
        return out.build();
    }

    /** Names are looked up, numbers must be values of the enum; anything else is UNKNOWN_ELEMENT_OF_ENUM. */
    static Column toEnum(Column column, DataType source, EnumType target, int rows) {
        long[] out = new long[rows];
        if (column instanceof LongColumn longs && !(source instanceof EnumType)) {
            for (int i = 0; i < rows; i++) {
                out[i] = checkedValue(target, longs.get(i));
            }
            return new LongColumn(out, null, rows);
        }
        StringColumn text = text(column, source, target, rows);
        long fallback = ((LongColumn) io.columba.storage.column.ColumnBuilder.defaults(target, null, 1)).get(0);
        for (int i = 0; i < rows; i++) {
            if (text.isNull(i)) {
                out[i] = fallback;
                continue;
            }
            String name = text.getString(i);
            Integer value = target.valueOf(name);
            if (value == null) {
                value = numericName(name, target);
            }
            out[i] = value;
        }
        return new LongColumn(out, null, rows);
    }

    private static int numericName(String name, EnumType target) {
        try {
            return (int) checkedValue(target, Long.parseLong(name.strip()));
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.UNKNOWN_ELEMENT_OF_ENUM, "Unknown element '" + name + "' for enum " + target.name());
        }
    }

    private static long checkedValue(EnumType target, long value) {
        if (target.nameOf(value) == null) {
            throw new ColumbaException(
                    ErrorCode.UNKNOWN_ELEMENT_OF_ENUM, "Unexpected value " + value + " in enum " + target.name());
        }
        return value;
    }

    /** Text padded with zero bytes to N; longer text is TOO_LARGE_STRING_SIZE. */
    static Column toFixedString(Column column, DataType source, FixedStringType target, int rows) {
        StringColumn text = text(column, source, target, rows);
        int width = target.length();
        byte[] data = new byte[rows * width];
        int[] offsets = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            int length = text.length(i);
            if (length > width) {
                throw new ColumbaException(
                        ErrorCode.TOO_LARGE_STRING_SIZE,
                        "Too large value for " + target.name() + ": " + length + " bytes");
            }
            System.arraycopy(text.data(), text.offsets()[i], data, i * width, length);
            offsets[i + 1] = (i + 1) * width;
        }
        return new StringColumn(data, offsets, null, rows);
    }

    /** Day numbers from 1900-01-01 to 2299-12-31; values outside are clamped. */
    static Column toDate32(Column column, DataType source, int rows) {
        long[] out = new long[rows];
        switch (column) {
            case LongColumn longs -> {
                for (int i = 0; i < rows; i++) {
                    long value = longs.get(i);
                    out[i] = switch (source) {
                        case DateType ignored -> value;
                        case Date32Type ignored -> value;
                        case DateTimeType dateTime -> DateTimes.toDays(value, TextValues.zone(dateTime.timeZone()));
                        case DateTime64Type ticks ->
                            DateTimes.toDays(Math.floorDiv(value, ticks.scale()), TextValues.zone(ticks.timeZone()));
                        case IntegerType ignored -> value;
                        default -> throw cannot(source, Date32Type.DATE32);
                    };
                }
            }
            case DoubleColumn doubles -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = (long) doubles.get(i);
                }
            }
            case StringColumn ignored -> {
                StringColumn text = text(column, source, Date32Type.DATE32, rows);
                for (int i = 0; i < rows; i++) {
                    out[i] = text.isNull(i) ? 0 : TextValues.parseDate(text.getString(i));
                }
            }
            default -> throw new IllegalStateException();
        }
        for (int i = 0; i < rows; i++) {
            out[i] = Math.max(Date32Type.MIN_DAY, Math.min(Date32Type.MAX_DAY, out[i]));
        }
        return new LongColumn(out, null, rows);
    }

    /** The values as text: a String or FixedString column as it is, anything else printed. */
    private static StringColumn text(Column column, DataType source, DataType target, int rows) {
        if (column instanceof StringColumn strings && (source instanceof StringType)) {
            return strings;
        }
        if (column instanceof StringColumn strings && source instanceof FixedStringType) {
            return trimZeros(strings, rows);
        }
        if (source instanceof EnumType || target instanceof FixedStringType) {
            StringColumnBuilder out = new StringColumnBuilder(rows);
            for (int i = 0; i < rows; i++) {
                out.append(TextValues.plainText(column, source, i).getBytes(StandardCharsets.UTF_8));
            }
            return (StringColumn) out.build();
        }
        throw cannot(source, target);
    }

    private static StringColumn trimZeros(StringColumn strings, int rows) {
        StringColumnBuilder out = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            int start = strings.offsets()[i];
            int end = strings.offsets()[i + 1];
            while (end > start && strings.data()[end - 1] == 0) {
                end--;
            }
            out.append(java.util.Arrays.copyOfRange(strings.data(), start, end));
        }
        return (StringColumn) out.build();
    }

    static ColumbaException cannot(DataType source, DataType target) {
        return new ColumbaException(
                ErrorCode.TYPE_MISMATCH,
                "Conversion from " + source.name() + " to " + target.name() + " is not supported");
    }
}
