package io.columba.executor.analyzer;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.ColumnTransformer;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.Lambda;
import io.columba.sql.ast.Literal;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What {@code *} and {@code t.*} stand for in a select list: the source's visible columns (those of table {@code t}
 * only), then its transformers in order as ClickHouse applies them: {@code EXCEPT [STRICT] (a, b)} or
 * {@code EXCEPT ('regexp')} drops columns, {@code REPLACE [STRICT] (expression AS a)} puts an expression in a
 * column's place under its name, {@code APPLY (f)} wraps each column in {@code f(column)} (or a lambda's body).
 */
final class StarExpansion {
    private StarExpansion() {}

    /** A column the star stands for: its source name and the expression it is now. */
    private record Item(String name, Expression expression) {}

    /** {@code fromQualifier}: the FROM table's name or alias (null for none), which a lone table's columns answer to. */
    static List<Expression> expand(Asterisk star, Source source, String fromQualifier) {
        List<Item> items = new ArrayList<>();
        if (star.matcher() != null) {
            // COLUMNS('regexp') or COLUMNS(a, b) followed by transformers: the matched columns, then those.
            if (star.qualifier() != null) {
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "A table's columns matcher " + star.qualifier() + ".COLUMNS(...) is not supported yet");
            }
            for (Expression column : columnsMatcher(star.matcher(), source)) {
                items.add(new Item(((Identifier) column).name(), column));
            }
        } else {
            String prefix = star.qualifier() + ".";
            for (String name : columns(star.qualifier(), source, fromQualifier)) {
                // EXCEPT and REPLACE name u.a of u.* as a.
                String own =
                        star.qualifier() != null && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
                items.add(new Item(own, Identifier.of(name)));
            }
        }
        for (ColumnTransformer transformer : star.transformers()) {
            items = switch (transformer) {
                case ColumnTransformer.Except except -> except(except, items);
                case ColumnTransformer.Replace replace -> replace(replace, items);
                case ColumnTransformer.Apply apply -> apply(apply.function(), items);
            };
        }
        return items.stream().map(Item::expression).toList();
    }

    /** Whether a select item is the column matcher {@code COLUMNS('regexp')} or {@code COLUMNS(a, b)}. */
    static boolean isColumnsMatcher(Expression item) {
        return item instanceof FunctionCall call
                && call.name().equalsIgnoreCase("COLUMNS")
                && call.window() == null
                && (call.parameters() == null || call.parameters().isEmpty())
                && !call.arguments().isEmpty();
    }

    /**
     * What {@code COLUMNS('regexp')} stands for: the visible columns whose name the regular expression matches
     * somewhere (as re2 searches), in the source's order; {@code COLUMNS(a, b)} stands for the columns named.
     */
    static List<Expression> columnsMatcher(FunctionCall call, Source source) {
        List<Expression> arguments = call.arguments();
        if (arguments.size() == 1
                && arguments.get(0) instanceof Literal literal
                && literal.kind() == Literal.Kind.STRING) {
            Pattern pattern = compile((String) literal.value());
            List<Expression> matched = new ArrayList<>();
            for (String name : source.names().subList(0, source.visibleCount())) {
                if (pattern.matcher(name).find()) {
                    matched.add(Identifier.of(name));
                }
            }
            return matched;
        }
        for (Expression argument : arguments) {
            if (!(argument instanceof Identifier)) {
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS,
                        "COLUMNS takes one regular expression or a list of column names, got "
                                + ExpressionFormatter.format(argument));
            }
        }
        return arguments;
    }

    /** The visible columns, or for {@code t.*} those a {@code t.name} reaches, in the source's order. */
    private static List<String> columns(String qualifier, Source source, String fromQualifier) {
        List<String> visible = source.names().subList(0, source.visibleCount());
        if (qualifier == null) {
            return visible;
        }
        String prefix = qualifier + ".";
        Set<String> shown = new HashSet<>(visible);
        // t.x reaches the visible column shown as t.x (a right-hand column named like a left one), else x.
        Set<String> reached = new HashSet<>();
        for (String name : source.names()) {
            if (name.startsWith(prefix)) {
                reached.add(shown.contains(name) ? name : name.substring(prefix.length()));
            }
        }
        List<String> columns = new ArrayList<>();
        for (String name : visible) {
            if (reached.contains(name)) {
                columns.add(name);
            }
        }
        if (reached.isEmpty() && qualifier.equals(fromQualifier)) {
            return visible;
        }
        if (columns.isEmpty()) {
            throw new ColumbaException(ErrorCode.UNKNOWN_IDENTIFIER, "Unknown qualified identifier: " + qualifier);
        }
        return columns;
    }

    private static List<Item> except(ColumnTransformer.Except except, List<Item> items) {
        List<Item> kept = new ArrayList<>();
        if (except.pattern() != null) {
            Pattern pattern = compile(except.pattern());
            for (Item item : items) {
                if (!pattern.matcher(item.name()).find()) {
                    kept.add(item);
                }
            }
            return kept;
        }
        Set<String> unused = new HashSet<>(except.columns());
        for (Item item : items) {
            if (except.columns().contains(item.name())) {
                unused.remove(item.name());
            } else {
                kept.add(item);
            }
        }
        if (except.strict() && !unused.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NO_SUCH_COLUMN_IN_TABLE,
                    "Columns transformer EXCEPT expects following column(s) : " + String.join(", ", unused));
        }
        return kept;
    }

    private static Pattern compile(String regexp) {
        try {
            return Pattern.compile(regexp);
        } catch (PatternSyntaxException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_COMPILE_REGEXP,
                    "COLUMNS pattern " + regexp + " cannot be compiled: " + e.getDescription());
        }
    }

    private static List<Item> replace(ColumnTransformer.Replace replace, List<Item> items) {
        List<Item> result = new ArrayList<>(items);
        for (Alias replacement : replace.replacements()) {
            boolean found = false;
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).name().equals(replacement.name())) {
                    result.set(i, new Item(replacement.name(), replacement));
                    found = true;
                }
            }
            if (!found && replace.strict()) {
                throw new ColumbaException(
                        ErrorCode.NO_SUCH_COLUMN_IN_TABLE,
                        "Found unused replacement for column " + replacement.name()
                                + " in columns transformer REPLACE STRICT");
            }
        }
        return result;
    }

    private static List<Item> apply(Expression function, List<Item> items) {
        List<Item> result = new ArrayList<>();
        for (Item item : items) {
            Expression column = item.expression() instanceof Alias alias ? alias.expression() : item.expression();
            result.add(new Item(item.name(), applied(function, column)));
        }
        return result;
    }

    private static Expression applied(Expression function, Expression column) {
        return switch (function) {
            case Identifier name
            when name.parts().size() == 1 -> FunctionCall.of(name.parts().get(0), column);
            // APPLY(quantile(0.5)) is the parametric quantile(0.5)(column).
            case FunctionCall call
            when call.parameters() == null && call.window() == null ->
                new FunctionCall(call.name(), List.of(column), call.arguments(), false);
            case Lambda lambda
            when lambda.parameters().size() == 1 ->
                substitute(lambda.body(), lambda.parameters().get(0), column);
            default ->
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "APPLY takes a function name, a parametric function or a lambda of one argument");
        };
    }

    private static Expression substitute(Expression expression, String parameter, Expression value) {
        return switch (expression) {
            case Identifier identifier when identifier.parts().equals(List.of(parameter)) -> value;
            case FunctionCall call -> {
                List<Expression> arguments = new ArrayList<>();
                for (Expression argument : call.arguments()) {
                    arguments.add(substitute(argument, parameter, value));
                }
                yield call.withArguments(arguments);
            }
            case Alias alias -> new Alias(substitute(alias.expression(), parameter, value), alias.name());
            default -> expression;
        };
    }
}
