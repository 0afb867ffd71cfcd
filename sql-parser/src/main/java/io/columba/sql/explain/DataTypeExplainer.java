package io.columba.sql.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Data types, kept as text in the AST, as ClickHouse's parser builds them: {@code DataType Array} over an
 * argument list, {@code NameTypePair} for named elements, {@code EnumDataType} and {@code TupleDataType}.
 */
final class DataTypeExplainer {
    private final String text;
    private int position;

    private DataTypeExplainer(String text) {
        this.text = text;
    }

    static ExplainNode type(String text) {
        DataTypeExplainer parser = new DataTypeExplainer(text);
        ExplainNode node = parser.parseType();
        parser.skipSpaces();
        if (parser.position < text.length()) {
            return ExplainNode.leaf("DataType " + text);
        }
        return node;
    }

    /** A codec ({@code ZSTD(1)}): a function over its literal arguments. */
    static ExplainNode codec(String text) {
        ExplainNode type = type(text);
        String name = type.id().substring(type.id().indexOf(' ') + 1);
        return new ExplainNode("Function " + name, null, type.children());
    }

    private ExplainNode parseType() {
        String name = word();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("aggregatefunction")) {
            return aggregateFunctionType(name);
        }
        skipSpaces();
        if (!peek('(')) {
            return ExplainNode.leaf("DataType " + name);
        }
        position++;
        List<ExplainNode> arguments = new ArrayList<>();
        skipSpaces();
        if (!peek(')')) {
            do {
                arguments.add(argument());
                skipSpaces();
            } while (consume(','));
        }
        skipSpaces();
        consume(')');
        if (lower.equals("enum8") || lower.equals("enum16") || lower.equals("enum")) {
            return ExplainNode.leaf("EnumDataType " + name);
        }
        if (lower.equals("tuple")) {
            return ExplainNode.of("TupleDataType " + name, ExplainNode.of("ExpressionList", withoutNames(arguments)));
        }
        if (lower.equals("json")) {
            return ExplainNode.of("DataType " + name, ExplainNode.of("ExpressionList", objectTypeArguments(arguments)));
        }
        return ExplainNode.of("DataType " + name, ExplainNode.of("ExpressionList", arguments));
    }

    /** Tuple elements print their types only. */
    private static List<ExplainNode> withoutNames(List<ExplainNode> elements) {
        List<ExplainNode> types = new ArrayList<>(elements.size());
        for (ExplainNode element : elements) {
            types.add(
                    element.id().startsWith("NameTypePair ")
                            ? element.children().get(0)
                            : element);
        }
        return types;
    }

    /** {@code AggregateFunction(uniq, UInt64)}: the function is an identifier, or a call with its parameters. */
    private ExplainNode aggregateFunctionType(String name) {
        List<ExplainNode> arguments = new ArrayList<>();
        if (consume('(')) {
            String function = word();
            skipSpaces();
            if (consume('(')) {
                List<ExplainNode> parameters = new ArrayList<>();
                if (!consume(')')) {
                    do {
                        parameters.add(argument());
                    } while (consume(','));
                    consume(')');
                }
                arguments.add(ExplainNode.of("Function " + function, ExplainNode.of("ExpressionList", parameters)));
            } else {
                arguments.add(ExplainNode.leaf("Identifier " + function));
            }
            while (consume(',')) {
                arguments.add(argument());
            }
            consume(')');
        }
        return ExplainNode.of("DataType " + name, ExplainNode.of("ExpressionList", arguments));
    }

    private ExplainNode argument() {
        skipSpaces();
        if (peek('\'')) {
            ExplainNode literal = ExplainNode.leaf("Literal " + LiteralDump.quoted(string()));
            if (consume('=')) {
                skipSpaces();
                number();
            }
            return literal;
        }
        if (position < text.length() && (Character.isDigit(text.charAt(position)) || peek('-'))) {
            return ExplainNode.leaf("Literal " + number());
        }
        int start = position;
        String name = word();
        skipSpaces();
        if (position < text.length() && isWordStart(text.charAt(position))) {
            return ExplainNode.of("NameTypePair " + name, parseType());
        }
        if (peek('=')) {
            // Dynamic(max_types = 3): a setting of the type, parsed as the expression name = value.
            position++;
            skipSpaces();
            ExplainNode value = peek('\'')
                    ? ExplainNode.leaf("Literal " + LiteralDump.quoted(string()))
                    : ExplainNode.leaf("Literal " + number());
            return ExplainNode.of(
                    "Function equals", ExplainNode.of("ExpressionList", ExplainNode.leaf("Identifier " + name), value));
        }
        position = start;
        return parseType();
    }

    /** JSON's arguments are object-type arguments: typed paths and settings. */
    private static List<ExplainNode> objectTypeArguments(List<ExplainNode> arguments) {
        List<ExplainNode> wrapped = new ArrayList<>(arguments.size());
        for (ExplainNode argument : arguments) {
            ExplainNode inner = argument.id().startsWith("NameTypePair ")
                    ? ExplainNode.of(
                            "ObjectTypedPath " + argument.id().substring("NameTypePair ".length()), argument.children())
                    : argument;
            wrapped.add(ExplainNode.of("ASTObjectTypeArgument", inner));
        }
        return wrapped;
    }

    private String number() {
        int start = position;
        if (peek('-')) {
            position++;
        }
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || peek('.'))) {
            position++;
        }
        String digits = text.substring(start, position);
        if (digits.contains(".") || digits.toLowerCase(Locale.ROOT).contains("e") && !digits.startsWith("0x")) {
            return "Float64_" + LiteralDump.float64(Double.parseDouble(digits));
        }
        return digits.startsWith("-") ? "Int64_" + digits : "UInt64_" + digits;
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        position++;
        while (position < text.length() && text.charAt(position) != '\'') {
            char c = text.charAt(position++);
            if (c == '\\' && position < text.length()) {
                c = text.charAt(position++);
            }
            out.append(c);
        }
        position++;
        return out.toString();
    }

    private String word() {
        skipSpaces();
        int start = position;
        if (peek('`') || peek('"')) {
            char quote = text.charAt(position++);
            while (position < text.length() && text.charAt(position) != quote) {
                position++;
            }
            position++;
            return text.substring(start + 1, position - 1);
        }
        while (position < text.length()
                && (isWordStart(text.charAt(position)) || Character.isDigit(text.charAt(position)))) {
            position++;
        }
        return text.substring(start, position);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private boolean consume(char c) {
        skipSpaces();
        if (peek(c)) {
            position++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
