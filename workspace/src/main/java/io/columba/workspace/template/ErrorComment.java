package io.columba.workspace.template;

/**
 * What {@code error()} and {@code custom_error()} return when a template is rendered for validation: they must not
 * abort, and the output is the SQL comment Tinybird emits, {@code -- {x} } followed by a newline.
 */
enum ErrorComment {
    ERROR_LAUNCHED;

    static final String SQL = "-- {x} \n";
}
