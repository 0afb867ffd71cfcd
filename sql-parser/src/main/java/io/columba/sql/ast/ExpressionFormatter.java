package io.columba.sql.ast;

import java.math.BigDecimal;
import java.util.List;

/**
 * Formats expressions as ClickHouse names result columns: {@code plus(a, 1)}, {@code count()}, {@code 'text'}.
 * Aliases print as the alias name.
 */
public final class ExpressionFormatter {
    private ExpressionFormatter() {}

    public static String columnName(Expression expression) {
        return switch (expression) {
            case Alias alias -> alias.name();
            default -> format(expression);
        };
    }

    /** The expression's text with aliases replaced by their expressions' text. */
    public static String format(Expression expression) {
        StringBuilder out = new StringBuilder();
        append(out, expression);
        return out.toString();
    }

    private static void append(StringBuilder out, Expression expression) {
        switch (expression) {
            case Literal literal -> appendLiteral(out, literal);
            case Identifier identifier -> out.append(identifier.fullName());
            case Asterisk asterisk -> {
                if (asterisk.qualifier() != null) {
                    out.append(asterisk.qualifier()).append('.');
                }
                if (asterisk.matcher() == null) {
                    out.append('*');
                } else {
                    append(out, asterisk.matcher());
                }
            }
            case Alias alias -> append(out, alias.expression());
            case SubqueryExpression ignored -> out.append("_subquery");
            case Lambda lambda -> {
                out.append("lambda(tuple(")
                        .append(String.join(", ", lambda.parameters()))
                        .append("), ");
                append(out, lambda.body());
                out.append(')');
            }
            case QueryParameter parameter ->
                out.append('{')
                        .append(parameter.name())
                        .append(':')
                        .append(parameter.type())
                        .append('}');
            case FunctionCall call
            when call.literal()
                    && call.name().equals("array")
                    && call.arguments().stream().allMatch(Literal.class::isInstance) -> {
                // ClickHouse 18.16 names a flat bracketed array of literals as written, nested ones and tuples as
                // calls.
                out.append('[');
                appendElements(out, call.arguments());
                out.append(']');
            }
            case FunctionCall call -> {
                out.append(call.name());
                if (call.distinct()) {
                    out.append("Distinct");
                }
                if (call.parameters() != null) {
                    appendList(out, call.parameters());
                }
                appendList(out, call.arguments());
                if (call.window() != null) {
                    appendWindow(out, call.window());
                }
            }
        }
    }

    /** {@code OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)}. */
    private static void appendWindow(StringBuilder out, WindowSpec window) {
        if (window.reference()) {
            out.append(" OVER ").append(window.parent());
            return;
        }
        out.append(" OVER (");
        String separator = "";
        if (window.parent() != null) {
            out.append(window.parent());
            separator = " ";
        }
        if (!window.partitionBy().isEmpty()) {
            out.append("PARTITION BY ");
            appendElements(out, window.partitionBy());
            separator = " ";
        }
        if (!window.orderBy().isEmpty()) {
            out.append(separator).append("ORDER BY ");
            for (int i = 0; i < window.orderBy().size(); i++) {
                OrderByElement order = window.orderBy().get(i);
                out.append(i > 0 ? ", " : "");
                append(out, order.expression());
                out.append(order.descending() ? " DESC" : " ASC");
                if (order.nullsFirst() != null) {
                    out.append(order.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
                }
            }
            separator = " ";
        }
        WindowFrame frame = window.frame();
        if (frame != null) {
            out.append(separator).append(frame.rows() ? "ROWS" : "RANGE").append(" BETWEEN ");
            appendBound(out, frame.start());
            out.append(" AND ");
            appendBound(out, frame.end());
        }
        out.append(')');
    }

    private static void appendBound(StringBuilder out, WindowFrame.Bound bound) {
        switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> out.append("UNBOUNDED PRECEDING");
            case UNBOUNDED_FOLLOWING -> out.append("UNBOUNDED FOLLOWING");
            case CURRENT_ROW -> out.append("CURRENT ROW");
            case PRECEDING -> append(out, bound.offset());
            case FOLLOWING -> append(out, bound.offset());
        }
        if (bound.kind() == WindowFrame.Kind.PRECEDING) {
            out.append(" PRECEDING");
        } else if (bound.kind() == WindowFrame.Kind.FOLLOWING) {
            out.append(" FOLLOWING");
        }
    }

    private static void appendList(StringBuilder out, List<Expression> expressions) {
        out.append('(');
        appendElements(out, expressions);
        out.append(')');
    }

    private static void appendElements(StringBuilder out, List<Expression> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            append(out, expressions.get(i));
        }
    }

    private static void appendLiteral(StringBuilder out, Literal literal) {
        switch (literal.kind()) {
            case UINT64 -> out.append(Long.toUnsignedString((Long) literal.value()));
            case INT64 -> out.append((long) (Long) literal.value());
            case BIG_INTEGER -> out.append(literal.value());
            case FLOAT64 -> {
                double value = (Double) literal.value();
                if (Double.isNaN(value)) {
                    out.append("nan");
                } else if (Double.isInfinite(value)) {
                    out.append(value > 0 ? "inf" : "-inf");
                } else {
                    out.append(new BigDecimal(Double.toString(value))
                            .stripTrailingZeros()
                            .toPlainString());
                }
            }
            case STRING -> {
                out.append('\'');
                String text = (String) literal.value();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    switch (c) {
                        case '\'' -> out.append("\\'");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\t' -> out.append("\\t");
                        default -> out.append(c);
                    }
                }
                out.append('\'');
            }
            case NULL -> out.append("NULL");
            case BOOL -> out.append(((Boolean) literal.value()) ? "true" : "false");
        }
    }
}
