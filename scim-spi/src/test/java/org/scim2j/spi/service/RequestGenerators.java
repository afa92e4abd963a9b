package org.scim2j.spi.service;

import static org.quicktheories.generators.SourceDSL.integers;

import org.quicktheories.core.Gen;
import org.scim2j.filter.Pbt;

import java.util.List;

/** Generators of hostile request text for the service's fuzzing properties. */
final class RequestGenerators {

    /** What an edit inserts or writes: JSON and filter punctuation, letters, a non-ASCII letter, NUL. */
    private static final String EDIT_CHARS = "{}[]\":,\\x0- .nté\u0000()";

    private RequestGenerators() {
    }

    /** An insertion ({@code kind} 0), deletion (1) or replacement (2) of one character at a position. */
    record Edit(int kind, int at, char c) {
    }

    /** The template with one to four single-character edits; shrinks towards one edit near the start. */
    static Gen<String> mutated(String template) {
        Gen<Edit> edit = integers().between(0, 2).zip(integers().between(0, template.length() - 1),
                Pbt.strings(EDIT_CHARS, 1, 1).map(s -> s.charAt(0)), Edit::new);
        return Pbt.listsOf(edit, 1, 4).map(edits -> apply(template, edits));
    }

    private static String apply(String template, List<Edit> edits) {
        StringBuilder s = new StringBuilder(template);
        for (Edit e : edits) {
            int at = Math.min(e.at(), Math.max(0, s.length() - 1));
            switch (e.kind()) {
                case 0 -> s.insert(at, e.c());
                case 1 -> {
                    if (s.length() > 0) {
                        s.deleteCharAt(at);
                    }
                }
                default -> {
                    if (s.length() > 0) {
                        s.setCharAt(at, e.c());
                    }
                }
            }
        }
        return s.toString();
    }
}
