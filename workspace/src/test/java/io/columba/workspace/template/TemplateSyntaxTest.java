package io.columba.workspace.template;

import static io.columba.workspace.template.TemplateTestSupport.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.columba.storage.error.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parse errors with Tinybird's messages, and the Python a template may not use (the sandbox). */
class TemplateSyntaxTest {
    private static void assertParseError(String sql, String message) {
        assertThatThrownBy(() -> Template.parse(sql))
                .isInstanceOf(TemplateException.class)
                .hasMessage(message);
    }

    @Test
    void anUnclosedBlockNamesTheBlockAndTheLineWhereTheTextEnds() {
        assertParseError("% SELECT {% if defined(x) %} x, 1", "Syntax error: Missing {% end %} block for if at line 1");
        assertParseError(
                "%\n    select * from test_table\n    {% if defined(whatever) %}\n    where 2\n    {% else %}\n    ",
                "Syntax error: Missing {% end %} block for if at line 5");
        assertParseError("%{% for x in y %}", "Syntax error: Missing {% end %} block for for at line 1");
    }

    @Test
    void pythonSyntaxErrorsReportTheLineOfTheirTag() {
        assertParseError(
                "% SELECT 1 {% if defined((passenger_count) %} WHERE 1=1 {% end %}",
                "Syntax error: invalid syntax, line 1");
        assertParseError(
                "%\n    select * from test_table\n    {% if whatever( %}\n    where 2\n    {% end %}",
                "Syntax error: invalid syntax, line 3");
        assertParseError("%{{ a b }}", "Syntax error: invalid syntax, line 1");
        assertParseError("%{{ f(a=1, 2) }}", "Syntax error: invalid syntax, line 1");
        assertParseError("%{{ 'unterminated }}", "Syntax error: invalid syntax, line 1");
        assertParseError("%{% if x %}{% else %}{% else %}{% end %}", "Syntax error: invalid syntax, line 1");
        assertParseError("%{% if x %}{% else %}{% elif y %}{% end %}", "Syntax error: invalid syntax, line 1");
        assertParseError("%{% try %}x{% end %}", "Syntax error: invalid syntax, line 1");
        assertParseError("%{% set x == 1 %}", "Syntax error: invalid syntax, line 1");
    }

    @Test
    void tornadoStructureErrors() {
        assertParseError("%{{ x", "Syntax error: Missing end expression }} at line 1");
        assertParseError("%{% if x", "Syntax error: Missing end block %} at line 1");
        assertParseError("%{# x", "Syntax error: Missing end comment #} at line 1");
        assertParseError("%{{ }}", "Syntax error: Empty expression at line 1");
        assertParseError("%{% %}", "Syntax error: Empty block tag ({% %}) at line 1");
        assertParseError("%x\n{% end %}", "Syntax error: Extra {% end %} block at line 2");
        assertParseError("%{% else %}", "Syntax error: else outside {'if', 'for', 'while', 'try'} block at line 1");
        assertParseError(
                "%{% for x in y %}{% elif z %}{% end %}",
                "Syntax error: elif block cannot be attached to for block at line 1");
        assertParseError("%{% foo %}", "Syntax error: unknown operator: 'foo' at line 1");
        assertParseError("%{% set %}", "Syntax error: set missing statement at line 1");
        assertParseError(
                "%{% if x %}{% break %}{% end %}", "Syntax error: break outside {'for', 'while'} block at line 1");
        assertParseError(
                "%{% include 'x.sql' %}", "Syntax error: include is not supported in Tinybird templates at line 1");
    }

    @Test
    void importsAreForbidden() {
        assertParseError(
                "% SELECT * FROM {% import os %}{{ os.popen(\"whoami\").read() }}",
                "Syntax error: import is forbidden at line 1");
        assertParseError(
                "% SELECT * FROM {% from os import popen %}{{ popen(\"cat etc/passwd\").read() }}",
                "Syntax error: import is forbidden at line 1");
        assertParseError("%{{ __import__('os') }}", "Template Syntax Error: '__import__' is not a valid name");
    }

    @Test
    void powerAndBitwiseOperatorsAreForbidden() {
        assertParseError("% SELECT {{len([1] * 10**7)}}", "Template Syntax Error: Invalid BinOp: Pow()");
        assertParseError("%{{ 1 | 2 }}", "Template Syntax Error: Invalid BinOp: BitOr()");
        assertParseError("%{{ 1 << 40 }}", "Template Syntax Error: Invalid BinOp: LShift()");
        assertParseError("%{{ ~1 }}", "Template Syntax Error: Invalid UnaryOp: Invert()");
    }

