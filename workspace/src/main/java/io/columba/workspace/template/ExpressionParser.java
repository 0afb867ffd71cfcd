package io.columba.workspace.template;

import io.columba.workspace.template.Expression.Keyword;
import io.columba.workspace.template.ExpressionLexer.Kind;
import io.columba.workspace.template.ExpressionLexer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for the Python expressions of templates, with Python's precedence.
 * What Python accepts but a template may not do (attribute reads, {@code **}, bitwise operators, lambdas,
 * comprehensions, unpacking, dunder names) is rejected here with a {@code Template Syntax Error}; anything else
 * that is not Python is {@code Syntax error: invalid syntax, line N}.
 */
final class ExpressionParser {
    private static final Map<String, String> FORBIDDEN_BINARY_OPERATORS = Map.of(
            "**",
            "Pow()",
            "|",
            "BitOr()",
            "^",
            "BitXor()",
            "&",
            "BitAnd()",
            "<<",
            "LShift()",
            ">>",
            "RShift()",
            "@",
            "MatMult()");
    private static final Set<String> COMPARISON_OPERATORS = Set.of("<", ">", "==", ">=", "<=", "!=");

    private final TokenStream tokens;

    ExpressionParser(TokenStream tokens) {
        this.tokens = tokens;
    }

    /** One expression, as after {@code if}, {@code elif} and {@code while}. */
    static Expression parseExpression(String source, int line) {
        TokenStream tokens = TokenStream.of(source, line);
        Expression expression = new ExpressionParser(tokens).expression();
        tokens.expectEnd();
        return expression;
    }

    /** An expression list ({@code a, b} is a tuple), as inside {@code {{ }}}. */
    static Expression parseExpressionList(String source, int line) {
        TokenStream tokens = TokenStream.of(source, line);
        Expression expression = new ExpressionParser(tokens).expressionList();
        tokens.expectEnd();
        return expression;
    }

    Expression expressionList() {
        Expression first = expression();
        if (!tokens.peek().is(",")) {
            return first;
        }
        List<Expression> items = new ArrayList<>(List.of(first));
        while (tokens.peek().is(",")) {
            tokens.advance();
            if (!startsExpression()) {
                break;
            }
            items.add(expression());
        }
        return new Expression.TupleDisplay(items);
    }

    Expression expression() {
        tokens.enter();
        if (tokens.peek().is("lambda")) {
            throw TemplateException.template("lambda is not supported in templates", tokens.line());
        }
        Expression result = logicalOr();
        if (tokens.peek().is("if")) {
            tokens.advance();
            Expression condition = logicalOr();
            tokens.expect("else");
            result = new Expression.Conditional(condition, result, expression());
        }
        if (tokens.peek().is(":=")) {
            throw TemplateException.template("assignment expressions are not supported in templates", tokens.line());
        }
        tokens.leave();
        return result;
    }

    private Expression logicalOr() {
        Expression left = logicalAnd();
        while (tokens.peek().is("or")) {
            tokens.advance();
            left = new Expression.Logical(false, left, logicalAnd());
        }
        return left;
    }

    private Expression logicalAnd() {
        Expression left = logicalNot();
        while (tokens.peek().is("and")) {
            tokens.advance();
            left = new Expression.Logical(true, left, logicalNot());
        }
        return left;
    }

    private Expression logicalNot() {
        if (tokens.peek().is("not")) {
            tokens.advance();
            tokens.enter();
            Expression operand = logicalNot();
            tokens.leave();
            return new Expression.Unary("not", operand);
        }
        return comparison();
    }

    private Expression comparison() {
        Expression first = bitwise();
        List<String> operators = new ArrayList<>();
        List<Expression> rest = new ArrayList<>();
        while (true) {
            String operator = comparisonOperator();
            if (operator == null) {
                break;
            }
            operators.add(operator);
            rest.add(bitwise());
        }
        return operators.isEmpty() ? first : new Expression.Comparison(first, operators, rest);
    }

    private String comparisonOperator() {
        Token token = tokens.peek();
        if (token.kind() == Kind.OPERATOR && COMPARISON_OPERATORS.contains(token.text())) {
            tokens.advance();
            return token.text();
        }
        if (token.is("in")) {
            tokens.advance();
            return "in";
        }
        if (token.is("not") && tokens.peek(1).is("in")) {
            tokens.advance();
            tokens.advance();
            return "not in";
        }
        if (token.is("is")) {
            tokens.advance();
            if (tokens.peek().is("not")) {
                tokens.advance();
                return "is not";
            }
            return "is";
        }
        return null;
    }

