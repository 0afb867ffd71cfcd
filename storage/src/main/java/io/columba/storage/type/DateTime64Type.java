package io.columba.storage.type;

/**
 * DateTime64(precision[, tz]): ticks of 10<sup>-precision</sup> seconds since the epoch as Int64 (precision 0 to
 * 9); the time zone only changes how values print and parse.
 */
public record DateTime64Type(int precision, String timeZone) implements DataType {

    public DateTime64Type {
        if (precision < 0 || precision > 9) {
            throw new IllegalArgumentException("DateTime64 precision must be 0 to 9, got " + precision);
        }
    }

    @Override
    public String name() {
        return timeZone == null ? "DateTime64(" + precision + ")" : "DateTime64(" + precision + ", '" + timeZone + "')";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.LONG;
    }

    @Override
    public int fixedWidth() {
        return 8;
    }

    @Override
    public boolean signedValues() {
        return true;
    }

    /** Ticks per second: 10<sup>precision</sup>. */
    public long scale() {
        long scale = 1;
        for (int i = 0; i < precision; i++) {
            scale *= 10;
        }
        return scale;
    }
}
