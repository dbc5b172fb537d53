package dev.quarry.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON floating-point number that remembers how it was written ({@code 1e-05}, {@code 0.30000000000000004},
 * {@code 2.50}), so a task read and written again keeps its digits. Reads like a double; equal by its exact decimal
 * value.
 */
final class RawFloatNode extends NumericNode {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final double value;

    RawFloatNode(String text) {
        this.text = text;
        this.value = Double.parseDouble(text);
    }

    String text() {
        return text;
    }

    @Override
    public JsonToken asToken() {
        return JsonToken.VALUE_NUMBER_FLOAT;
    }

    @Override
    public JsonParser.NumberType numberType() {
        return JsonParser.NumberType.DOUBLE;
    }

    @Override
    public boolean isFloatingPointNumber() {
        return true;
    }

    @Override
    public boolean isDouble() {
        return true;
    }

    @Override
    public Number numberValue() {
        return value;
    }

    @Override
    public int intValue() {
        return (int) value;
    }

    @Override
    public long longValue() {
        return (long) value;
    }

    @Override
    public double doubleValue() {
        return value;
    }

    @Override
    public BigDecimal decimalValue() {
        return new BigDecimal(text);
    }

    @Override
    public BigInteger bigIntegerValue() {
        return decimalValue().toBigInteger();
    }

    @Override
    public boolean canConvertToInt() {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }

    @Override
    public boolean canConvertToLong() {
        return value >= Long.MIN_VALUE && value <= Long.MAX_VALUE;
    }

    @Override
    public String asText() {
        return text;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeNumber(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawFloatNode that && decimalValue().compareTo(that.decimalValue()) == 0;
    }

    @Override
    public int hashCode() {
        return decimalValue().stripTrailingZeros().hashCode();
    }
}
