package io.columba.workspace.template;

import io.columba.workspace.template.ExpressionLexer.Kind;
import java.util.ArrayList;
import java.util.List;

/** Parses the Python of {@code {% for %}}, {@code {% set %}} and {@code {% except %}} tags. */
final class StatementParser {
    /** {@code {% for target in iterable %}}. */
    record ForHeader(AssignmentTarget target, Expression iterable) {}

    /** {@code {% set target = value %}}; {@code operator} is empty or the operator of {@code +=} and friends. */
    record SetStatement(AssignmentTarget target, String operator, Expression value) {}

    private final TokenStream tokens;

    private StatementParser(TokenStream tokens) {
        this.tokens = tokens;
    }

    static ForHeader parseFor(String source, int line) {
        TokenStream tokens = TokenStream.of(source, line);
        AssignmentTarget target = new StatementParser(tokens).targetList();
        tokens.expect("in");
        Expression iterable = new ExpressionParser(tokens).expressionList();
        tokens.expectEnd();
        return new ForHeader(target, iterable);
    }

    static SetStatement parseSet(String source, int line) {
        TokenStream tokens = TokenStream.of(source, line);
        AssignmentTarget target = new StatementParser(tokens).targetList();
        ExpressionLexer.Token assignment = tokens.advance();
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
        Expression value = new ExpressionParser(tokens).expressionList();
        tokens.expectEnd();
        return new SetStatement(target, operator, value);
    }

    /** The name bound by {@code except Type as name}, or {@code null}; the type itself is not evaluated. */
    static String parseExcept(String source, int line) {
        TokenStream tokens = TokenStream.of(source, line);
        if (tokens.peek().kind() == Kind.END) {
            return null;
        }
        new ExpressionParser(tokens).expression();
        String name = null;
        if (tokens.peek().is("as")) {
            tokens.advance();
            name = tokens.identifier();
        }
        tokens.expectEnd();
        return name;
    }

    private AssignmentTarget targetList() {
        AssignmentTarget first = target();
        if (!tokens.peek().is(",")) {
            return first;
        }
        List<AssignmentTarget> targets = new ArrayList<>(List.of(first));
        while (tokens.peek().is(",")) {
            tokens.advance();
            if (!startsTarget()) {
                break;
            }
            targets.add(target());
        }
        return new AssignmentTarget.Unpacking(targets);
    }

    private boolean startsTarget() {
        ExpressionLexer.Token next = tokens.peek();
        return (next.kind() == Kind.NAME && !TokenStream.isKeyword(next.text())) || next.is("(") || next.is("[");
    }

    private AssignmentTarget target() {
        if (tokens.peek().is("(") || tokens.peek().is("[")) {
            String closing = tokens.advance().is("(") ? ")" : "]";
            tokens.enter();
            AssignmentTarget inner = targetList();
            tokens.leave();
            tokens.expect(closing);
            return inner instanceof AssignmentTarget.Unpacking ? inner : new AssignmentTarget.Unpacking(List.of(inner));
        }
        return new AssignmentTarget.Variable(tokens.identifier());
    }
}
