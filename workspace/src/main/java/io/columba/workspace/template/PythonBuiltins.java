package io.columba.workspace.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Python builtins templates may call: {@code len str int float sum min max abs round range enumerate list
 * tuple sorted any all}. Other builtins ({@code open}, {@code eval}, {@code __import__} ...) do not exist here.
 */
final class PythonBuiltins {
    private PythonBuiltins() {}

    static Object len(CallArguments arguments, RenderState state) {
        return SqlFunctions.length(arguments.positionalOnly(1, 1).get(0), arguments.line());
    }

    static Object str(CallArguments arguments, RenderState state) {
        List<Object> values = arguments.positionalOnly(0, 1);
        return values.isEmpty() ? "" : PythonValues.str(values.get(0));
    }

    static Object integer(CallArguments arguments, RenderState state) {
        List<Object> values = arguments.positionalOnly(0, 1);
        return values.isEmpty() ? BigInteger.ZERO : PythonNumbers.toInteger(values.get(0), arguments.line());
    }

    static Object floatingPoint(CallArguments arguments, RenderState state) {
        List<Object> values = arguments.positionalOnly(0, 1);
        return values.isEmpty() ? 0.0 : PythonNumbers.toFloat(values.get(0), arguments.line());
    }

    static Object sum(CallArguments arguments, RenderState state) {
        int line = arguments.line();
        List<Object> values = arguments.positionalOnly(1, 2);
        Object total = values.size() > 1 ? values.get(1) : BigInteger.ZERO;
        for (Object item : PythonOperators.iterate(values.get(0), line)) {
            total = PythonOperators.binary("+", total, item, line);
        }
        return total;
    }

    static Object min(CallArguments arguments, RenderState state) {
        return extreme(arguments, "min", -1);
    }

    static Object max(CallArguments arguments, RenderState state) {
        return extreme(arguments, "max", 1);
    }

    private static Object extreme(CallArguments arguments, String name, int direction) {
        int line = arguments.line();
        List<Object> values = arguments.positionalOnly(1, Integer.MAX_VALUE);
        List<Object> candidates = values.size() == 1 ? PythonOperators.iterate(values.get(0), line) : values;
        if (candidates.isEmpty()) {
            throw TemplateException.value(name + "() arg is an empty sequence", line);
        }
        Object best = candidates.get(0);
        for (Object candidate : candidates.subList(1, candidates.size())) {
            if (PythonValues.compare(candidate, best, direction > 0 ? ">" : "<", line) * direction > 0) {
                best = candidate;
            }
        }
        return best;
    }

    static Object abs(CallArguments arguments, RenderState state) {
        Object value = arguments.positionalOnly(1, 1).get(0);
        if (PythonValues.isInteger(value)) {
            return PythonValues.integerValue(value).abs();
        }
        if (PythonValues.isNumber(value)) {
            return Math.abs(PythonValues.floatValue(value));
        }
        throw TemplateException.value(
                "bad operand type for abs(): '" + PythonValues.typeName(value) + "'", arguments.line());
    }

    /** {@code round(x[, digits])}: half to even, as Python rounds. */
    static Object round(CallArguments arguments, RenderState state) {
        int line = arguments.line();
        List<Object> values = arguments.positionalOnly(1, 2);
        Object value = values.get(0);
        if (!PythonValues.isNumber(value)) {
            throw TemplateException.value(
                    "type " + PythonValues.typeName(value) + " doesn't define __round__ method", line);
        }
        Object digits = values.size() > 1 ? values.get(1) : null;
        if (PythonValues.isInteger(value)) {
            return PythonValues.integerValue(value);
        }
        double number = PythonValues.floatValue(value);
        if (!Double.isFinite(number)) {
            if (digits == null) {
                throw TemplateException.value(
                        "cannot convert float " + PythonValues.floatRepr(number) + " to integer", line);
            }
            return number;
        }
        int scale = digits == null ? 0 : PythonNumbers.toInteger(digits, line).intValue();
        BigDecimal rounded = new BigDecimal(number).setScale(scale, RoundingMode.HALF_EVEN);
        return digits == null ? rounded.toBigIntegerExact() : rounded.doubleValue();
    }

