package io.columba.workspace.template;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;

/**
 * A template that does not parse or does not render. The message is the exact text Tinybird returns in
 * {@code {"error": ...}}: parse errors read {@code Syntax error: ... at line N} or
 * {@code Syntax error: invalid syntax, line N}; rendering errors read {@code Template Syntax Error: ...}; Python
 * type errors and {@code error(msg)} carry their bare message. {@link #httpStatus()} is 400 except for
 * {@code custom_error(body, code)}, whose JSON {@link #body()} replaces the usual {@code {"error": message}}.
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String TEMPLATE_PREFIX = "Template Syntax Error: ";

    private final transient Object body;
    private final ErrorCode errorCode;
    private final int line;
    private final int httpStatus;

    private TemplateException(String message, ErrorCode errorCode, int line, int httpStatus, Object body) {
        super(message);
        this.errorCode = errorCode;
        this.line = line;
        this.httpStatus = httpStatus;
        this.body = body;
    }

    /** A Tornado parse error: {@code Syntax error: Missing {% end %} block for if at line 5}. */
    static TemplateException parse(String message, int line) {
        return new TemplateException(
                "Syntax error: " + message + " at line " + line, ErrorCode.SYNTAX_ERROR, line, 400, null);
    }

    /** A Python syntax error inside {@code {{ }}} or {@code {% %}}. */
    static TemplateException invalidSyntax(int line) {
        return new TemplateException(
                "Syntax error: invalid syntax, line " + line, ErrorCode.SYNTAX_ERROR, line, 400, null);
    }

    /** Tinybird's {@code SQLTemplateException}: the message gets the {@code Template Syntax Error: } prefix. */
    static TemplateException template(String message, int line) {
        return new TemplateException(TEMPLATE_PREFIX + message, ErrorCode.BAD_ARGUMENTS, line, 400, null);
    }

    /** A parameter value that is missing or does not validate. */
    static TemplateException parameter(String message, int line) {
        return new TemplateException(TEMPLATE_PREFIX + message, ErrorCode.BAD_QUERY_PARAMETER, line, 400, null);
    }

    /** A Python {@code TypeError}/{@code ValueError} or {@code error(msg)}: the message is returned as is. */
    static TemplateException value(String message, int line) {
        return new TemplateException(message, ErrorCode.BAD_ARGUMENTS, line, 400, null);
    }

    /** {@code custom_error(body, code)}: {@code body} is a String or a Map that becomes the JSON response. */
    static TemplateException custom(String message, Object body, int httpStatus, int line) {
        return new TemplateException(message, ErrorCode.BAD_ARGUMENTS, line, httpStatus, body);
    }

    /** A render that grew beyond a safety limit; {@code {% try %}} does not catch it. */
    static TemplateException limit(String message, int line) {
        return new TemplateException(TEMPLATE_PREFIX + message, ErrorCode.QUERY_IS_TOO_LARGE, line, 400, null);
    }

    boolean isLimit() {
        return errorCode == ErrorCode.QUERY_IS_TOO_LARGE;
    }

    /** This error with {@code line} when it has none yet. */
    TemplateException atLine(int newLine) {
        if (line > 0 || newLine <= 0) {
            return this;
        }
        TemplateException located = new TemplateException(getMessage(), errorCode, newLine, httpStatus, body);
        located.setStackTrace(getStackTrace());
        return located;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The 1-based template line the error was found on, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The HTTP status Tinybird answers with: 400, or the code given to {@code custom_error}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The JSON body of {@code custom_error} (a String or a Map), or {@code null} for {@code {"error": message}}. */
    public Object body() {
        return body;
    }

    /** This error in the project's one exception type, for layers that report {@link ColumbaException}s. */
    public ColumbaException toColumbaException() {
        return new ColumbaException(errorCode, getMessage(), this);
    }
}
