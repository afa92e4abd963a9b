package org.scim2j.filter.internal;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterParseException;
import org.scim2j.filter.PatchPath;
import org.scim2j.filter.internal.antlr.ScimFilterLexer;
import org.scim2j.filter.internal.antlr.ScimFilterParser;

import java.util.function.Function;

/**
 * Runs the ANTLR lexer and parser. The first pass uses SLL prediction and bails out at the first error, which is the
 * fast path for valid input; only when it fails does a second pass run full LL prediction with a listener that turns
 * the first syntax error into a positioned {@link FilterParseException}. The generated recognizers share their
 * DFA caches statically, so nothing but the small recognizer objects is built per call.
 */
public final class ParserEngine {

    private ParserEngine() {
    }

    /** Parses a whole filter. */
    public static Filter parseFilter(String input, boolean lenient, int maxLength, int maxDepth) {
        checkLimits(input, maxLength, maxDepth);
        return run(input, lenient, parser -> new AstBuilder(input, parser, lenient).filter(parser.filterEntry()));
    }

    /** Parses a PATCH path. */
    public static PatchPath parsePatchPath(String input, boolean lenient, int maxLength, int maxDepth) {
        checkLimits(input, maxLength, maxDepth);
        return run(input, lenient,
                parser -> new AstBuilder(input, parser, lenient).patchPath(parser.patchPathEntry()));
    }

    private static <T> T run(String input, boolean lenient, Function<ScimFilterParser, T> entry) {
        try {
            ScimFilterParser fast = parser(input);
            fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
            fast.setErrorHandler(new BailErrorStrategy());
            try {
                return entry.apply(fast);
            } catch (ParseCancellationException sllFailed) {
                ScimFilterParser exact = parser(input);
                exact.getInterpreter().setPredictionMode(PredictionMode.LL);
                exact.setErrorHandler(new DefaultErrorStrategy());
                exact.addErrorListener(new SyntaxErrors(input, lenient));
                return entry.apply(exact);
            }
        } catch (StackOverflowError tooDeep) {
            // Only reachable with a very large configured maxDepth on a small thread stack.
            throw new FilterParseException(input, 0, "nested too deeply to parse");
        }
    }

    private static ScimFilterParser parser(String input) {
        ScimFilterLexer lexer = new ScimFilterLexer(CharStreams.fromString(input));
        lexer.removeErrorListeners(); // the lexer cannot fail (UNRECOGNIZED takes any character), and must not print
        ScimFilterParser parser = new ScimFilterParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        return parser;
    }

    /**
     * Rejects input over the length limit, and nesting over the depth limit before the recursive-descent parser can
     * run out of stack: one linear scan that skips string literals.
     */
    private static void checkLimits(String input, int maxLength, int maxDepth) {
        int length = input.length();
        if (length > maxLength) {
            throw new FilterParseException(input, maxLength, "longer than the limit of " + maxLength + " characters");
        }
        if (input.indexOf('(') < 0 && input.indexOf('[') < 0) {
            return; // most IdP filters (userName eq "...") have no nesting at all
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < length; i++) {
            char c = input.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[') {
                if (++depth > maxDepth) {
                    throw new FilterParseException(input, i, "nested deeper than the limit of " + maxDepth + " levels");
                }
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
    }
}
