package io.columba.workspace.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every function a template can call, registered explicitly: Tinybird's type functions, SQL helpers, date
 * differences, query hints and secrets, and the few Python builtins real pipes use. A name that is not here is
 * {@code 'name' is not a valid function}.
 */
final class BuiltinFunctions {
    private static final Map<String, TemplateFunction> FUNCTIONS = register();

    /** The functions whose first argument declares a typed parameter (for {@link ParameterCollector}). */
    static final Set<String> TYPE_DECLARATIONS =
            TypeFunctions.union(TypeFunctions.SCALAR_TYPES, Set.of("Boolean", "bool", "Array", "JSON"));

    private BuiltinFunctions() {}

    static TemplateFunction find(String name) {
        return FUNCTIONS.get(name);
    }

    static boolean isFunction(String name) {
        return FUNCTIONS.containsKey(name);
    }

    private static Map<String, TemplateFunction> register() {
        Map<String, TemplateFunction> functions = new LinkedHashMap<>();
        for (String type : TypeFunctions.SCALAR_TYPES) {
            functions.put(type, (arguments, state) -> TypeFunctions.scalar(type, arguments, state));
        }
        functions.put("Boolean", TypeFunctions::bool);
        functions.put("bool", TypeFunctions::bool);
        functions.put("Array", TypeFunctions::array);
        functions.put("JSON", TypeFunctions::json);

        functions.put("defined", SqlFunctions::defined);
        functions.put("column", SqlFunctions::column);
        functions.put("columns", SqlFunctions::columns);
        functions.put("symbol", SqlFunctions::symbol);
        functions.put("Symbol", SqlFunctions::symbol);
        functions.put("Column", SqlFunctions::symbol);
        functions.put("table", SqlFunctions::table);
        functions.put("TABLE", SqlFunctions::table);
        functions.put("sql_and", SqlFunctions::sqlAnd);
        functions.put("sql_unescape", SqlFunctions::sqlUnescape);
        functions.put("split_to_array", SqlFunctions::splitToArray);
        functions.put("enumerate_with_last", SqlFunctions::enumerateWithLast);

        functions.put("day_diff", DateDifferenceFunctions::dayDiff);
        functions.put("date_diff_in_days", DateDifferenceFunctions::inDays);
        functions.put("date_diff_in_hours", DateDifferenceFunctions::inHours);
        functions.put("date_diff_in_minutes", DateDifferenceFunctions::inMinutes);
        functions.put("date_diff_in_seconds", DateDifferenceFunctions::inSeconds);

        functions.put("error", QueryFunctions::error);
        functions.put("custom_error", QueryFunctions::customError);
        functions.put("max_threads", QueryFunctions::maxThreads);
        functions.put("backend_hint", QueryFunctions::backendHint);
        functions.put("cache_ttl", QueryFunctions::cacheTtl);
        functions.put("activate", QueryFunctions::activate);
        functions.put("disable", QueryFunctions::disable);
        functions.put("tb_secret", QueryFunctions::secret);
        functions.put("tb_var", QueryFunctions::secret);

        functions.put("len", PythonBuiltins::len);
        functions.put("str", PythonBuiltins::str);
        functions.put("int", PythonBuiltins::integer);
        functions.put("float", PythonBuiltins::floatingPoint);
        functions.put("sum", PythonBuiltins::sum);
        functions.put("min", PythonBuiltins::min);
        functions.put("max", PythonBuiltins::max);
        functions.put("abs", PythonBuiltins::abs);
        functions.put("round", PythonBuiltins::round);
        functions.put("range", PythonBuiltins::range);
        functions.put("enumerate", PythonBuiltins::enumerate);
        functions.put("list", PythonBuiltins::list);
        functions.put("tuple", PythonBuiltins::tuple);
        functions.put("sorted", PythonBuiltins::sorted);
        functions.put("any", PythonBuiltins::any);
        functions.put("all", PythonBuiltins::all);
        return Map.copyOf(functions);
    }
}
