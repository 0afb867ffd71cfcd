package io.columba.workspace.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameter metadata for /v0/pipes and OpenAPI (cases from Tinybird's get_var_names_and_types doctests). */
class TemplateParametersTest {
    private static List<TemplateParameter> parameters(String text) {
        return Template.parseTemplateText(text).parameters();
    }

    private static TemplateParameter typed(String name, String type, Object defaultValue) {
        return new TemplateParameter(name, type, defaultValue, false, null, null, null, List.of(), false);
    }

    @Test
    void typeFunctionsDeclareTheirParameterWithItsDefault() {
        assertThat(parameters("SELECT * FROM t WHERE d = {{Float32(with_value, 0.0)}}"))
                .containsExactly(typed("with_value", "Float32", 0.0));
        assertThat(parameters("{{Float32(with_value, -0.1)}}")).containsExactly(typed("with_value", "Float32", -0.1));
        assertThat(parameters("{{Int32(with_value, -0)}}"))
                .containsExactly(typed("with_value", "Int32", BigInteger.ZERO));
        assertThat(parameters("{{String(d, 'test_1')}} AND value = {{Int8(v, 3)}}"))
                .containsExactly(typed("d", "String", "test_1"), typed("v", "Int8", BigInteger.valueOf(3)));
        assertThat(parameters("SELECT now() > {{DateTime64(timestamp, '2020-09-09 10:10:10.000')}}"))
                .containsExactly(typed("timestamp", "DateTime64", "2020-09-09 10:10:10.000"));
        assertThat(parameters("{{ Int(a) }} {{ Integer(b) }} {{ bool(c) }} {{ JSON(f, '[]') }}"))
                .containsExactly(
                        typed("a", "Int32", null),
                        typed("b", "Int32", null),
                        typed("c", "Boolean", null),
                        typed("f", "JSON", "[]"));
    }

    @Test
    void metadataKeywordsAreRecorded() {
        assertThat(parameters("{{String(d, 'test_1', description='test', required=True)}} AND value ="
                        + " {{Int8(v, 3, format='number', example='1')}}"))
                .containsExactly(
                        new TemplateParameter("d", "String", "test_1", true, "test", null, null, List.of(), false),
                        new TemplateParameter(
                                "v", "Int8", BigInteger.valueOf(3), false, null, "1", "number", List.of(), false));
        assertThat(parameters("{{String(d, default='test_1', description='test', enum=['a', 'b'])}}"))
                .containsExactly(new TemplateParameter(
                        "d", "String", "test_1", false, "test", null, null, List.of("a", "b"), false));
        assertThat(parameters("{{ Int128(symbol_id, 11111, description='Symbol Id', required=True) }}"))
                .containsExactly(new TemplateParameter(
                        "symbol_id",
                        "Int128",
                        BigInteger.valueOf(11111),
                        true,
                        "Symbol Id",
                        null,
                        null,
                        List.of(),
                        false));
    }

    @Test
    void arraysDeclareTheirElementType() {
        assertThat(parameters("select {{Array(cod_stock_source_type,'Int16', defined=False)}}"))
                .containsExactly(typed("cod_stock_source_type", "Array(Int16)", null));
        assertThat(parameters("select {{Array(cod_stock_source_type, defined=False)}}"))
                .containsExactly(typed("cod_stock_source_type", "Array(String)", null));
        assertThat(parameters("select {{Array(cod, 'Int16', default='1', defined=False)}}"))
                .containsExactly(typed("cod", "Array(Int16)", "1"));
        assertThat(parameters("select {{Array(click_selector, 'String', 'pre,pro')}}"))
                .containsExactly(typed("click_selector", "Array(String)", "pre,pro"));
    }

    @Test
    void namesUsedWithoutATypeAreStrings() {
        assertThat(parameters("select {{cod_stock_source_type}}"))
                .containsExactly(TemplateParameter.untyped("cod_stock_source_type", false));
        assertThat(parameters("select * from test {% if defined(testing) and defined(testing2) %} where 1 {%end %}"))
                .containsExactly(
                        TemplateParameter.untyped("testing", true), TemplateParameter.untyped("testing2", true));
        assertThat(parameters("select {{split_to_array(test)}}"))
                .containsExactly(TemplateParameter.untyped("test", true));
        assertThat(parameters("select {{symbol(split_to_array(attr, \"amount_net\")[0] + \"_intermediate\" )}}"))
                .containsExactly(TemplateParameter.untyped("attr", true));
        assertThat(parameters("{% if defined(x) %}{{ x }}{% end %}"))
                .containsExactly(TemplateParameter.untyped("x", false));
    }

    @Test
    void aTypedDeclarationReplacesUntypedUsesWhereverItComes() {
        assertThat(parameters("select * from test {% if defined(number_variable) %} where number_variable ="
                        + " {{UInt64(number_variable)}} {% end %}"))
                .containsExactly(typed("number_variable", "UInt64", null));
        assertThat(parameters("select * from test {% if defined({{UInt64(number_variable)}}) %} where 1 {% end %}"))
                .containsExactly(typed("number_variable", "UInt64", null));
        assertThat(parameters("select * from test {% if defined(y) and x > 0 %} where x = {{UInt64(x)}} {% end %}"))
                .containsExactly(TemplateParameter.untyped("y", true), typed("x", "UInt64", null));
    }

    @Test
    void aNameDeclaredWithTwoTypesIsListedTwice() {
        assertThat(parameters("select {{Int32(dup, 1)}} {{String(dup, 'last')}} {{Int32(dup, 2)}}"))
                .containsExactly(typed("dup", "Int32", BigInteger.ONE), typed("dup", "String", "last"));
    }

    @Test
    void integerDefaultsBeyondJavaScriptPrecisionAreStrings() {
        assertThat(parameters("SELECT * FROM t WHERE symbol = {{Int64(symbol_id, 9223372036854775807)}}"))
                .containsExactly(typed("symbol_id", "Int64", "9223372036854775807"));
        assertThat(parameters("{{Int64(a, 9007199254740991)}}"))
                .containsExactly(typed("a", "Int64", BigInteger.valueOf(9_007_199_254_740_991L)));
    }

    @Test
    void variablesTheTemplateAssignsAreNotParameters() {
        assertThat(parameters("{% set a = Int32(x, 0) %}{{ a }}"))
                .containsExactly(typed("x", "Int32", BigInteger.ZERO));
        assertThat(parameters("{% for item in JSON(filters, '[]') %}{% set v = item.get('value') %}{{ v }}{% end %}"))
                .containsExactly(typed("filters", "JSON", "[]"));
        assertThat(parameters("{% try %}{{ Int32(a) }}{% except E as e %}{{ e }}{% end %}"))
                .containsExactly(typed("a", "Int32", null));
        assertThat(parameters("{{ len(x) }} {{ String(y) }} {{ tb_secret('s') }}"))
                .containsExactly(TemplateParameter.untyped("x", true), typed("y", "String", null));
    }
}
