package io.columba.workspace.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tinybird's type functions: {@code String}, {@code Int8} ... {@code UInt256}, {@code Int}, {@code Integer},
 * {@code Float32/64}, {@code Date}, {@code DateTime}, {@code DateTime64}, {@code Boolean}, {@code Array} and
 * {@code JSON}. Each takes the parameter, then a default; a missing parameter without default is an error unless
 * {@code defined=False}; the value is validated per type and rendered so that it cannot change the SQL around it.
 */
final class TypeFunctions {
    /** Tinybird's signature for the scalar types; after the default, all but {@code defined} are metadata. */
    static final List<String> SCALAR_PARAMETERS =
            List.of("x", "default", "defined", "required", "description", "enum", "example", "format");

    static final List<String> ARRAY_PARAMETERS =
            List.of("x", "_type", "default", "defined", "required", "description", "enum", "example", "format");

    static final Set<String> SCALAR_TYPES = Set.of(
            "String",
            "Int",
            "Integer",
            "Int8",
            "Int16",
            "Int32",
            "Int64",
            "Int128",
            "Int256",
            "UInt8",
            "UInt16",
            "UInt32",
            "UInt64",
            "UInt128",
            "UInt256",
            "Float32",
            "Float64",
            "Date",
            "DateTime",
            "DateTime64");

    /** The element types {@code Array(x, 'Type')} converts with a function of its own. */
    private static final Set<String> ELEMENT_TYPES = union(SCALAR_TYPES, Set.of("bool", "Boolean", "Symbol", "Column"));

    private TypeFunctions() {}

