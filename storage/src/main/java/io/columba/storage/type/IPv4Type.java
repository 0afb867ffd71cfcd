package io.columba.storage.type;

/** IPv4: an address as UInt32 (1.2.3.4 is 0x01020304), printed in dotted form. */
public record IPv4Type() implements DataType {
    public static final IPv4Type IPV4 = new IPv4Type();

    @Override
    public String name() {
        return "IPv4";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.LONG;
    }

    @Override
    public int fixedWidth() {
        return 4;
    }
}
