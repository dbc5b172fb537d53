package dev.quarry.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatParserTest {

    static float parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return FloatParser.parse(b, 0, b.length);
    }

    @Test
    void plainFormsMatchFloatParseFloatWithinOneUlp() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            float value = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 6));
            for (String text : new String[] {Float.toString(value), String.format(java.util.Locale.ROOT, "%.6f", value),
                    String.format(java.util.Locale.ROOT, "%.5e", value)}) {
                float expected = Float.parseFloat(text);
                assertEquals(expected, parse(text), Math.ulp(expected), text);
            }
        }
    }

    @Test
    void unusualButValidFormsFallBackToFloatParseFloat() {
        assertEquals(1.0e-30f, parse("1.0e-30"));
        assertEquals(123456789012345678901234.0f, parse("123456789012345678901234"));
        assertEquals(0.5f, parse(".5"));
        assertEquals(5f, parse("+5."));
        assertEquals(-0.0f, parse("-0"));
    }

    @Test
    void nonNumbersAndNonFiniteValuesAreNaN() {
        for (String bad : new String[] {"", "-", "abc", "1,5", "1e", "1e+", "NaN", "Infinity", "1f", "1e99", "0x", "."}) {
            assertTrue(Float.isNaN(parse(bad)), bad);
        }
    }
}
