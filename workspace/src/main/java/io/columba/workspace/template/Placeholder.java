package io.columba.workspace.template;

/**
 * The value of a missing parameter when a template is rendered for validation (Tinybird's "test mode"). It renders
 * as {@code '__no_value__'}, equals nothing but itself, is never {@code defined()}, and fakes just enough of a
 * string ({@code split}, {@code startswith}, indexing up to 2) for templates to run to their end.
 */
final class Placeholder {
    static final String TEXT = "__no_value__";

    @Override
    public String toString() {
        return TEXT;
    }
}
