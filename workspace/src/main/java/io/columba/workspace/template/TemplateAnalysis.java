package io.columba.workspace.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a template reads and writes, found without rendering it: the variables it assigns ({@code {% set %}},
 * {@code {% for %}}, {@code except ... as}), which Python makes local to the whole template; the request
 * parameters it reads, with the type and metadata of their declarations; and Tinybird's checks of names.
 */
final class TemplateAnalysis {
    /** Names Tinybird forbids because they are options of the endpoint itself. */
    private static final Set<String> FORBIDDEN_NAMES = Set.of("format", "q");

    /** Names Tinybird accepts with a warning, because the API uses them too. */
    private static final Set<String> RESERVED_NAMES = Set.of(
            "__tb__semver",
            "debug_source_tables",
            "debug",
            "explain",
            "finalize_aggregations",
            "output_format_json_quote_64bit_integers",
            "output_format_json_quote_denormals",
            "output_format_parquet_string_as_string",
            "pipeline",
            "playground",
            "query_id",
            "release_replacements",
            "tag",
            "template_parameters",
            "token",
            Template.JOB_TIMESTAMP);

    private static final BigInteger MAX_SAFE_INTEGER = BigInteger.valueOf(9_007_199_254_740_991L);

    private final Set<String> localNames = new LinkedHashSet<>();
    private final Map<String, List<Entry>> parameters = new LinkedHashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    /** A parameter, and whether a type function declared it (rather than a bare use or a helper's argument). */
    private record Entry(TemplateParameter parameter, boolean declared) {}

    /** The outcome: local names, parameters in order of first use, and reserved names used. */
    record Result(Set<String> localNames, List<TemplateParameter> parameters, List<String> warnings) {}

    private TemplateAnalysis() {}

    static Result analyze(List<TemplateNode> nodes) {
        TemplateAnalysis analysis = new TemplateAnalysis();
        analysis.collectLocals(nodes);
        analysis.visitNodes(nodes);
        List<TemplateParameter> flat = new ArrayList<>();
        analysis.parameters.values().forEach(entries -> entries.forEach(entry -> flat.add(entry.parameter())));
        return new Result(Set.copyOf(analysis.localNames), List.copyOf(flat), List.copyOf(analysis.warnings));
    }

    private void collectLocals(List<TemplateNode> nodes) {
        for (TemplateNode node : nodes) {
            switch (node) {
                case TemplateNode.Set set -> addTargetNames(set.target(), set.line());
                case TemplateNode.For loop -> {
                    addTargetNames(loop.target(), loop.line());
                    collectLocals(loop.body());
                    collectLocals(loop.otherwise());
                }
                case TemplateNode.If conditional -> {
                    conditional.branches().forEach(branch -> collectLocals(branch.body()));
                    collectLocals(conditional.otherwise());
                }
                case TemplateNode.While loop -> {
                    collectLocals(loop.body());
                    collectLocals(loop.otherwise());
                }
                case TemplateNode.Try attempt -> {
                    if (attempt.errorName() != null) {
                        checkName(attempt.errorName(), attempt.line());
                        localNames.add(attempt.errorName());
                    }
                    List.of(attempt.body(), attempt.handler(), attempt.otherwise(), attempt.cleanup())
                            .forEach(this::collectLocals);
                }
                case TemplateNode.Text ignored -> {}
                case TemplateNode.Output ignored -> {}
                case TemplateNode.Break ignored -> {}
                case TemplateNode.Continue ignored -> {}
            }
        }
    }

    private void addTargetNames(AssignmentTarget target, int line) {
        switch (target) {
            case AssignmentTarget.Variable variable -> {
                checkName(variable.name(), line);
                localNames.add(variable.name());
            }
            case AssignmentTarget.Unpacking unpacking -> unpacking.targets().forEach(t -> addTargetNames(t, line));
        }
    }

    private void checkName(String name, int line) {
        if (FORBIDDEN_NAMES.contains(name)) {
            throw TemplateException.value("\"" + name + "\" can not be used as a variable name, line " + line, line);
        }
        if (RESERVED_NAMES.contains(name)) {
            warnings.add(name);
        }
    }

