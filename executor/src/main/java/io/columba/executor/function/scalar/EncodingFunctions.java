package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** hex, unhex, base64Encode, base64Decode, tryBase64Decode, toValidUTF8. */
public final class EncodingFunctions {
    private EncodingFunctions() {}

    private static final byte[] DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "hex",
                        "Upper-case hexadecimal of a string's bytes, of an integer's significant big-endian bytes, or of"
                                + " a float's little-endian bytes.",
                        "SELECT hex('abc'), hex(255)",
                        (types, args) -> {
                            Operands.expectCount("hex", types, 1, 1);
                            return new Binding(StringType.STRING, bindHex(types.get(0)));
                        }),
                SimpleScalarFunction.of(
                        "unhex",
                        "The bytes written as pairs of hexadecimal digits (an odd leading digit stands alone).",
                        "SELECT unhex('616263')",
                        (types, args) -> {
                            StringOperands.expectStrings("unhex", types, 1, 1, 0);
                            return new Binding(StringType.STRING, StringOperands.mapping(EncodingFunctions::unhex));
                        }),
                SimpleScalarFunction.of(
                                "base64Encode",
                                "The string in base64 (RFC 4648, with padding).",
                                "SELECT base64Encode('clickhouse')",
                                (types, args) -> {
                                    StringOperands.expectStrings("base64Encode", types, 1, 1, 0);
                                    return new Binding(StringType.STRING, StringOperands.mapping((d, from, to, out) -> {
                                        out.append(
                                                Base64.getEncoder().encode(java.util.Arrays.copyOfRange(d, from, to)));
                                    }));
                                })
                        .withAliases("TO_BASE64")
                        .ignoringCase(),
                base64Decode("base64Decode", false).withAliases("FROM_BASE64").ignoringCase(),
                base64Decode("tryBase64Decode", true),
                SimpleScalarFunction.of(
                        "toValidUTF8",
                        "The string with each run of invalid UTF-8 bytes replaced by U+FFFD.",
                        "SELECT toValidUTF8('abc')",
                        (types, args) -> {
                            StringOperands.expectStrings("toValidUTF8", types, 1, 1, 0);
                            return new Binding(StringType.STRING, StringOperands.mapping(EncodingFunctions::validUtf8));
                        }));
    }

    private static io.columba.executor.function.Kernel bindHex(DataType type) {
        if (StringOperands.isString(type)) {
            return StringOperands.mapping((data, from, to, out) -> {
                byte[] hex = new byte[(to - from) * 2];
                for (int i = from; i < to; i++) {
                    hex[(i - from) * 2] = DIGITS[(data[i] >> 4) & 15];
                    hex[(i - from) * 2 + 1] = DIGITS[data[i] & 15];
                }
                out.append(hex);
            });
        }
        if (type instanceof FloatType floating) {
            return (columns, rows) -> {
                double[] values = Operands.doubles(columns[0], type, rows);
                StringColumnBuilder out = new StringColumnBuilder(rows);
                for (int i = 0; i < rows; i++) {
                    long bits = floating.bytes() == 4
                            ? Integer.reverseBytes(Float.floatToRawIntBits((float) values[i])) & 0xFFFFFFFFL
                            : Long.reverseBytes(Double.doubleToRawLongBits(values[i]));
                    out.append(hexBytes(bits, floating.bytes(), false));
                }
                return out.build();
            };
        }
        int width;
        if (type instanceof IntegerType integer) {
            width = integer.bytes();
        } else if (type instanceof DateType) {
            width = 2;
        } else if (type instanceof DateTimeType) {
            width = 4;
        } else {
            throw Operands.illegalType("hex", type, 1);
        }
        return (columns, rows) -> {
            long[] values = Operands.longs(columns[0], rows);
            StringColumnBuilder out = new StringColumnBuilder(rows);
            for (int i = 0; i < rows; i++) {
                out.append(hexBytes(values[i], width, true));
            }
            return out.build();
        };
    }

    /** Big-endian hex of the low {@code width} bytes; leading zero bytes dropped when {@code trim} (0 is "00"). */
    private static byte[] hexBytes(long value, int width, boolean trim) {
        int skip = 0;
        while (trim && skip < width - 1 && ((value >>> ((width - 1 - skip) * 8)) & 0xFF) == 0) {
            skip++;
        }
        byte[] hex = new byte[(width - skip) * 2];
        for (int b = skip; b < width; b++) {
            int octet = (int) ((value >>> ((width - 1 - b) * 8)) & 0xFF);
            hex[(b - skip) * 2] = DIGITS[octet >> 4];
            hex[(b - skip) * 2 + 1] = DIGITS[octet & 15];
        }
        return hex;
    }

    private static void unhex(byte[] data, int from, int to, StringColumnBuilder out) {
        int length = to - from;
        byte[] bytes = new byte[(length + 1) / 2];
        int at = 0;
        int i = from;
        if (length % 2 == 1) {
            bytes[at++] = (byte) digit(data[i++]);
        }
        for (; i + 1 < to; i += 2) {
            bytes[at++] = (byte) (digit(data[i]) * 16 + digit(data[i + 1]));
        }
        out.append(bytes);
    }

    /** As ClickHouse, a non-hex character counts as a digit of value (c & 15) wrapped: invalid input, any output. */
    private static int digit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return 0;
    }

    private static SimpleScalarFunction base64Decode(String name, boolean lenient) {
        return SimpleScalarFunction.of(
                name,
                "The bytes of a base64 string"
                        + (lenient ? "; '' when it is not valid base64." : "; an error when it is not valid base64."),
                "SELECT " + name + "('Y2xpY2tob3VzZQ==')",
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 1, 1, 0);
                    return new Binding(StringType.STRING, StringOperands.mapping((data, from, to, out) -> {
                        try {
                            out.append(Base64.getDecoder().decode(java.util.Arrays.copyOfRange(data, from, to)));
                        } catch (IllegalArgumentException e) {
                            if (!lenient) {
                                throw new ColumbaException(
                                        ErrorCode.INCORRECT_DATA,
                                        "Failed to " + name + " "
                                                + new String(data, from, to - from, StandardCharsets.UTF_8));
                            }
                            out.append(data, 0, 0);
                        }
                    }));
                });
    }

    private static void validUtf8(byte[] data, int from, int to, StringColumnBuilder out) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(data, from, to - from));
            // ClickHouse replaces a run of invalid bytes by one U+FFFD.
            out.append(chars.toString().replaceAll("\uFFFD+", "\uFFFD"));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
