package io.columba.storage.type;

/**
 * UUID: 16 bytes, the second half of its text first ({@code 61f0c404-5cb3-11e7-907b-a6006ad3dba0} is 0x90, 0x7b,
 * ..., 0xa0, 0x61, 0xf0, ...), so comparing the bytes orders UUIDs as ClickHouse does: by the second half, then the
 * first, unsigned.
 */
public record UuidType() implements DataType {
    public static final UuidType UUID = new UuidType();

    @Override
    public String name() {
        return "UUID";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.BYTES;
    }

    @Override
    public int fixedWidth() {
        return 16;
    }
}
