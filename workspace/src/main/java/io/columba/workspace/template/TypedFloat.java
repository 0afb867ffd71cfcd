package io.columba.workspace.template;

/** The result of {@code Float32(x)} or {@code Float64(x)}: a Python float that renders as {@code toFloat32('1.5')}. */
record TypedFloat(double value, String type) {
    String sql() {
        return "to" + type + "('" + PythonValues.floatRepr(value) + "')";
    }
}
