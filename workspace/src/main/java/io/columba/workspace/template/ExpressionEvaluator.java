package io.columba.workspace.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Evaluates {@link Expression}s with Python's semantics against a {@link RenderState}. */
final class ExpressionEvaluator {
    private final RenderState state;

    ExpressionEvaluator(RenderState state) {
        this.state = state;
    }

    Object evaluate(Expression expression, int line) {
        return switch (expression) {
            case Expression.Constant constant -> constant.value();
            case Expression.Name name -> name(name.identifier(), line);
            case Expression.ListDisplay list -> PythonValues.list(evaluateAll(list.items(), line));
            case Expression.TupleDisplay tuple -> new PythonTuple(evaluateAll(tuple.items(), line));
            case Expression.SetDisplay ignored ->
                throw TemplateException.template(
                        "wrong syntax, you might be using a not valid function inside a control block", line);
            case Expression.DictDisplay dict -> dict(dict, line);
            case Expression.Unary unary ->
                PythonOperators.unary(unary.operator(), evaluate(unary.operand(), line), line);
            case Expression.Binary binary ->
                PythonOperators.binary(
                        binary.operator(), evaluate(binary.left(), line), evaluate(binary.right(), line), line);
            case Expression.Logical logical -> logical(logical, line);
            case Expression.Comparison comparison -> comparison(comparison, line);
            case Expression.Conditional conditional ->
                PythonValues.isTrue(evaluate(conditional.condition(), line))
                        ? evaluate(conditional.then(), line)
                        : evaluate(conditional.otherwise(), line);
            case Expression.Call call -> call(call, line);
            case Expression.MethodCall call ->
                PythonMethods.call(
                        evaluate(call.receiver(), line),
                        call.method(),
                        arguments(call.method(), call.arguments(), call.keywords(), line));
            case Expression.UncallableCall call -> {
                evaluate(call.callee(), line);
                arguments("", call.arguments(), call.keywords(), line);
                throw TemplateException.template(
                        "wrong syntax, you might be using a not valid function inside a control block", line);
            }
            case Expression.Subscript subscript ->
                PythonOperators.subscript(
                        evaluate(subscript.container(), line), evaluate(subscript.index(), line), line);
            case Expression.Slice slice ->
                PythonOperators.slice(
                        evaluate(slice.container(), line),
                        evaluateOptional(slice.lower(), line),
                        evaluateOptional(slice.upper(), line),
                        evaluateOptional(slice.step(), line),
                        line);
        };
    }

    private Object name(String identifier, int line) {
        if (!state.isLocal(identifier) && BuiltinFunctions.isFunction(identifier)) {
            throw TemplateException.template(
                    "'" + identifier + "' is a function, it can only be called: " + identifier + "(...)", line);
        }
        return state.lookup(identifier, line);
    }

    private List<Object> evaluateAll(List<Expression> expressions, int line) {
        List<Object> values = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            values.add(evaluate(expression, line));
        }
        return values;
    }

    private Object evaluateOptional(Expression expression, int line) {
        return expression == null ? null : evaluate(expression, line);
    }

    private Object dict(Expression.DictDisplay dict, int line) {
        LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < dict.keys().size(); i++) {
            Object key = PythonValues.hashKey(evaluate(dict.keys().get(i), line), line);
            entries.put(key, evaluate(dict.values().get(i), line));
        }
        return PythonValues.dict(entries);
    }

    private Object logical(Expression.Logical logical, int line) {
        Object left = evaluate(logical.left(), line);
        boolean leftTrue = PythonValues.isTrue(left);
        if (logical.isAnd() ? !leftTrue : leftTrue) {
            return left;
        }
        return evaluate(logical.right(), line);
    }

    private Object comparison(Expression.Comparison comparison, int line) {
        Object left = evaluate(comparison.first(), line);
        for (int i = 0; i < comparison.operators().size(); i++) {
            Object right = evaluate(comparison.rest().get(i), line);
            if (!compare(comparison.operators().get(i), left, right, line)) {
                return Boolean.FALSE;
            }
            left = right;
        }
        return Boolean.TRUE;
    }

    private static boolean compare(String operator, Object left, Object right, int line) {
        return switch (operator) {
            case "==" -> PythonValues.equal(left, right);
            case "!=" -> !PythonValues.equal(left, right);
            case "<" -> PythonValues.compare(left, right, operator, line) < 0;
            case ">" -> PythonValues.compare(left, right, operator, line) > 0;
            case "<=" -> PythonValues.compare(left, right, operator, line) <= 0;
            case ">=" -> PythonValues.compare(left, right, operator, line) >= 0;
            case "in" -> PythonOperators.contains(right, left, line);
            case "not in" -> !PythonOperators.contains(right, left, line);
            case "is" -> identical(left, right);
            case "is not" -> !identical(left, right);
            default -> throw new IllegalArgumentException(operator);
        };
    }

    /** Python identity for the values that have one observable: None, True, False and the same object. */
    private static boolean identical(Object left, Object right) {
        if (left instanceof Boolean || right instanceof Boolean) {
            return left != null && left.equals(right);
        }
        return left == right;
    }

    private Object call(Expression.Call call, int line) {
        if (state.isLocal(call.function())) {
            throw TemplateException.template(
                    "wrong syntax, you might be using a not valid function inside a control block", line);
        }
        TemplateFunction function = BuiltinFunctions.find(call.function());
        if (function == null) {
            throw TemplateException.template("'" + call.function() + "' is not a valid function, line " + line, line);
        }
        return function.call(arguments(call.function(), call.arguments(), call.keywords(), line), state);
    }

    private CallArguments arguments(
            String function, List<Expression> positional, List<Expression.Keyword> keywords, int line) {
        List<Object> values = evaluateAll(positional, line);
        LinkedHashMap<String, Object> named = new LinkedHashMap<>();
        for (Expression.Keyword keyword : keywords) {
            named.put(keyword.name(), evaluate(keyword.value(), line));
        }
        return new CallArguments(function, values, named, line);
    }
}