    private void visitNodes(List<TemplateNode> nodes) {
        for (TemplateNode node : nodes) {
            switch (node) {
                case TemplateNode.Output out -> visit(out.expression(), false, out.line());
                case TemplateNode.If conditional -> {
                    for (TemplateNode.Branch branch : conditional.branches()) {
                        visit(branch.condition(), false, conditional.line());
                        visitNodes(branch.body());
                    }
                    visitNodes(conditional.otherwise());
                }
                case TemplateNode.For loop -> {
                    visit(loop.iterable(), false, loop.line());
                    visitNodes(loop.body());
                    visitNodes(loop.otherwise());
                }
                case TemplateNode.While loop -> {
                    visit(loop.condition(), false, loop.line());
                    visitNodes(loop.body());
                    visitNodes(loop.otherwise());
                }
                case TemplateNode.Set set -> visit(set.value(), false, set.line());
                case TemplateNode.Try attempt ->
                    List.of(attempt.body(), attempt.handler(), attempt.otherwise(), attempt.cleanup())
                            .forEach(this::visitNodes);
                case TemplateNode.Text ignored -> {}
                case TemplateNode.Break ignored -> {}
                case TemplateNode.Continue ignored -> {}
            }
        }
    }

    private void visit(Expression expression, boolean argument, int line) {
        switch (expression) {
            case Expression.Name name -> {
                checkName(name.identifier(), line);
                if (!localNames.contains(name.identifier()) && !BuiltinFunctions.isFunction(name.identifier())) {
                    addUntyped(name.identifier(), argument);
                }
            }
            case Expression.Call call -> visitCall(call, line);
            case Expression.MethodCall call -> {
                checkName(call.method(), line);
                visit(call.receiver(), false, line);
                visitArguments(call.arguments(), call.keywords(), line);
            }
            case Expression.UncallableCall call -> {
                visit(call.callee(), false, line);
                visitArguments(call.arguments(), call.keywords(), line);
            }
            case Expression.Constant ignored -> {}
            default -> children(expression).forEach(child -> visit(child, false, line));
        }
    }

    private void visitArguments(List<Expression> arguments, List<Expression.Keyword> keywords, int line) {
        arguments.forEach(item -> visit(item, true, line));
        keywords.forEach(keyword -> visit(keyword.value(), true, line));
    }

    /** The operands of an expression that is neither a name nor a call, in source order. */
    private static List<Expression> children(Expression expression) {
        List<Expression> children = new ArrayList<>();
        switch (expression) {
            case Expression.ListDisplay list -> children.addAll(list.items());
            case Expression.TupleDisplay tuple -> children.addAll(tuple.items());
            case Expression.SetDisplay set -> children.addAll(set.items());
            case Expression.DictDisplay dict -> {
                for (int i = 0; i < dict.keys().size(); i++) {
                    children.add(dict.keys().get(i));
                    children.add(dict.values().get(i));
                }
            }
            case Expression.Unary unary -> children.add(unary.operand());
            case Expression.Binary binary -> children.addAll(List.of(binary.left(), binary.right()));
            case Expression.Logical logical -> children.addAll(List.of(logical.left(), logical.right()));
            case Expression.Comparison comparison -> {
                children.add(comparison.first());
                children.addAll(comparison.rest());
            }
            case Expression.Conditional conditional ->
                children.addAll(List.of(conditional.then(), conditional.condition(), conditional.otherwise()));
            case Expression.Subscript subscript -> children.addAll(List.of(subscript.container(), subscript.index()));
            case Expression.Slice slice -> {
                children.add(slice.container());
                for (Expression bound : new Expression[] {slice.lower(), slice.upper(), slice.step()}) {
                    if (bound != null) {
                        children.add(bound);
                    }
                }
            }
            default -> {}
        }
        return children;
    }

