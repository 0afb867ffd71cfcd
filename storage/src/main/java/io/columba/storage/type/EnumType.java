package io.columba.storage.type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enum8 and Enum16: named values held as Int8 or Int16; the names print and parse, the numbers order.
 *
 * @param bytes 1 for Enum8, 2 for Enum16
 * @param elements the names and values in declaration order
 */
public record EnumType(int bytes, List<Element> elements) implements DataType {

    /** One {@code 'name' = value} of the declaration. */
    public record Element(String name, int value) {}

    public EnumType {
        elements = List.copyOf(elements);
        if (bytes != 1 && bytes != 2) {
            throw new IllegalArgumentException("enum width must be 1 or 2 bytes, got " + bytes);
        }
    }

    @Override
    public String name() {
        StringBuilder out = new StringBuilder(bytes == 1 ? "Enum8(" : "Enum16(");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Element element = elements.get(i);
            out.append('\'')
                    .append(element.name().replace("\\", "\\\\").replace("'", "\\'"))
                    .append("' = ")
                    .append(element.value());
        }
        return out.append(')').toString();
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.LONG;
    }

    @Override
    public int fixedWidth() {
        return bytes;
    }

    @Override
    public boolean signedValues() {
        return true;
    }

    /** The name of a value, or null when the value is not an element. */
    public String nameOf(long value) {
        for (Element element : elements) {
            if (element.value() == value) {
                return element.name();
            }
        }
        return null;
    }

    /** The value of a name, or null when no element has it. */
    public Integer valueOf(String name) {
        for (Element element : elements) {
            if (element.name().equals(name)) {
                return element.value();
            }
        }
        return null;
    }

    /** Names by value, for loops that print many values. */
    public Map<Integer, String> namesByValue() {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (Element element : elements) {
            names.put(element.value(), element.name());
        }
        return names;
    }
}
