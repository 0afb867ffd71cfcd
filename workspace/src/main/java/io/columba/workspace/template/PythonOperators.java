package io.columba.workspace.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Python's arithmetic, membership, indexing, slicing and iteration over {@link PythonValues}. */
final class PythonOperators {
    /** The longest str or list an operator may build; keeps {@code 'a' * n} and {@code range(n)} bounded. */
    static final int MAX_SEQUENCE_LENGTH = 16_000_000;

    private PythonOperators() {}

    static Object binary(String operator, Object left, Object right, int line) {
        if (left instanceof Placeholder && operator.equals("+")) {
            return new Placeholder();
        }
        if (PythonValues.isNumber(left) && PythonValues.isNumber(right)) {
            return arithmetic(operator, left, right, line);
        }
        return switch (operator) {
            case "+" -> concatenate(left, right, line);
            case "*" -> repeat(left, right, line);
            default -> throw unsupported(operator, left, right, line);
        };
    }

    private static TemplateException unsupported(String operator, Object left, Object right, int line) {
        return TemplateException.value(
                "unsupported operand type(s) for " + operator + ": '" + PythonValues.typeName(left) + "' and '"
                        + PythonValues.typeName(right) + "'",
                line);
    }

    private static Object arithmetic(String operator, Object left, Object right, int line) {
        if (PythonValues.isInteger(left) && PythonValues.isInteger(right)) {
            return integerArithmetic(operator, PythonValues.integerValue(left), PythonValues.integerValue(right), line);
        }
        double a = PythonValues.floatValue(left);
        double b = PythonValues.floatValue(right);
        return switch (operator) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> {
                requireNonZero(b == 0.0, "float division by zero", line);
                yield a / b;
            }
            case "//" -> {
                requireNonZero(b == 0.0, "float floor division by zero", line);
                yield Math.floor(a / b);
            }
            case "%" -> {
                requireNonZero(b == 0.0, "float modulo", line);
                double remainder = a % b;
                yield remainder != 0.0 && (remainder < 0) != (b < 0) ? remainder + b : remainder;
            }
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static Object integerArithmetic(String operator, BigInteger a, BigInteger b, int line) {
        return switch (operator) {
            case "+" -> PythonNumbers.checkSize(a.add(b), line);
            case "-" -> PythonNumbers.checkSize(a.subtract(b), line);
            case "*" -> PythonNumbers.checkSize(a.multiply(b), line);
            case "/" -> {
                requireNonZero(b.signum() == 0, "division by zero", line);
                yield new BigDecimal(a)
                        .divide(new BigDecimal(b), MathContext.DECIMAL128)
                        .doubleValue();
            }
            case "//" -> {
                requireNonZero(b.signum() == 0, "integer division or modulo by zero", line);
                yield floorDivide(a, b);
            }
            case "%" -> {
                requireNonZero(b.signum() == 0, "integer modulo by zero", line);
                yield a.subtract(floorDivide(a, b).multiply(b));
            }
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static BigInteger floorDivide(BigInteger a, BigInteger b) {
        BigInteger[] quotientAndRemainder = a.divideAndRemainder(b);
        BigInteger quotient = quotientAndRemainder[0];
        boolean inexact = quotientAndRemainder[1].signum() != 0;
        return inexact && (a.signum() != b.signum()) ? quotient.subtract(BigInteger.ONE) : quotient;
    }

    private static void requireNonZero(boolean zero, String message, int line) {
        if (zero) {
            throw TemplateException.value(message, line);
        }
    }

    private static Object concatenate(Object left, Object right, int line) {
        String leftText = PythonValues.stringValue(left);
        if (leftText != null) {
            String rightText = PythonValues.stringValue(right);
            if (rightText == null) {
                throw TemplateException.value(
                        "can only concatenate str (not \"" + PythonValues.typeName(right) + "\") to str", line);
            }
            checkLength((long) leftText.length() + rightText.length(), line);
            return leftText + rightText;
        }
        if (left instanceof List<?> leftList) {
            if (!(right instanceof List<?> rightList)) {
                throw TemplateException.value(
                        "can only concatenate list (not \"" + PythonValues.typeName(right) + "\") to list", line);
            }
            checkLength((long) leftList.size() + rightList.size(), line);
            List<Object> joined = new ArrayList<>(leftList);
            joined.addAll(rightList);
            return PythonValues.list(joined);
        }
        if (left instanceof PythonTuple leftTuple && right instanceof PythonTuple rightTuple) {
            List<Object> joined = new ArrayList<>(leftTuple.items());
            joined.addAll(rightTuple.items());
            return new PythonTuple(joined);
        }
        throw unsupported("+", left, right, line);
    }

    private static Object repeat(Object left, Object right, int line) {
        Object sequence = PythonValues.isInteger(left) ? right : left;
        Object count = PythonValues.isInteger(left) ? left : right;
        if (!PythonValues.isInteger(count)) {
            if (PythonValues.stringValue(sequence) != null || sequence instanceof List<?>) {
                throw TemplateException.value(
                        "can't multiply sequence by non-int of type '" + PythonValues.typeName(count) + "'", line);
            }
            throw unsupported("*", left, right, line);
        }
        long times = Math.max(
                0,
                PythonValues.integerValue(count)
                        .max(BigInteger.valueOf(-1))
                        .min(BigInteger.valueOf(MAX_SEQUENCE_LENGTH + 1L))
                        .longValue());
        String text = PythonValues.stringValue(sequence);
        if (text != null) {
            checkLength(times * text.length(), line);
            return text.repeat((int) times);
        }
        if (sequence instanceof List<?> list) {
            checkLength(times * list.size(), line);
            List<Object> repeated = new ArrayList<>();
            for (long i = 0; i < times; i++) {
                repeated.addAll(list);
            }
            return PythonValues.list(repeated);
        }
        throw unsupported("*", left, right, line);
    }

    static void checkLength(long length, int line) {
        if (length > MAX_SEQUENCE_LENGTH) {
            throw TemplateException.limit(
                    "value too large: more than " + MAX_SEQUENCE_LENGTH + " characters or items", line);
        }
    }

    static Object unary(String operator, Object operand, int line) {
        if (operator.equals("not")) {
            return !PythonValues.isTrue(operand);
        }
        if (PythonValues.isInteger(operand)) {
            BigInteger value = PythonValues.integerValue(operand);
            return operator.equals("-") ? value.negate() : value;
        }
        if (operand instanceof Double || operand instanceof TypedFloat) {
            double value = PythonValues.floatValue(operand);
            return operator.equals("-") ? -value : value;
        }
        throw TemplateException.value(
                "bad operand type for unary " + operator + ": '" + PythonValues.typeName(operand) + "'", line);
    }

    /** {@code item in container}. */
    static boolean contains(Object container, Object item, int line) {
        String text = PythonValues.stringValue(container);
        if (text != null) {
            String needle = PythonValues.stringValue(item);
            if (needle == null) {
                throw TemplateException.value(
                        "'in <string>' requires string as left operand, not " + PythonValues.typeName(item), line);
            }
            return text.contains(needle);
        }
        if (container instanceof Map<?, ?> map) {
            return map.containsKey(PythonValues.hashKey(item, line));
        }
        if (!(container instanceof List<?> || container instanceof PythonTuple || container instanceof Placeholder)) {
            throw TemplateException.value(
                    "argument of type '" + PythonValues.typeName(container) + "' is not iterable", line);
        }
        for (Object element : iterate(container, line)) {
            if (PythonValues.equal(element, item)) {
                return true;
            }
        }
        return false;
    }

    /** The items a {@code for} loop visits: list and tuple items, a str's characters, a dict's keys. */
    static List<Object> iterate(Object value, int line) {
        return switch (value) {
            case null -> throw TemplateException.value("'NoneType' object is not iterable", line);
            case List<?> list -> new ArrayList<>(list);
            case PythonTuple tuple -> tuple.items();
            case Map<?, ?> map -> new ArrayList<>(map.keySet());
            case Placeholder ignored -> List.of(new Placeholder(), new Placeholder(), new Placeholder());
            default -> {
                String text = PythonValues.stringValue(value);
                if (text == null) {
                    throw TemplateException.value(
                            "'" + PythonValues.typeName(value) + "' object is not iterable", line);
                }
                List<Object> characters = new ArrayList<>(text.length());
                text.codePoints().forEach(codePoint -> characters.add(Character.toString(codePoint)));
                yield characters;
            }
        };
    }

    /** {@code container[index]}. */
    static Object subscript(Object container, Object index, int line) {
        String text = PythonValues.stringValue(container);
        if (text != null) {
            int[] codePoints = text.codePoints().toArray();
            int position = position(index, codePoints.length, "string", line);
            return Character.toString(codePoints[position]);
        }
        return switch (container) {
            case null -> throw TemplateException.value("'NoneType' object is not subscriptable", line);
            case List<?> list -> list.get(position(index, list.size(), "list", line));
            case PythonTuple tuple ->
                tuple.items().get(position(index, tuple.items().size(), "tuple", line));
            case Map<?, ?> map -> {
                Object key = PythonValues.hashKey(index, line);
                if (!map.containsKey(key)) {
                    throw TemplateException.template("KeyError: " + PythonValues.repr(index), line);
                }
                yield map.get(key);
            }
            case Placeholder ignored -> placeholderItem(index, line);
            default ->
                throw TemplateException.value(
                        "'" + PythonValues.typeName(container) + "' object is not subscriptable", line);
        };
    }

    private static Object placeholderItem(Object index, int line) {
        if (!PythonValues.isInteger(index)) {
            PythonValues.compare(index, BigInteger.TWO, ">", line);
        }
        if (PythonValues.integerValue(index).compareTo(BigInteger.TWO) > 0) {
            throw TemplateException.template("Placeholder index out of range", line);
        }
        return new Placeholder();
    }

    private static int position(Object index, int length, String kind, int line) {
        if (!PythonValues.isInteger(index)) {
            String message = kind.equals("string")
                    ? "string indices must be integers, not '" + PythonValues.typeName(index) + "'"
                    : kind + " indices must be integers or slices, not " + PythonValues.typeName(index);
            throw TemplateException.value(message, line);
        }
        BigInteger value = PythonValues.integerValue(index);
        BigInteger normalized = value.signum() < 0 ? value.add(BigInteger.valueOf(length)) : value;
        if (normalized.signum() < 0 || normalized.compareTo(BigInteger.valueOf(length)) >= 0) {
            if (kind.equals("string")) {
                throw TemplateException.template(
                        "String index out of range. Check that string parameters have values before accessing"
                                + " specific characters (e.g., param[0]). Provide default values or add length checks"
                                + " in your template.",
                        line);
            }
            throw TemplateException.template(kind + " index out of range", line);
        }
        return normalized.intValue();
    }

    /** {@code container[lower:upper:step]} with Python's clamping of bounds. */
    static Object slice(Object container, Object lower, Object upper, Object step, int line) {
        String text = PythonValues.stringValue(container);
        List<Object> items;
        if (text != null) {
            items = iterate(text, line);
        } else if (container instanceof List<?> || container instanceof PythonTuple) {
            items = iterate(container, line);
        } else {
            throw TemplateException.value(
                    "'" + PythonValues.typeName(container) + "' object is not subscriptable", line);
        }
        int stride = step == null ? 1 : sliceBound(step, line);
        if (stride == 0) {
            throw TemplateException.value("slice step cannot be zero", line);
        }
        int size = items.size();
        int start = clamp(lower, stride > 0 ? 0 : size - 1, size, stride, line);
        int stop = clamp(upper, stride > 0 ? size : -1, size, stride, line);
        List<Object> selected = new ArrayList<>();
        for (int i = start; stride > 0 ? i < stop : i > stop; i += stride) {
            selected.add(items.get(i));
        }
        if (text != null) {
            StringBuilder joined = new StringBuilder();
            selected.forEach(character -> joined.append((String) character));
            return joined.toString();
        }
        return container instanceof PythonTuple ? new PythonTuple(selected) : PythonValues.list(selected);
    }

    private static int clamp(Object bound, int absent, int size, int stride, int line) {
        if (bound == null) {
            return absent;
        }
        long value = sliceBound(bound, line);
        if (value < 0) {
            value += size;
        }
        long low = stride > 0 ? 0 : -1;
        long high = stride > 0 ? size : size - 1;
        return (int) Math.max(low, Math.min(high, value));
    }

    private static int sliceBound(Object bound, int line) {
        if (!PythonValues.isInteger(bound)) {
            throw TemplateException.value("slice indices must be integers or None or have an __index__ method", line);
        }
        BigInteger value = PythonValues.integerValue(bound);
        return value.max(BigInteger.valueOf(Integer.MIN_VALUE / 2))
                .min(BigInteger.valueOf(Integer.MAX_VALUE / 2))
                .intValue();
    }
}
