package io.columba.sql.explain;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.ColumnTransformer;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.Lambda;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.QueryParameter;
import io.columba.sql.ast.SubqueryExpression;
import io.columba.sql.ast.WindowFrame;
import io.columba.sql.ast.WindowSpec;
import java.util.ArrayList;
import java.util.List;

/** Expressions as ClickHouse's parser builds them: every call is {@code Function name} over an argument list. */
final class ExpressionExplainer {
    private final QueryExplainer queries;

    ExpressionExplainer(QueryExplainer queries) {
        this.queries = queries;
    }

    ExplainNode expression(Expression expression) {
        return switch (expression) {
            case Literal literal -> ExplainNode.leaf("Literal " + LiteralDump.dump(literal));
            case Identifier identifier -> name("Identifier", identifier.fullName());
            case Asterisk asterisk -> asterisk(asterisk);
            case Alias alias -> expression(alias.expression()).withAlias(alias.name());
            case SubqueryExpression subquery -> ExplainNode.of("Subquery", queries.union(subquery.query()));
            case QueryParameter parameter ->
                ExplainNode.leaf("QueryParameter " + parameter.name() + ":" + parameter.type());
            case Lambda lambda -> lambda(lambda);
            case FunctionCall call
            when call.literal() -> ExplainNode.leaf("Literal " + LiteralDump.dumpCollection(call));
            case FunctionCall call when isColumnsMatcher(call) -> matcher(null, call, List.of());
            case FunctionCall call -> function(call);
        };
    }

    /** {@code COLUMNS('regexp')} or {@code COLUMNS(a, b)}: a columns matcher, as ClickHouse always reads it. */
    private static boolean isColumnsMatcher(FunctionCall call) {
        return call.name().equalsIgnoreCase("COLUMNS")
                && !call.distinct()
                && call.parameters() == null
                && call.window() == null
                && !call.arguments().isEmpty();
    }

    /**
     * {@code ColumnsRegexpMatcher} or {@code ColumnsListMatcher} (with {@code Qualified} before them after a table):
     * the table, the listed columns (a regexp is no child) and the transformers.
     */
    private ExplainNode matcher(String qualifier, FunctionCall matcher, List<ColumnTransformer> transformers) {
        List<ExplainNode> children = new ArrayList<>();
        if (qualifier != null) {
            children.add(name("Identifier", qualifier));
        }
        boolean regexp = matcher.arguments().size() == 1
                && matcher.arguments().get(0) instanceof Literal literal
                && literal.kind() == Literal.Kind.STRING;
        if (!regexp) {
            children.add(list(matcher.arguments()));
        }
        addTransformers(children, transformers);
        String kind = regexp ? "ColumnsRegexpMatcher" : "ColumnsListMatcher";
        return ExplainNode.of(qualifier == null ? kind : "Qualified" + kind, children);
    }

    /** A name; one holding a {@code {name:Identifier}} placeholder is a query parameter, as in ClickHouse. */
    static ExplainNode name(String kind, String name) {
        int open = name.indexOf('{');
        if (open >= 0 && name.indexOf(':', open) > 0 && name.indexOf('}', open) > 0) {
            return ExplainNode.leaf("QueryParameter " + name);
        }
        return ExplainNode.leaf(kind + " " + name);
    }

