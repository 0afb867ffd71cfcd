package io.columba.workspace.template;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tinybird's validators of parameter text per ClickHouse type ({@code datatypes.testers}). They run on Python's
 * {@code str(value)}; like Python's {@code re.match}, date patterns only anchor at the start, and {@code $} also
 * matches before a final newline.
 */
final class ValueTesters {
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern SIGNED = Pattern.compile("[+-]?\\d+\\n?", FLAGS);
    private static final Pattern UNSIGNED = Pattern.compile("\\d+\\n?", FLAGS);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\n?", FLAGS);
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}[^\\n]\\d{2}[^\\n]\\d{2}(T|\\s)\\d{2}:\\d{2}:\\d{2}"
                    + "|\\d{2}[^\\n]\\d{2}[^\\n]\\d{4}[^\\n]\\d{1,2}:\\d{1,2}:\\d{1,2}",
            FLAGS);
    private static final Pattern DATE_TIME64 = Pattern.compile(
            "\\d{4}[^\\n]\\d{2}[^\\n]\\d{2}(T|\\s)\\d{2}:\\d{2}:\\d{2}[^\\n]\\d{3}"
                    + "|\\d{2}[^\\n]\\d{2}[^\\n]\\d{4}[^\\n]\\d{1,2}:\\d{1,2}:\\d{1,2}[^\\n]\\d{1,3}",
            FLAGS);
    private static final Pattern BOOL =
            Pattern.compile("true|false|True|False|T|F|Y|N|Yes|No|On|Off|Enable|Disable|Enabled|Disabled|1|0");

    /** The integer types and their bit widths. */
    private static final Map<String, Integer> INTEGER_BITS = Map.ofEntries(
            Map.entry("Int8", 8),
            Map.entry("Int16", 16),
            Map.entry("Int32", 32),
            Map.entry("Int64", 64),
            Map.entry("Int128", 128),
            Map.entry("Int256", 256),
            Map.entry("UInt8", 8),
            Map.entry("UInt16", 16),
            Map.entry("UInt32", 32),
            Map.entry("UInt64", 64),
            Map.entry("UInt128", 128),
            Map.entry("UInt256", 256));

    private ValueTesters() {}

    /** Whether Tinybird has a tester for {@code type} (String, Boolean and Int/Integer have none of their own). */
    static boolean hasTester(String type) {
        return INTEGER_BITS.containsKey(type)
                || type.equals("Float32")
                || type.equals("Float64")
                || type.equals("Date")
                || type.equals("DateTime")
                || type.equals("DateTime64")
                || type.equals("Bool");
    }

    static boolean test(String type, String text) {
        if (INTEGER_BITS.containsKey(type)) {
            return testInteger(type, text);
        }
        return switch (type) {
            case "Float32", "Float64" -> !text.contains("_") && PythonNumbers.parseFloat(text) != null;
            case "Date" -> DATE.matcher(text).matches();
            case "DateTime" -> DATE_TIME.matcher(text).lookingAt();
            case "DateTime64" -> DATE_TIME64.matcher(text).lookingAt();
            case "Bool" -> BOOL.matcher(text).matches();
            default -> true;
        };
    }

    private static boolean testInteger(String type, String text) {
        boolean unsigned = type.startsWith("U");
        boolean wide = type.endsWith("128") || type.endsWith("256");
        if (!(unsigned && !wide ? UNSIGNED : SIGNED).matcher(text).matches()) {
            return false;
        }
        BigInteger value = new BigInteger(text.strip().replace("+", ""));
        int bits = INTEGER_BITS.get(type);
        BigInteger minimum =
                unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger limit = unsigned ? BigInteger.ONE.shiftLeft(bits) : BigInteger.ONE.shiftLeft(bits - 1);
        return value.compareTo(minimum) >= 0 && value.compareTo(limit) < 0;
    }
}
