package org.scim2j.filter.internal;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.scim2j.filter.And;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.CompareOp;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterParseException;
import org.scim2j.filter.FilterValue;
import org.scim2j.filter.JsonText;
import org.scim2j.filter.Not;
import org.scim2j.filter.Or;
import org.scim2j.filter.PatchPath;
import org.scim2j.filter.Presence;
import org.scim2j.filter.ValuePath;
import org.scim2j.filter.internal.antlr.ScimFilterParser;
import org.scim2j.filter.internal.antlr.ScimFilterParser.AndFilterContext;
import org.scim2j.filter.internal.antlr.ScimFilterParser.AttrFilterContext;
import org.scim2j.filter.internal.antlr.ScimFilterParser.CompareTestContext;
import org.scim2j.filter.internal.antlr.ScimFilterParser.FilterContext;
import org.scim2j.filter.internal.antlr.ScimFilterParser.GroupFilterContext;
import org.scim2j.filter.internal.antlr.ScimFilterParser.UnaryFilterContext;
import org.scim2j.filter.internal.antlr.ScimFilterParser.ValuePathTestContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parse tree into the public AST, walking the generated contexts directly (no visitor dispatch), and applies
 * the checks the grammar leaves to code: the shape of attribute paths, the spaces the RFC requires (strict mode),
 * unquoted values (lenient mode only) and no value path inside a value path.
 */
final class AstBuilder {

    private final String input;
    private final TokenStream tokens;
    private final boolean lenient;

    AstBuilder(String input, ScimFilterParser parser, boolean lenient) {
        this.input = input;
        this.tokens = parser.getTokenStream();
        this.lenient = lenient;
    }

    Filter filter(ScimFilterParser.FilterEntryContext entry) {
        return or(entry.filter(), false);
    }

    PatchPath patchPath(ScimFilterParser.PatchPathEntryContext entry) {
        Token pathToken = entry.ATTRPATH().getSymbol();
        AttributePath path = path(pathToken);
        if (entry.LBRACKET() == null) {
            return new PatchPath(path.withSubAttribute(null), null, path.subAttribute());
        }
        requireNoSubAttribute(path, pathToken);
        Filter valueFilter = or(entry.filter(), true);
        String sub = null;
        TerminalNode subNode = entry.SUBATTR();
        if (subNode != null) {
            Token subToken = subNode.getSymbol();
            String text = subToken.getText();
            AttributePath checked = parsePath(text.substring(1), subToken.getStartIndex() + 1);
            if (checked.schema() != null || checked.hasSubAttribute()) {
                throw error(subToken.getStartIndex(), "expected one sub-attribute name after ']', found '" + text + "'");
            }
            sub = checked.name();
        }
        return new PatchPath(path, valueFilter, sub);
    }

    private Filter or(FilterContext ctx, boolean inValuePath) {
        List<ParseTree> children = ctx.children;
        if (children.size() == 1) {
            return and((AndFilterContext) children.get(0), inValuePath);
        }
        List<Filter> operands = new ArrayList<>((children.size() + 1) / 2);
        for (ParseTree child : children) {
            if (child instanceof AndFilterContext and) {
                operands.add(and(and, inValuePath));
            } else {
                requireSpacesAround(((TerminalNode) child).getSymbol());
            }
        }
        return new Or(operands);
    }

    private Filter and(AndFilterContext ctx, boolean inValuePath) {
        List<ParseTree> children = ctx.children;
        if (children.size() == 1) {
            return unary((UnaryFilterContext) children.get(0), inValuePath);
        }
        List<Filter> operands = new ArrayList<>((children.size() + 1) / 2);
        for (ParseTree child : children) {
            if (child instanceof UnaryFilterContext unary) {
                operands.add(unary(unary, inValuePath));
            } else {
                requireSpacesAround(((TerminalNode) child).getSymbol());
            }
        }
        return new And(operands);
    }

    private Filter unary(UnaryFilterContext ctx, boolean inValuePath) {
        if (ctx instanceof GroupFilterContext group) {
            Filter inner = or(group.filter(), inValuePath);
            return group.NOT() == null ? inner : new Not(inner);
        }
        AttrFilterContext attr = (AttrFilterContext) ctx;
        Token pathToken = attr.ATTRPATH().getSymbol();
        AttributePath path = path(pathToken);
        ScimFilterParser.AttrTestContext test = attr.attrTest();
        if (test instanceof CompareTestContext compare) {
            Token opToken = compare.compareOp().getStart();
            Token valueToken = compare.compValue().getStart();
            requireGap(pathToken, opToken);
            requireGap(opToken, valueToken);
            return new Comparison(path, op(opToken), value(valueToken));
        }
        if (test instanceof ValuePathTestContext valuePath) {
            if (inValuePath) {
                throw error(pathToken.getStartIndex(), "a value filter cannot contain another value filter ('"
                        + pathToken.getText() + "[')");
            }
            requireNoSubAttribute(path, pathToken);
            Filter inner = or(valuePath.filter(), true);
            ScimFilterParser.ValueSubTestContext sub = valuePath.valueSubTest();
            return new ValuePath(path, sub == null ? inner : withSubTest(path, inner, sub));
        }
        return new Presence(path);
    }