    /** {@code range(stop)} or {@code range(start, stop[, step])}, materialized as a list. */
    static Object range(CallArguments arguments, RenderState state) {
        int line = arguments.line();
        List<Object> values = arguments.positionalOnly(1, 3);
        List<BigInteger> bounds = new ArrayList<>();
        for (Object value : values) {
            if (!PythonValues.isInteger(value)) {
                throw TemplateException.value(
                        "'" + PythonValues.typeName(value) + "' object cannot be interpreted as an integer", line);
            }
            bounds.add(PythonValues.integerValue(value));
        }
        BigInteger start = bounds.size() == 1 ? BigInteger.ZERO : bounds.get(0);
        BigInteger stop = bounds.size() == 1 ? bounds.get(0) : bounds.get(1);
        BigInteger step = bounds.size() == 3 ? bounds.get(2) : BigInteger.ONE;
        if (step.signum() == 0) {
            throw TemplateException.value("range() arg 3 must not be zero", line);
        }
        BigInteger span = stop.subtract(start);
        BigInteger count = span.signum() == 0 || span.signum() != step.signum()
                ? BigInteger.ZERO
                : span.abs().add(step.abs()).subtract(BigInteger.ONE).divide(step.abs());
        PythonOperators.checkLength(
                count.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue(), line);
        List<Object> items = new ArrayList<>(count.intValue());
        for (BigInteger value = start; items.size() < count.intValue(); value = value.add(step)) {
            items.add(value);
        }
        return PythonValues.list(items);
    }

    static Object enumerate(CallArguments arguments, RenderState state) {
        int line = arguments.line();
        CallArguments.Bound bound = arguments.bind(List.of("iterable", "start"), 1);
        BigInteger index = PythonNumbers.toInteger(bound.getOrDefault("start", BigInteger.ZERO), line);
        List<Object> pairs = new ArrayList<>();
        for (Object item : PythonOperators.iterate(bound.get("iterable"), line)) {
            pairs.add(PythonTuple.of(index, item));
            index = index.add(BigInteger.ONE);
        }
        return PythonValues.list(pairs);
    }

    static Object list(CallArguments arguments, RenderState state) {
        List<Object> values = arguments.positionalOnly(0, 1);
        return PythonValues.list(
                values.isEmpty()
                        ? new ArrayList<>()
                        : new ArrayList<>(PythonOperators.iterate(values.get(0), arguments.line())));
    }

    static Object tuple(CallArguments arguments, RenderState state) {
        List<Object> values = arguments.positionalOnly(0, 1);
        return new PythonTuple(values.isEmpty() ? List.of() : PythonOperators.iterate(values.get(0), arguments.line()));
    }

    static Object sorted(CallArguments arguments, RenderState state) {
        int line = arguments.line();
        CallArguments.Bound bound = arguments.bind(List.of("iterable", "reverse"), 1);
        List<Object> items = new ArrayList<>(PythonOperators.iterate(bound.get("iterable"), line));
        items.sort((left, right) -> PythonValues.compare(left, right, "<", line));
        if (PythonValues.isTrue(bound.get("reverse"))) {
            Collections.reverse(items);
        }
        return PythonValues.list(items);
    }

    static Object any(CallArguments arguments, RenderState state) {
        List<Object> items =
                PythonOperators.iterate(arguments.positionalOnly(1, 1).get(0), arguments.line());
        return items.stream().anyMatch(PythonValues::isTrue);
    }

    static Object all(CallArguments arguments, RenderState state) {
        List<Object> items =
                PythonOperators.iterate(arguments.positionalOnly(1, 1).get(0), arguments.line());
        return items.stream().allMatch(PythonValues::isTrue);
    }
}
