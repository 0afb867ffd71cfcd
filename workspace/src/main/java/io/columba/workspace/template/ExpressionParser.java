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
 * A recursive-descent parser for the Python expressions and statements of templates, with Python's precedence.
 * What Python accepts but a template may not do (attribute reads, {@code **}, bitwise operators, lambdas,
 * comprehensions, unpacking, dunder names) is rejected here with a {@code Template Syntax Error}; anything else
 * that is not Python is {@code Syntax error: invalid syntax, line N}.
 */
final class ExpressionParser {
    /** Deeper than this is an attack, not a template (Python itself stops at 200 nested parentheses). */
    static final int MAX_DEPTH = 100;

    private static final Set<String> KEYWORDS = Set.of(
            "False",
            "None",
            "True",
            "and",
            "as",
            "assert",
            "async",
            "await",
            "break",
            "class",
            "continue",
            "def",
            "del",
            "elif",
            "else",
            "except",
            "finally",
            "for",
            "from",
            "global",
            "if",
            "import",
            "in",
            "is",
            "lambda",
            "nonlocal",
            "not",
            "or",
            "pass",
            "raise",
            "return",
            "try",
            "while",
            "with",
            "yield");
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

    /** {@code {% for target in iterable %}}. */
    record ForHeader(AssignmentTarget target, Expression iterable) {}

    /** {@code {% set target = value %}}; {@code operator} is empty or the operator of {@code +=} and friends. */
    record SetStatement(AssignmentTarget target, String operator, Expression value) {}

    private final List<Token> tokens;
    private final int line;
    private int position;
    private int depth;

    private ExpressionParser(String source, int line) {
        this.tokens = ExpressionLexer.tokenize(source, line);
        this.line = line;
    }

    /** One expression, as after {@code if}, {@code elif} and {@code while}. */
    static Expression parseExpression(String source, int line) {
        ExpressionParser parser = new ExpressionParser(source, line);
        Expression expression = parser.expression();
        parser.expectEnd();
        return expression;
    }

    /** An expression list ({@code a, b} is a tuple), as inside {@code {{ }}}. */
    static Expression parseExpressionList(String source, int line) {
        ExpressionParser parser = new ExpressionParser(source, line);
        Expression expression = parser.expressionList();
        parser.expectEnd();
        return expression;
    }

    static ForHeader parseFor(String source, int line) {
        ExpressionParser parser = new ExpressionParser(source, line);
        AssignmentTarget target = parser.targetList();
        parser.expect("in");
        Expression iterable = parser.expressionList();
        parser.expectEnd();
        return new ForHeader(target, iterable);
    }

    static SetStatement parseSet(String source, int line) {
        ExpressionParser parser = new ExpressionParser(source, line);
        AssignmentTarget target = parser.targetList();
        Token assignment = parser.advance();
        String operator;
        if (assignment.is("=")) {
            operator = "";
        } else if (assignment.is("+=") || assignment.is("-=") || assignment.is("*=")) {
            operator = assignment.text().substring(0, 1);
        } else {
            throw TemplateException.invalidSyntax(line);
        }
        if (!operator.isEmpty() && !(target instanceof AssignmentTarget.Variable)) {
            throw TemplateException.invalidSyntax(line);
        }
        Expression value = parser.expressionList();
        parser.expectEnd();
        return new SetStatement(target, operator, value);
    }

    /** The name bound by {@code except Type as name}, or {@code null}; the type itself is not evaluated. */
    static String parseExcept(String source, int line) {
        ExpressionParser parser = new ExpressionParser(source, line);
        if (parser.peek().kind() == Kind.END) {
            return null;
        }
        parser.expression();
        String name = null;
        if (parser.peek().is("as")) {
            parser.advance();
            name = parser.identifier();
        }
        parser.expectEnd();
        return name;
    }

    private Expression expressionList() {
        Expression first = expression();
        if (!peek().is(",")) {
            return first;
        }
        List<Expression> items = new ArrayList<>(List.of(first));
        while (peek().is(",")) {
            advance();
            if (!startsExpression()) {
                break;
            }
            items.add(expression());
        }
        return new Expression.TupleDisplay(items);
    }

    private Expression expression() {
        if (++depth > MAX_DEPTH) {
            throw TemplateException.parse("expression nested too deeply", line);
        }
        if (peek().is("lambda")) {
            throw TemplateException.template("lambda is not supported in templates", line);
        }
        Expression result = logicalOr();
        if (peek().is("if")) {
            advance();
            Expression condition = logicalOr();
            expect("else");
            result = new Expression.Conditional(condition, result, expression());
        }
        if (peek().is(":=")) {
            throw TemplateException.template("assignment expressions are not supported in templates", line);
        }
        depth--;
        return result;
    }

    private Expression logicalOr() {
        Expression left = logicalAnd();
        while (peek().is("or")) {
            advance();
            left = new Expression.Logical(false, left, logicalAnd());
        }
        return left;
    }

    private Expression logicalAnd() {
        Expression left = logicalNot();
        while (peek().is("and")) {
            advance();
            left = new Expression.Logical(true, left, logicalNot());
        }
        return left;
    }

