package io.columba.storage.type;

import java.math.BigInteger;

/**
 * Decimal(P, S): numbers of P significant digits, S of them after the point, held as the integer value times
 * 10<sup>S</sup>. Up to 18 digits (Decimal32, Decimal64) the integer is a long; up to 38 and 76 digits (Decimal128,
 * Decimal256) it is held as {@link WideIntegerType} holds its values.
 */
public record DecimalType(int precision, int scale) implements DataType {

    public DecimalType {
        if (precision < 1 || precision > 76) {
            throw new IllegalArgumentException("Decimal precision must be 1 to 76, got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("Decimal scale must be 0 to " + precision + ", got " + scale);
        }
    }

    @Override
    public String name() {
        return "Decimal(" + precision + ", " + scale + ")";
    }

    @Override
    public PhysicalType physicalType() {
        return precision <= 18 ? PhysicalType.LONG : PhysicalType.BYTES;
    }

    @Override
    public int fixedWidth() {
        if (precision <= 9) {
            return 4;
        }
        if (precision <= 18) {
            return 8;
        }
        return precision <= 38 ? 16 : 32;
    }

    @Override
    public boolean signedValues() {
        return true;
    }

    /** Whether values are held as {@link WideIntegerType} bytes. */
    public boolean isWide() {
        return precision > 18;
    }

    /** The wide integer type whose bytes hold the values of a wide decimal. */
    public WideIntegerType storage() {
        return new WideIntegerType(fixedWidth(), true);
    }

    /** 10<sup>scale</sup>. */
    public BigInteger multiplier() {
        return BigInteger.TEN.pow(scale);
    }

    /** The largest integer value (10<sup>P</sup> - 1); values beyond overflow. */
    public BigInteger limit() {
        return BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
    }
}
