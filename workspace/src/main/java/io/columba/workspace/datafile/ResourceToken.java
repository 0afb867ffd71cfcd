package io.columba.workspace.datafile;

/** A {@code TOKEN <name> READ|APPEND} line: a token scoped to this one resource. */
public record ResourceToken(String name, String scope) {
    public static final String READ = "READ";
    public static final String APPEND = "APPEND";
}
