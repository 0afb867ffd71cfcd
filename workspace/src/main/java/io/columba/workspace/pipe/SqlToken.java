package io.columba.workspace.pipe;

import java.util.Locale;

/**
 * One token of a SQL text as {@link SqlLexer} cuts it; concatenating the texts of all tokens gives the input back.
 */
record SqlToken(Kind kind, String text) {
    enum Kind {
        /** A bare word: a name or a keyword. */
        WORD,
        /** A name in backticks or double quotes. */
        QUOTED_NAME,
        STRING,
        NUMBER,
        /** Spaces, line breaks and comments. */
        TRIVIA,
        /** Any other character: punctuation and operators, one character each. */
        SYMBOL
    }

    boolean isTrivia() {
        return kind == Kind.TRIVIA;
    }

    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }

    /** Whether this is the bare word {@code keyword}, in any case. */
    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(char symbol) {
        return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    /** The name a WORD or QUOTED_NAME stands for: quotes removed, doubled or escaped quotes undone. */
    String name() {
        if (kind != Kind.QUOTED_NAME) {
            return text;
        }
        char quote = text.charAt(0);
        String inner = text.substring(1, text.length() - 1);
        return inner.replace("\\" + quote, String.valueOf(quote)).replace("" + quote + quote, String.valueOf(quote));
    }

    String upperCase() {
        return text.toUpperCase(Locale.ROOT);
    }
}
