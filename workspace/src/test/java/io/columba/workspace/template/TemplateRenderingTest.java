package io.columba.workspace.template;

import static io.columba.workspace.template.TemplateTestSupport.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering: activation, text, {{ }}, control blocks and the Python semantics templates rely on. */
class TemplateRenderingTest {
    @Test
    void sqlWithoutThePercentMarkIsNotATemplate() {
        Template template = Template.parse("SELECT '{{ x }}' FROM t");

        assertThat(template.isTemplated()).isFalse();
        assertThat(template.render(Map.of()).sql()).isEqualTo("SELECT '{{ x }}' FROM t");
        assertThat(template.parameters()).isEmpty();
    }

    @Test
    void thePercentMarkOnTheFirstLineActivatesTheTemplateAndIsDropped() {
        Template template = Template.parse("%\nSELECT {{ Int32(x, 1) }}");

        assertThat(template.isTemplated()).isTrue();
        assertThat(template.render(Map.of()).sql()).isEqualTo("\nSELECT toInt32('1')");
        assertThat(Template.parse("% SELECT {{ String(x, 'a') }}")
                        .render(Map.of())
                        .sql())
                .isEqualTo(" SELECT 'a'");
        assertThat(Template.isTemplated("\n    %\n    SELECT 1")).isTrue();
        assertThat(Template.isTemplated("SELECT 1 % 2")).isFalse();
    }

