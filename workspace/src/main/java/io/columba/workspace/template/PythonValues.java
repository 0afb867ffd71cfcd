package io.columba.workspace.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python data model the template language runs on. Values are Java objects: {@code null} (None),
 * {@link Boolean}, {@link BigInteger} (int), {@link Double} (float), {@link String}, {@link List} (list),
 * {@link PythonTuple}, {@link Map} (dict, keys normalized by {@link #hashKey}), and the template types
 * {@link TypedInteger}, {@link TypedFloat}, {@link SqlFragment}, {@link Placeholder} and {@link ErrorComment}.
 */
final class PythonValues {
    private PythonValues() {}

    static String typeName(Object value) {
        return switch (value) {
            case null -> "NoneType";
            case Boolean ignored -> "bool";
            case BigInteger ignored -> "int";
            case TypedInteger ignored -> "Integer";
            case Double ignored -> "float";
            case TypedFloat ignored -> "Float";
            case String ignored -> "str";
            case SqlFragment fragment -> fragment.stringLike() ? "Expression" : "Symbol";
            case List<?> ignored -> "list";
            case PythonTuple ignored -> "tuple";
            case Map<?, ?> ignored -> "dict";
            case Placeholder ignored -> "Placeholder";
            case ErrorComment ignored -> "Comment";
            default -> value.getClass().getSimpleName();
        };
    }

    static boolean isTrue(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean bool -> bool;
            case BigInteger integer -> integer.signum() != 0;
            case TypedInteger typed -> typed.value().signum() != 0;
            case Double number -> number != 0.0;
            case TypedFloat typed -> typed.value() != 0.0;
            case String text -> !text.isEmpty();
            case SqlFragment fragment ->
                !fragment.stringLike() || !fragment.text().isEmpty();
            case List<?> list -> !list.isEmpty();
            case PythonTuple tuple -> !tuple.items().isEmpty();
            case Map<?, ?> map -> !map.isEmpty();
            default -> true;
        };
    }

    /** The text of a str (or of an Expression, a str subclass), or {@code null} for other values. */
    static String stringValue(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof SqlFragment fragment && fragment.stringLike()) {
            return fragment.text();
        }
        return null;
    }

    static boolean isInteger(Object value) {
        return value instanceof BigInteger || value instanceof Boolean || value instanceof TypedInteger;
    }

    static boolean isNumber(Object value) {
        return isInteger(value) || value instanceof Double || value instanceof TypedFloat;
    }

    /** The int value of a bool, int or Integer; callers check {@link #isInteger} first. */
    static BigInteger integerValue(Object value) {
        return switch (value) {
            case BigInteger integer -> integer;
            case TypedInteger typed -> typed.value();
            case Boolean bool -> bool ? BigInteger.ONE : BigInteger.ZERO;
            default -> throw new IllegalArgumentException("not an int: " + typeName(value));
        };
    }

    /** The float value of any number; callers check {@link #isNumber} first. */
    static double floatValue(Object value) {
        return switch (value) {
            case Double number -> number;
            case TypedFloat typed -> typed.value();
            default -> integerValue(value).doubleValue();
        };
    }

    static boolean equal(Object left, Object right) {
        if (left == right) {
            return true;
        }
        if (left == null || right == null) {
            return false;
        }
        if (isNumber(left) && isNumber(right)) {
            return compareNumbers(left, right) == 0 && !isNaN(left) && !isNaN(right);
        }
        String leftText = stringValue(left);
        String rightText = stringValue(right);
        if (leftText != null || rightText != null) {
            return leftText != null && leftText.equals(rightText);
        }
        if (left instanceof List<?> leftList && right instanceof List<?> rightList) {
            return equalItems(leftList, rightList);
        }
        if (left instanceof PythonTuple leftTuple && right instanceof PythonTuple rightTuple) {
            return equalItems(leftTuple.items(), rightTuple.items());
        }
        if (left instanceof Map<?, ?> leftMap && right instanceof Map<?, ?> rightMap) {
            return equalMaps(leftMap, rightMap);
        }
        return false;
    }

    private static boolean equalItems(List<?> left, List<?> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!equal(left.get(i), right.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalMaps(Map<?, ?> left, Map<?, ?> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (Map.Entry<?, ?> entry : left.entrySet()) {
            if (!right.containsKey(entry.getKey()) || !equal(entry.getValue(), right.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNaN(Object number) {
        return (number instanceof Double || number instanceof TypedFloat) && Double.isNaN(floatValue(number));
    }

    /** Python ordering ({@code <} and friends); a TypeError when the two values cannot be ordered. */
    static int compare(Object left, Object right, String operator, int line) {
        if (isNumber(left) && isNumber(right)) {
            return compareNumbers(left, right);
        }
        String leftText = stringValue(left);
        String rightText = stringValue(right);
        if (leftText != null && rightText != null) {
            return compareCodePoints(leftText, rightText);
        }
        if (left instanceof List<?> leftList && right instanceof List<?> rightList) {
            return compareItems(leftList, rightList, operator, line);
        }
        if (left instanceof PythonTuple leftTuple && right instanceof PythonTuple rightTuple) {
            return compareItems(leftTuple.items(), rightTuple.items(), operator, line);
        }
        String message = "'" + operator + "' not supported between instances of '" + typeName(left) + "' and '"
                + typeName(right) + "'";
        if (left instanceof Placeholder) {
            message += ". If you are using a dynamic parameter, you need to wrap it around a valid Data Type"
                    + " (e.g. Int8(placeholder))";
        }
        throw TemplateException.value(message, line);
    }

    private static int compareItems(List<?> left, List<?> right, String operator, int line) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            if (!equal(left.get(i), right.get(i))) {
                return compare(left.get(i), right.get(i), operator, line);
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static int compareNumbers(Object left, Object right) {
        if (isInteger(left) && isInteger(right)) {
            return integerValue(left).compareTo(integerValue(right));
        }
        double leftFloat = floatValue(left);
        double rightFloat = floatValue(right);
        if (Double.isNaN(leftFloat)
                || Double.isNaN(rightFloat)
                || Double.isInfinite(leftFloat)
                || Double.isInfinite(rightFloat)) {
            return Double.compare(leftFloat, rightFloat);
        }
        return exactDecimal(left).compareTo(exactDecimal(right));
    }

    private static BigDecimal exactDecimal(Object number) {
        return isInteger(number) ? new BigDecimal(integerValue(number)) : new BigDecimal(floatValue(number));
    }

    /** Python compares strings by code point, not by UTF-16 unit. */
    static int compareCodePoints(String left, String right) {
        int leftIndex = 0;
        int rightIndex = 0;
        while (leftIndex < left.length() && rightIndex < right.length()) {
            int leftCode = left.codePointAt(leftIndex);
            int rightCode = right.codePointAt(rightIndex);
            if (leftCode != rightCode) {
                return Integer.compare(leftCode, rightCode);
            }
            leftIndex += Character.charCount(leftCode);
            rightIndex += Character.charCount(rightCode);
        }
        return Boolean.compare(leftIndex < left.length(), rightIndex < right.length());
    }

    /** Python's {@code str(value)}. */
    static String str(Object value) {
        return switch (value) {
            case null -> "None";
            case String text -> text;
            case SqlFragment fragment -> fragment.text();
            case TypedInteger typed -> typed.sql();
            case TypedFloat typed -> typed.sql();
            case Placeholder ignored -> Placeholder.TEXT;
            case ErrorComment ignored -> "error launched";
            default -> repr(value);
        };
    }

    /** Python's {@code repr(value)}. */
    static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean bool -> bool ? "True" : "False";
            case BigInteger integer -> integer.toString();
            case TypedInteger typed -> typed.value().toString();
            case Double number -> floatRepr(number);
            case TypedFloat typed -> floatRepr(typed.value());
            case String text -> stringRepr(text);
            case SqlFragment fragment -> fragment.stringLike() ? stringRepr(fragment.text()) : fragment.text();
            case List<?> list -> joinRepr("[", list, "]");
            case PythonTuple tuple ->
                tuple.items().size() == 1 ? "(" + repr(tuple.items().get(0)) + ",)" : joinRepr("(", tuple.items(), ")");
            case Map<?, ?> map -> mapRepr(map);
            case Placeholder ignored -> stringRepr(Placeholder.TEXT);
            case ErrorComment ignored -> stringRepr("error launched");
            default -> value.toString();
        };
    }

    private static String joinRepr(String open, List<?> items, String close) {
        StringBuilder text = new StringBuilder(open);
        for (int i = 0; i < items.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(repr(items.get(i)));
        }
        return text.append(close).toString();
    }

    private static String mapRepr(Map<?, ?> map) {
        StringBuilder text = new StringBuilder("{");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            text.append(repr(entry.getKey())).append(": ").append(repr(entry.getValue()));
            text.append(entries.hasNext() ? ", " : "");
        }
        return text.append('}').toString();
    }

    /** Python's float repr: the shortest round-trip digits, fixed notation between 1e-4 and 1e16. */
    static String floatRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = value < 0 || (value == 0.0 && 1 / value < 0) ? "-" : "";
        if (value == 0.0) {
            return sign + "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exponentDigits = String.valueOf(Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exponentDigits.length() < 2 ? "0" : "")
                + exponentDigits;
    }

    /** Python's str repr: single quotes unless the text has a single quote and no double quote. */
    static String stringRepr(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder result = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(codePoint -> appendReprCodePoint(result, codePoint, quote));
        return result.append(quote).toString();
    }

    private static void appendReprCodePoint(StringBuilder result, int codePoint, char quote) {
        switch (codePoint) {
            case '\\' -> result.append("\\\\");
            case '\n' -> result.append("\\n");
            case '\r' -> result.append("\\r");
            case '\t' -> result.append("\\t");
            default -> {
                if (codePoint == quote) {
                    result.append('\\').append(quote);
                } else if (isPrintable(codePoint)) {
                    result.appendCodePoint(codePoint);
                } else if (codePoint < 0x100) {
                    result.append(String.format("\\x%02x", codePoint));
                } else if (codePoint < 0x10000) {
                    result.append(String.format("\\u%04x", codePoint));
                } else {
                    result.append(String.format("\\U%08x", codePoint));
                }
            }
        }
    }

    /** Python's {@code str.isprintable} for one code point. */
    private static boolean isPrintable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Python's {@code str.isspace} for one code point (Java's isWhitespace misses the no-break spaces). */
    static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint)
                || codePoint == 0x85
                || codePoint == 0xA0
                || codePoint == 0x2007
                || codePoint == 0x202F;
    }

    /** The key a dict stores {@code value} under: Python's {@code 1 == 1.0 == True} share one key. */
    static Object hashKey(Object value, int line) {
        return switch (value) {
            case null -> null;
            case Boolean bool -> bool ? BigInteger.ONE : BigInteger.ZERO;
            case TypedInteger typed -> typed.value();
            case TypedFloat typed -> hashKey(typed.value(), line);
            case Double number -> isWholeNumber(number) ? new BigDecimal(number).toBigIntegerExact() : number;
            case SqlFragment fragment -> fragment.stringLike() ? fragment.text() : fragment;
            case PythonTuple tuple -> hashTuple(tuple, line);
            case List<?> ignored -> throw TemplateException.value("unhashable type: 'list'", line);
            case Map<?, ?> ignored -> throw TemplateException.value("unhashable type: 'dict'", line);
            default -> value;
        };
    }

    private static boolean isWholeNumber(double number) {
        return !Double.isInfinite(number) && !Double.isNaN(number) && number == Math.rint(number);
    }

    private static PythonTuple hashTuple(PythonTuple tuple, int line) {
        List<Object> keys = new ArrayList<>(tuple.items().size());
        for (Object item : tuple.items()) {
            keys.add(hashKey(item, line));
        }
        return new PythonTuple(keys);
    }

    /** An immutable Python list holding {@code items} (which may contain None). */
    static List<Object> list(List<Object> items) {
        return Collections.unmodifiableList(items);
    }

    /** An immutable dict from already normalized keys. */
    static Map<Object, Object> dict(LinkedHashMap<Object, Object> entries) {
        return Collections.unmodifiableMap(entries);
    }
}
