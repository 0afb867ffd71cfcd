package io.columba.workspace.template;

import static io.columba.workspace.template.TemplateTestSupport.parameters;
import static io.columba.workspace.template.TemplateTestSupport.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.columba.storage.error.ErrorCode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tinybird's template functions: rendering, validation and error messages (cases from Tinybird's doctests). */
class TemplateFunctionsTest {
    @Test
    void stringQuotesAndEscapesTheValueAndTakesADefault() {
        assertThat(render("SELECT {{String(foo, 'test')}}")).isEqualTo("SELECT 'test'");
        assertThat(render("SELECT {{String(foo, 'test')}}", "foo", "tt")).isEqualTo("SELECT 'tt'");
        assertThat(render(
                        "SELECT * FROM table WHERE field={{String(field_filter)}}",
                        "field_filter",
                        "action.\"test run\""))
                .isEqualTo("SELECT * FROM table WHERE field='action.\\\"test run\\\"'");
        assertThat(render(
                        "{{ String(x, description='d', required=True, example='e', format='f', enum=['a']) }}",
                        "x",
                        "a"))
                .isEqualTo("'a'");
        assertThat(render("{{ String(x, defined=False) is None }}")).isEqualTo("True");
    }

    @Test
    void integerTypesRenderAsConversionsOfValidatedNumbers() {
        assertThat(render(
                        "{{ Int8(a) }} {{ UInt16(b) }} {{ Int64(c) }} {{ Int32(d, 50) }}",
                        "a",
                        "-128",
                        "b",
                        "65535",
                        "c",
                        "+0042"))
                .isEqualTo("toInt8('-128') toUInt16('65535') toInt64('42') toInt32('50')");
        assertThat(render(
                        "SELECT {{Int128(foo)}} as x, {{Int128(bar)}} as y",
                        "foo",
                        "-170141183460469231731687303715884105728",
                        "bar",
                        "170141183460469231731687303715884105727"))
                .isEqualTo("SELECT toInt128('-170141183460469231731687303715884105728') as x,"
                        + " toInt128('170141183460469231731687303715884105727') as y");
        assertThat(render(
                        "{{ Int256(x) }}",
                        "x",
                        "57896044618658097711785492504343953926634992332820282019728792003956564819967"))
                .isEqualTo("toInt256('57896044618658097711785492504343953926634992332820282019728792003956564819967')");
        assertThat(render("LIMIT {{ Int(limit, 10) }} OFFSET {{ Integer(offset) }}", "offset", "20"))
                .isEqualTo("LIMIT 10 OFFSET 20");
    }

    @Test
    void integersOutOfRangeOrNotIntegersAreRefused() {
        assertThatThrownBy(() -> render("select * from {{Int32(foo)}}", "foo", "non_int"))
                .hasMessage("Template Syntax Error: Error validating 'non_int' to type Int32");
        assertThatThrownBy(() -> render("{{ Int8(x) }}", "x", "128"))
                .hasMessage("Template Syntax Error: Error validating '128' to type Int8");
        assertThatThrownBy(() -> render("{{ UInt8(x) }}", "x", "-1"))
                .hasMessage("Template Syntax Error: Error validating '-1' to type UInt8");
        assertThatThrownBy(() -> render("{{ Int(x) }}", "x", "2147483648"))
                .hasMessage("Template Syntax Error: Error validating '2147483648' to type Int32");
        assertThatThrownBy(() -> render("{{ Int32(x) }}", "x", "1 OR 1=1"))
                .hasMessage("Template Syntax Error: Error validating '1 OR 1=1' to type Int32");
        assertThatThrownBy(() -> render("{{ Int32(x) }}", "x", "1.5"))
                .hasMessage("Template Syntax Error: Error validating '1.5' to type Int32");
    }

