package io.columba.sql.ast;

/** {@code WINDOW name AS (spec)}: a window that {@code f() OVER name} and {@code OVER (name ...)} refer to. */
public record NamedWindow(String name, WindowSpec spec) {}
