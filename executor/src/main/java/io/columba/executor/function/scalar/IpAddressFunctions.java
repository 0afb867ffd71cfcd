package io.columba.executor.function.scalar;

import io.columba.executor.format.NetworkText;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.IPv4Type;
import io.columba.storage.type.IPv6Type;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.TupleType;
import java.util.List;

/** IPv6 addresses as FixedString(16), IPv4 in IPv6, CIDR ranges, and checks of address text. */
public final class IpAddressFunctions {
    private IpAddressFunctions() {}

    private static final FixedStringType BYTES_16 = new FixedStringType(16);

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "IPv6NumToString",
                        "The text of an IPv6 address held in a FixedString(16) or IPv6 (IPv4-mapped addresses end in"
                                + " dotted form).",
                        "SELECT IPv6NumToString(IPv6StringToNum('2001:db8::1'))",
                        (types, args) -> {
                            expectIPv6Bytes("IPv6NumToString", types, 1);
                            return new Binding(StringType.STRING, IpAddressFunctions::ipv6ToText);
                        }),
                SimpleScalarFunction.of(
                        "IPv6StringToNum",
                        "The 16 bytes of an IPv6 address (an IPv4 address becomes IPv4-mapped) as FixedString(16);"
                                + " zero bytes when the text is not an address.",
                        "SELECT hex(IPv6StringToNum('2001:db8::1'))",
                        (types, args) -> {
                            StringOperands.expectStrings("IPv6StringToNum", types, 1, 1, 0);
                            return new Binding(BYTES_16, IpAddressFunctions::textToIPv6);
                        }),
                SimpleScalarFunction.of(
                        "IPv4ToIPv6",
                        "The IPv4-mapped IPv6 address (::ffff:a.b.c.d) of a UInt32 or IPv4 address, as FixedString(16).",
                        "SELECT IPv6NumToString(IPv4ToIPv6(IPv4StringToNum('192.168.0.1')))",
                        (types, args) -> {
                            Operands.expectCount("IPv4ToIPv6", types, 1, 1);
                            if (!isIPv4Number(types.get(0))) {
                                throw Operands.illegalType("IPv4ToIPv6", types.get(0), 1);
                            }
                            return new Binding(BYTES_16, IpAddressFunctions::ipv4ToIPv6);
                        }),
                SimpleScalarFunction.of(
                        "IPv4CIDRToRange",
                        "The lowest and highest IPv4 address of the network of an address and a prefix length.",
                        "SELECT IPv4CIDRToRange(toIPv4('192.168.5.2'), 16)",
                        (types, args) -> {
                            Operands.expectCount("IPv4CIDRToRange", types, 2, 2);
                            if (!isIPv4Number(types.get(0))) {
                                throw Operands.illegalType("IPv4CIDRToRange", types.get(0), 1);
                            }
                            expectPrefix("IPv4CIDRToRange", types);
                            DataType result = TupleType.of(List.of(IPv4Type.IPV4, IPv4Type.IPV4));
                            return new Binding(result, IpAddressFunctions::ipv4Range);
                        }),
                SimpleScalarFunction.of(
                        "IPv6CIDRToRange",
                        "The lowest and highest IPv6 address of the network of an address and a prefix length.",
                        "SELECT IPv6CIDRToRange(toIPv6('2001:db8::1'), 32)",
                        (types, args) -> {
                            expectIPv6Bytes("IPv6CIDRToRange", types, 2);
                            expectPrefix("IPv6CIDRToRange", types);
                            DataType result = TupleType.of(List.of(IPv6Type.IPV6, IPv6Type.IPV6));
                            return new Binding(result, IpAddressFunctions::ipv6Range);
                        }),
                check(
                        "isIPv4String",
                        "1 when the text is an IPv4 address in dotted form, else 0.",
                        "'192.168.0.1'",
                        true),
                check("isIPv6String", "1 when the text is an IPv6 address, else 0.", "'2001:db8::1'", false));
    }

    private static boolean isIPv4Number(DataType type) {
        return type instanceof IPv4Type
                || (type instanceof IntegerType integer && !integer.signed() && integer.bytes() == 4);
    }

    private static void expectIPv6Bytes(String name, List<DataType> types, int count) {
        Operands.expectCount(name, types, count, count);
        DataType type = types.get(0);
        if (!(type instanceof IPv6Type || type.equals(BYTES_16))) {
            throw Operands.illegalType(name, type, 1);
        }
    }

    private static void expectPrefix(String name, List<DataType> types) {
        if (!(types.get(1) instanceof IntegerType)) {
            throw Operands.illegalType(name, types.get(1), 2);
        }
    }

    private static SimpleScalarFunction check(String name, String description, String example, boolean ipv4) {
        return SimpleScalarFunction.of(name, description, "SELECT " + name + "(" + example + ")", (types, args) -> {
            StringOperands.expectStrings(name, types, 1, 1, 0);
            return new Binding(IntegerType.UINT8, (columns, rows) -> {
                long[] out = new long[rows];
                for (int i = 0; i < rows; i++) {
                    String text = StringOperands.text(columns[0], i);
                    boolean dotted = NetworkText.tryParseIPv4(text, 0, text.length()) >= 0;
                    out[i] = (ipv4 ? dotted : !dotted && NetworkText.tryParseIPv6(text) != null) ? 1 : 0;
                }
                return new LongColumn(out, null, rows);
            });
        });
    }

    private static Column ipv6ToText(Column[] columns, int rows) {
        StringColumn bytes = StringOperands.strings(columns[0]);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            out.append(NetworkText.formatIPv6(bytes.data(), bytes.offsets()[StringOperands.row(columns[0], i)]));
        }
        return out.build();
    }

    private static Column textToIPv6(Column[] columns, int rows) {
        StringColumnBuilder out = new StringColumnBuilder(rows);
        byte[] zero = new byte[16];
        for (int i = 0; i < rows; i++) {
            byte[] address = NetworkText.tryParseIPv6(StringOperands.text(columns[0], i));
            out.append(address == null ? zero : address);
        }
        return out.build();
    }

    private static Column ipv4ToIPv6(Column[] columns, int rows) {
        long[] addresses = Operands.longs(columns[0], rows);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            out.append(NetworkText.mapped(addresses[i]));
        }
        return out.build();
    }

    private static Column ipv4Range(Column[] columns, int rows) {
        long[] addresses = Operands.longs(columns[0], rows);
        long[] prefixes = Operands.longs(columns[1], rows);
        long[] low = new long[rows];
        long[] high = new long[rows];
        for (int i = 0; i < rows; i++) {
            int prefix = (int) Math.max(0, Math.min(32, prefixes[i]));
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            low[i] = addresses[i] & mask;
            high[i] = low[i] | (~mask & 0xFFFFFFFFL);
        }
        return new TupleColumn(List.of(new LongColumn(low, null, rows), new LongColumn(high, null, rows)), null, rows);
    }

    private static Column ipv6Range(Column[] columns, int rows) {
        StringColumn bytes = StringOperands.strings(columns[0]);
        long[] prefixes = Operands.longs(columns[1], rows);
        StringColumnBuilder low = new StringColumnBuilder(rows);
        StringColumnBuilder high = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            int offset = bytes.offsets()[StringOperands.row(columns[0], i)];
            int prefix = (int) Math.max(0, Math.min(128, prefixes[i]));
            byte[] first = new byte[16];
            byte[] last = new byte[16];
            for (int b = 0; b < 16; b++) {
                int bits = Math.max(0, Math.min(8, prefix - 8 * b));
                int mask = bits == 0 ? 0 : (0xFF << (8 - bits)) & 0xFF;
                first[b] = (byte) (bytes.data()[offset + b] & mask);
                last[b] = (byte) (first[b] | (~mask & 0xFF));
            }
            low.append(first);
            high.append(last);
        }
        return new TupleColumn(List.of(low.build(), high.build()), null, rows);
    }
}