    @Test
    void floatsRenderAsConversionsOfPythonFloats() {
        assertThat(render("f = {{Float32(foo)}}", "foo", "-1")).isEqualTo("f = toFloat32('-1.0')");
        assertThat(render("f = {{Float64(foo, 0.5)}}")).isEqualTo("f = toFloat64('0.5')");
        assertThat(render("{{ Float64(a) }} {{ Float64(b) }} {{ Float32(c) }}", "a", "1e-7", "b", " 2.50 ", "c", "inf"))
                .isEqualTo("toFloat64('1e-07') toFloat64('2.5') toFloat32('inf')");
        assertThatThrownBy(() -> render("{{ Float32(x) }}", "x", "1_000"))
                .hasMessage("Template Syntax Error: Error validating '1_000' to type Float32");
        assertThatThrownBy(() -> render("{{ Float64(x) }}", "x", "0.5); DROP TABLE t"))
                .hasMessage("Template Syntax Error: Error validating '0.5); DROP TABLE t' to type Float64");
    }

    @Test
    void datesAreValidatedThenQuoted() {
        assertThat(render("a > {{DateTime(start)}}", "start", "2018-09-07 23:55:00"))
                .isEqualTo("a > '2018-09-07 23:55:00'");
        assertThat(render(
                        "{{ Date(d) }} {{ DateTime64(t) }} {{ DateTime(u) }}",
                        "d",
                        "2024-02-29",
                        "t",
                        "2024-01-01 00:00:00.123",
                        "u",
                        "2024-01-01T10:00:00Z"))
                .isEqualTo("'2024-02-29' '2024-01-01 00:00:00.123' '2024-01-01T10:00:00Z'");
        assertThat(render("now() > {{DateTime64(variable, '2020-09-09 10:10:10.000')}}"))
                .isEqualTo("now() > '2020-09-09 10:10:10.000'");
        assertThatThrownBy(() -> render("{{ Date(d) }}", "d", "2024-01-01 00:00:00"))
                .hasMessage("Template Syntax Error: Error validating '2024-01-01 00:00:00' to type Date");
        assertThatThrownBy(() -> render("{{ DateTime(d) }}", "d", "yesterday"))
                .hasMessage("Template Syntax Error: Error validating 'yesterday' to type DateTime");
        assertThatThrownBy(() -> render("{{ DateTime64(d) }}", "d", "2024-01-01 00:00:00"))
                .hasMessage("Template Syntax Error: Error validating '2024-01-01 00:00:00' to type DateTime64");
    }

    @Test
    void booleanIsOneOrZero() {
        String template = "{{ Boolean(x) }}";
        for (String truthy : List.of("true", "True", "TRUE", "1", "yes", "x")) {
            assertThat(render(template, "x", truthy)).as(truthy).isEqualTo("1");
        }
        for (String falsy : List.of("false", "FALSE", "False", "0", "")) {
            assertThat(render(template, "x", falsy)).as(falsy).isEqualTo("0");
        }
        assertThat(render(template)).isEqualTo("0");
        assertThat(render("{{ Boolean(x, 'TRUE') }} {{ bool(x, True) }} {{ Boolean(x, False) }}"))
                .isEqualTo("1 1 0");
    }

    @Test
    void missingParametersWithoutDefaultNameTheParametersToProvide() {
        assertThatThrownBy(() -> render("select * from table where str = {{String(test)}} and category ="
                        + " {{String(category, 'shirts')}} and color = {{ Int32(color)}}"))
                .hasMessage("Template Syntax Error: Required parameter is not defined. Check the parameters test and"
                        + " color. Please provide a value or set a default value in the pipe code.");
        assertThatThrownBy(() -> render("{{ String(a) }} {{ DateTime(b) }} {% if defined(c) %}{% end %}", "a", "x"))
                .hasMessage("Template Syntax Error: Required parameter is not defined. Check the parameters b. Please"
                        + " provide a value or set a default value in the pipe code.");
        assertThat(catchThrowableOfType(TemplateException.class, () -> render("{{ Int32(x) }}"))
                        .errorCode())
                .isEqualTo(ErrorCode.BAD_QUERY_PARAMETER);
    }

