package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Hashes equal to ClickHouse's: cityHash64 (CityHash v1.0.2), sipHash64, murmurHash2/3, xxHash32/64, intHash32/64,
 * halfMD5, MD5, SHA1, SHA224, SHA256. Numbers hash by value as ClickHouse does; several arguments combine.
 */
public final class HashFunctions {
    private HashFunctions() {}

    /** One of the non-cryptographic hashes, over bytes or (for some) through intHash of a number. */
    enum Algorithm {
        CITY64(true, true),
        SIP64(true, false),
        MURMUR2_32(false, false),
        MURMUR2_64(true, false),
        MURMUR3_32(false, false),
        MURMUR3_64(true, false),
        XX32(false, false),
        XX64(true, false);

        final boolean wide;
        final boolean intHashForNumbers;

        Algorithm(boolean wide, boolean intHashForNumbers) {
            this.wide = wide;
            this.intHashForNumbers = intHashForNumbers;
        }

        long bytes(byte[] data, int at, int len) {
            return switch (this) {
                case CITY64 -> CityHash102.hash64(data, at, len);
                case SIP64 -> XxSipHash.sip64(data, at, len);
                case MURMUR2_32 -> MurmurHash.hash2x32(data, at, len, 0) & 0xFFFFFFFFL;
                case MURMUR2_64 -> MurmurHash.hash2x64(data, at, len, 0);
                case MURMUR3_32 -> MurmurHash.hash3x32(data, at, len, 0) & 0xFFFFFFFFL;
                case MURMUR3_64 -> {
                    long[] h = MurmurHash.hash3x128(data, at, len, 0);
                    yield h[0] ^ h[1];
                }
                case XX32 -> XxSipHash.xx32(data, at, len) & 0xFFFFFFFFL;
                case XX64 -> XxSipHash.xx64(data, at, len);
            };
        }

        long combine(long previous, long next) {
            return switch (this) {
                case CITY64 -> CityHash102.hash128to64(previous, next);
                case SIP64 -> {
                    byte[] both = new byte[16];
                    writeLittleEndian(both, 0, previous, 8);
                    writeLittleEndian(both, 8, next, 8);
                    yield XxSipHash.sip64(both, 0, 16);
                }
                default -> wide ? intHash64(previous) ^ next : (intHash32(previous) ^ next) & 0xFFFFFFFFL;
            };
        }
    }

    public static List<ScalarFunction> all() {
        return List.of(
                hash("cityHash64", Algorithm.CITY64),
                hash("sipHash64", Algorithm.SIP64),
                hash("murmurHash2_32", Algorithm.MURMUR2_32),
                hash("murmurHash2_64", Algorithm.MURMUR2_64),
                hash("murmurHash3_32", Algorithm.MURMUR3_32),
                hash("murmurHash3_64", Algorithm.MURMUR3_64),
                hash("xxHash32", Algorithm.XX32),
                hash("xxHash64", Algorithm.XX64),
                intHash("intHash32", false),
                intHash("intHash64", true),
                digest("MD5", "MD5", 16),
                digest("SHA1", "SHA-1", 20),
                digest("SHA224", "SHA-224", 28),
                digest("SHA256", "SHA-256", 32),
                SimpleScalarFunction.of(
                        "halfMD5",
                        "The first 8 bytes of the string's MD5, read big-endian, as UInt64.",
                        "SELECT halfMD5('ClickHouse')",
                        (types, args) -> {
                            StringOperands.expectStrings("halfMD5", types, 1, 1, 0);
                            return new Binding(IntegerType.UINT64, StringOperands.measuring((data, from, to) -> {
                                byte[] md5 = digest("MD5", data, from, to);
                                long value = 0;
                                for (int i = 0; i < 8; i++) {
                                    value = value << 8 | (md5[i] & 0xFF);
                                }
                                return value;
                            }));
                        }));
    }

    private static SimpleScalarFunction hash(String name, Algorithm algorithm) {
        IntegerType result = algorithm.wide ? IntegerType.UINT64 : IntegerType.UINT32;
        return SimpleScalarFunction.of(
                name,
                "The " + name + " hash of its arguments (strings by bytes, numbers by value), as " + result.name()
                        + ".",
                "SELECT " + name + "('ClickHouse')",
                (types, args) -> {
                    Operands.expectCount(name, types, 1, Integer.MAX_VALUE);
                    for (int i = 0; i < types.size(); i++) {
                        DataType type = types.get(i);
                        if (!StringOperands.isString(type) && width(type) == 0) {
                            throw Operands.illegalType(name, type, i + 1);
                        }
                    }
                    return new Binding(result, (columns, rows) -> {
                        long[] out = new long[rows];
                        for (int a = 0; a < columns.length; a++) {
                            long[] hashes = hashColumn(algorithm, columns[a], types.get(a), rows);
                            for (int i = 0; i < rows; i++) {
                                out[i] = a == 0 ? hashes[i] : algorithm.combine(out[i], hashes[i]);
                            }
                        }
                        return new LongColumn(out, null, rows);
                    });
                });
    }

