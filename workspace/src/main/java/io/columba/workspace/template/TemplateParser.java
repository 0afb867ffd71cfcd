package io.columba.workspace.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Tornado's template parser: splits text into {@code {{ expression }}}, {@code {% statement %}} and
 * {@code {# comment #}} (escaped as {@code {{!}}, {@code {%!}} and {@code {#!}}), builds the block tree and parses
 * every Python expression in it. Errors and their line numbers are Tornado's.
 */
final class TemplateParser {
    /** Python refuses more than 20 nested loops; no real template nests 100 blocks of any kind. */
    static final int MAX_BLOCK_DEPTH = 100;

    private static final Set<String> INTERMEDIATE = Set.of("else", "elif", "except", "finally");
    private static final Set<String> UNSUPPORTED =
            Set.of("extends", "include", "module", "autoescape", "whitespace", "apply", "block");

    /** {@code {% else %}}, {@code {% elif %}}, {@code {% except %}} or {@code {% finally %}} inside a block. */
    private record Intermediate(String operator, String suffix, int line) {}

    private final String text;
    private final int[] lineStarts;
    private int position;

    private TemplateParser(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    static List<TemplateNode> parse(String text) {
        TemplateParser parser = new TemplateParser(text);
        return parser.nodes(parser.chunks(null, false, 0));
    }

    /** The chunks up to the {@code {% end %}} of {@code inBlock} (or the end of the text when it is null). */
    private List<Object> chunks(String inBlock, boolean inLoop, int depth) {
        List<Object> chunks = new ArrayList<>();
        while (true) {
            int curly = nextDirective();
            if (curly < 0) {
                if (inBlock != null) {
                    throw TemplateException.parse("Missing {% end %} block for " + inBlock, lineAt(position));
                }
                addText(chunks, text.substring(position), lineAt(position));
                position = text.length();
                return chunks;
            }
            addText(chunks, text.substring(position, curly), lineAt(position));
            position = curly;
            String brace = text.substring(position, position + 2);
            int line = lineAt(position);
            position += 2;
            if (position < text.length() && text.charAt(position) == '!') {
                position++;
                addText(chunks, brace, line);
            } else if (brace.equals("{#")) {
                skipComment();
            } else if (brace.equals("{{")) {
                chunks.add(output(line));
            } else if (block(chunks, inBlock, inLoop, depth, line)) {
                return chunks;
            }
        }
    }

    /** The offset of the next {@code {{}, {@code {%} or {@code {#}, innermost of a run of curlies; -1 at the end. */
    private int nextDirective() {
        int curly = position;
        while (true) {
            curly = text.indexOf('{', curly);
            if (curly < 0 || curly + 1 == text.length()) {
                return -1;
            }
            char next = text.charAt(curly + 1);
            if (next != '{' && next != '%' && next != '#') {
                curly++;
                continue;
            }
            if (curly + 2 < text.length() && next == '{' && text.charAt(curly + 2) == '{') {
                curly++;
                continue;
            }
            return curly;
        }
    }

    private void skipComment() {
        int end = text.indexOf("#}", position);
        if (end < 0) {
            throw TemplateException.parse("Missing end comment #}", lineAt(position));
        }
        position = end + 2;
    }

    private TemplateNode output(int line) {
        int end = text.indexOf("}}", position);
        if (end < 0) {
            throw TemplateException.parse("Missing end expression }}", lineAt(position));
        }
        String contents = text.substring(position, end).strip();
        position = end + 2;
        if (contents.isEmpty()) {
            throw TemplateException.parse("Empty expression", lineAt(position));
        }
        return new TemplateNode.Output(ExpressionParser.parseExpressionList(contents, line), contents, line);
    }

    /** Parses one {@code {% %}} tag into {@code chunks}; returns true when it was the {@code end} of inBlock. */
    private boolean block(List<Object> chunks, String inBlock, boolean inLoop, int depth, int line) {
        int end = text.indexOf("%}", position);
        if (end < 0) {
            throw TemplateException.parse("Missing end block %}", lineAt(position));
        }
        String contents = text.substring(position, end).strip();
        position = end + 2;
        if (contents.isEmpty()) {
            throw TemplateException.parse("Empty block tag ({% %})", lineAt(position));
        }
        int space = contents.indexOf(' ');
        String operator = space < 0 ? contents : contents.substring(0, space);
        String suffix = space < 0 ? "" : contents.substring(space + 1);
        if (INTERMEDIATE.contains(operator)) {
            checkIntermediate(operator, inBlock);
            chunks.add(new Intermediate(operator, suffix, line));
            return false;
        }
        switch (operator) {
            case "end" -> {
                if (inBlock == null) {
                    throw TemplateException.parse("Extra {% end %} block", lineAt(position));
                }
                return true;
            }
            case "comment" -> {}
            case "import", "from" -> throw TemplateException.parse("import is forbidden", lineAt(position));
            case "set" -> chunks.add(set(suffix, line));
            case "raw" -> chunks.add(raw(suffix, line));
            case "break", "continue" -> chunks.add(loopControl(operator, inLoop, line));
            case "if", "for", "while", "try" -> chunks.add(controlBlock(operator, suffix, inLoop, depth, line));
            default -> {
                if (UNSUPPORTED.contains(operator)) {
                    throw TemplateException.parse(
                            operator + " is not supported in Tinybird templates", lineAt(position));
                }
                throw TemplateException.parse(
                        "unknown operator: " + PythonValues.stringRepr(operator), lineAt(position));
            }
        }
        return false;
    }

    private void checkIntermediate(String operator, String inBlock) {
        String allowed = switch (operator) {
            case "else" -> "{'if', 'for', 'while', 'try'}";
            case "elif" -> "{'if'}";
            default -> "{'try'}";
        };
        if (inBlock == null) {
            throw TemplateException.parse(operator + " outside " + allowed + " block", lineAt(position));
        }
        if (!allowed.contains("'" + inBlock + "'")) {
            throw TemplateException.parse(
                    operator + " block cannot be attached to " + inBlock + " block", lineAt(position));
        }
    }

    private TemplateNode set(String suffix, int line) {
        if (suffix.isBlank()) {
            throw TemplateException.parse("set missing statement", lineAt(position));
        }
        StatementParser.SetStatement statement = StatementParser.parseSet(suffix, line);
        return new TemplateNode.Set(statement.target(), statement.operator(), statement.value(), line);
    }

    private TemplateNode raw(String suffix, int line) {
        if (suffix.isBlank()) {
            throw TemplateException.parse("raw missing expression", lineAt(position));
        }
        return new TemplateNode.Output(ExpressionParser.parseExpressionList(suffix, line), suffix.strip(), line);
    }

    private TemplateNode loopControl(String operator, boolean inLoop, int line) {
        if (!inLoop) {
            throw TemplateException.parse(operator + " outside {'for', 'while'} block", lineAt(position));
        }
        return operator.equals("break") ? new TemplateNode.Break(line) : new TemplateNode.Continue(line);
    }

    private TemplateNode controlBlock(String operator, String suffix, boolean inLoop, int depth, int line) {
        if (depth + 1 > MAX_BLOCK_DEPTH) {
            throw TemplateException.parse("too many nested blocks", lineAt(position));
        }
        boolean loop = operator.equals("for") || operator.equals("while");
        List<Object> body = chunks(operator, inLoop || loop, depth + 1);
        return switch (operator) {
            case "if" -> ifBlock(suffix, body, line);
            case "for" -> forBlock(suffix, body, line);
            case "while" -> whileBlock(suffix, body, line);
            default -> tryBlock(suffix, body, line);
        };
    }

    /** A part of a block: the nodes after its opening tag ({@code tag} null) or after an intermediate tag. */
    private record Part(Intermediate tag, List<TemplateNode> nodes) {}

    private List<Part> parts(List<Object> chunks) {
        List<Part> parts = new ArrayList<>();
        Intermediate tag = null;
        List<Object> current = new ArrayList<>();
        for (Object chunk : chunks) {
            if (chunk instanceof Intermediate intermediate) {
                parts.add(new Part(tag, nodes(current)));
                tag = intermediate;
                current = new ArrayList<>();
            } else {
                current.add(chunk);
            }
        }
        parts.add(new Part(tag, nodes(current)));
        return parts;
    }

    private TemplateNode ifBlock(String condition, List<Object> chunks, int line) {
        List<Part> parts = parts(chunks);
        List<TemplateNode.Branch> branches = new ArrayList<>();
        branches.add(new TemplateNode.Branch(
                ExpressionParser.parseExpression(condition, line), parts.get(0).nodes()));
        List<TemplateNode> otherwise = List.of();
        boolean sawElse = false;
        for (Part part : parts.subList(1, parts.size())) {
            Intermediate tag = part.tag();
            if (sawElse) {
                throw TemplateException.invalidSyntax(tag.line());
            }
            if (tag.operator().equals("elif")) {
                Expression elif = ExpressionParser.parseExpression(tag.suffix(), tag.line());
                branches.add(new TemplateNode.Branch(elif, part.nodes()));
            } else {
                requireNoSuffix(tag);
                otherwise = part.nodes();
                sawElse = true;
            }
        }
        return new TemplateNode.If(branches, otherwise, line);
    }

    private TemplateNode forBlock(String header, List<Object> chunks, int line) {
        StatementParser.ForHeader parsed = StatementParser.parseFor(header, line);
        List<Part> parts = parts(chunks);
        return new TemplateNode.For(
                parsed.target(), parsed.iterable(), parts.get(0).nodes(), loopElse(parts), line);
    }

    private TemplateNode whileBlock(String condition, List<Object> chunks, int line) {
        Expression parsed = ExpressionParser.parseExpression(condition, line);
        List<Part> parts = parts(chunks);
        return new TemplateNode.While(parsed, parts.get(0).nodes(), loopElse(parts), line);
    }

    private static List<TemplateNode> loopElse(List<Part> parts) {
        if (parts.size() == 1) {
            return List.of();
        }
        if (parts.size() > 2) {
            throw TemplateException.invalidSyntax(parts.get(2).tag().line());
        }
        requireNoSuffix(parts.get(1).tag());
        return parts.get(1).nodes();
    }

    private TemplateNode tryBlock(String suffix, List<Object> chunks, int line) {
        if (!suffix.isBlank()) {
            throw TemplateException.invalidSyntax(line);
        }
        List<Part> parts = parts(chunks);
        List<TemplateNode> handler = List.of();
        List<TemplateNode> otherwise = List.of();
        List<TemplateNode> cleanup = List.of();
        boolean hasHandler = false;
        String errorName = null;
        String stage = "try";
        for (Part part : parts.subList(1, parts.size())) {
            Intermediate tag = part.tag();
            stage = nextTryStage(stage, tag);
            switch (tag.operator()) {
                case "except" -> {
                    if (!hasHandler) {
                        hasHandler = true;
                        handler = part.nodes();
                        errorName = StatementParser.parseExcept(tag.suffix(), tag.line());
                    }
                }
                case "else" -> otherwise = part.nodes();
                default -> cleanup = part.nodes();
            }
        }
        if (stage.equals("try")) {
            throw TemplateException.invalidSyntax(line);
        }
        return new TemplateNode.Try(parts.get(0).nodes(), handler, hasHandler, errorName, otherwise, cleanup, line);
    }

    /** Python's order inside try: except*, else (only after an except), finally last. */
    private static String nextTryStage(String stage, Intermediate tag) {
        boolean valid = switch (tag.operator()) {
            case "except" -> stage.equals("try") || stage.equals("except");
            case "else" -> stage.equals("except");
            default -> !stage.equals("finally");
        };
        if (!valid) {
            throw TemplateException.invalidSyntax(tag.line());
        }
        if (!tag.operator().equals("except")) {
            requireNoSuffix(tag);
        }
        return tag.operator();
    }

    private static void requireNoSuffix(Intermediate tag) {
        if (!tag.suffix().isBlank()) {
            throw TemplateException.invalidSyntax(tag.line());
        }
    }

    /** The nodes of chunks that hold no intermediate tags (parts() splits on them), adjacent text merged. */
    private List<TemplateNode> nodes(List<Object> chunks) {
        List<TemplateNode> nodes = new ArrayList<>();
        for (Object chunk : chunks) {
            TemplateNode node = (TemplateNode) chunk;
            if (node instanceof TemplateNode.Text next
                    && !nodes.isEmpty()
                    && nodes.getLast() instanceof TemplateNode.Text previous) {
                nodes.set(nodes.size() - 1, new TemplateNode.Text(previous.text() + next.text(), previous.line()));
            } else {
                nodes.add(node);
            }
        }
        return List.copyOf(nodes);
    }

    private static void addText(List<Object> chunks, String value, int line) {
        if (!value.isEmpty()) {
            chunks.add(new TemplateNode.Text(value, line));
        }
    }

    private int lineAt(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
