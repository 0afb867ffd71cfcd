package io.columba.workspace.template;

import io.columba.workspace.template.ExpressionLexer.Kind;
import io.columba.workspace.template.ExpressionLexer.Token;
import java.util.List;
import java.util.Set;

/** The tokens of one expression or statement, read front to back, and the nesting depth reached so far. */
final class TokenStream {
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

    private final List<Token> tokens;
    private final int line;
    private int position;
    private int depth;

    private TokenStream(List<Token> tokens, int line) {
        this.tokens = tokens;
        this.line = line;
    }

    static TokenStream of(String source, int line) {
        return new TokenStream(ExpressionLexer.tokenize(source, line), line);
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }

    /** The template line the text starts on, for error messages. */
    int line() {
        return line;
    }

    Token peek() {
        return tokens.get(position);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token token = tokens.get(position);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }

    void expect(String text) {
        if (!advance().is(text)) {
            throw TemplateException.invalidSyntax(line);
        }
    }

    void expectEnd() {
        if (peek().kind() != Kind.END) {
            throw TemplateException.invalidSyntax(line);
        }
    }

    /** A name that may be bound: not a keyword, not a dunder. */
    String identifier() {
        Token token = advance();
        if (token.kind() != Kind.NAME || KEYWORDS.contains(token.text())) {
            throw TemplateException.invalidSyntax(line);
        }
        return checkedName(token.text());
    }

    String checkedName(String text) {
        if (text.startsWith("__")) {
            throw TemplateException.template("'" + text + "' is not a valid name", line);
        }
        return text;
    }

    /** One level deeper into nested parentheses, displays or operators. */
    void enter() {
        if (++depth > MAX_DEPTH) {
            throw TemplateException.parse("expression nested too deeply", line);
        }
    }

    void leave() {
        depth--;
    }
}
