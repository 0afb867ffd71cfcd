package io.columba.workspace.template;

import static io.columba.workspace.template.TemplateTestSupport.renderForValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rendering for validation (Tinybird's test mode, run at build time): missing parameters become placeholders of
 * their declared type and {@code error()} is neutralised, so every node renders to SQL that can be checked.
 */
class TemplateValidationTest {
    @Test
    void typedParametersTakeTheirPlaceholder() {
        assertThat(renderForValidation("where f = {{Float32(foo)}}")).isEqualTo("where f = toFloat32('0.0')");
        assertThat(renderForValidation("select {{Int32(foo, 1)}} {{ UInt64(bar) }}"))
                .isEqualTo("select toInt32('1') toUInt64('0')");
        assertThat(renderForValidation("a > {{Date(start)}} {{DateTime(start)}} {{DateTime64(start)}}"))
                .isEqualTo("a > '2019-01-01' '2019-01-01 00:00:00' '2019-01-01 00:00:00.000'");
        assertThat(renderForValidation("limit {{Int(limit)}}")).isEqualTo("limit 0");
        assertThat(renderForValidation("SELECT {{String(foo)}} {{String(foo, 'test')}} {{ String(foo + 'abcd') }}"))
                .isEqualTo("SELECT '__no_value__' 'test' '__no_value__'");
        assertThat(renderForValidation("{{ Boolean(b) }} {{ Boolean(b, True) }}"))
                .isEqualTo("0 1");
    }

    @Test
    void arraysAndIdentifiersTakePlaceholdersToo() {
        assertThat(renderForValidation("SELECT {{Array(foo, 'Int32')}} {{Array(foo)}} {{Array(foo, 'Float64')}}"))
                .isEqualTo("SELECT [0,0] [''] [0.0,0.0]");
        assertThat(renderForValidation("{{Array(foo, 'DateTime')}}"))
                .isEqualTo("['2019-01-01 00:00:00','2019-01-01 00:00:00']");
        assertThat(renderForValidation("SELECT {{symbol(attr)}} from {{ table(t) }}"))
                .isEqualTo("SELECT `placeholder` from placeholder");
        assertThat(renderForValidation("{{ column(c, 'level') }}")).isEqualTo("`level`");
    }

    @Test
    void bareParametersAreNoValueStrings() {
        assertThat(renderForValidation("SELECT * FROM query_log__dev where a = {{test}}"))
                .isEqualTo("SELECT * FROM query_log__dev where a = '__no_value__'");
        assertThat(renderForValidation("{% for v in test %}SELECT {{v}} {% end %}"))
                .isEqualTo("SELECT '__no_value__' SELECT '__no_value__' SELECT '__no_value__' ");
        assertThat(renderForValidation("{% if defined(x) %}a{% else %}b{% end %} {{ x.split(',')[1] }}"
                        + " {{ x.startswith('a') }} {{ x == 'a' }}"))
                .isEqualTo("b '__no_value__' False False");
    }

    @Test
    void errorsAreCommentsAndHelpersDoNotFail() {
        assertThat(renderForValidation("{% if not defined(x) %}{{ error('x is required') }}{% end %}SELECT 1"))
                .isEqualTo("-- {x} \nSELECT 1");
        assertThat(renderForValidation("{{ custom_error({'error': 'no'}, 404) }}"))
                .isEqualTo("-- {x} \n");
        assertThat(renderForValidation("{% if date_diff_in_hours(a, b) > 3 %}x{% end %}{{ day_diff(a, b) }}"))
                .isEqualTo("0");
        assertThat(renderForValidation("{% for i in JSON(f, '[1]') %}{{ i }}{% end %}{{ split_to_array(s, 'a') }}"))
                .isEqualTo("1['a']");
    }

    @Test
    void givenParametersAreUsed() {
        Template template = Template.parseTemplateText("{{ Int32(a) }} {{ Int32(b) }}");

        assertThat(template.render(RenderOptions.forValidation().withValidation(true))
                        .sql())
                .isEqualTo("toInt32('0') toInt32('0')");
        assertThat(template.render(new RenderOptions(Map.of("a", List.of("5")), Set.of(), true, null))
                        .sql())
                .isEqualTo("toInt32('5') toInt32('0')");
    }

    @Test
    void templatesThatCannotRenderAnyRequestStillFail() {
        assertThatThrownBy(() -> renderForValidation("{% if whatever(passenger_count) %}{% end %}"))
                .hasMessage("Template Syntax Error: 'whatever' is not a valid function, line 1");
        assertThatThrownBy(
                        () -> renderForValidation("{% for kv in JSON(payload) %} department = {{kv['dp']}} {% end %}"))
                .hasMessage("Template Syntax Error: Error parsing JSON: '__no_value__' - Expecting value: line 1 column"
                        + " 1 (char 0)");
        assertThatThrownBy(() -> renderForValidation("{% if x > 1 %}{% end %}"))
                .hasMessage("'>' not supported between instances of 'Placeholder' and 'int'. If you are using a"
                        + " dynamic parameter, you need to wrap it around a valid Data Type (e.g. Int8(placeholder))");
        assertThatThrownBy(() -> renderForValidation("SELECT {{columns(agg)}}"))
                .hasMessage("Template Syntax Error: Missing columns() default value, use `columns(column_names,"
                        + " 'default_column_name')`");
    }
}
