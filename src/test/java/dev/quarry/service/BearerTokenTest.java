package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    private final BearerToken token = new BearerToken("s3cret-token");

    @Test
    void acceptsTheTokenWithTheBearerSchemeInAnyCase() {
        assertTrue(token.accepts("Bearer s3cret-token"));
        assertTrue(token.accepts("bearer s3cret-token"));
        assertTrue(token.accepts("Bearer s3cret-token "));
    }

    @Test
    void rejectsOtherTokensPrefixesSchemesAndNothing() {
        assertFalse(token.accepts(null));
        assertFalse(token.accepts(""));
        assertFalse(token.accepts("Bearer"));
        assertFalse(token.accepts("Bearer s3cret"));
        assertFalse(token.accepts("Bearer s3cret-token2"));
        assertFalse(token.accepts("Basic s3cret-token"));
        assertFalse(token.accepts("s3cret-token"));
    }
}