    private Expression logicalNot() {
        if (peek().is("not")) {
            advance();
            if (++depth > MAX_DEPTH) {
                throw TemplateException.parse("expression nested too deeply", line);
            }
            Expression operand = logicalNot();
            depth--;
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
        Token token = peek();
        if (token.kind() == Kind.OPERATOR && COMPARISON_OPERATORS.contains(token.text())) {
            advance();
            return token.text();
        }
        if (token.is("in")) {
            advance();
            return "in";
        }
        if (token.is("not") && peek(1).is("in")) {
            position += 2;
            return "not in";
        }
        if (token.is("is")) {
            advance();
            if (peek().is("not")) {
                advance();
                return "is not";
            }
            return "is";
        }
        return null;
    }

    /** Python's bitwise and shift levels: parsed so that using them gives Tinybird's security error. */
    private Expression bitwise() {
        Expression left = additive();
        if (peek().kind() == Kind.OPERATOR && FORBIDDEN_BINARY_OPERATORS.containsKey(peek().text())) {
            throw forbiddenOperator(peek().text());
        }
        return left;
    }

    private TemplateException forbiddenOperator(String operator) {
        return TemplateException.template("Invalid BinOp: " + FORBIDDEN_BINARY_OPERATORS.get(operator), line);
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            String operator = advance().text();
            left = new Expression.Binary(operator, left, multiplicative());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (true) {
            Token token = peek();
            if (token.is("*") || token.is("/") || token.is("//") || token.is("%")) {
                advance();
                left = new Expression.Binary(token.text(), left, unary());
            } else if (token.is("@")) {
                throw forbiddenOperator("@");
            } else {
                return left;
            }
        }
    }

    private Expression unary() {
        Token token = peek();
        if (token.is("-") || token.is("+")) {
            advance();
            if (++depth > MAX_DEPTH) {
                throw TemplateException.parse("expression nested too deeply", line);
            }
            Expression operand = unary();
            depth--;
            return new Expression.Unary(token.text(), operand);
        }
        if (token.is("~")) {
            throw TemplateException.template("Invalid UnaryOp: Invert()", line);
        }
        Expression base = postfix(atom());
        if (peek().is("**")) {
            throw forbiddenOperator("**");
        }
        return base;
    }

    private Expression postfix(Expression base) {
        Expression result = base;
        while (true) {
            Token token = peek();
            if (token.is("(")) {
                result = call(result);
            } else if (token.is("[")) {
                advance();
                result = subscript(result);
                expect("]");
            } else if (token.is(".")) {
                advance();
                String method = identifier();
                if (method.startsWith("_")) {
                    throw TemplateException.template("Invalid attribute: '" + method + "'", line);
                }
                if (!peek().is("(")) {
                    throw TemplateException.template(
                            "attributes can only be called as methods, found '." + method + "'", line);
                }
                Arguments arguments = arguments();
                result = new Expression.MethodCall(result, method, arguments.positional(), arguments.keywords());
            } else {
                return result;
            }
        }
    }

    private Expression call(Expression callee) {
        if (!(callee instanceof Expression.Name name)) {
            throw TemplateException.template("only named functions and methods can be called", line);
        }
        Arguments arguments = arguments();
        return new Expression.Call(name.identifier(), arguments.positional(), arguments.keywords());
    }

    private record Arguments(List<Expression> positional, List<Keyword> keywords) {}

    private Arguments arguments() {
        expect("(");
        List<Expression> positional = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        Set<String> keywordNames = new HashSet<>();
        while (!peek().is(")")) {
            if (peek().is("*") || peek().is("**")) {
                throw TemplateException.template("unpacking with * and ** is not supported in templates", line);
            }
            if (peek().kind() == Kind.NAME && peek(1).is("=") && !KEYWORDS.contains(peek().text())) {
                String name = advance().text();
                advance();
                if (!keywordNames.add(name)) {
                    throw TemplateException.invalidSyntax(line);
                }
                keywords.add(new Keyword(name, expression()));
            } else {
                if (!keywords.isEmpty()) {
                    throw TemplateException.invalidSyntax(line);
                }
                positional.add(expression());
                rejectComprehension();
            }
            if (!peek().is(",")) {
                break;
            }
            advance();
        }
        expect(")");
        return new Arguments(positional, keywords);
    }

    private Expression subscript(Expression container) {
        Expression lower = peek().is(":") ? null : expression();
        if (!peek().is(":")) {
            if (peek().is(",")) {
                List<Expression> items = new ArrayList<>(List.of(lower));
                while (peek().is(",")) {
                    advance();
                    if (peek().is("]")) {
                        break;
                    }
                    items.add(expression());
                }
                return new Expression.Subscript(container, new Expression.TupleDisplay(items));
            }
            return new Expression.Subscript(container, lower);
        }
        advance();
        Expression upper = peek().is(":") || peek().is("]") ? null : expression();
        Expression step = null;
        if (peek().is(":")) {
            advance();
            step = peek().is("]") ? null : expression();
        }
        return new Expression.Slice(container, lower, upper, step);
    }

    private Expression atom() {
        Token token = advance();
        switch (token.kind()) {
            case NUMBER -> {
                return new Expression.Constant(token.value());
            }
            case STRING -> {
                StringBuilder text = new StringBuilder((String) token.value());
                while (peek().kind() == Kind.STRING) {
                    text.append((String) advance().value());
                }
                return new Expression.Constant(text.toString());
            }
            case NAME -> {
                return name(token.text());
            }
            case OPERATOR -> {
                return display(token.text());
            }
            case END -> throw TemplateException.invalidSyntax(line);
        }
        throw TemplateException.invalidSyntax(line);
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
                    throw TemplateException.template("lambda is not supported in templates", line);
                }
                if (KEYWORDS.contains(text)) {
                    throw TemplateException.invalidSyntax(line);
                }
                return new Expression.Name(checkedName(text));
            }
        }
    }

    private String checkedName(String text) {
        if (text.startsWith("__")) {
            throw TemplateException.template("'" + text + "' is not a valid name", line);
        }
        return text;
    }

    private Expression display(String opening) {
        switch (opening) {
            case "(" -> {
                if (peek().is(")")) {
                    advance();
                    return new Expression.TupleDisplay(List.of());
                }
                Expression first = expression();
                rejectComprehension();
                if (peek().is(")")) {
                    advance();
                    return first;
                }
                List<Expression> items = itemsAfter(first, ")");
                return new Expression.TupleDisplay(items);
            }
            case "[" -> {
                if (peek().is("]")) {
                    advance();
                    return new Expression.ListDisplay(List.of());
                }
                Expression first = expression();
                rejectComprehension();
                return new Expression.ListDisplay(itemsAfter(first, "]"));
            }
            case "{" -> {
                return braces();
            }
            case "*" -> throw TemplateException.template("unpacking with * and ** is not supported in templates", line);
            default -> throw TemplateException.invalidSyntax(line);
        }
    }

    /** The items of a display after its first one, up to and including {@code closing}. */
    private List<Expression> itemsAfter(Expression first, String closing) {
        List<Expression> items = new ArrayList<>(List.of(first));
        while (peek().is(",")) {
            advance();
            if (peek().is(closing)) {
                break;
            }
            items.add(expression());
        }
        expect(closing);
        return items;
    }

    private Expression braces() {
        if (peek().is("}")) {
            advance();
            return new Expression.DictDisplay(List.of(), List.of());
        }
        if (peek().is("**")) {
            throw TemplateException.template("unpacking with * and ** is not supported in templates", line);
        }
        Expression first = expression();
        if (!peek().is(":")) {
            rejectComprehension();
            return new Expression.SetDisplay(itemsAfter(first, "}"));
        }
        List<Expression> keys = new ArrayList<>();
        List<Expression> values = new ArrayList<>();
        advance();
        keys.add(first);
        values.add(expression());
        rejectComprehension();
        while (peek().is(",")) {
            advance();
            if (peek().is("}")) {
                break;
            }
            keys.add(expression());
            expect(":");
            values.add(expression());
        }
        expect("}");
        return new Expression.DictDisplay(keys, values);
    }

    private void rejectComprehension() {
        if (peek().is("for") || peek().is("async")) {
            throw TemplateException.template("comprehensions are not supported in templates", line);
        }
    }

    private AssignmentTarget targetList() {
        AssignmentTarget first = target();
        if (!peek().is(",")) {
            return first;
        }
        List<AssignmentTarget> targets = new ArrayList<>(List.of(first));
        while (peek().is(",")) {
            advance();
            if (!(peek().kind() == Kind.NAME && !KEYWORDS.contains(peek().text()))
                    && !peek().is("(")
                    && !peek().is("[")) {
                break;
            }
            targets.add(target());
        }
        return new AssignmentTarget.Unpacking(targets);
    }

    private AssignmentTarget target() {
        if (peek().is("(") || peek().is("[")) {
            String closing = advance().is("(") ? ")" : "]";
            if (++depth > MAX_DEPTH) {
                throw TemplateException.parse("expression nested too deeply", line);
            }
            AssignmentTarget inner = targetList();
            depth--;
            expect(closing);
            return inner instanceof AssignmentTarget.Unpacking ? inner : new AssignmentTarget.Unpacking(List.of(inner));
        }
        return new AssignmentTarget.Variable(identifier());
    }

    private String identifier() {
        Token token = advance();
        if (token.kind() != Kind.NAME || KEYWORDS.contains(token.text())) {
            throw TemplateException.invalidSyntax(line);
        }
        return checkedName(token.text());
    }

    private boolean startsExpression() {
        Token token = peek();
        return switch (token.kind()) {
            case NAME ->
                !KEYWORDS.contains(token.text())
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

    private Token peek() {
        return tokens.get(position);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token token = tokens.get(position);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }

    private void expect(String text) {
        if (!advance().is(text)) {
            throw TemplateException.invalidSyntax(line);
        }
    }

    private void expectEnd() {
        if (peek().kind() != Kind.END) {
            throw TemplateException.invalidSyntax(line);
        }
    }
}
