package dev.quarry.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The expected bearer token, kept only as its SHA-256. A presented token is hashed and compared with
 * {@link MessageDigest#isEqual} (constant time over the fixed-length digests), so neither the comparison time nor
 * the token's length tells an attacker how close a guess was.
 */
final class BearerToken {

    private final byte[] digest;

    BearerToken(String token) {
        this.digest = hash(token);
    }

    /** Whether an {@code Authorization} header value (may be null) carries this token. */
    boolean accepts(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(digest, hash(authorization.substring(7).strip()));
    }

    private static byte[] hash(String token) {
        return ContentHash.sha256().digest(token.getBytes(StandardCharsets.UTF_8));
    }
}