    @Test
    void arrayRendersAClickHouseArrayOfValidatedElements() {
        assertThat(render("SELECT {{Array(foo)}}", "foo", "a,b,c,d")).isEqualTo("SELECT ['a','b','c','d']");
        assertThat(render("SELECT {{Array(foo, 'Int32')}}", "foo", "1,2,3,4")).isEqualTo("SELECT [1,2,3,4]");
        assertThat(render(
                        "{{Array(f, 'Float32')}} {{Array(d, 'Date')}} {{Array(b, 'Boolean')}}",
                        "f",
                        "1,2.5",
                        "d",
                        "2024-01-01",
                        "b",
                        "true,0"))
                .isEqualTo("[1.0,2.5] ['2024-01-01'] [1,0]");
        assertThat(render("SELECT {{Array(click_selector, 'String', 'pre,pro')}}"))
                .isEqualTo("SELECT ['pre','pro']");
        assertThat(render("SELECT {{Array(click_selector, 'String', 'pre,pro')}}", "click_selector", "hi,hello"))
                .isEqualTo("SELECT ['hi','hello']");
        assertThat(render("SELECT {{Array(click_selector, 'String', '')}}")).isEqualTo("SELECT ['']");
        assertThat(render("{{ Array(x, 'Int16', defined=False) is None }}")).isEqualTo("True");
        assertThat(Template.parseTemplateText("{{ Array(x, 'Int32') }}")
                        .render(Map.of("x", List.of("1", "2")))
                        .sql())
                .isEqualTo("[1,2]");
    }

    @Test
    void arrayElementsThatDoNotValidateNameTheirPosition() {
        assertThatThrownBy(() -> render("SELECT {{ Array(embedding, 'Float32') }}", "embedding", "1,2,3,4, null"))
                .hasMessage("Template Syntax Error: Error validating [1,2,3,4, null][4] ( null) to type Float32");
        assertThatThrownBy(() -> render("SELECT {{ Array(embedding, 'Int32', '') }}", "embedding", ""))
                .hasMessage("Template Syntax Error: Error validating [][0] (empty string) to type Int32");
        assertThatThrownBy(() -> render("SELECT {{ Array(embedding, 'Int32', '') }}"))
                .hasMessage("Template Syntax Error: Error validating [][0] (empty string) to type Int32");
        assertThatThrownBy(() -> render("{{ Array(x, 'Int32', 5) }}"))
                .hasMessage("Template Syntax Error: transform type function Array is not well defined");
    }

    @Test
    void arrayParametersArriveAsTypedLists() {
        String template = "{% if defined(x) and x != [''] %}{{ len(x) }} {{ x }} {{ Array(x, 'Int32') }}{% else %}"
                + "none{% end %}";

        assertThat(render(template, "x", "1,2,3")).isEqualTo("3 [1, 2, 3] [1,2,3]");
        assertThat(render(template.replace("'Int32'", "'String'"), "x", "")).isEqualTo("none");
        assertThatThrownBy(() -> render(template, "x", "1,b"))
                .hasMessage("Template Syntax Error: Error validating [1,b][1] (b) to type Int32");
    }

    @Test
    void jsonParsesIntoDictsAndListsForLoops() {
        String template = "SELECT * FROM employees WHERE 0 {% for kv in JSON(payload) %} OR department = {{kv['dp']}}"
                + " {% end %}";

        assertThat(render(template)).isEqualTo("SELECT * FROM employees WHERE 0 ");
        assertThat(render(template.replace("JSON(payload)", "JSON(payload, '[{\"dp\":\"Sales\"}]')")))
                .isEqualTo("SELECT * FROM employees WHERE 0  OR department = 'Sales' ");
        assertThat(render(template, "payload", "[{\"dp\":\"Design\"},{\"dp\":\"Marketing\"}]"))
                .isEqualTo("SELECT * FROM employees WHERE 0  OR department = 'Design'  OR department = 'Marketing' ");
        assertThat(render(
                        "{{ JSON(j)['a'][1] }} {{ JSON(j)['b'] }} {{ JSON(j)['c'] is None }}",
                        "j",
                        "{\"a\": [1, 2.5e3], \"b\": \"\\u00e9\\n\", \"c\": null}"))
                .isEqualTo("2500.0 '\u00e9\\n' True");
    }

