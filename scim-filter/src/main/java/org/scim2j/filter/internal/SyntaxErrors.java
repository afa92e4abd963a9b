package org.scim2j.filter.internal;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.scim2j.filter.FilterParseException;
import org.scim2j.filter.internal.antlr.ScimFilterParser;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the first syntax error ANTLR reports into a {@link FilterParseException} that names the offending position,
 * what was found there and what was expected, in the words of the filter language rather than token names.
 */
final class SyntaxErrors extends BaseErrorListener {

    private final String input;
    private final boolean lenient;

    SyntaxErrors(String input, boolean lenient) {
        this.input = input;
        this.lenient = lenient;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String antlrMessage, RecognitionException e) {
        Token token = (Token) offendingSymbol;
        // A failed prediction knows its decision's alternatives; otherwise the parser's current state and rule stack
        // say exactly what may come next (the strategy's saved "next tokens" context can be stale).
        IntervalSet expected = e instanceof NoViableAltException ? e.getExpectedTokens() : null;
        if (expected == null || expected.isNil()) {
            expected = ((Parser) recognizer).getExpectedTokens();
        }
        if (followsCompleteFilter(recognizer, expected)) {
            // The or/and loops exited before the error was seen, so ANTLR no longer lists their keywords, yet a
            // filter that just ended may always go on with 'and' or 'or'.
            expected = new IntervalSet(expected);
            expected.add(ScimFilterParser.AND);
            expected.add(ScimFilterParser.OR);
        }
        if (token.getType() == ScimFilterParser.BROKEN_STRING) {
            throw brokenString(token);
        }
        String found = switch (token.getType()) {
            case Token.EOF -> "unexpected end of input";
            case ScimFilterParser.UNRECOGNIZED -> "unexpected character '" + token.getText() + "'";
            default -> "unexpected '" + token.getText() + "'";
        };
        String reason = found + describe(expected);
        if (!lenient && token.getType() == ScimFilterParser.BAREWORD && expected.contains(ScimFilterParser.STRING)) {
            reason += " (string values must be quoted)";
        }
        throw new FilterParseException(input, Positions.charIndex(input, token.getStartIndex()), reason);
    }

    /** Whether the parser stands right after a whole {@code filter}: before its ')', its ']' or the end of input. */
    private static boolean followsCompleteFilter(Recognizer<?, ?> recognizer, IntervalSet expected) {
        return expected.contains(ScimFilterParser.RPAREN) || expected.contains(ScimFilterParser.RBRACKET)
                || (expected.contains(Token.EOF)
                        && ((Parser) recognizer).getContext() instanceof ScimFilterParser.FilterEntryContext);
    }

    /** A quote that opens a string the lexer could not close: say why, at the character that broke it. */
    private FilterParseException brokenString(Token token) {
        int end = Positions.charIndex(input, token.getStopIndex() + 1);
        if (end >= input.length()) {
            return new FilterParseException(input, Positions.charIndex(input, token.getStartIndex()),
                    "unterminated string");
        }
        char c = input.charAt(end);
        if (c == '\\') {
            return new FilterParseException(input, end, "invalid escape sequence in string (JSON allows \\\" \\\\ \\/"
                    + " \\b \\f \\n \\r \\t and \\uXXXX)");
        }
        return new FilterParseException(input, end,
                String.format("control character U+%04X must be escaped in a string", (int) c));
    }

    private static String describe(IntervalSet expected) {
        List<String> words = new ArrayList<>();
        if (expected.contains(ScimFilterParser.ATTRPATH) && !expected.contains(ScimFilterParser.STRING)) {
            words.add("an attribute path");
        }
        if (expected.contains(ScimFilterParser.NOT)) {
            words.add("'not'");
        }
        if (expected.contains(ScimFilterParser.LPAREN)) {
            words.add("'('");
        }
        if (expected.contains(ScimFilterParser.LBRACKET)) {
            words.add("'['");
        }
        if (expected.contains(ScimFilterParser.PR)) {
            words.add("'pr'");
        }
        if (expected.contains(ScimFilterParser.EQ)) {
            words.add("a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le)");
        }
        if (expected.contains(ScimFilterParser.STRING)) {
            words.add("a value (a quoted string, a number, true, false or null)");
        }
        if (expected.contains(ScimFilterParser.AND)) {
            words.add("'and'");
        }
        if (expected.contains(ScimFilterParser.OR)) {
            words.add("'or'");
        }
        if (expected.contains(ScimFilterParser.RPAREN)) {
            words.add("')'");
        }
        if (expected.contains(ScimFilterParser.RBRACKET)) {
            words.add("']'");
        }
        if (expected.contains(ScimFilterParser.SUBATTR)) {
            words.add("'.' and a sub-attribute");
        }
        if (expected.contains(Token.EOF)) {
            words.add("end of input");
        }
        if (words.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("; expected ");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                text.append(i == words.size() - 1 ? " or " : ", ");
            }
            text.append(words.get(i));
        }
        return text.toString();
    }
}
