package io.columba.workspace.template;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluated arguments of one call, and Python's rules for binding them to parameter names. A name bound to
 * {@code null} was passed as None; a name that is absent was not passed, so the callee applies its default.
 */
final class CallArguments {
    private final String function;
    private final List<Object> positional;
    private final LinkedHashMap<String, Object> keywords;
    private final int line;

    CallArguments(String function, List<Object> positional, LinkedHashMap<String, Object> keywords, int line) {
        this.function = function;
        this.positional = positional;
        this.keywords = keywords;
        this.line = line;
    }

    String function() {
        return function;
    }

    List<Object> positional() {
        return positional;
    }

    /** Keyword arguments in the order they were written. */
    Map<String, Object> keywords() {
        return keywords;
    }

    int line() {
        return line;
    }

    /** The arguments bound to {@code names}, the first {@code required} of which must be given. */
    Bound bind(List<String> names, int required) {
        if (positional.size() > names.size()) {
            throw TemplateException.value(
                    function + "() takes " + takes(names.size(), required) + " positional argument"
                            + (names.size() == 1 ? "" : "s") + " but " + positional.size() + " were given",
                    line);
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            values.put(names.get(i), positional.get(i));
        }
        for (Map.Entry<String, Object> keyword : keywords.entrySet()) {
            if (!names.contains(keyword.getKey())) {
                throw TemplateException.value(
                        function + "() got an unexpected keyword argument '" + keyword.getKey() + "'", line);
            }
            if (values.containsKey(keyword.getKey())) {
                throw TemplateException.value(
                        function + "() got multiple values for argument '" + keyword.getKey() + "'", line);
            }
            values.put(keyword.getKey(), keyword.getValue());
        }
        for (String name : names.subList(0, required)) {
            if (!values.containsKey(name)) {
                throw TemplateException.template("one of the transform type functions is missing an argument", line);
            }
        }
        return new Bound(values);
    }

    /** Only positional arguments, between {@code minimum} and {@code maximum} of them (Python builtins). */
    List<Object> positionalOnly(int minimum, int maximum) {
        if (!keywords.isEmpty()) {
            throw TemplateException.value(function + "() takes no keyword arguments", line);
        }
        if (positional.size() < minimum || positional.size() > maximum) {
            String expected = minimum == maximum ? "exactly " + minimum : "at most " + maximum;
            if (positional.size() < minimum && minimum != maximum) {
                expected = "at least " + minimum;
            }
            throw TemplateException.value(
                    function + "() takes " + expected + " argument" + (minimum == 1 && maximum == 1 ? "" : "s") + " ("
                            + positional.size() + " given)",
                    line);
        }
        return positional;
    }

    private static String takes(int count, int required) {
        return count == required ? String.valueOf(count) : "from " + required + " to " + count;
    }

    /** Arguments bound to parameter names. */
    record Bound(Map<String, Object> values) {
        Object get(String name) {
            return values.get(name);
        }

        /** The argument, or {@code absent} when it was not passed (an explicit None stays None). */
        Object getOrDefault(String name, Object absent) {
            return values.containsKey(name) ? values.get(name) : absent;
        }
    }
}
