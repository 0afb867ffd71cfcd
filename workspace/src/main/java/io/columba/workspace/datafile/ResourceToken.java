package io.columba.workspace.datafile;

import java.util.List;
import java.util.Locale;

/** A {@code TOKEN <name> READ|APPEND} line: a token scoped to this one resource. */
public record ResourceToken(String name, String scope) {
    public static final String READ = "READ";
    public static final String APPEND = "APPEND";

    /**
     * The token of a {@code TOKEN} directive: a bare or quoted name, then one of {@code scopes} in any case and with
     * or without quotes.
     */
    static ResourceToken parse(Directive directive, String source, List<String> scopes) {
        String value = directive.isBlock() ? "" : directive.value();
        String rest = value.strip();
        String name;
        if (rest.startsWith("\"") || rest.startsWith("'")) {
            int end = rest.indexOf(rest.charAt(0), 1);
            if (end < 0) {
                throw DatafileReader.error(source, directive.line(), "expected a closing quote after the token name");
            }
            name = rest.substring(1, end);
            rest = rest.substring(end + 1).strip();
        } else {
            int space = rest.indexOf(' ');
            name = space < 0 ? rest : rest.substring(0, space);
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
        }
        String scope = DatafileReader.unquote(rest).toUpperCase(Locale.ROOT);
        if (name.isEmpty() || !scopes.contains(scope)) {
            throw DatafileReader.error(
                    source,
                    directive.line(),
                    "expected 'TOKEN <name> " + String.join("|", scopes) + "', found 'TOKEN " + value + "'");
        }
        return new ResourceToken(name, scope);
    }
}