    static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }

    /** {@code String(x)}, {@code Int32(x, 5)}, {@code DateTime(x, description='...')} and the like. */
    static Object scalar(String function, CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(SCALAR_PARAMETERS, 1);
        Object defined = bound.getOrDefault("defined", Boolean.TRUE);
        return convert(function, bound.get("x"), bound.get("default"), defined, true, state, arguments.line());
    }

    /**
     * Tinybird's {@code transform_type}: placeholder or default for a missing value, then validation, then the
     * conversion; {@code typed} numbers render as {@code toInt32('5')}, untyped ones (array elements) as {@code 5}.
     */
    static Object convert(
            String function, Object x, Object fallback, Object defined, boolean typed, RenderState state, int line) {
        Object value = x;
        if (x instanceof Placeholder) {
            value = PythonValues.isTrue(fallback) ? fallback : placeholderValue(function);
        } else if (x == null) {
            value = fallback;
            if (value == null) {
                if (PythonValues.isTrue(defined)) {
                    throw state.requiredParameterError(line);
                }
                return null;
            }
        }
        String text = PythonValues.str(value);
        if (function.equals("String")) {
            return text;
        }
        String tester = testerName(function);
        if (!ValueTesters.test(tester, text)) {
            throw TemplateException.parameter("Error validating '" + text + "' to type " + tester, line);
        }
        return switch (function) {
            case "Int", "Integer" -> new BigInteger(text.strip().replace("+", ""));
            case "Float32", "Float64" -> {
                double number =
                        PythonValues.isNumber(value) ? PythonValues.floatValue(value) : PythonNumbers.parseFloat(text);
                yield typed ? new TypedFloat(number, function) : number;
            }
            case "Date", "DateTime", "DateTime64" -> text;
            default -> {
                BigInteger number = new BigInteger(text.strip().replace("+", ""));
                yield typed ? new TypedInteger(number, function) : number;
            }
        };
    }

    private static String testerName(String function) {
        return function.equals("Int") || function.equals("Integer") ? "Int32" : function;
    }

    /** The value a missing parameter takes when rendering for validation (Tinybird's {@code type_fns_check}). */
    private static Object placeholderValue(String function) {
        return switch (function) {
            case "String" -> Placeholder.TEXT;
            case "Float32", "Float64" -> 0.0;
            case "Date" -> "2019-01-01";
            case "DateTime" -> "2019-01-01 00:00:00";
            case "DateTime64" -> "2019-01-01 00:00:00.000";
            default -> BigInteger.ZERO;
        };
    }

    /** {@code Boolean(x, default)}: 1 or 0; {@code '0'} and {@code 'false'} (any case) are false. */
    static Object bool(CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(SCALAR_PARAMETERS, 1);
        return booleanValue(bound.get("x"), bound.get("default"));
    }

    static BigInteger booleanValue(Object x, Object fallback) {
        if (x == null) {
            return fallback == null ? BigInteger.ZERO : booleanValue(fallback, null);
        }
        if (x instanceof Placeholder) {
            return booleanValue(fallback, null);
        }
        String text = PythonValues.stringValue(x);
        if (text != null && (text.equals("0") || text.equalsIgnoreCase("false"))) {
            return BigInteger.ZERO;
        }
        return PythonValues.isTrue(x) ? BigInteger.ONE : BigInteger.ZERO;
    }

    /** {@code Array(x, 'Type', default)}: a ClickHouse array literal of validated, escaped elements. */
    static Object array(CallArguments arguments, RenderState state) {
        int line = arguments.line();
        CallArguments.Bound bound = arguments.bind(ARRAY_PARAMETERS, 1);
        String type = PythonValues.stringValue(bound.get("_type"));
        Object fallback = bound.get("default");
        Object value = bound.get("x");
        if (value instanceof Placeholder) {
            value = PythonValues.isTrue(fallback) ? fallback : placeholderArray(type, state, line);
        } else if (value == null) {
            value = fallback;
            if (value == null) {
                if (PythonValues.isTrue(bound.getOrDefault("defined", Boolean.TRUE))) {
                    throw state.requiredParameterError(line);
                }
                return null;
            }
        }
        List<Object> elements = arrayElements(value, line);
        List<String> rendered = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            String text = PythonValues.str(element);
            if (type != null && ValueTesters.hasTester(type) && !ValueTesters.test(type, text)) {
                throw TemplateException.parameter(
                        "Error validating [" + PythonValues.str(value) + "][" + i + "] ("
                                + (text.isEmpty() && element instanceof String ? "empty string" : text) + ") to type "
                                + type,
                        line);
            }
            rendered.add(SqlEscaping.render(element(type, element, state, line), text, line));
        }
        return SqlFragment.expression("[" + String.join(",", rendered) + "]");
    }

    private static List<Object> arrayElements(Object value, int line) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        String text = PythonValues.stringValue(value);
        if (text == null) {
            throw TemplateException.template("transform type function Array is not well defined", line);
        }
        return new ArrayList<>(List.of((Object[]) text.split(",", -1)));
    }

    private static String placeholderArray(String type, RenderState state, int line) {
        if (type == null || !ELEMENT_TYPES.contains(type) || type.equals("String")) {
            return "";
        }
        String one = PythonValues.str(element(type, new Placeholder(), state, line));
        return one + "," + one;
    }

    /** One array element converted by the function of its type (identity for untyped arrays). */
    static Object element(String type, Object value, RenderState state, int line) {
        if (type == null) {
            return value;
        }
        if (SCALAR_TYPES.contains(type)) {
            return convert(type, value, null, Boolean.TRUE, false, state, line);
        }
        return switch (type) {
            case "bool", "Boolean", "Bool" -> booleanValue(value, null);
            case "Symbol", "Column" -> SqlFunctions.symbolValue(value, "`", line);
            default -> value;
        };
    }

    /** {@code JSON(x, default)}: the parsed value of a JSON parameter, for {@code {% for %}} and {@code .get()}. */
    static Object json(CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(SCALAR_PARAMETERS, 1);
        Object fallback = bound.get("default");
        Object value = bound.get("x");
        if (value instanceof Placeholder) {
            value = PythonValues.isTrue(fallback) ? fallback : Placeholder.TEXT;
        }
        if (value == null) {
            value = PythonValues.stringValue(fallback) != null ? fallback : "{}";
        }
        String text = PythonValues.stringValue(value);
        if (text == null) {
            return value;
        }
        try {
            return PythonJson.parse(text);
        } catch (PythonJson.JsonError error) {
            String shown = text.codePointCount(0, text.length()) > 16
                    ? text.substring(0, text.offsetByCodePoints(0, 16)) + "..."
                    : text;
            throw TemplateException.parameter(
                    "Error parsing JSON: '" + shown + "' - " + error.getMessage(), arguments.line());
        }
    }
}
