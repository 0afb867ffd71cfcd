package io.columba.workspace.template;

import java.util.List;

/**
 * The block structure of a template, as Tornado parses it. {@code line} is the 1-based line a node starts on;
 * {@code source} keeps the expression text for error messages ({@code expression "x" evaluated to null}).
 */
sealed interface TemplateNode {
    int line();

    /** Text copied to the output unchanged. */
    record Text(String text, int line) implements TemplateNode {}

    /** {@code {{ expression }}}. */
    record Output(Expression expression, String source, int line) implements TemplateNode {}

    /** {@code {% if %}}, its {@code {% elif %}}s and {@code {% else %}}; {@code otherwise} may be empty. */
    record If(List<Branch> branches, List<TemplateNode> otherwise, int line) implements TemplateNode {}

    /** {@code {% for target in iterable %}}, with Python's {@code {% else %}} run when no break happened. */
    record For(
            AssignmentTarget target,
            Expression iterable,
            List<TemplateNode> body,
            List<TemplateNode> otherwise,
            int line)
            implements TemplateNode {}

    record While(Expression condition, List<TemplateNode> body, List<TemplateNode> otherwise, int line)
            implements TemplateNode {}

    /** {@code {% set target = value %}} or an augmented {@code {% set x += value %}} ({@code operator} "+"). */
    record Set(AssignmentTarget target, String operator, Expression value, int line) implements TemplateNode {}

    /** {@code {% try %}}; an error in {@code body} runs {@code handler}, binding its message to {@code errorName}. */
    record Try(
            List<TemplateNode> body,
            List<TemplateNode> handler,
            boolean hasHandler,
            String errorName,
            List<TemplateNode> otherwise,
            List<TemplateNode> cleanup,
            int line)
            implements TemplateNode {}

    record Break(int line) implements TemplateNode {}

    record Continue(int line) implements TemplateNode {}

    /** One {@code if}/{@code elif} condition and the nodes it guards. */
    record Branch(Expression condition, List<TemplateNode> body) {}
}