    @Test
    void invalidJsonGivesPythonsMessage() {
        assertThatThrownBy(() -> render("{% for kv in JSON(payload, '') %}{% end %}"))
                .hasMessage(
                        "Template Syntax Error: Error parsing JSON: '' - Expecting value: line 1 column 1 (char 0)");
        assertThatThrownBy(() -> render("{{ JSON(j) }}", "j", "{\"a\": 1,}"))
                .hasMessage("Template Syntax Error: Error parsing JSON: '{\"a\": 1,}' - Expecting property name"
                        + " enclosed in double quotes: line 1 column 9 (char 8)");
        assertThatThrownBy(() -> render("{{ JSON(j) }}", "j", "[1, 2] [3]"))
                .hasMessage("Template Syntax Error: Error parsing JSON: '[1, 2] [3]' - Extra data: line 1 column 8"
                        + " (char 7)");
        assertThatThrownBy(() -> render("{{ JSON(j) }}", "j", "{\"a_long_key\": \"unterminated"))
                .hasMessage("Template Syntax Error: Error parsing JSON: '{\"a_long_key\": \"...' - Unterminated string"
                        + " starting at: line 1 column 16 (char 15)");
    }

    @Test
    void getOnAMissingKeyRendersNull() {
        assertThatThrownBy(
                        () -> render(
                                "SELECT * FROM test WHERE {% for item in JSON(filters, '[{}]') %} {{item.get('operand')}} {% end %}"))
                .hasMessage("Template Syntax Error: expression \"item.get('operand')\" evaluated to null");
        assertThat(render("SELECT * FROM test WHERE {% for item in JSON(filters, '[{\"operand\":\"test\"}]') %}"
                        + " {{item.get('operand')}} {% end %}"))
                .isEqualTo("SELECT * FROM test WHERE  'test' ");
        assertThatThrownBy(() ->
                        render("{% for item in JSON(filters, '[\"test\"]') %} {{item.get('operator')}}" + " {% end %}"))
                .hasMessage("Template Syntax Error: 'str' object has no attribute 'get'. Make sure you're using an"
                        + " object/dictionary where trying to use .get()");
    }

    @Test
    void columnQuotesIdentifiersPartByPart() {
        assertThat(render("SELECT {{column(agg)}}", "agg", "foo")).isEqualTo("SELECT `foo`");
        assertThat(render("SELECT {{column(agg)}}", "agg", "\"foo\"")).isEqualTo("SELECT `foo`");
        assertThat(render("SELECT {{column(agg)}}", "agg", "json.a")).isEqualTo("SELECT `json`.`a`");
        assertThat(render("GROUP BY {{column(c, 'level')}}")).isEqualTo("GROUP BY `level`");
        assertThatThrownBy(() -> render("SELECT {{column(agg)}}"))
                .hasMessage("Template Syntax Error: Missing column() default value, use `column(column_name,"
                        + " 'default_column_name')`");
    }

    @Test
    void columnsListsQuotedIdentifiers() {
        assertThat(render("SELECT {{columns(agg, 'a,b,c')}} FROM table")).isEqualTo("SELECT `a`,`b`,`c` FROM table");
        assertThat(render("SELECT {{columns(agg, 'a,b,c')}} FROM table", "agg", "foo"))
                .isEqualTo("SELECT `foo` FROM table");
        assertThat(render("SELECT {{columns('a,b,c')}} FROM table")).isEqualTo("SELECT `a`,`b`,`c` FROM table");
        assertThat(render("SELECT {{columns(cols, 'a, b', fn='sum')}}"))
                .isEqualTo("SELECT sum(`a`) as `a`,sum(`b`) as `b`");
        assertThatThrownBy(() -> render("SELECT {{columns(agg)}}"))
                .hasMessage("Template Syntax Error: Missing columns() default value, use `columns(column_names,"
                        + " 'default_column_name')`");
    }

