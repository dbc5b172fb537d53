package dev.quarry.vectors;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal floats straight from UTF-8 bytes, without making a {@code String} per value. Plain forms
 * ({@code [+-]digits[.digits][(e|E)[+-]digits]} with at most 18 significant digits and a small exponent) are computed
 * as one correctly rounded double operation, then narrowed to float (so within one ulp of
 * {@link Float#parseFloat}); anything else goes through {@link Float#parseFloat}.
 */
final class FloatParser {

    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private FloatParser() {
    }

    /** The value of {@code bytes[start, end)}, or NaN if it is not a finite number. */
    static float parse(byte[] bytes, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        int intStart = i;
        for (; i < end && isDigit(bytes[i]); i++) {
            mantissa = mantissa * 10 + (bytes[i] - '0');
            digits++;
        }
        boolean any = i > intStart;
        if (i < end && bytes[i] == '.') {
            int fracStart = ++i;
            for (; i < end && isDigit(bytes[i]); i++) {
                mantissa = mantissa * 10 + (bytes[i] - '0');
                digits++;
            }
            scale = i - fracStart;
            any |= i > fracStart;
        }
        if (!any) {
            return slow(bytes, start, end);
        }
        int exponent = 0;
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            int expEnd = parseExponent(bytes, i + 1, end);
            if (expEnd != end) {
                return slow(bytes, start, end);
            }
            exponent = exponentValue(bytes, i + 1, end);
            i = end;
        }
        if (i != end || digits > 18 || Math.abs(exponent - scale) > 22) {
            return slow(bytes, start, end);
        }
        int power = exponent - scale;
        double value = power >= 0 ? mantissa * POWERS[power] : mantissa / POWERS[-power];
        float result = (float) value;
        return negative ? -result : result;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The end of a {@code [+-]digits} exponent starting at {@code i} (at most 4 digits), or -1 if malformed. */
    private static int parseExponent(byte[] bytes, int i, int end) {
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            i++;
        }
        int digitsStart = i;
        while (i < end && isDigit(bytes[i]) && i - digitsStart < 4) {
            i++;
        }
        return i > digitsStart ? i : -1;
    }

    private static int exponentValue(byte[] bytes, int i, int end) {
        boolean negative = bytes[i] == '-';
        if (bytes[i] == '-' || bytes[i] == '+') {
            i++;
        }
        int value = 0;
        for (; i < end; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return negative ? -value : value;
    }

    private static float slow(byte[] bytes, int start, int end) {
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        if (text.isEmpty() || !Character.isDigit(text.charAt(text.length() - 1)) && text.charAt(text.length() - 1) != '.') {
            return Float.NaN;
        }
        try {
            float value = Float.parseFloat(text);
            return Float.isFinite(value) ? value : Float.NaN;
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }
}
