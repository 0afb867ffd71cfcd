package io.columba.workspace.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The methods templates may call on values: the str methods real pipes use ({@code split}, {@code startswith},
 * {@code join}, {@code lower}, {@code strip}, {@code replace} ...), {@code dict.get/keys/values/items} and
 * {@code list.count/index}. Anything else is Python's AttributeError; nothing reaches Java reflection.
 */
final class PythonMethods {
    private PythonMethods() {}

    static Object call(Object receiver, String method, CallArguments arguments) {
        int line = arguments.line();
        String text = PythonValues.stringValue(receiver);
        if (text != null) {
            return PythonStringMethods.call(text, method, arguments);
        }
        return switch (receiver) {
            case null -> throw noAttribute(null, method, line);
            case Map<?, ?> map -> dictionaryMethod(map, method, arguments);
            case List<?> list -> sequenceMethod(list, "list", method, arguments);
            case PythonTuple tuple -> sequenceMethod(tuple.items(), "tuple", method, arguments);
            case Placeholder ignored -> placeholderMethod(method, arguments);
            default -> throw noAttribute(receiver, method, line);
        };
    }

    static TemplateException noAttribute(Object receiver, String method, int line) {
        String type = PythonValues.typeName(receiver);
        if (type.equals("str") && method.equals("get")) {
            return TemplateException.template(
                    "'str' object has no attribute 'get'. Make sure you're using an object/dictionary where trying"
                            + " to use .get()",
                    line);
        }
        return TemplateException.template("'" + type + "' object has no attribute '" + method + "'", line);
    }

    private static Object dictionaryMethod(Map<?, ?> map, String method, CallArguments arguments) {
        int line = arguments.line();
        switch (method) {
            case "get" -> {
                List<Object> values = arguments.positionalOnly(1, 2);
                Object key = PythonValues.hashKey(values.get(0), line);
                Object fallback = values.size() > 1 ? values.get(1) : null;
                return map.containsKey(key) ? map.get(key) : fallback;
            }
            case "keys" -> {
                arguments.positionalOnly(0, 0);
                return PythonValues.list(new ArrayList<>(map.keySet()));
            }
            case "values" -> {
                arguments.positionalOnly(0, 0);
                return PythonValues.list(new ArrayList<>(map.values()));
            }
            case "items" -> {
                arguments.positionalOnly(0, 0);
                List<Object> items = new ArrayList<>(map.size());
                map.forEach((key, value) -> items.add(PythonTuple.of(key, value)));
                return PythonValues.list(items);
            }
            default -> throw noAttribute(map, method, line);
        }
    }

    private static Object sequenceMethod(List<?> items, String type, String method, CallArguments arguments) {
        int line = arguments.line();
        switch (method) {
            case "count" -> {
                Object wanted = arguments.positionalOnly(1, 1).get(0);
                long count = items.stream()
                        .filter(item -> PythonValues.equal(item, wanted))
                        .count();
                return BigInteger.valueOf(count);
            }
            case "index" -> {
                Object wanted = arguments.positionalOnly(1, 1).get(0);
                for (int i = 0; i < items.size(); i++) {
                    if (PythonValues.equal(items.get(i), wanted)) {
                        return BigInteger.valueOf(i);
                    }
                }
                throw TemplateException.value(
                        type.equals("list")
                                ? PythonValues.repr(wanted) + " is not in list"
                                : "tuple.index(x): x not in tuple",
                        line);
            }
            default -> throw noAttribute(type.equals("list") ? List.of() : PythonTuple.of(), method, line);
        }
    }

    /** Tinybird's Placeholder fakes {@code split} (two placeholders) and {@code startswith} (False). */
    private static Object placeholderMethod(String method, CallArguments arguments) {
        switch (method) {
            case "split" -> {
                return PythonValues.list(new ArrayList<>(List.of(new Placeholder(), new Placeholder())));
            }
            case "startswith" -> {
                return Boolean.FALSE;
            }
            default -> throw noAttribute(new Placeholder(), method, arguments.line());
        }
    }
}
