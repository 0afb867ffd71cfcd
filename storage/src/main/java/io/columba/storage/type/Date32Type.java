package io.columba.storage.type;

/** Date32: days since 1970-01-01 as Int32 (1900-01-01 ... 2299-12-31). */
public record Date32Type() implements DataType {
    public static final Date32Type DATE32 = new Date32Type();

    /** 1900-01-01 and 2299-12-31 as day numbers: values outside are clamped, as ClickHouse does. */
    public static final long MIN_DAY = -25567;

    public static final long MAX_DAY = 120529;

    @Override
    public String name() {
        return "Date32";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.LONG;
    }

    @Override
    public int fixedWidth() {
        return 4;
    }

    @Override
    public boolean signedValues() {
        return true;
    }
}
