package io.columba.workspace.template;

/**
 * SQL produced by a template function, inserted into the output as is (Tinybird's {@code Expression} and
 * {@code Symbol}). Only functions that escape or validate what they embed may create one. {@code stringLike} is
 * true for Tinybird's {@code Expression}, a {@code str} subclass that compares and behaves as its text.
 */
record SqlFragment(String text, boolean stringLike) {
    static SqlFragment expression(String text) {
        return new SqlFragment(text, true);
    }

    static SqlFragment symbol(String text) {
        return new SqlFragment(text, false);
    }
}
