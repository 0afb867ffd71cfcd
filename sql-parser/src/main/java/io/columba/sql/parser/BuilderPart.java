package io.columba.sql.parser;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.SelectUnion;
import io.columba.sql.parser.ClickHouseParser.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * What the builders of one statement share: the statement's text, names as written, and calls into each other (an
 * expression holds subqueries, a query holds expressions).
 */
abstract class BuilderPart {
    final AstBuilder root;

    BuilderPart(AstBuilder root) {
        this.root = root;
    }

    final Expression expr(ExprContext context) {
        return root.expressions.expression(context);
    }

    /** An expression with its alias, if it has one ({@code x AS y}). */
    final Expression expr(AliasedExprContext context) {
        Expression expression = expr(context.expr());
        return context.identifier() == null ? expression : new Alias(expression, identifier(context.identifier()));
    }

    final List<Expression> exprList(ExprListContext context) {
        return context == null ? List.of() : aliasedExprs(context.aliasedExpr());
    }

    final List<Expression> aliasedExprs(List<AliasedExprContext> contexts) {
        List<Expression> result = new ArrayList<>(contexts.size());
        for (AliasedExprContext context : contexts) {
            result.add(expr(context));
        }
        return result;
    }

    final List<Expression> exprs(List<ExprContext> contexts) {
        List<Expression> result = new ArrayList<>(contexts.size());
        for (ExprContext context : contexts) {
            result.add(expr(context));
        }
        return result;
    }

    final SelectUnion selectUnion(SelectUnionContext context) {
        return root.selects.union(context);
    }

    /** The parts of a dotted name; a JSON subcolumn part keeps its {@code ^} or {@code :} before its quoted name. */
    List<String> nameParts(CompoundIdentifierContext context) {
        List<String> parts = new ArrayList<>(1 + context.identifierPart().size());
        parts.add(identifier(context.identifier()));
        for (IdentifierPartContext part : context.identifierPart()) {
            String name = identifier(part.identifier());
            if (part.CARET() != null) {
                parts.add("^`" + name + "`");
            } else if (part.COLON() != null) {
                parts.add(":`" + name + "`");
            } else {
                parts.add(name);
            }
            int arrays = part.LBRACKET().size();
            if (arrays > 0) {
                parts.add(":`" + "Array(".repeat(arrays) + "JSON" + ")".repeat(arrays) + "`");
            }
        }
        return parts;
    }

    /** A syntax error at {@code token}, with position, line and column, saying what was expected. */
    static SqlSyntaxException syntaxError(Token token, String what) {
        int line = token.getLine();
        int column = token.getCharPositionInLine() + 1;
        return new SqlSyntaxException(
                "Syntax error: failed at position " + (token.getStartIndex() + 1) + " ('" + token.getText()
                        + "') (line " + line + ", col " + column + "): " + what,
                token.getStartIndex() + 1,
                line,
                column);
    }

    String database(TableIdentifierContext context) {
        return context.identifier().size() > 1 ? identifier(context.identifier(0)) : null;
    }

    String table(TableIdentifierContext context) {
        return identifier(context.identifier(context.identifier().size() - 1));
    }

    String identifier(IdentifierContext context) {
        return unquoteIdentifier(context.getText());
    }

    /** The name after AS or the bare alias; null when none is written. */
    String alias(AliasClauseContext context) {
        if (context == null) {
            return null;
        }
        return context.identifier() != null ? identifier(context.identifier()) : alias(context.alias());
    }

    String alias(AliasContext context) {
        return unquoteIdentifier(context.getText());
    }

    static String unquoteIdentifier(String text) {
        if (text.length() >= 2 && (text.charAt(0) == '`' || text.charAt(0) == '"')) {
            char quote = text.charAt(0);
            String body = text.substring(1, text.length() - 1);
            return LiteralBuilder.unescape(body.replace(String.valueOf(quote) + quote, "\\" + quote));
        }
        return text;
    }

    String textOf(ParserRuleContext context) {
        return root.text.substring(
                context.getStart().getStartIndex(), context.getStop().getStopIndex() + 1);
    }

    static String words(List<org.antlr.v4.runtime.tree.ParseTree> children) {
        List<String> words = new ArrayList<>();
        for (var child : children) {
            words.add(child.getText().toUpperCase(Locale.ROOT));
        }
        return String.join(" ", words);
    }

    String format(FormatClauseContext format) {
        return format == null ? null : identifier(format.identifier());
    }

    /** A setting's name; a custom setting's may have dots: {@code SET custom_a.b = 1}. */
    final String settingName(SettingItemContext item) {
        List<String> parts = new ArrayList<>();
        for (IdentifierContext part : item.identifier()) {
            parts.add(identifier(part));
        }
        return String.join(".", parts);
    }

    final Map<String, Expression> settings(SettingsClauseContext context) {
        Map<String, Expression> settings = new LinkedHashMap<>();
        if (context != null) {
            for (SettingItemContext item : context.settingItem()) {
                settings.put(settingName(item), settingValue(item));
            }
        }
        return settings;
    }

    final OrderByElement orderItem(OrderItemContext item) {
        boolean descending = item.DESC() != null || item.DESCENDING() != null;
        Boolean nullsFirst = item.NULLS() == null ? null : item.FIRST() != null;
        String collation = item.STRING_LITERAL() == null ? null : unquoteString(item.STRING_LITERAL());
        OrderByElement.Fill fill = item.FILL() == null
                ? null
                : new OrderByElement.Fill(
                        optionalExpr(item.fillFrom),
                        optionalExpr(item.fillTo),
                        optionalExpr(item.fillStep),
                        optionalExpr(item.fillStaleness));
        return new OrderByElement(expr(item.aliasedExpr()), descending, nullsFirst, collation, fill);
    }

    final Expression optionalExpr(ExprContext context) {
        return context == null ? null : expr(context);
    }

    /** A string literal's text without its quotes, escapes resolved. */
    static String unquoteString(org.antlr.v4.runtime.tree.TerminalNode literal) {
        String text = literal.getText();
        return LiteralBuilder.unescape(text.substring(1, text.length() - 1));
    }

    /** A column's name, dotted when nested ({@code n.a}). */
    final String columnName(ColumnNameContext name) {
        List<String> parts = new ArrayList<>(name.identifier().size());
        for (IdentifierContext part : name.identifier()) {
            parts.add(identifier(part));
        }
        return String.join(".", parts);
    }

    /** A setting's value; {@code SET name} alone is {@code SET name = 1}, as in ClickHouse. */
    final Expression settingValue(SettingItemContext item) {
        return item.expr() == null ? LiteralBuilder.integerLiteral("1") : expr(item.expr());
    }

    /** {@code name = value, ...} of an ALTER, in the order written. */
    final Map<String, Expression> settingAssignments(List<SettingAssignmentContext> items) {
        Map<String, Expression> settings = new LinkedHashMap<>();
        for (SettingAssignmentContext item : items) {
            settings.put(identifier(item.identifier()), expr(item.expr()));
        }
        return settings;
    }
}