    private void visitCall(Expression.Call call, int line) {
        List<Expression> arguments = call.arguments();
        boolean declares = BuiltinFunctions.TYPE_DECLARATIONS.contains(call.function())
                && !arguments.isEmpty()
                && arguments.get(0) instanceof Expression.Name name
                && !localNames.contains(name.identifier())
                && !BuiltinFunctions.isFunction(name.identifier());
        if (declares) {
            Expression.Name name = (Expression.Name) arguments.get(0);
            checkName(name.identifier(), line);
            addDeclaration(declaration(call, name.identifier()));
        }
        visitArguments(arguments.subList(declares ? 1 : 0, arguments.size()), call.keywords(), line);
    }

    private TemplateParameter declaration(Expression.Call call, String name) {
        Map<String, Expression> keywords = new LinkedHashMap<>();
        call.keywords().forEach(keyword -> keywords.put(keyword.name(), keyword.value()));
        List<Expression> arguments = call.arguments();
        boolean array = call.function().equals("Array");
        String type = switch (call.function()) {
            case "Int", "Integer" -> "Int32";
            case "bool" -> "Boolean";
            case "Array" -> {
                Expression element = arguments.size() > 1 ? arguments.get(1) : keywords.get("_type");
                yield "Array(" + (literal(element) instanceof String text ? text : "String") + ")";
            }
            default -> call.function();
        };
        int defaultPosition = array ? 2 : 1;
        Expression fallback = keywords.containsKey("default")
                ? keywords.get("default")
                : arguments.size() > defaultPosition ? arguments.get(defaultPosition) : null;
        Object enumValues = literal(keywords.get("enum"));
        return new TemplateParameter(
                name,
                type,
                safeDefault(literal(fallback)),
                PythonValues.isTrue(literal(keywords.get("required"))),
                literal(keywords.get("description")) instanceof String text ? text : null,
                literal(keywords.get("example")),
                literal(keywords.get("format")) instanceof String text ? text : null,
                enumValues instanceof List<?> list ? new ArrayList<>(list) : List.of(),
                false);
    }

    /** The value of a literal argument (constants, negated numbers, lists and tuples of them), else null. */
    private static Object literal(Expression expression) {
        return switch (expression) {
            case null -> null;
            case Expression.Constant constant -> constant.value();
            case Expression.Unary unary
            when unary.operator().equals("-")
                    && unary.operand() instanceof Expression.Constant constant
                    && PythonValues.isNumber(constant.value()) -> PythonOperators.unary("-", constant.value(), 0);
            case Expression.ListDisplay list -> literalItems(list.items());
            case Expression.TupleDisplay tuple -> literalItems(tuple.items());
            default -> null;
        };
    }

    private static List<Object> literalItems(List<Expression> items) {
        List<Object> values = new ArrayList<>();
        items.forEach(item -> values.add(literal(item)));
        return values;
    }

    private static Object safeDefault(Object value) {
        if (value instanceof BigInteger integer && integer.abs().compareTo(MAX_SAFE_INTEGER) > 0) {
            return integer.toString();
        }
        return value;
    }

    /** A typed declaration replaces an untyped use; a second type for the same name is listed as well. */
    private void addDeclaration(TemplateParameter declared) {
        List<Entry> entries = parameters.computeIfAbsent(declared.name(), key -> new ArrayList<>());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (!entry.declared()) {
                entries.set(i, new Entry(declared, true));
                return;
            }
            if (entry.parameter().type().equals(declared.type())) {
                return;
            }
        }
        entries.add(new Entry(declared, true));
    }

    private void addUntyped(String name, boolean argument) {
        List<Entry> entries = parameters.get(name);
        if (entries == null) {
            parameters.put(name, new ArrayList<>(List.of(new Entry(TemplateParameter.untyped(name, argument), false))));
            return;
        }
        for (int i = 0; i < entries.size() && !argument; i++) {
            if (!entries.get(i).declared()) {
                entries.set(i, new Entry(entries.get(i).parameter().withUsedInFunctionCall(false), false));
            }
        }
    }
}