    @Test
    void symbolAndTableWriteIdentifiers() {
        assertThat(render("select * from {{symbol(foo)}}", "foo", "table-name"))
                .isEqualTo("select * from `table-name`");
        assertThat(render("select * from {{symbol(foo)}}", "foo", "\"table-name\""))
                .isEqualTo("select * from `table-name`");
        assertThat(render("select * from {{Symbol(foo, '\"')}}", "foo", "t")).isEqualTo("select * from \"t\"");
        assertThat(render("select * from {{table(foo)}}", "foo", "\"table-name\""))
                .isEqualTo("select * from table-name");
        assertThat(render("select * from {{TABLE(foo)}}", "foo", "db.events")).isEqualTo("select * from db.events");
    }

    @Test
    void sqlAndJoinsTheDefinedConditions() {
        assertThat(render("SELECT count() c FROM where {{sql_and(a=a, b=b)}}", "a", "1", "b", "2"))
                .isEqualTo("SELECT count() c FROM where a = '1' and b = '2'");
        assertThat(render("SELECT count() c FROM where {{sql_and(a=a, b=b)}}", "b", "2"))
                .isEqualTo("SELECT count() c FROM where b = '2'");
        assertThat(render(
                        "SELECT count() c FROM where {{sql_and(a=Int(a, defined=False), b=Int(b, defined=False))}}",
                        "b",
                        "2"))
                .isEqualTo("SELECT count() c FROM where b = 2");
        assertThat(render("SELECT count() c FROM where {{sql_and(a__in=Array(a), b=b)}}", "a", "a,b,c", "b", "2"))
                .isEqualTo("SELECT count() c FROM where a in ['a','b','c'] and b = '2'");
        assertThat(render("SELECT count() c FROM where {{sql_and(a__not_in=Array(a), b=b)}}", "a", "a,b,c", "b", "2"))
                .isEqualTo("SELECT count() c FROM where a not in ['a','b','c'] and b = '2'");
        assertThat(render("{{sql_and(x__gt=Int32(x), x__lte=Int32(y))}}", "x", "1", "y", "9"))
                .isEqualTo("x > toInt32('1') and x <= toInt32('9')");
        assertThatThrownBy(() -> render("{{sql_and(x__like=x)}}", "x", "1"))
                .hasMessage("Template Syntax Error: operand like not supported");
    }

    @Test
    void sqlUnescapeLeavesTheGivenCharacterUnescaped() {
        assertThat(render(
                        "SELECT * FROM dim_fecha_evento where foo like {{sql_unescape(String(pepe), '%')}}",
                        "pepe", "raul_el_bueno_is_the_best_%"))
                .isEqualTo("SELECT * FROM dim_fecha_evento where foo like 'raul_el_bueno_is_the_best_%'");
        assertThat(render("{{ sql_unescape(x, '$') }}", "x", "testing%")).isEqualTo("'testing\\%'");
        assertThat(render("{{ sql_unescape(x) }}", "x", "it's")).isEqualTo("'it\\'s'");
        assertThatThrownBy(() -> render("{{ sql_unescape(x, \"'\") }}", "x", "a"))
                .hasMessage("Template Syntax Error: sql_unescape() cannot unescape quotes or backslashes");
    }

    @Test
    void splitToArrayAndEnumerateWithLast() {
        assertThat(render("{{ split_to_array(x) }}", "x", " a, b ,c")).isEqualTo("['a', 'b', 'c']");
        assertThat(render("{{ split_to_array(x, '') }}")).isEqualTo("['']");
        assertThat(render("{{ split_to_array(x, 'd|e', separator='|') }}")).isEqualTo("['d', 'e']");
        assertThat(render("with {{split_to_array(String(message, ''), separator='|')}} as p"))
                .isEqualTo("with [''] as p");
        assertThat(render("{{ enumerate_with_last([1, 2]) }} {{ enumerate_with_last([1]) }}"))
                .isEqualTo("[(False, 1), (True, 2)] [(True, 1)]");
    }

