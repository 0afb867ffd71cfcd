package io.columba.storage.type;

import java.math.BigInteger;

/**
 * Int128, UInt128, Int256 and UInt256. Values are held as {@link #bytes} big-endian bytes with the sign bit flipped
 * for signed types, so that comparing the bytes as unsigned strings orders the numbers: sorting, grouping and
 * comparing need no special code.
 */
public record WideIntegerType(int bytes, boolean signed) implements DataType {
    public static final WideIntegerType INT128 = new WideIntegerType(16, true);
    public static final WideIntegerType UINT128 = new WideIntegerType(16, false);
    public static final WideIntegerType INT256 = new WideIntegerType(32, true);
    public static final WideIntegerType UINT256 = new WideIntegerType(32, false);

    public WideIntegerType {
        if (bytes != 16 && bytes != 32) {
            throw new IllegalArgumentException("wide integer width must be 16 or 32 bytes, got " + bytes);
        }
    }

    @Override
    public String name() {
        return (signed ? "Int" : "UInt") + (bytes * 8);
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.BYTES;
    }

    @Override
    public int fixedWidth() {
        return bytes;
    }

    @Override
    public boolean signedValues() {
        return signed;
    }

    public BigInteger min() {
        return signed ? BigInteger.ONE.shiftLeft(bytes * 8 - 1).negate() : BigInteger.ZERO;
    }

    public BigInteger max() {
        return signed
                ? BigInteger.ONE.shiftLeft(bytes * 8 - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bytes * 8).subtract(BigInteger.ONE);
    }

    /** The held bytes of a value, which must be in range ({@link #wrap} first otherwise). */
    public byte[] encode(BigInteger value) {
        BigInteger unsigned = signed ? value.subtract(min()) : value;
        byte[] raw = unsigned.toByteArray();
        byte[] out = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, out, bytes - copy, copy);
        return out;
    }

    /** The value of held bytes at {@code data[offset, offset + bytes)}. */
    public BigInteger decode(byte[] data, int offset) {
        byte[] magnitude = new byte[bytes];
        System.arraycopy(data, offset, magnitude, 0, bytes);
        BigInteger unsigned = new BigInteger(1, magnitude);
        return signed ? unsigned.add(min()) : unsigned;
    }

    /** Brings any integer into range modulo 2<sup>bits</sup>, as fixed-width arithmetic wraps. */
    public BigInteger wrap(BigInteger value) {
        BigInteger modulus = BigInteger.ONE.shiftLeft(bytes * 8);
        BigInteger reduced = value.mod(modulus);
        return signed && reduced.compareTo(max()) > 0 ? reduced.subtract(modulus) : reduced;
    }

    public boolean fits(BigInteger value) {
        return value.compareTo(min()) >= 0 && value.compareTo(max()) <= 0;
    }
}
