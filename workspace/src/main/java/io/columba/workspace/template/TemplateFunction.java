package io.columba.workspace.template;

/** A function templates may call by name; see {@link BuiltinFunctions} for the list. */
@FunctionalInterface
interface TemplateFunction {
    Object call(CallArguments arguments, RenderState state);
}