    @Test
    void dateDifferencesInWholeUnits() {
        assertThat(render("{{ day_diff('2019-01-01', '2019-01-01') }} {{ day_diff('2019-01-02', '2019-02-01') }}"
                        + " {{ day_diff('2019-02-01', '2019-01-02') }}"))
                .isEqualTo("0 30 30");
        assertThat(render("{{ date_diff_in_days('2019-02-01 20:00:00', '2019-01-02 20:00:00',"
                        + " date_format='%Y-%m-%d %H:%M:%S') }}"))
                .isEqualTo("30");
        assertThat(render("{{ date_diff_in_days('2019-01-01', '2019/01/04', backup_date_format='%Y/%m/%d') }}"))
                .isEqualTo("3");
        assertThat(render("{{ date_diff_in_days('2019-02-01T20:00:00z', '2019-02-15', '%Y-%m-%dT%H:%M:%Sz',"
                        + " backup_date_format='%Y-%m-%d') }}"))
                .isEqualTo("13");
        assertThat(render(
                        "{{ date_diff_in_hours('2022-12-19T20:43:22Z', '2022-12-19T18:42:23Z','%Y-%m-%dT%H:%M:%Sz') }}"
                                + " {{ date_diff_in_hours('2022-12-14 18:42:22', '2022-12-19 18:42:22') }}"))
                .isEqualTo("2 120");
        assertThat(render("{{ date_diff_in_minutes('2022-12-19T03:22:12.102Z', '2022-12-19',"
                        + " date_format='%Y-%m-%dT%H:%M:%S.%fz', backup_date_format='%Y-%m-%d') }}"))
                .isEqualTo("202");
        assertThat(render("{{ date_diff_in_seconds('2022-12-19T18:42:23.521Z', '2022-12-19T18:44:23.531Z',"
                        + "'%Y-%m-%dT%H:%M:%S.%fz') }} {{ date_diff_in_seconds('2022-12-19 18:42:23.521',"
                        + " '2022-12-19 18:42:24.521','%Y-%m-%d %H:%M:%S.%f') }}"))
                .isEqualTo("120 1");
    }

    @Test
    void dateDifferencesOfInvalidDates() {
        assertThat(render("{{ date_diff_in_days('2019-01-01', '2019-00-02', none_if_error=True) is None }}"))
                .isEqualTo("True");
        assertThat(render("{{ date_diff_in_hours('2022-12-32 18:42:22', '2022-12-19 18:42:22', none_if_error=True)"
                        + " is None }}"))
                .isEqualTo("True");
        assertThatThrownBy(() -> render("{{ day_diff('2019-01-01', '01/01/2019') }}"))
                .hasMessage("Template Syntax Error: invalid date format in function `day_diff`, it must be ISO format"
                        + " date YYYY-MM-DD, e.g. 2018-09-26. For other fotmats, try `date_diff_in_days`");
        assertThatThrownBy(() -> render("{% if date_diff_in_hours(start_date, end_date) > 3 %}{% end %}"))
                .hasMessage("Template Syntax Error: invalid date_format in function `date_diff_in_hours`, defaults to"
                        + " YYYY-MM-DD hh:mm:ss. Or %Y-%m-%d %H:%M:%S [.ssssss]Z, e.g. ms: 2022-12-19T18:42:22.591Z"
                        + " s:2022-12-19T18:42:22Z");
        assertThatThrownBy(() -> render("{{ date_diff_in_minutes('x', 'y') }}"))
                .hasMessageStartingWith(
                        "Template Syntax Error: invalid date_format in function `date_diff_in_seconds`");
    }

    @Test
    void errorAbortsWithTheMessageAndCustomErrorWithItsStatusAndBody() {
        assertThatThrownBy(() ->
                        render("{% if not defined(x) %}{{ error('x (Int32) query param is required') }}{% end %}"))
                .hasMessage("x (Int32) query param is required");
        TemplateException custom = catchThrowableOfType(
                TemplateException.class, () -> render("{{ custom_error({'error': 'not found', 'code': 7}, 404) }}"));
        assertThat(custom.httpStatus()).isEqualTo(404);
        assertThat(custom.body()).isEqualTo(Map.of("error", "not found", "code", BigInteger.valueOf(7)));
        assertThat(render("{% if not defined(test) %}error(\"This is an error\"){% end %}"))
                .isEqualTo("error(\"This is an error\")");
    }