    @Test
    void nothingButNamedFunctionsAndValueMethodsCanBeReached() {
        assertParseError("%{{ x.__class__ }}", "Template Syntax Error: Invalid attribute: '__class__'");
        assertParseError("%{{ ''.__class__.__mro__ }}", "Template Syntax Error: Invalid attribute: '__class__'");
        assertParseError("%{{ x._private() }}", "Template Syntax Error: Invalid attribute: '_private'");
        assertParseError(
                "%{{ x.real }}", "Template Syntax Error: attributes can only be called as methods, found '.real'");
        assertParseError("%{{ (lambda: 1)() }}", "Template Syntax Error: lambda is not supported in templates");
        assertParseError(
                "%{{ [c for c in x] }}", "Template Syntax Error: comprehensions are not supported in templates");
        assertParseError("%{{ f'{x}' }}", "Template Syntax Error: f-strings are not supported in templates");
        assertParseError(
                "%{{ String(*x) }}", "Template Syntax Error: unpacking with * and ** is not supported in templates");
        assertParseError(
                "%{{ (y := 1) }}", "Template Syntax Error: assignment expressions are not supported in templates");
        for (String function : new String[] {"open", "eval", "exec", "getattr", "globals", "print", "type"}) {
            assertThatThrownBy(() -> render("{{ " + function + "('x') }}"))
                    .hasMessage("Template Syntax Error: '" + function + "' is not a valid function, line 1");
        }
        assertThatThrownBy(() -> render("{{ String(x)('y') }}", "x", "a"))
                .hasMessage("Template Syntax Error: wrong syntax, you might be using a not valid function inside a"
                        + " control block");
        assertThatThrownBy(() -> render("{{ x.encode() }}", "x", "{}"))
                .hasMessage("Template Syntax Error: 'str' object has no attribute 'encode'");
        // Tinybird checks attribute names too, so str.format is refused before it could run.
        assertParseError("%{{ x.format(1) }}", "\"format\" can not be used as a variable name, line 1");
    }

    @Test
    void formatAndQCannotBeParameterNames() {
        assertParseError(
                "% SELECT {{String(format, 'test')}}", "\"format\" can not be used as a variable name, line 1");
        assertParseError("% SELECT {{format}}", "\"format\" can not be used as a variable name, line 1");
        assertParseError("%\n\n SELECT {{String(q, 'test')}}", "\"q\" can not be used as a variable name, line 3");
        assertThat(Template.parse("% SELECT {{ Int32(id, 1) }}")
                        .render(Map.of())
                        .sql())
                .isEqualTo(" SELECT toInt32('1')");
    }

    @Test
    void reservedApiNamesOnlyWarn() {
        Template template = Template.parse("% SELECT {{ String(token, 'a') }}, {{ String(pipeline, 'b') }}");

        assertThat(template.warnings()).containsExactly("token", "pipeline");
        assertThat(template.render(Map.of()).sql()).isEqualTo(" SELECT 'a', 'b'");
    }

    @Test
    void deeplyNestedTemplatesAreRefusedInsteadOfOverflowingTheStack() {
        assertParseError(
                "%" + "{% if True %}".repeat(5_000) + "{% end %}".repeat(5_000),
                "Syntax error: too many nested blocks at line 1");
        assertParseError(
                "%{{ " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " }}",
                "Syntax error: expression nested too deeply at line 1");
        assertParseError(
                "%{{ " + "not ".repeat(100_000) + "x }}", "Syntax error: expression nested too deeply at line 1");
        assertParseError("%{{ " + "-".repeat(100_000) + "1 }}", "Syntax error: expression nested too deeply at line 1");
        assertParseError("%{{ " + "[".repeat(100_000) + "}}", "Syntax error: expression nested too deeply at line 1");
        assertThat(render("{% if True %}".repeat(90) + "deep" + "{% end %}".repeat(90)))
                .isEqualTo("deep");
    }

    @Test
    void parseErrorsAreSyntaxErrorsInClickHouseTerms() {
        TemplateException error =
                catchThrowableOfType(TemplateException.class, () -> Template.parse("%{% if %}{% end %}"));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR);
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.toColumbaException().toClickHouseText())
                .isEqualTo("Code: 62. DB::Exception: Syntax error: invalid syntax, line 1. (SYNTAX_ERROR)");
    }
}
