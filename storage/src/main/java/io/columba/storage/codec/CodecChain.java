package io.columba.storage.codec;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.PhysicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column's {@code CODEC(...)}: transforms applied in order, then one general compression (LZ4 when the list
 * names none but has no transform either; NONE after transforms alone, as ClickHouse does).
 *
 * @param transforms Delta, DoubleDelta, Gorilla, T64, in the order written
 * @param method the general compression
 * @param level ZSTD's level or LZ4HC's (0: the library's default)
 */
public record CodecChain(
        List<TransformCodec> transforms, CompressionMethod method, int level, boolean highCompression) {
    public static final CodecChain DEFAULT = new CodecChain(List.of(), CompressionMethod.LZ4, 0, false);

    public CodecChain {
        transforms = List.copyOf(transforms);
    }

    public static CodecChain of(CompressionMethod method) {
        return new CodecChain(List.of(), method, method == CompressionMethod.ZSTD ? 1 : 0, false);
    }

    /** The chain of codecs written as {@code specs} (e.g. {@code Delta(4)}, {@code ZSTD(3)}) for a column type. */
    public static CodecChain parse(List<String> specs, DataType type) {
        if (specs.isEmpty()) {
            return DEFAULT;
        }
        List<TransformCodec> transforms = new ArrayList<>();
        CompressionMethod method = null;
        int level = 0;
        boolean high = false;
        for (String spec : specs) {
            String text = spec.strip();
            int open = text.indexOf('(');
            String name = (open < 0 ? text : text.substring(0, open)).strip();
            Integer parameter = open < 0 ? null : parameter(text.substring(open + 1, text.length() - 1), spec);
            if (method != null) {
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS,
                        "Codec " + name + " cannot follow the general-purpose codec " + method + " in " + specs);
            }
            switch (name.toUpperCase(Locale.ROOT)) {
                case "NONE" -> method = CompressionMethod.NONE;
                case "LZ4" -> method = CompressionMethod.LZ4;
                case "LZ4HC" -> {
                    method = CompressionMethod.LZ4;
                    high = true;
                    level = parameter == null ? 9 : checkedLevel(parameter, 1, 12, name);
                }
                case "ZSTD" -> {
                    method = CompressionMethod.ZSTD;
                    level = parameter == null ? 1 : checkedLevel(parameter, 1, 22, name);
                }
                case "DELTA" -> transforms.add(transform(TransformCodec.Kind.DELTA, parameter, type, name));
                case "DOUBLEDELTA" ->
                    transforms.add(transform(TransformCodec.Kind.DOUBLE_DELTA, parameter, type, name));
                case "GORILLA" -> transforms.add(transform(TransformCodec.Kind.GORILLA, parameter, type, name));
                case "T64" -> transforms.add(transform(TransformCodec.Kind.T64, null, type, name));
                default -> throw new ColumbaException(ErrorCode.UNKNOWN_CODEC, "Unknown codec family: " + name);
            }
        }
        if (method == null) {
            method = transforms.isEmpty() ? CompressionMethod.LZ4 : CompressionMethod.NONE;
        }
        return new CodecChain(transforms, method, level, high);
    }

    private static int checkedLevel(int level, int min, int max, String name) {
        if (level < min || level > max) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_CODEC_PARAMETER,
                    name + " codec can't have level " + level + ": it must be from " + min + " to " + max);
        }
        return level;
    }

    private static Integer parameter(String text, String spec) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ColumbaException(ErrorCode.ILLEGAL_CODEC_PARAMETER, "Codec parameter must be a number: " + spec);
        }
    }

    /** A transform over values of the column type's width (or the given one), refused for variable-width types. */
    private static TransformCodec transform(TransformCodec.Kind kind, Integer width, DataType type, String name) {
        DataType plain = type.withoutNullable();
        boolean fixedNumbers = plain.physicalType() == PhysicalType.LONG || plain.physicalType() == PhysicalType.DOUBLE;
        if (!fixedNumbers) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "Codec " + name + " is not applicable for " + type.name() + " because the data type is not of"
                            + " fixed size");
        }
        if (kind == TransformCodec.Kind.T64 && plain instanceof FloatType) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_CODEC_PARAMETER, "Codec T64 is not applicable for " + type.name());
        }
        int bytes = width == null ? plain.fixedWidth() : width;
        if (bytes != 1 && bytes != 2 && bytes != 4 && bytes != 8) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_CODEC_PARAMETER, name + " value size must be 1, 2, 4 or 8, got " + bytes);
        }
        return new TransformCodec(kind, bytes);
    }
}
