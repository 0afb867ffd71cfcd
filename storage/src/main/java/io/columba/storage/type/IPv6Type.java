package io.columba.storage.type;

/** IPv6: the 16 address bytes in network order; IPv4 addresses are held IPv4-mapped ({@code ::ffff:1.2.3.4}). */
public record IPv6Type() implements DataType {
    public static final IPv6Type IPV6 = new IPv6Type();

    @Override
    public String name() {
        return "IPv6";
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
