package io.columba.ingest.parquet;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet values as JSON, the way a data source's columns read them: integers, floats and booleans as JSON
 * numbers and booleans; strings, enums and JSON as strings; DECIMAL as an exact number; DATE as
 * {@code YYYY-MM-DD}; TIMESTAMP (and legacy INT96) as {@code YYYY-MM-DD hh:mm:ss[.fraction]} in UTC; UUID in its
 * text form; other binaries as UTF-8 text. A repeated field or a LIST is an array, a MAP and any other group an
 * object; a null or absent value leaves its field out (the column's DEFAULT or NULL applies).
 */
final class ParquetValues {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private ParquetValues() {}

    static void writeRecord(JsonGenerator out, Group record) throws IOException {
        writeGroup(out, record);
    }

    private static void writeGroup(JsonGenerator out, Group group) throws IOException {
        GroupType type = group.getType();
        out.writeStartObject();
        for (int f = 0; f < type.getFieldCount(); f++) {
            int count = group.getFieldRepetitionCount(f);
            if (count == 0) {
                continue;
            }
            Type field = type.getType(f);
            out.writeFieldName(field.getName());
            if (field.isRepetition(Type.Repetition.REPEATED)) {
                out.writeStartArray();
                for (int i = 0; i < count; i++) {
                    writeValue(out, group, f, i, field);
                }
                out.writeEndArray();
            } else {
                writeValue(out, group, f, 0, field);
            }
        }
        out.writeEndObject();
    }

    private static void writeValue(JsonGenerator out, Group group, int field, int index, Type type) throws IOException {
        if (type.isPrimitive()) {
            writePrimitive(out, group, field, index, type.asPrimitiveType());
            return;
        }
        Group value = group.getGroup(field, index);
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            writeList(out, value);
        } else if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
            writeMap(out, value);
        } else {
            writeGroup(out, value);
        }
    }

    /** A LIST: {@code group (LIST) { repeated group list { element } }}, or a repeated field directly. */
    private static void writeList(JsonGenerator out, Group list) throws IOException {
        out.writeStartArray();
        int count = list.getFieldRepetitionCount(0);
        Type repeated = list.getType().getType(0);
        for (int i = 0; i < count; i++) {
            if (!repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1) {
                Group entry = list.getGroup(0, i);
                Type element = repeated.asGroupType().getType(0);
                if (entry.getFieldRepetitionCount(0) == 0) {
                    out.writeNull();
                } else {
                    writeValue(out, entry, 0, 0, element);
                }
            } else {
                writeValue(out, list, 0, i, repeated);
            }
        }
        out.writeEndArray();
    }

    /** A MAP: {@code group (MAP) { repeated group key_value { key; value } }}, keys as text. */
    private static void writeMap(JsonGenerator out, Group map) throws IOException {
        out.writeStartObject();
        int count = map.getFieldRepetitionCount(0);
        for (int i = 0; i < count; i++) {
            Group entry = map.getGroup(0, i);
            out.writeFieldName(entry.getValueToString(0, 0));
            if (entry.getFieldRepetitionCount(1) == 0) {
                out.writeNull();
            } else {
                writeValue(out, entry, 1, 0, entry.getType().getType(1));
            }
        }
        out.writeEndObject();
    }

    private static void writePrimitive(JsonGenerator out, Group group, int field, int index, PrimitiveType type)
            throws IOException {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            out.writeNumber(decimal(group, field, index, type, decimal.getScale()));
            return;
        }
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> out.writeBoolean(group.getBoolean(field, index));
            case INT32 -> writeInt32(out, group.getInteger(field, index), logical);
            case INT64 -> writeInt64(out, group.getLong(field, index), logical);
            case FLOAT -> writeDouble(out, group.getFloat(field, index));
            case DOUBLE -> writeDouble(out, group.getDouble(field, index));
            case INT96 -> out.writeString(int96(group.getInt96(field, index)));
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                Binary bytes = group.getBinary(field, index);
                out.writeString(
                        logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation
                                ? uuid(bytes)
                                : bytes.toStringUsingUTF8());
            }
        }
    }

    private static void writeInt32(JsonGenerator out, int value, LogicalTypeAnnotation logical) throws IOException {
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            out.writeString(LocalDate.ofEpochDay(value).toString());
        } else if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && !integer.isSigned()) {
            out.writeNumber(Integer.toUnsignedLong(value));
        } else {
            out.writeNumber(value);
        }
    }

    private static void writeInt64(JsonGenerator out, long value, LogicalTypeAnnotation logical) throws IOException {
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
            long perSecond = switch (timestamp.getUnit()) {
                case MILLIS -> 1_000L;
                case MICROS -> 1_000_000L;
                case NANOS -> 1_000_000_000L;
            };
            long seconds = Math.floorDiv(value, perSecond);
            long fraction = Math.floorMod(value, perSecond);
            out.writeString(dateTime(seconds, fraction, perSecond));
        } else if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && !integer.isSigned()) {
            out.writeNumber(new BigInteger(Long.toUnsignedString(value)));
        } else {
            out.writeNumber(value);
        }
    }

    private static void writeDouble(JsonGenerator out, double value) throws IOException {
        if (Double.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeString(Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf");
        }
    }

    private static BigDecimal decimal(Group group, int field, int index, PrimitiveType type, int scale) {
        BigInteger unscaled = switch (type.getPrimitiveTypeName()) {
            case INT32 -> BigInteger.valueOf(group.getInteger(field, index));
            case INT64 -> BigInteger.valueOf(group.getLong(field, index));
            default -> new BigInteger(group.getBinary(field, index).getBytes());
        };
        return new BigDecimal(unscaled, scale);
    }

    /** Legacy INT96 timestamps: nanoseconds of the day (8 bytes LE), then the Julian day (4 bytes LE). */
    private static String int96(Binary value) {
        ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong();
        long julianDay = bytes.getInt();
        long seconds = (julianDay - JULIAN_DAY_OF_EPOCH) * 86_400L + nanosOfDay / 1_000_000_000L;
        return dateTime(seconds, nanosOfDay % 1_000_000_000L, 1_000_000_000L);
    }

    private static String dateTime(long seconds, long fraction, long perSecond) {
        String whole = LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC)
                .format(DATE_TIME);
        if (fraction == 0) {
            return whole;
        }
        int digits = String.valueOf(perSecond).length() - 1;
        return whole + "." + String.format("%0" + digits + "d", fraction);
    }

    private static String uuid(Binary value) {
        ByteBuffer bytes = value.toByteBuffer();
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }
}