    /**
     * Entra ID's {@code emails[type eq "work"].value eq "x"}: the lenient parser reads it as
     * {@code emails[type eq "work" and value eq "x"]}, the strict parser refuses it at the sub-attribute.
     */
    private Filter withSubTest(AttributePath path, Filter inner, ScimFilterParser.ValueSubTestContext sub) {
        Token subToken = sub.SUBATTR().getSymbol();
        String text = subToken.getText();
        AttributePath name = parsePath(text.substring(1), subToken.getStartIndex() + 1);
        if (name.schema() != null || name.hasSubAttribute()) {
            throw error(subToken.getStartIndex(), "expected one sub-attribute name after ']', found '" + text + "'");
        }
        Filter test;
        if (sub.PR() != null) {
            test = new Presence(name);
        } else {
            Token opToken = sub.compareOp().getStart();
            Token valueToken = sub.compValue().getStart();
            requireGap(subToken, opToken);
            requireGap(opToken, valueToken);
            test = new Comparison(name, op(opToken), value(valueToken));
        }
        List<Filter> operands = new ArrayList<>();
        if (inner instanceof And and) {
            operands.addAll(and.operands());
        } else {
            operands.add(inner);
        }
        operands.add(test);
        Filter combined = new And(operands);
        if (!lenient) {
            throw error(subToken.getStartIndex(), "a value filter cannot be followed by a sub-attribute ('" + text
                    + "'; RFC 7644 §3.4.2.2): write " + new ValuePath(path, combined)
                    + " (the lenient parser accepts this form, which Microsoft Entra ID sends)");
        }
        return combined;
    }

    private static CompareOp op(Token token) {
        return switch (token.getType()) {
            case ScimFilterParser.EQ -> CompareOp.EQ;
            case ScimFilterParser.NE -> CompareOp.NE;
            case ScimFilterParser.CO -> CompareOp.CO;
            case ScimFilterParser.SW -> CompareOp.SW;
            case ScimFilterParser.EW -> CompareOp.EW;
            case ScimFilterParser.GT -> CompareOp.GT;
            case ScimFilterParser.GE -> CompareOp.GE;
            case ScimFilterParser.LT -> CompareOp.LT;
            case ScimFilterParser.LE -> CompareOp.LE;
            default -> throw new IllegalStateException("not an operator token: " + token);
        };
    }

    private FilterValue value(Token token) {
        String text = token.getText();
        switch (token.getType()) {
            case ScimFilterParser.STRING:
                return FilterValue.of(unicode(JsonText.unquote(text), token));
            case ScimFilterParser.NUMBER:
                try {
                    return FilterValue.of(new BigDecimal(text));
                } catch (NumberFormatException | ArithmeticException outOfRange) {
                    throw error(token.getStartIndex(), "number out of range: " + text);
                }
            case ScimFilterParser.TRUE:
                return FilterValue.of(true);
            case ScimFilterParser.FALSE:
                return FilterValue.of(false);
            case ScimFilterParser.NULL:
                return FilterValue.NULL;
            default:
                if (lenient) {
                    return FilterValue.of(unicode(text, token));
                }
                char first = text.charAt(0);
                if ((first >= '0' && first <= '9') || first == '-') {
                    boolean leadingZero = text.matches("-?0[0-9].*");
                    throw error(token.getStartIndex(), "invalid number '" + text + "' (" + (leadingZero
                            ? "JSON numbers have no leading zeros" : "not a JSON number") + "; quote string values)");
                }
                throw error(token.getStartIndex(), "string values must be quoted: \"" + text
                        + "\" (the lenient parser accepts unquoted values)");
        }
    }

    /**
     * A string value that is Unicode text. Half of a surrogate pair (RFC 8259 §8.2) is refused: a store would replace
     * it ({@code ?} on PostgreSQL) and then match other values. It is not echoed: it cannot be written as JSON.
     */
    private String unicode(String value, Token token) {
        int half = JsonText.unpairedSurrogate(value);
        if (half >= 0) {
            throw error(token.getStartIndex(), "the string is not valid Unicode: it holds half of a surrogate pair ("
                    + JsonText.codeUnit(value.charAt(half)) + ") without the other (RFC 8259 §8.2)");
        }
        return value;
    }

    private AttributePath path(Token token) {
        return parsePath(token.getText(), token.getStartIndex());
    }

    private AttributePath parsePath(String text, int codePointStart) {
        try {
            return PathSyntax.parse(text);
        } catch (FilterParseException e) {
            throw new FilterParseException(input, Positions.charIndex(input, codePointStart) + e.position(),
                    e.reason());
        }
    }

    private void requireNoSubAttribute(AttributePath path, Token token) {
        if (path.hasSubAttribute()) {
            throw error(token.getStartIndex() + token.getText().lastIndexOf('.'),
                    "a value filter applies to an attribute, not to the sub-attribute '" + path + "'");
        }
    }

    /** RFC 7644 §3.4.2.2 puts SP between a path, its operator and its value. */
    private void requireGap(Token before, Token after) {
        if (!lenient && before.getStopIndex() + 1 == after.getStartIndex()) {
            throw error(after.getStartIndex(), "expected a space before '" + after.getText() + "'");
        }
    }

    /** RFC 7644 §3.4.2.2: {@code logExp = FILTER SP ("and" / "or") SP FILTER}. */
    private void requireSpacesAround(Token keyword) {
        if (lenient) {
            return;
        }
        int index = keyword.getTokenIndex();
        requireGap(tokens.get(index - 1), keyword);
        Token next = tokens.get(index + 1);
        if (keyword.getStopIndex() + 1 == next.getStartIndex()) {
            throw error(next.getStartIndex(), "expected a space after '" + keyword.getText() + "'");
        }
    }

    private FilterParseException error(int codePointIndex, String reason) {
        return new FilterParseException(input, Positions.charIndex(input, codePointIndex), reason);
    }
}
