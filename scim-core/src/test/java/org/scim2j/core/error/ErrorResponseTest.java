package org.scim2j.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 7644 §3.12 Error responses, and what of a client's input their {@code detail} echoes. */
class ErrorResponseTest {

    @Test
    void aShortDetailIsSentAsItIs() {
        ErrorResponse error = new ErrorResponse(400, ScimType.INVALID_FILTER, "at 18: unexpected '#'");

        assertThat(error.toJson().path("detail").asText()).isEqualTo("at 18: unexpected '#'");
    }

    @Test
    void aDetailEchoingAHugeInputKeepsItsStartAndItsEndAroundAnEllipsis() {
        String filter = "userName eq \"" + "x".repeat(60_000) + "\" and";
        ScimException e = ScimException.invalidFilter("invalid filter '" + filter + "' at position 60014: "
                + "unexpected end of input; expected an attribute path");

        String detail = e.toErrorResponse().toJson().path("detail").asText();

        assertThat(detail.length()).isLessThanOrEqualTo(ErrorResponse.MAX_DETAIL_LENGTH);
        assertThat(detail).startsWith("invalid filter 'userName eq \"xxx")
                .contains("…").contains("characters left out")
                .endsWith("' at position 60014: unexpected end of input; expected an attribute path");
        assertThat(e.detail()).as("the exception keeps the whole text for the log").hasSizeGreaterThan(60_000);
    }

    @Test
    void shorteningNeverSplitsASurrogatePair() {
        // U+1F600 is two chars; whatever the cut points, no half of a pair may be left at either side of the cut
        for (int shift = 0; shift < 4; shift++) {
            String detail = "a".repeat(shift) + "\uD83D\uDE00".repeat(5_000);

            String shown = new ErrorResponse(400, null, detail).detail();

            for (int i = 0; i < shown.length(); i++) {
                char c = shown.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertThat(i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(i + 1)))
                            .as("high surrogate at %d is paired (shift %d)", i, shift).isTrue();
                    i++;
                } else {
                    assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d (shift %d)", i, shift)
                            .isFalse();
                }
            }
        }
    }
}