    @Test
    void queryHintsAreRecordedAndLeftAsComments() {
        RenderedSql rendered = Template.parseTemplateText("{{max_threads(2)}} SELECT 1 {{ cache_ttl('5m') }}"
                        + "{{ backend_hint('b') }}{{ activate('analyzer') }}")
                .render(Map.of());

        assertThat(rendered.sql())
                .isEqualTo("-- max_threads 2\n SELECT 1 -- cache_ttl 5m\n-- backend_hint b\n-- activate analyzer\n");
        assertThat(rendered.hints())
                .containsExactly(
                        Map.entry("max_threads", "2"),
                        Map.entry("cache_ttl", "5m"),
                        Map.entry("backend_hint", "b"),
                        Map.entry("activate", "analyzer"));
        assertThat(render("{{ max_threads(x) }}", "x", "two\nDROP"))
                .isEqualTo("-- max_threads: wrong argument two\\nDROP\n");
        assertThatThrownBy(() -> render("{{ cache_ttl('2m') }}"))
                .hasMessage(
                        "Template Syntax Error: Invalid TTL cache expression, valid expressions are ('5s', '1m', '5m',"
                                + " '30m', '1h')");
        assertThatThrownBy(() -> render("{{ disable('joins') }}"))
                .hasMessage("Template Syntax Error: 'joins' is not a valid 'disable' argument");
    }

    @Test
    void secretsBecomeQueryParameters() {
        Template template = Template.parseTemplateText("select * from table where str = {{tb_secret('test')}}");
        String unavailable = "Template Syntax Error: Cannot access secret 'test'. Check the secret exists in the"
                + " Workspace and the token has the required scope.";

        RenderedSql rendered = template.render(RenderOptions.of(Map.of()).withSecrets(Set.of("test")));
        assertThat(rendered.sql()).isEqualTo("select * from table where str = {test: String}");
        assertThat(rendered.secretParameters()).containsExactly("test");
        assertThat(Template.parseTemplateText("{{tb_var('test')}}")
                        .render(RenderOptions.of(Map.of()).withSecrets(Set.of("test")))
                        .sql())
                .isEqualTo("{test: String}");
        assertThatThrownBy(() -> template.render(parameters("test", "1234"))).hasMessage(unavailable);
        assertThat(template.renderForValidation().sql()).isEqualTo("select * from table where str = {test: String}");
        assertThat(render("{{tb_secret('test', 'default_value')}} {{tb_secret('test', '')}}"))
                .isEqualTo("'default_value' ''");
    }

    @Test
    void definedIsTrueForAnyGivenValueEvenEmpty() {
        assertThat(render("{{ defined(x) }} {{ defined(y) }} {{ defined() }}", "x", ""))
                .isEqualTo("True False False");
        assertThat(render("{% if defined(open) %}ERROR{% else %}YEAH!{% end %}"))
                .isEqualTo("YEAH!");
    }

    @Test
    void pythonBuiltins() {
        assertThat(render("{{ len('abc') }} {{ sum([1, 2.5]) }} {{ min(3, 1, 2) }} {{ max([1, 5]) }} {{ abs(-2) }}"))
                .isEqualTo("3 3.5 1 5 2");
        assertThat(render("{{ round(2.675, 2) }} {{ round(0.5) }} {{ round(1.5) }} {{ int(' 12 ') }} {{ float('1') }}"))
                .isEqualTo("2.67 0 2 12 1.0");
        assertThat(render("{{ str(1) }} {{ list(range(1, 7, 2)) }} {{ sorted(['b', 'a']) }} {{ any([0, 1]) }}"
                        + " {{ all([]) }} {{ list(enumerate('ab')) }}"))
                .isEqualTo("'1' [1, 3, 5] ['a', 'b'] True True [(0, 'a'), (1, 'b')]");
        assertThatThrownBy(() -> render("{{ int(x) }}", "x", "abc"))
                .hasMessage("invalid literal for int() with base 10: 'abc'");
        assertThatThrownBy(() -> render("{{ len(x) }}")).hasMessage("object of type 'NoneType' has no len()");
    }
}
