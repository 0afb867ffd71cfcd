package io.columba.workspace.template;

import java.util.List;
import java.util.Map;

/** Runs a template's nodes, writing its output: Tornado's generated code, interpreted. */
final class TemplateRenderer {
    /** The longest SQL a render may produce. */
    static final int MAX_OUTPUT_LENGTH = 64_000_000;

    /** How a run of nodes ended: normally, or by {@code {% break %}}/{@code {% continue %}} inside a loop. */
    private enum Flow {
        NORMAL,
        BREAK,
        CONTINUE
    }

    private final RenderState state;
    private final ExpressionEvaluator evaluator;
    private final StringBuilder output = new StringBuilder();

    private TemplateRenderer(RenderState state) {
        this.state = state;
        this.evaluator = new ExpressionEvaluator(state);
    }

    static String render(List<TemplateNode> nodes, RenderState state) {
        TemplateRenderer renderer = new TemplateRenderer(state);
        renderer.run(nodes);
        return renderer.output.toString();
    }

    private Flow run(List<TemplateNode> nodes) {
        for (TemplateNode node : nodes) {
            Flow flow;
            try {
                flow = execute(node);
            } catch (TemplateException error) {
                throw error.atLine(node.line());
            }
            if (flow != Flow.NORMAL) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }

    private Flow execute(TemplateNode node) {
        switch (node) {
            case TemplateNode.Text text -> write(text.text(), text.line());
            case TemplateNode.Output out ->
                write(
                        SqlEscaping.render(evaluator.evaluate(out.expression(), out.line()), out.source(), out.line()),
                        out.line());
            case TemplateNode.If conditional -> {
                return ifBlock(conditional);
            }
            case TemplateNode.For loop -> {
                return forLoop(loop);
            }
            case TemplateNode.While loop -> {
                return whileLoop(loop);
            }
            case TemplateNode.Set set -> set(set);
            case TemplateNode.Try attempt -> {
                return tryBlock(attempt);
            }
            case TemplateNode.Break ignored -> {
                return Flow.BREAK;
            }
            case TemplateNode.Continue ignored -> {
                return Flow.CONTINUE;
            }
        }
        return Flow.NORMAL;
    }

    private void write(String text, int line) {
        if ((long) output.length() + text.length() > MAX_OUTPUT_LENGTH) {
            throw TemplateException.limit(
                    "rendered SQL too long (more than " + MAX_OUTPUT_LENGTH + " characters)", line);
        }
        output.append(text);
    }

    private Flow ifBlock(TemplateNode.If conditional) {
        for (TemplateNode.Branch branch : conditional.branches()) {
            if (PythonValues.isTrue(evaluator.evaluate(branch.condition(), conditional.line()))) {
                return run(branch.body());
            }
        }
        return run(conditional.otherwise());
    }

    private Flow forLoop(TemplateNode.For loop) {
        List<Object> items = PythonOperators.iterate(evaluator.evaluate(loop.iterable(), loop.line()), loop.line());
        for (Object item : items) {
            state.countIteration(loop.line());
            assign(loop.target(), item, loop.line());
            if (run(loop.body()) == Flow.BREAK) {
                return Flow.NORMAL;
            }
        }
        return run(loop.otherwise());
    }

    private Flow whileLoop(TemplateNode.While loop) {
        while (PythonValues.isTrue(evaluator.evaluate(loop.condition(), loop.line()))) {
            state.countIteration(loop.line());
            if (run(loop.body()) == Flow.BREAK) {
                return Flow.NORMAL;
            }
        }
        return run(loop.otherwise());
    }

    private void set(TemplateNode.Set set) {
        Object value = evaluator.evaluate(set.value(), set.line());
        if (!set.operator().isEmpty()) {
            String name = ((AssignmentTarget.Variable) set.target()).name();
            value = PythonOperators.binary(set.operator(), state.lookup(name, set.line()), value, set.line());
        }
        assign(set.target(), value, set.line());
    }

    private void assign(AssignmentTarget target, Object value, int line) {
        switch (target) {
            case AssignmentTarget.Variable variable -> state.assign(variable.name(), value);
            case AssignmentTarget.Unpacking unpacking -> {
                if (!(value instanceof List<?>
                        || value instanceof PythonTuple
                        || PythonValues.stringValue(value) != null
                        || value instanceof Map<?, ?>
                        || value instanceof Placeholder)) {
                    throw TemplateException.value(
                            "cannot unpack non-iterable " + PythonValues.typeName(value) + " object", line);
                }
                List<Object> items = PythonOperators.iterate(value, line);
                int expected = unpacking.targets().size();
                if (items.size() < expected) {
                    throw TemplateException.value(
                            "not enough values to unpack (expected " + expected + ", got " + items.size() + ")", line);
                }
                if (items.size() > expected) {
                    throw TemplateException.value("too many values to unpack (expected " + expected + ")", line);
                }
                for (int i = 0; i < expected; i++) {
                    assign(unpacking.targets().get(i), items.get(i), line);
                }
            }
        }
    }

    private Flow tryBlock(TemplateNode.Try attempt) {
        Flow flow;
        try {
            flow = run(attempt.body());
            if (flow == Flow.NORMAL) {
                flow = run(attempt.otherwise());
            }
        } catch (TemplateException error) {
            if (!attempt.hasHandler() || error.isLimit()) {
                run(attempt.cleanup());
                throw error;
            }
            if (attempt.errorName() != null) {
                state.assign(attempt.errorName(), error.getMessage());
            }
            flow = runHandler(attempt);
        }
        Flow cleanup = run(attempt.cleanup());
        return cleanup != Flow.NORMAL ? cleanup : flow;
    }

    private Flow runHandler(TemplateNode.Try attempt) {
        try {
            return run(attempt.handler());
        } catch (TemplateException error) {
            run(attempt.cleanup());
            throw error;
        }
    }
}
