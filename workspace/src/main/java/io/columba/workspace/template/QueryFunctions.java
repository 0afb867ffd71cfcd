package io.columba.workspace.template;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Functions that act on the query rather than produce values: {@code error} and {@code custom_error} abort it,
 * {@code max_threads}, {@code cache_ttl}, {@code backend_hint}, {@code activate} and {@code disable} record hints
 * (and leave a SQL comment), {@code tb_secret}/{@code tb_var} bind a workspace secret as a query parameter.
 */
final class QueryFunctions {
    private static final List<String> CACHE_TTLS = List.of("5s", "1m", "5m", "30m", "1h");
    private static final Pattern SECRET_NAME = Pattern.compile("\\w+");

    private QueryFunctions() {}

    /** {@code error(message, code=400)}: a 400 whose error is the message itself (the code is ignored). */
    static Object error(CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(List.of("s", "code"), 1);
        if (state.validation()) {
            return ErrorComment.ERROR_LAUNCHED;
        }
        throw TemplateException.value(PythonValues.str(bound.get("s")), arguments.line());
    }

    /** {@code custom_error(body, code=400)}: the body (a message or a dict) answered with the given HTTP code. */
    static Object customError(CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(List.of("s", "code"), 1);
        if (state.validation()) {
            return ErrorComment.ERROR_LAUNCHED;
        }
        Object body = bound.get("s");
        Object code = bound.getOrDefault("code", BigInteger.valueOf(400));
        int status =
                PythonValues.isInteger(code) ? PythonValues.integerValue(code).intValue() : 400;
        if (status < 100 || status > 599) {
            status = 400;
        }
        Object jsonBody = body instanceof Map<?, ?> ? body : PythonValues.str(body);
        throw TemplateException.custom(PythonValues.str(body), jsonBody, status, arguments.line());
    }

    /** {@code max_threads(n)}: the max_threads setting of the query. */
    static Object maxThreads(CallArguments arguments, RenderState state) {
        Object value = arguments.bind(List.of("x"), 1).get("x");
        BigInteger threads = integerOrNull(value);
        if (threads == null) {
            // Tinybird writes the argument raw; escaping keeps a newline in it from ending the comment.
            return SqlFragment.expression(
                    "-- max_threads: wrong argument " + SqlEscaping.escapeString(PythonValues.str(value)) + "\n");
        }
        state.putHint("max_threads", threads.toString());
        return SqlFragment.expression("-- max_threads " + threads + "\n");
    }

    private static BigInteger integerOrNull(Object value) {
        if (PythonValues.isInteger(value)) {
            return PythonValues.integerValue(value);
        }
        if (value instanceof Double || value instanceof TypedFloat) {
            double number = PythonValues.floatValue(value);
            return Double.isFinite(number) ? BigInteger.valueOf((long) number) : null;
        }
        String text = PythonValues.stringValue(value);
        return text == null ? null : PythonNumbers.parseInteger(text);
    }

    /** {@code backend_hint(hint)}: a routing hint; None or False clears it. */
    static Object backendHint(CallArguments arguments, RenderState state) {
        Object hint = arguments.bind(List.of("hint"), 1).get("hint");
        String text = PythonValues.str(hint);
        state.putHint("backend_hint", hint == null || Boolean.FALSE.equals(hint) ? null : text);
        return SqlFragment.expression("-- backend_hint " + SqlEscaping.escapeString(text) + "\n");
    }

    /** {@code cache_ttl('5m')}: the endpoint cache TTL of this response. */
    static Object cacheTtl(CallArguments arguments, RenderState state) {
        Object ttl = arguments.bind(List.of("ttl_expression"), 1).get("ttl_expression");
        String text = PythonValues.stringValue(ttl);
        if (text == null || !CACHE_TTLS.contains(text)) {
            throw TemplateException.template(
                    "Invalid TTL cache expression, valid expressions are ('5s', '1m', '5m', '30m', '1h')",
                    arguments.line());
        }
        state.putHint("cache_ttl", text);
        return SqlFragment.expression("-- cache_ttl " + text + "\n");
    }

    /** {@code activate('analyzer' | 'parallel_replicas')}. */
    static Object activate(CallArguments arguments, RenderState state) {
        return feature(arguments, state, "activate", List.of("analyzer", "parallel_replicas"));
    }

    /** {@code disable('analyzer')}. */
    static Object disable(CallArguments arguments, RenderState state) {
        return feature(arguments, state, "disable", List.of("analyzer"));
    }

    private static Object feature(CallArguments arguments, RenderState state, String name, List<String> valid) {
        Object feature = arguments.bind(List.of("feature"), 1).get("feature");
        String text = PythonValues.stringValue(feature);
        if (text == null || !valid.contains(text)) {
            throw TemplateException.template(
                    "'" + PythonValues.str(feature) + "' is not a valid '" + name + "' argument", arguments.line());
        }
        state.putHint(name, text);
        return SqlFragment.expression("-- " + name + " " + text + "\n");
    }

    /**
     * {@code tb_secret('name', default)}: {@code {name: String}}, a query parameter the server binds to the secret;
     * the default when the workspace has no such secret; a placeholder parameter when rendering for validation.
     */
    static Object secret(CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(List.of("x", "default"), 1);
        String name = PythonValues.stringValue(bound.get("x"));
        String unavailable = "Cannot access secret '" + PythonValues.str(bound.get("x"))
                + "'. Check the secret exists in the Workspace and the token has the required scope.";
        if (name == null || !SECRET_NAME.matcher(name).matches()) {
            throw TemplateException.template(unavailable, arguments.line());
        }
        if (state.hasSecret(name)) {
            state.useSecret(name);
            return SqlFragment.symbol("{" + name + ": String}");
        }
        Object fallback = bound.get("default");
        if (fallback != null) {
            return fallback;
        }
        if (state.validation()) {
            return SqlFragment.symbol("{" + name + ": String}");
        }
        throw TemplateException.template(unavailable, arguments.line());
    }
}
