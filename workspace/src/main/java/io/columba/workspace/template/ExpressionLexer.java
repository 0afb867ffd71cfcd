package io.columba.workspace.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits the text of one template expression or statement into Python tokens. */
final class ExpressionLexer {
    /** One token; {@code value} is the decoded literal for numbers and strings. */
    record Token(Kind kind, String text, Object value) {
        boolean is(String operatorOrKeyword) {
            return (kind == Kind.OPERATOR || kind == Kind.NAME) && text.equals(operatorOrKeyword);
        }
    }

    enum Kind {
        NAME,
        NUMBER,
        STRING,
        OPERATOR,
        END
    }

    private static final List<String> OPERATORS = List.of(
            "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=",
            "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "<", ">", "(", ")", "[", "]", "{",
            "}", ",", ":", ".", ";", "=", "~", "&", "|", "^");
    private static final Set<Character> STRING_PREFIX_LETTERS = Set.of('r', 'b', 'u', 'f');

    private final String source;
    private final int line;
    private int position;

    private ExpressionLexer(String source, int line) {
        this.source = source;
        this.line = line;
    }

    static List<Token> tokenize(String source, int line) {
        return new ExpressionLexer(source, line).tokens();
    }

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (position >= source.length()) {
                tokens.add(new Token(Kind.END, "", null));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (position < source.length()) {
            char current = source.charAt(position);
            if (current == '\\' && position + 1 < source.length() && source.charAt(position + 1) == '\n') {
                position += 2;
            } else if (current == ' ' || current == '\t' || current == '\n' || current == '\r' || current == '\f') {
                position++;
            } else {
                return;
            }
        }
    }

    private Token next() {
        char current = source.charAt(position);
        int stringStart = stringStart();
        if (stringStart >= 0) {
            return string(stringStart);
        }
        if (isAsciiDigit(current)
                || (current == '.' && position + 1 < source.length() && isAsciiDigit(source.charAt(position + 1)))) {
            return number();
        }
        int codePoint = source.codePointAt(position);
        if (Character.isUnicodeIdentifierStart(codePoint) || current == '_') {
            int start = position;
            position += Character.charCount(codePoint);
            while (position < source.length() && Character.isUnicodeIdentifierPart(source.codePointAt(position))) {
                position += Character.charCount(source.codePointAt(position));
            }
            return new Token(Kind.NAME, source.substring(start, position), null);
        }
        for (String operator : OPERATORS) {
            if (source.startsWith(operator, position)) {
                position += operator.length();
                return new Token(Kind.OPERATOR, operator, null);
            }
        }
        throw TemplateException.invalidSyntax(line);
    }

    /** The offset of the opening quote when a string literal (with optional prefix) starts here, else -1. */
    private int stringStart() {
        int index = position;
        while (index < source.length()
                && index - position < 2
                && STRING_PREFIX_LETTERS.contains(Character.toLowerCase(source.charAt(index)))) {
            index++;
        }
        if (index < source.length() && (source.charAt(index) == '\'' || source.charAt(index) == '"')) {
            return index;
        }
        return -1;
    }

    private Token string(int quoteIndex) {
        String prefix = source.substring(position, quoteIndex).toLowerCase(Locale.ROOT);
        if (prefix.contains("f")) {
            throw TemplateException.template("f-strings are not supported in templates", line);
        }
        if (prefix.contains("b")) {
            throw TemplateException.template("bytes literals are not supported in templates", line);
        }
        boolean raw = prefix.contains("r");
        char quote = source.charAt(quoteIndex);
        boolean triple = source.startsWith(String.valueOf(quote).repeat(3), quoteIndex);
        String delimiter = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        int start = position;
        position = quoteIndex + delimiter.length();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= source.length()) {
                throw TemplateException.invalidSyntax(line);
            }
            if (source.startsWith(delimiter, position)) {
                position += delimiter.length();
                return new Token(Kind.STRING, source.substring(start, position), value.toString());
            }
            char current = source.charAt(position);
            if (current == '\n' && !triple) {
                throw TemplateException.invalidSyntax(line);
            }
            if (current == '\\') {
                position = raw ? appendRawEscape(value) : PythonStringEscapes.decode(source, position, value, line);
            } else {
                value.append(current);
                position++;
            }
        }
    }

    private int appendRawEscape(StringBuilder value) {
        value.append('\\');
        if (position + 1 < source.length()) {
            value.append(source.charAt(position + 1));
            return position + 2;
        }
        return position + 1;
    }

    private Token number() {
        int start = position;
        if (source.charAt(position) == '0' && position + 1 < source.length()) {
            char radixLetter = Character.toLowerCase(source.charAt(position + 1));
            int radix = radixLetter == 'x' ? 16 : radixLetter == 'o' ? 8 : radixLetter == 'b' ? 2 : 0;
            if (radix != 0) {
                position += 2;
                while (position < source.length()
                        && (Character.digit(source.charAt(position), radix) >= 0 || source.charAt(position) == '_')) {
                    position++;
                }
                return integerToken(start, source.substring(start + 2, position), radix);
            }
        }
        boolean isFloat = false;
        consumeDigits();
        if (position < source.length() && source.charAt(position) == '.') {
            isFloat = true;
            position++;
            consumeDigits();
        }
        if (position < source.length() && Character.toLowerCase(source.charAt(position)) == 'e') {
            int exponentStart = position;
            position++;
            if (position < source.length() && (source.charAt(position) == '+' || source.charAt(position) == '-')) {
                position++;
            }
            if (position < source.length() && isAsciiDigit(source.charAt(position))) {
                isFloat = true;
                consumeDigits();
            } else {
                position = exponentStart;
            }
        }
        if (position < source.length() && Character.toLowerCase(source.charAt(position)) == 'j') {
            throw TemplateException.template("complex numbers are not supported in templates", line);
        }
        String text = source.substring(start, position);
        if (isFloat) {
            return new Token(Kind.NUMBER, text, Double.parseDouble(text.replace("_", "")));
        }
        if (text.length() > 1 && text.startsWith("0") && !text.replace("_", "").matches("0+")) {
            throw TemplateException.invalidSyntax(line);
        }
        return integerToken(start, text, 10);
    }

    private Token integerToken(int start, String digits, int radix) {
        String clean = digits.replace("_", "");
        if (clean.isEmpty() || digits.startsWith("_") || digits.endsWith("_") || digits.contains("__")) {
            throw TemplateException.invalidSyntax(line);
        }
        BigInteger value = PythonNumbers.checkSize(new BigInteger(clean, radix), line);
        return new Token(Kind.NUMBER, source.substring(start, position), value);
    }

    private void consumeDigits() {
        while (position < source.length()
                && (isAsciiDigit(source.charAt(position)) || source.charAt(position) == '_')) {
            position++;
        }
    }

    private static boolean isAsciiDigit(char character) {
        return character >= '0' && character <= '9';
    }
}