    /** Python's bitwise and shift levels: parsed so that using them gives Tinybird's security error. */
    private Expression bitwise() {
        Expression left = additive();
        if (tokens.peek().kind() == Kind.OPERATOR
                && FORBIDDEN_BINARY_OPERATORS.containsKey(tokens.peek().text())) {
            throw forbiddenOperator(tokens.peek().text());
        }
        return left;
    }

    private TemplateException forbiddenOperator(String operator) {
        return TemplateException.template("Invalid BinOp: " + FORBIDDEN_BINARY_OPERATORS.get(operator), tokens.line());
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (tokens.peek().is("+") || tokens.peek().is("-")) {
            String operator = tokens.advance().text();
            left = new Expression.Binary(operator, left, multiplicative());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (true) {
            Token token = tokens.peek();
            if (token.is("*") || token.is("/") || token.is("//") || token.is("%")) {
                tokens.advance();
                left = new Expression.Binary(token.text(), left, unary());
            } else if (token.is("@")) {
                throw forbiddenOperator("@");
            } else {
                return left;
            }
        }
    }

    private Expression unary() {
        Token token = tokens.peek();
        if (token.is("-") || token.is("+")) {
            tokens.advance();
            tokens.enter();
            Expression operand = unary();
            tokens.leave();
            return new Expression.Unary(token.text(), operand);
        }
        if (token.is("~")) {
            throw TemplateException.template("Invalid UnaryOp: Invert()", tokens.line());
        }
        Expression base = postfix(atom());
        if (tokens.peek().is("**")) {
            throw forbiddenOperator("**");
        }
        return base;
    }

    private Expression postfix(Expression base) {
        Expression result = base;
        while (true) {
            Token token = tokens.peek();
            if (token.is("(")) {
                result = call(result);
            } else if (token.is("[")) {
                tokens.advance();
                result = subscript(result);
                tokens.expect("]");
            } else if (token.is(".")) {
                tokens.advance();
                Token attribute = tokens.advance();
                if (attribute.kind() != Kind.NAME) {
                    throw TemplateException.invalidSyntax(tokens.line());
                }
                String method = attribute.text();
                if (method.startsWith("_")) {
                    throw TemplateException.template("Invalid attribute: '" + method + "'", tokens.line());
                }
                if (!tokens.peek().is("(")) {
                    throw TemplateException.template(
                            "attributes can only be called as methods, found '." + method + "'", tokens.line());
                }
                Arguments arguments = arguments();
                result = new Expression.MethodCall(result, method, arguments.positional(), arguments.keywords());
            } else {
                return result;
            }
        }
    }

    private Expression call(Expression callee) {
        Arguments arguments = arguments();
        if (callee instanceof Expression.Name name) {
            return new Expression.Call(name.identifier(), arguments.positional(), arguments.keywords());
        }
        return new Expression.UncallableCall(callee, arguments.positional(), arguments.keywords());
    }

    private record Arguments(List<Expression> positional, List<Keyword> keywords) {}

    private Arguments arguments() {
        tokens.expect("(");
        List<Expression> positional = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        Set<String> keywordNames = new HashSet<>();
        while (!tokens.peek().is(")")) {
            if (tokens.peek().is("*") || tokens.peek().is("**")) {
                throw TemplateException.template(
                        "unpacking with * and ** is not supported in templates", tokens.line());
            }
            if (tokens.peek().kind() == Kind.NAME
                    && tokens.peek(1).is("=")
                    && !TokenStream.isKeyword(tokens.peek().text())) {
                String name = tokens.advance().text();
                tokens.advance();
                if (!keywordNames.add(name)) {
                    throw TemplateException.invalidSyntax(tokens.line());
                }
                keywords.add(new Keyword(name, expression()));
            } else {
                if (!keywords.isEmpty()) {
                    throw TemplateException.invalidSyntax(tokens.line());
                }
                positional.add(expression());
                rejectComprehension();
            }
            if (!tokens.peek().is(",")) {
                break;
            }
            tokens.advance();
        }
        tokens.expect(")");
        return new Arguments(positional, keywords);
    }

    private Expression subscript(Expression container) {
        Expression lower = tokens.peek().is(":") ? null : expression();
        if (!tokens.peek().is(":")) {
            if (tokens.peek().is(",")) {
                List<Expression> items = new ArrayList<>(List.of(lower));
                while (tokens.peek().is(",")) {
                    tokens.advance();
                    if (tokens.peek().is("]")) {
                        break;
                    }
                    items.add(expression());
                }
                return new Expression.Subscript(container, new Expression.TupleDisplay(items));
            }
            return new Expression.Subscript(container, lower);
        }
        tokens.advance();
        Expression upper = tokens.peek().is(":") || tokens.peek().is("]") ? null : expression();
        Expression step = null;
        if (tokens.peek().is(":")) {
            tokens.advance();
            step = tokens.peek().is("]") ? null : expression();
        }
        return new Expression.Slice(container, lower, upper, step);
    }

    private Expression atom() {
        Token token = tokens.advance();
        switch (token.kind()) {
            case NUMBER -> {
                return new Expression.Constant(token.value());
            }
            case STRING -> {
                StringBuilder text = new StringBuilder((String) token.value());
                while (tokens.peek().kind() == Kind.STRING) {
                    text.append((String) tokens.advance().value());
                }
                return new Expression.Constant(text.toString());
            }
            case NAME -> {
                return name(token.text());
            }
            case OPERATOR -> {
                return display(token.text());
            }
            case END -> throw TemplateException.invalidSyntax(tokens.line());
        }
        throw TemplateException.invalidSyntax(tokens.line());
    }

    private Expression name(String text) {
        switch (text) {
            case "None" -> {
                return new Expression.Constant(null);
            }
            case "True" -> {
                return new Expression.Constant(Boolean.TRUE);
            }
            case "False" -> {
                return new Expression.Constant(Boolean.FALSE);
            }
            default -> {
                if (text.equals("lambda")) {
                    throw TemplateException.template("lambda is not supported in templates", tokens.line());
                }
                if (TokenStream.isKeyword(text)) {
                    throw TemplateException.invalidSyntax(tokens.line());
                }
                return new Expression.Name(tokens.checkedName(text));
            }
        }
    }

    private Expression display(String opening) {
        return switch (opening) {
            case "(" -> parenthesized();
            case "[" -> listDisplay();
            case "{" -> braces();
            case "*" ->
                throw TemplateException.template(
                        "unpacking with * and ** is not supported in templates", tokens.line());
            default -> throw TemplateException.invalidSyntax(tokens.line());
        };
    }

    /** {@code ()}, {@code (x)} or a tuple {@code (x, y)}. */
    private Expression parenthesized() {
        if (tokens.peek().is(")")) {
            tokens.advance();
            return new Expression.TupleDisplay(List.of());
        }
        Expression first = expression();
        rejectComprehension();
        if (tokens.peek().is(")")) {
            tokens.advance();
            return first;
        }
        return new Expression.TupleDisplay(itemsAfter(first, ")"));
    }

    private Expression listDisplay() {
        if (tokens.peek().is("]")) {
            tokens.advance();
            return new Expression.ListDisplay(List.of());
        }
        Expression first = expression();
        rejectComprehension();
        return new Expression.ListDisplay(itemsAfter(first, "]"));
    }

    /** The items of a display after its first one, up to and including {@code closing}. */
    private List<Expression> itemsAfter(Expression first, String closing) {
        List<Expression> items = new ArrayList<>(List.of(first));
        while (tokens.peek().is(",")) {
            tokens.advance();
            if (tokens.peek().is(closing)) {
                break;
            }
            items.add(expression());
        }
        tokens.expect(closing);
        return items;
    }

    private Expression braces() {
        if (tokens.peek().is("}")) {
            tokens.advance();
            return new Expression.DictDisplay(List.of(), List.of());
        }
        if (tokens.peek().is("**")) {
            throw TemplateException.template("unpacking with * and ** is not supported in templates", tokens.line());
        }
        Expression first = expression();
        if (!tokens.peek().is(":")) {
            rejectComprehension();
            return new Expression.SetDisplay(itemsAfter(first, "}"));
        }
        List<Expression> keys = new ArrayList<>();
        List<Expression> values = new ArrayList<>();
        tokens.advance();
        keys.add(first);
        values.add(expression());
        rejectComprehension();
        while (tokens.peek().is(",")) {
            tokens.advance();
            if (tokens.peek().is("}")) {
                break;
            }
            keys.add(expression());
            tokens.expect(":");
            values.add(expression());
        }
        tokens.expect("}");
        return new Expression.DictDisplay(keys, values);
    }

    private void rejectComprehension() {
        if (tokens.peek().is("for") || tokens.peek().is("async")) {
            throw TemplateException.template("comprehensions are not supported in templates", tokens.line());
        }
    }

    private boolean startsExpression() {
        Token token = tokens.peek();
        return switch (token.kind()) {
            case NAME ->
                !TokenStream.isKeyword(token.text())
                        || token.is("not")
                        || token.is("None")
                        || token.is("True")
                        || token.is("False")
                        || token.is("lambda");
            case NUMBER, STRING -> true;
            case OPERATOR ->
                token.is("(") || token.is("[") || token.is("{") || token.is("-") || token.is("+") || token.is("~");
            case END -> false;
        };
    }
}
