package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    /** Codes are API: renaming or dropping one breaks clients, so the list is pinned here. */
    @Test
    void codesAndStatusesAreTheDocumentedOnes() {
        assertEquals("malformed_json 400, unknown_field 400, missing_field 400, conflicting_fields 400, "
                + "wrong_type 400, empty_text 400, text_too_long 400, invalid_value 400, unknown_label 400, "
                + "invalid_span 400, invalid_session 400, unauthorized 401, not_found 404, "
                + "method_not_allowed 405, unknown_session 409, stale_session 409, task_not_served 409, "
                + "already_answered 409, nothing_to_undo 409, no_model 409, body_too_large 413, internal_error 500",
                Arrays.stream(ErrorCode.values()).map(c -> c.code() + " " + c.status())
                        .collect(Collectors.joining(", ")));
    }
}
