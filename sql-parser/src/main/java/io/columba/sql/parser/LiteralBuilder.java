package io.columba.sql.parser;

import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.QueryParameter;
import io.columba.sql.parser.ClickHouseParser.LiteralContext;
import org.antlr.v4.runtime.Token;

/** Constants as ClickHouse reads them: integer widths, radix and float literals, string escapes, a folded minus. */
final class LiteralBuilder {
    private LiteralBuilder() {}

    static Expression negate(Expression operand) {
        if (operand instanceof Literal literal) {
            switch (literal.kind()) {
                case UINT64 -> {
                    long value = (Long) literal.value();
                    if (value >= 0 || value == Long.MIN_VALUE) {
                        return new Literal(Literal.Kind.INT64, -value);
                    }
                    return new Literal(Literal.Kind.FLOAT64, -unsignedToDouble(value));
                }
                case INT64 -> {
                    return new Literal(Literal.Kind.INT64, -(Long) literal.value());
                }
                case FLOAT64 -> {
                    return new Literal(Literal.Kind.FLOAT64, -(Double) literal.value());
                }
                case BIG_INTEGER -> {
                    return new Literal(Literal.Kind.BIG_INTEGER, ((java.math.BigInteger) literal.value()).negate());
                }
                default -> {}
            }
        }
        return FunctionCall.of("negate", operand);
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? value : ((value >>> 1) * 2.0) + (value & 1);
    }

    static Literal literal(LiteralContext context) {
        Token token = context.getStart();
        String raw = token.getText();
        return switch (token.getType()) {
            case ClickHouseLexer.DECIMAL_LITERAL -> integerLiteral(raw);
            case ClickHouseLexer.HEXADECIMAL_LITERAL ->
                radixLiteral(raw.substring(2).replace("_", ""), 16);
            case ClickHouseLexer.BINARY_LITERAL -> radixLiteral(raw.substring(2).replace("_", ""), 2);
            case ClickHouseLexer.FLOATING_LITERAL ->
                new Literal(Literal.Kind.FLOAT64, Double.parseDouble(raw.replace("_", "")));
            case ClickHouseLexer.INF -> new Literal(Literal.Kind.FLOAT64, Double.POSITIVE_INFINITY);
            case ClickHouseLexer.NAN_SQL -> new Literal(Literal.Kind.FLOAT64, Double.NaN);
            case ClickHouseLexer.STRING_LITERAL -> Literal.ofString(unescape(raw.substring(1, raw.length() - 1)));
            case ClickHouseLexer.HEREDOC -> Literal.ofString(heredocBody(raw));
            case ClickHouseLexer.HEX_STRING_LITERAL -> Literal.ofString(hexString(raw.substring(2, raw.length() - 1)));
            case ClickHouseLexer.BINARY_STRING_LITERAL ->
                Literal.ofString(bitString(raw.substring(2, raw.length() - 1)));
            case ClickHouseLexer.NULL_SQL -> Literal.ofNull();
            case ClickHouseLexer.TRUE -> new Literal(Literal.Kind.BOOL, Boolean.TRUE);
            case ClickHouseLexer.FALSE -> new Literal(Literal.Kind.BOOL, Boolean.FALSE);
            default -> throw new IllegalStateException("unknown literal " + raw);
        };
    }

    /** The text between a heredoc's tags, as written: {@code $tag$text$tag$} is {@code text}. */
    private static String heredocBody(String raw) {
        int tagLength = raw.indexOf('$', 1) + 1;
        return raw.substring(tagLength, raw.length() - tagLength);
    }

    /** A hexadecimal or binary literal: UInt64 when it fits, else a wide integer, else Float64. */
    private static Literal radixLiteral(String digits, int radix) {
        java.math.BigInteger value = new java.math.BigInteger(digits, radix);
        if (value.bitLength() <= 64) {
            return new Literal(Literal.Kind.UINT64, value.longValue());
        }
        if (value.bitLength() <= 256) {
            return new Literal(Literal.Kind.BIG_INTEGER, value);
        }
        return new Literal(Literal.Kind.FLOAT64, value.doubleValue());
    }

    static Literal integerLiteral(String raw) {
        String digits = raw.replace("_", "");
        try {
            return new Literal(Literal.Kind.UINT64, Long.parseUnsignedLong(digits));
        } catch (NumberFormatException tooLarge) {
            java.math.BigInteger value = new java.math.BigInteger(digits);
            if (value.bitLength() <= 256) {
                return new Literal(Literal.Kind.BIG_INTEGER, value);
            }
            return new Literal(Literal.Kind.FLOAT64, Double.parseDouble(digits));
        }
    }

    static Expression queryParameter(String text) {
        String inner = text.substring(1, text.length() - 1);
        int colon = inner.indexOf(':');
        return new QueryParameter(
                inner.substring(0, colon).strip(), inner.substring(colon + 1).strip());
    }

    /** Resolves ClickHouse string escapes; an unknown escape keeps its backslash, as ClickHouse does. */
    static String unescape(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '0' -> out.append('\0');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'a' -> out.append('\u0007');
                    case 'v' -> out.append('\u000B');
                    case 'e' -> out.append('\u001B');
                    case '\\', '\'', '"', '`' -> out.append(next);
                    case 'x' -> {
                        if (i + 2 < body.length() + 0 && isHex(body, i + 1) && isHex(body, i + 2)) {
                            out.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
                            i += 2;
                        } else {
                            out.append("\\x");
                        }
                    }
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The bytes of {@code x'C328'}, one char per byte as string escapes give them. */
    private static String hexString(String digits) {
        String padded = digits.length() % 2 == 0 ? digits : "0" + digits;
        StringBuilder out = new StringBuilder(padded.length() / 2);
        for (int i = 0; i + 1 < padded.length(); i += 2) {
            out.append((char) Integer.parseInt(padded.substring(i, i + 2), 16));
        }
        return out.toString();
    }

    /** {@code b'1000001'}: eight bits a byte, the first byte padded with zeros on the left. */
    private static String bitString(String bits) {
        String padded = "0".repeat((8 - bits.length() % 8) % 8) + bits;
        StringBuilder out = new StringBuilder(padded.length() / 8);
        for (int i = 0; i < padded.length(); i += 8) {
            out.append((char) Integer.parseInt(padded.substring(i, i + 8), 2));
        }
        return out.toString();
    }

    private static boolean isHex(String text, int at) {
        return at < text.length() && Character.digit(text.charAt(at), 16) >= 0;
    }
}