    @Test
    void lineNumbersCountThePercentLine() {
        assertThatThrownBy(() -> Template.parse("%\nSELECT 1\n{% if whatever(x) %}{% end %}")
                        .render(Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Template Syntax Error: 'whatever' is not a valid function, line 3")
                .extracting(error -> ((TemplateException) error).line())
                .isEqualTo(3);
    }

    @Test
    void stringParametersAreQuotedAndEscaped() {
        assertThat(render("select * from table where str = {{foo}}", "foo", "test"))
                .isEqualTo("select * from table where str = 'test'");
        assertThat(render("select * from table where f = {{foo}}", "foo", "';drop table users;"))
                .isEqualTo("select * from table where f = '\\';drop table users;'");
    }

    @Test
    void aMissingParameterRenderedBareIsAnError() {
        assertThatThrownBy(() -> render("SELECT {{test}}"))
                .hasMessage("Template Syntax Error: expression \"test\" evaluated to null");
        assertThatThrownBy(() -> render("SELECT {{testisasuperlongthingandwedontwanttoreturnthefullthing}}"))
                .hasMessage("Template Syntax Error: expression \"testisasuperlongthin...\" evaluated to null");
    }

    @Test
    void valuesRenderAsPythonStr() {
        assertThat(render("{{ 1 }} {{ 1.0 }} {{ 1e16 }} {{ 0.00001 }} {{ True }} {{ [1, 'a'] }} {{ (1,) }}"))
                .isEqualTo("1 1.0 1e+16 1e-05 True [1, 'a'] (1,)");
        assertThat(render("{{ {'a': [None, 2.5]} }}")).isEqualTo("{'a': [None, 2.5]}");
        assertThat(render("{{ [\"it's\", 'say \"hi\"'] }}")).isEqualTo("[\"it's\", 'say \"hi\"']");
    }

    @Test
    void ifElifElseChooseTheFirstTrueBranch() {
        String template = "{% if x == 'a' %}A{% elif x == 'b' %}B{% elif defined(x) %}other{% else %}none{% end %}";

        assertThat(render(template, "x", "a")).isEqualTo("A");
        assertThat(render(template, "x", "b")).isEqualTo("B");
        assertThat(render(template, "x", "c")).isEqualTo("other");
        assertThat(render(template)).isEqualTo("none");
        assertThat(render("{% if test %}SELECT 1{% else %} select 2 {% end %}")).isEqualTo(" select 2 ");
        assertThat(render("{% if Int32(test, 1) %}SELECT 1{% else %} select 2 {% end %}"))
                .isEqualTo("SELECT 1");
    }

    @Test
    void forLoopsUnpackAndSupportBreakContinueAndElse() {
        assertThat(render("{% for a, b in [(1, 'x'), (2, 'y')] %}{{a}}={{b}};{% end %}"))
                .isEqualTo("1='x';2='y';");
        assertThat(render("{% for i in range(10) %}{% if i == 2 %}{% continue %}{% end %}"
                        + "{% if i == 4 %}{% break %}{% end %}{{i}}{% end %}"))
                .isEqualTo("013");
        assertThat(render("{% for i in [] %}x{% else %}empty{% end %}")).isEqualTo("empty");
        assertThat(render("{% for i in [1] %}{% break %}{% else %}not broken{% end %}"))
                .isEqualTo("");
        assertThat(render(
                        "{% for is_last, c in enumerate_with_last(split_to_array(cols)) %}"
                                + "{{symbol(c)}}{% if not is_last %}, {% end %}{% end %}",
                        "cols", "a, b,c"))
                .isEqualTo("`a`, `b`, `c`");
    }

    @Test
    void whileLoopsRunUntilTheConditionIsFalse() {
        assertThat(render("{% set i = 0 %}{% while i < 3 %}{{i}}{% set i += 1 %}{% end %}"))
                .isEqualTo("012");
    }

    @Test
    void setVariablesLiveForTheWholeTemplate() {
        assertThat(render("{% if True %}{% set x = 'inner' %}{% end %}{{ x }}")).isEqualTo("'inner'");
        assertThat(render("{% for v in [1, 2] %}{% end %}{{ v }}")).isEqualTo("2");
        assertThat(render("{% set a, b = 1, 2 %}{{ a + b }}")).isEqualTo("3");
        assertThat(render(
                        "{% if defined(test) %}{% set csv = ','.join(test) %}{{ Array(test, 'String') }} {{csv}}"
                                + "{% end %}",
                        "test", "1,2"))
                .isEqualTo("['1','2'] '1,2'");
        assertThat(render(
                        "{% if defined(test) %}{% set total = sum(test) %}{{ Array(test, 'Int32') }} {{total}}"
                                + "{% end %}",
                        "test", "1,2"))
                .isEqualTo("[1,2] 3");
    }

    @Test
    void aVariableAssignedAnywhereShadowsTheParameterOfTheSameName() {
        assertThatThrownBy(() -> render("{% if defined(x) %}{% set x = Int32(x) %}{% end %}", "x", "1"))
                .hasMessage("Template Syntax Error: cannot access local variable 'x' where it is not associated with"
                        + " a value");
    }

    @Test
    void tryExceptRunsTheHandlerOnErrorsAndFinallyAlways() {
        assertThat(render("{% try %}{{ Int32(x) }}{% except %}fallback{% finally %}!{% end %}", "x", "no"))
                .isEqualTo("fallback!");
        assertThat(render("{% try %}{{ Int32(x) }}{% except Exception as e %}{{ e }}{% end %}", "x", "no"))
                .isEqualTo("'Template Syntax Error: Error validating \\'no\\' to type Int32'");
        assertThat(render("{% try %}{{ Int32(x) }}{% except %}no{% else %} ok{% end %}", "x", "5"))
                .isEqualTo("toInt32('5') ok");
    }

    @Test
    void commentsAreDroppedAndEscapedBracesAreWrittenLiterally() {
        assertThat(render("a{# a comment with {{ x }} #}b")).isEqualTo("ab");
        assertThat(render("{{! x }} {%! if %} {#! c #}")).isEqualTo("{{ x }} {% if %} {# c #}");
        assertThat(render("{{{ 1 }}}")).isEqualTo("{1}");
        assertThat(render("{% comment anything %}x")).isEqualTo("x");
    }

    @Test
    void rawTagsRenderLikeExpressions() {
        assertThat(render("{% raw String(x, 'a') %} {% raw 1 + 1 %}")).isEqualTo("'a' 2");
    }

    @Test
    void pythonOperatorsFollowPythonSemantics() {
        assertThat(render("{{ 7 // 2 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ 7 / 2 }} {{ 2 * 3 + 1 }} {{ 'ab' * 2 }}"))
                .isEqualTo("3 -4 2 3.5 7 'abab'");
        assertThat(render("{{ 'b' in ['a', 'b'] }} {{ 'x' not in 'abc' }} {{ None is None }} {{ 1 < 2 < 3 }}"))
                .isEqualTo("True True True True");
        assertThat(render("{{ 1 if x else 2 }} {{ x or 'd' }} {{ (x and 'd') is None }}"))
                .isEqualTo("2 'd' True");
    }

    @Test
    void methodsOfStringsDictsAndListsWork() {
        assertThat(render("{{ x.split('.')[1] }} {{ x.startswith('metadata.') }} {{ x.upper() }}", "x", "metadata.key"))
                .isEqualTo("'key' True 'METADATA.KEY'");
        assertThat(render(
                        "{% for item in JSON(f) %}{{ item.get('a', 'none') }},{% end %}", "f", "[{\"a\": \"x\"}, {}]"))
                .isEqualTo("'x','none',");
        assertThat(render("{{ ' a '.strip() }} {{ 'a-b'.replace('-', '_') }} {{ [1, 2, 1].count(1) }}"))
                .isEqualTo("'a' 'a_b' 2");
        assertThat(render("{{ x[0] }} {{ x[-1] }} {{ x[1:3] }} {{ x[::-1] }} {{ len(x) }}", "x", "héllo"))
                .isEqualTo("'h' 'o' 'él' 'olléh' 5");
    }

    @Test
    void pythonTypeErrorsKeepPythonsMessage() {
        assertThatThrownBy(() -> render("{% if x > 1 %}{% end %}"))
                .hasMessage("'>' not supported between instances of 'NoneType' and 'int'");
        assertThatThrownBy(() -> render("{{ 'a' + 1 }}")).hasMessage("can only concatenate str (not \"int\") to str");
        assertThatThrownBy(() -> render("{{ x.get('a') }}", "x", "text"))
                .hasMessage("Template Syntax Error: 'str' object has no attribute 'get'. Make sure you're using an"
                        + " object/dictionary where trying to use .get()");
        assertThatThrownBy(() -> render("{{ x[5] }}", "x", "ab"))
                .hasMessageStartingWith("Template Syntax Error: String index out of range.");
        assertThatThrownBy(() -> render("{{ 1 / 0 }}")).hasMessage("division by zero");
    }

    @Test
    void repeatedParametersArriveAsLists() {
        Template template = Template.parseTemplateText("{{ x }} {{ len(x) }}");

        assertThat(template.render(Map.of("x", List.of("a", "b"))).sql()).isEqualTo("['a', 'b'] 2");
    }

    @Test
    void jobTimestampDefaultsToTheRunTime() {
        Template template = Template.parseTemplateText("SELECT {{ DateTime(job_timestamp) }}");

        assertThat(template.render(RenderOptions.of(Map.of()).withJobTimestamp("2024-05-06 07:08:09"))
                        .sql())
                .isEqualTo("SELECT '2024-05-06 07:08:09'");
        assertThat(template.render(Map.of()).sql()).matches("SELECT '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}'");
    }
}
