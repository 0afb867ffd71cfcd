package io.columba.workspace.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** Python's {@code int()} and {@code float()} conversions, with Python's rules for text and its error messages. */
final class PythonNumbers {
    /** Beyond UInt256 a template has no use for an int; the cap stops {@code x = x * x} loops eating memory. */
    static final int MAX_INTEGER_BITS = 4096;

    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d+(?:_\\d+)*", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern FLOAT_TEXT = Pattern.compile(
            "[+-]?(?:\\d+(?:_\\d+)*(?:\\.(?:\\d+(?:_\\d+)*)?)?|\\.\\d+(?:_\\d+)*)(?:[eE][+-]?\\d+(?:_\\d+)*)?");

    private PythonNumbers() {}

    /** {@code int(text)} in base 10, or {@code null} when Python would raise. */
    static BigInteger parseInteger(String text) {
        String stripped = strip(text);
        if (!INTEGER_TEXT.matcher(stripped).matches()) {
            return null;
        }
        return new BigInteger(stripped.replace("_", "").replace("+", ""));
    }

    /** {@code float(text)}, or {@code null} when Python would raise. */
    static Double parseFloat(String text) {
        String stripped = strip(text);
        String lower = stripped.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!FLOAT_TEXT.matcher(stripped).matches()) {
            return null;
        }
        return Double.parseDouble(stripped.replace("_", ""));
    }

    /** The builtin {@code int(value)}. */
    static BigInteger toInteger(Object value, int line) {
        if (PythonValues.isInteger(value)) {
            return PythonValues.integerValue(value);
        }
        if (value instanceof Double || value instanceof TypedFloat) {
            double number = PythonValues.floatValue(value);
            if (Double.isNaN(number)) {
                throw TemplateException.value("cannot convert float NaN to integer", line);
            }
            if (Double.isInfinite(number)) {
                throw TemplateException.value("cannot convert float infinity to integer", line);
            }
            return new BigDecimal(number).toBigInteger();
        }
        String text = PythonValues.stringValue(value);
        if (text == null) {
            throw TemplateException.value(
                    "int() argument must be a string, a bytes-like object or a real number, not '"
                            + PythonValues.typeName(value) + "'",
                    line);
        }
        BigInteger parsed = parseInteger(text);
        if (parsed == null) {
            throw TemplateException.value(
                    "invalid literal for int() with base 10: " + PythonValues.stringRepr(text), line);
        }
        return checkSize(parsed, line);
    }

    /** The builtin {@code float(value)}. */
    static double toFloat(Object value, int line) {
        if (PythonValues.isNumber(value)) {
            return PythonValues.floatValue(value);
        }
        String text = PythonValues.stringValue(value);
        if (text == null) {
            throw TemplateException.value(
                    "float() argument must be a string or a real number, not '" + PythonValues.typeName(value) + "'",
                    line);
        }
        Double parsed = parseFloat(text);
        if (parsed == null) {
            throw TemplateException.value("could not convert string to float: " + PythonValues.stringRepr(text), line);
        }
        return parsed;
    }

    static BigInteger checkSize(BigInteger value, int line) {
        if (value.bitLength() > MAX_INTEGER_BITS) {
            throw TemplateException.template("integer too large (more than " + MAX_INTEGER_BITS + " bits)", line);
        }
        return value;
    }

    /** Python's {@code str.strip()} with no argument. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && PythonValues.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && PythonValues.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }
}
