package io.columba.workspace.template;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's SQL in Tinybird's template language: Tornado templates ({@code {{ expr }}}, {@code {% if %}},
 * {@code {% for %}}, {@code {% set %}}, {@code {% try %}} ..., blocks closed by {@code {% end %}}) over a restricted
 * Python expression language with Tinybird's functions ({@code String(x)}, {@code Int32(x, 10)},
 * {@code Array(x, 'Int32')}, {@code defined(x)}, {@code column(x, 'a')} ...).
 *
 * <p>{@link #parse(String)} applies Tinybird's activation rule: only SQL whose first non-blank character is
 * {@code %} (usually alone on the first line) is a template, and that {@code %} is dropped; other SQL renders as
 * written. Parsing checks the whole template, so syntax errors surface before any request.
 *
 * <p>{@link #render(Map)} evaluates it for one request. Parameters arrive as strings; every value a parameter
 * contributes to the SQL is validated or quoted and escaped, so no parameter can change the statement around it.
 * {@link #parameters()} lists the parameters with their declared types and metadata. Instances are immutable and
 * may be rendered from several threads.
 *
 * <pre>{@code
 * Template template = Template.parse("%\nSELECT * FROM t WHERE id = {{ Int32(id, 1) }}");
 * template.render(Map.of("id", List.of("5"))).sql();  // "\nSELECT * FROM t WHERE id = toInt32('5')"
 * }</pre>
 */
public final class Template {
    /** The parameter copy jobs set to their run time. */
    static final String JOB_TIMESTAMP = "job_timestamp";

    private static final Pattern ARRAY_TYPE = Pattern.compile("Array\\((\\w+)\\)");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final boolean templated;
    private final List<TemplateNode> nodes;
    private final TemplateAnalysis.Result analysis;

    private Template(boolean templated, List<TemplateNode> nodes, TemplateAnalysis.Result analysis) {
        this.templated = templated;
        this.nodes = nodes;
        this.analysis = analysis;
    }

    /** Whether Tinybird treats {@code sql} as a template: its first non-blank character is {@code %}. */
    public static boolean isTemplated(String sql) {
        return activationMark(sql) >= 0;
    }

    /**
     * The template of a node's SQL (or of a Query API query), following the activation rule.
     *
     * @throws TemplateException when the SQL is a template that does not parse
     */
    public static Template parse(String sql) {
        int mark = activationMark(sql);
        if (mark < 0) {
            return new Template(false, List.of(new TemplateNode.Text(sql, 1)), TemplateAnalysis.analyze(List.of()));
        }
        return parseTemplateText(sql.substring(0, mark) + sql.substring(mark + 1));
    }

    /**
     * Text that is always a template, without the {@code %} mark: connection files use {@code tb_secret()} this way.
     *
     * @throws TemplateException when the text does not parse
     */
    public static Template parseTemplateText(String text) {
        List<TemplateNode> nodes = TemplateParser.parse(text);
        return new Template(true, nodes, TemplateAnalysis.analyze(nodes));
    }

    private static int activationMark(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            char character = sql.charAt(i);
            if (character == '%') {
                return i;
            }
            if (!Character.isWhitespace(character)) {
                return -1;
            }
        }
        return -1;
    }

    public boolean isTemplated() {
        return templated;
    }

    /**
     * The request parameters the template reads, in order of first use; a name declared with two types is listed
     * once per type. Variables the template assigns itself are not parameters.
     */
    public List<TemplateParameter> parameters() {
        return analysis.parameters();
    }

    /** Whether rendering reads the clock ({@code job_timestamp} when the request does not give it). */
    public boolean readsClock() {
        return analysis.parameters().stream().anyMatch(p -> p.name().equals(JOB_TIMESTAMP));
    }

    /** Parameter names the template uses that Tinybird reserves for its API (it warns about them). */
    public List<String> warnings() {
        return analysis.warnings();
    }

    /** Renders with these request parameters. */
    public RenderedSql render(Map<String, List<String>> parameters) {
        return render(RenderOptions.of(parameters));
    }

    /** Renders as Tinybird does when it checks a node at build time: no parameters, placeholders instead. */
    public RenderedSql renderForValidation() {
        return render(RenderOptions.forValidation());
    }

    /**
     * Renders one request.
     *
     * @throws TemplateException with Tinybird's message when a parameter is missing or invalid, the template fails,
     *     or it calls {@code error()} / {@code custom_error()}
     */
    public RenderedSql render(RenderOptions options) {
        Map<String, Object> values = parameterValues(options);
        RenderState state = new RenderState(
                values, analysis.localNames(), analysis.parameters(), options.validation(), options.secrets());
        String sql = TemplateRenderer.render(nodes, state);
        return new RenderedSql(sql, state.hints(), state.usedSecrets());
    }

    private Map<String, Object> parameterValues(RenderOptions options) {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, List<String>> parameter : options.parameters().entrySet()) {
            List<String> given = parameter.getValue();
            if (given.isEmpty()) {
                continue;
            }
            Object value = given.size() == 1 ? given.get(0) : PythonValues.list(new ArrayList<>(given));
            values.put(parameter.getKey(), arrayParameter(parameter.getKey(), value));
        }
        boolean readsJobTimestamp =
                analysis.parameters().stream().anyMatch(p -> p.name().equals(JOB_TIMESTAMP));
        if (readsJobTimestamp && !values.containsKey(JOB_TIMESTAMP)) {
            String now = options.jobTimestamp() != null
                    ? options.jobTimestamp()
                    : LocalDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
            values.put(JOB_TIMESTAMP, now);
        }
        return values;
    }

    /**
     * A parameter declared {@code Array(x, 'Type')} arrives as a list of typed values ({@code "1,2"} becomes
     * {@code [1, 2]}), so {@code len(x)} and {@code x != ['']} see the list; values that do not validate stay text
     * and fail in {@code Array()} with Tinybird's message.
     */
    private Object arrayParameter(String name, Object value) {
        TemplateParameter declared = analysis.parameters().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElse(null);
        Matcher matcher = declared == null ? null : ARRAY_TYPE.matcher(declared.type());
        if (matcher == null || !matcher.matches()) {
            return value;
        }
        String type = matcher.group(1);
        if (!TypeFunctions.SCALAR_TYPES.contains(type)
                && !Set.of("Boolean", "bool").contains(type)) {
            return value;
        }
        List<Object> texts = value instanceof List<?> list
                ? new ArrayList<>(list)
                : new ArrayList<>(List.of((Object[]) ((String) value).split(",", -1)));
        List<Object> converted = new ArrayList<>(texts.size());
        for (Object text : texts) {
            if (ValueTesters.hasTester(type) && !ValueTesters.test(type, PythonValues.str(text))) {
                return value;
            }
            try {
                converted.add(TypeFunctions.element(type, text, null, 0));
            } catch (TemplateException invalid) {
                return value;
            }
        }
        return PythonValues.list(converted);
    }
}