    /** The byte width of a number, date or time; 0 for other types. */
    private static int width(DataType type) {
        return switch (type) {
            case IntegerType integer -> integer.bytes();
            case FloatType floating -> floating.bytes();
            case io.columba.storage.type.DateType ignored -> 2;
            case io.columba.storage.type.DateTimeType ignored -> 4;
            case io.columba.storage.type.DateTime64Type ignored -> 8;
            default -> 0;
        };
    }

    private static long[] hashColumn(Algorithm algorithm, Column column, DataType type, int rows) {
        long[] out = new long[rows];
        if (StringOperands.isString(type)) {
            StringColumn strings = StringOperands.strings(column);
            for (int i = 0; i < rows; i++) {
                int row = StringOperands.row(column, i);
                out[i] = algorithm.bytes(strings.data(), strings.offsets()[row], strings.length(row));
            }
            return out;
        }
        int width = width(type);
        long[] bits = numberBits(column, type, rows);
        byte[] buffer = new byte[8];
        for (int i = 0; i < rows; i++) {
            long value = width == 8 ? bits[i] : bits[i] & ((1L << (width * 8)) - 1);
            if (algorithm.intHashForNumbers) {
                out[i] = algorithm.wide ? intHash64(value) : intHash32(value);
            } else {
                writeLittleEndian(buffer, 0, value, width);
                out[i] = algorithm.bytes(buffer, 0, width);
            }
        }
        return out;
    }

    /** The raw bits of each number: integers as stored, floats as their IEEE pattern in the type's width. */
    private static long[] numberBits(Column column, DataType type, int rows) {
        if (type instanceof FloatType floating) {
            double[] values = Operands.doubles(column, type, rows);
            long[] bits = new long[rows];
            for (int i = 0; i < rows; i++) {
                bits[i] = floating.bytes() == 4
                        ? Float.floatToRawIntBits((float) values[i]) & 0xFFFFFFFFL
                        : Double.doubleToRawLongBits(values[i]);
            }
            return bits;
        }
        return Operands.longs(column, rows);
    }

    static void writeLittleEndian(byte[] target, int at, long value, int width) {
        for (int b = 0; b < width; b++) {
            target[at + b] = (byte) (value >>> (8 * b));
        }
    }

    /** ClickHouse's intHash64: a MurmurHash3 finalizer of the value salted with a constant. */
    static long intHash64(long x) {
        x ^= 0x4CF2D2BAAE6DA887L;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    /** ClickHouse's intHash32: Thomas Wang's 64-bit mix of the value salted with a constant, cut to 32 bits. */
    static long intHash32(long key) {
        key ^= 0x75D9543DE018BF45L;
        key = (~key) + (key << 18);
        key = key ^ ((key >>> 31) | (key << 33));
        key = key * 21;
        key = key ^ ((key >>> 11) | (key << 53));
        key = key + (key << 6);
        key = key ^ ((key >>> 22) | (key << 42));
        return key & 0xFFFFFFFFL;
    }

    private static SimpleScalarFunction intHash(String name, boolean wide) {
        return SimpleScalarFunction.of(
                name,
                "A fast " + (wide ? "64" : "32") + "-bit hash of an integer.",
                "SELECT " + name + "(42)",
                (types, args) -> {
                    Operands.expectCount(name, types, 1, 1);
                    if (!(types.get(0) instanceof IntegerType)) {
                        throw Operands.illegalType(name, types.get(0), 1);
                    }
                    return new Binding(wide ? IntegerType.UINT64 : IntegerType.UINT32, (columns, rows) -> {
                        long[] values = Operands.longs(columns[0], rows);
                        long[] out = new long[rows];
                        for (int i = 0; i < rows; i++) {
                            out[i] = wide ? intHash64(values[i]) : intHash32(values[i]);
                        }
                        return new LongColumn(out, null, rows);
                    });
                });
    }

    private static SimpleScalarFunction digest(String name, String algorithm, int length) {
        return SimpleScalarFunction.of(
                name,
                "The " + name + " digest of the string, as FixedString(" + length + ").",
                "SELECT hex(" + name + "('ClickHouse'))",
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 1, 1, 0);
                    return new Binding(new FixedStringType(length), (columns, rows) -> {
                        StringColumn in = StringOperands.strings(columns[0]);
                        StringColumnBuilder out = new StringColumnBuilder(rows);
                        for (int i = 0; i < rows; i++) {
                            int row = StringOperands.row(columns[0], i);
                            out.append(digest(algorithm, in.data(), in.offsets()[row], in.offsets()[row + 1]));
                        }
                        return out.build();
                    });
                });
    }

    private static byte[] digest(String algorithm, byte[] data, int from, int to) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(data, from, to - from);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