    ExplainNode list(List<? extends Expression> expressions) {
        List<ExplainNode> children = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            children.add(expression(expression));
        }
        return ExplainNode.of("ExpressionList", children);
    }

    private ExplainNode function(FunctionCall call) {
        String name = call.distinct() ? call.name() + "Distinct" : call.name();
        List<ExplainNode> children = new ArrayList<>(2);
        if (isView(call)) {
            // view(SELECT ...) holds the SELECT itself, not a subquery.
            SubqueryExpression select = (SubqueryExpression) call.arguments().get(0);
            children.add(ExplainNode.of("ExpressionList", queries.union(select.query())));
            return ExplainNode.of("Function " + name, children);
        }
        children.add(
                call.writtenWithStar()
                        ? ExplainNode.of("ExpressionList", ExplainNode.leaf("Asterisk"))
                        : list(call.arguments()));
        if (call.parameters() != null) {
            children.add(list(call.parameters()));
        }
        if (call.window() != null && !call.window().reference()) {
            children.add(window(call.window()));
        }
        return ExplainNode.of("Function " + name, children);
    }

    /** {@code OVER (...)}: its PARTITION BY and ORDER BY lists, then the frame's offsets, those written. */
    private ExplainNode window(WindowSpec window) {
        List<ExplainNode> children = new ArrayList<>();
        if (!window.partitionBy().isEmpty()) {
            children.add(list(window.partitionBy()));
        }
        if (!window.orderBy().isEmpty()) {
            List<ExplainNode> elements = new ArrayList<>();
            for (OrderByElement element : window.orderBy()) {
                elements.add(queries.orderByElement(element));
            }
            children.add(ExplainNode.of("ExpressionList", elements));
        }
        WindowFrame frame = window.frame();
        if (frame != null) {
            for (WindowFrame.Bound bound : List.of(frame.start(), frame.end())) {
                if (bound.offset() != null) {
                    children.add(expression(bound.offset()));
                }
            }
        }
        return ExplainNode.of("WindowDefinition", children);
    }

    private static boolean isView(FunctionCall call) {
        return call.name().equalsIgnoreCase("view")
                && call.arguments().size() == 1
                && call.arguments().get(0) instanceof SubqueryExpression;
    }

    private ExplainNode lambda(Lambda lambda) {
        List<ExplainNode> parameters = new ArrayList<>();
        for (String parameter : lambda.parameters()) {
            parameters.add(ExplainNode.leaf("Identifier " + parameter));
        }
        ExplainNode tuple = ExplainNode.of("Function tuple", ExplainNode.of("ExpressionList", parameters));
        return ExplainNode.of("Function lambda", ExplainNode.of("ExpressionList", tuple, expression(lambda.body())));
    }

    /** {@code Asterisk} or {@code QualifiedAsterisk}, with its transformers in a {@code ColumnsTransformerList}. */
    private ExplainNode asterisk(Asterisk asterisk) {
        if (asterisk.matcher() != null) {
            return matcher(asterisk.qualifier(), asterisk.matcher(), asterisk.transformers());
        }
        List<ExplainNode> children = new ArrayList<>();
        if (asterisk.qualifier() != null) {
            children.add(ExplainNode.leaf("Identifier " + asterisk.qualifier()));
        }
        addTransformers(children, asterisk.transformers());
        return ExplainNode.of(asterisk.qualifier() == null ? "Asterisk" : "QualifiedAsterisk", children);
    }

    /** A {@code ColumnsTransformerList} of the transformers, when there are any. */
    private void addTransformers(List<ExplainNode> children, List<ColumnTransformer> transformers) {
        if (transformers.isEmpty()) {
            return;
        }
        List<ExplainNode> nodes = new ArrayList<>(transformers.size());
        for (ColumnTransformer transformer : transformers) {
            nodes.add(transformer(transformer));
        }
        children.add(ExplainNode.of("ColumnsTransformerList", nodes));
    }

    private ExplainNode transformer(ColumnTransformer transformer) {
        return switch (transformer) {
            case ColumnTransformer.Apply ignored -> ExplainNode.leaf("ColumnsApplyTransformer");
            case ColumnTransformer.Except except -> {
                List<ExplainNode> columns = new ArrayList<>();
                for (String column : except.columns()) {
                    columns.add(name("Identifier", column));
                }
                yield ExplainNode.of("ColumnsExceptTransformer", columns);
            }
            case ColumnTransformer.Replace replace -> {
                List<ExplainNode> replacements = new ArrayList<>();
                for (Alias replacement : replace.replacements()) {
                    replacements.add(ExplainNode.of(
                            "ColumnsReplaceTransformer::Replacement", expression(replacement.expression())));
                }
                yield ExplainNode.of("ColumnsReplaceTransformer", replacements);
            }
        };
    }
}
