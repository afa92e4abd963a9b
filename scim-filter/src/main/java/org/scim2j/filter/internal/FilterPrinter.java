package org.scim2j.filter.internal;

import org.scim2j.filter.And;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.filter.JsonText;
import org.scim2j.filter.Not;
import org.scim2j.filter.Or;
import org.scim2j.filter.Presence;
import org.scim2j.filter.ValuePath;

/**
 * Prints canonical filter text: lower-case operators and keywords, single spaces, JSON values, and parentheses
 * exactly where the tree's grouping differs from what precedence ({@code not} > {@code and} > {@code or}) gives.
 */
public final class FilterPrinter {

    private FilterPrinter() {
    }

    /** The canonical text of {@code filter}. */
    public static String print(Filter filter) {
        StringBuilder out = new StringBuilder(64);
        print(filter, out);
        return out.toString();
    }

    /** Appends the canonical text of {@code filter}. */
    public static void print(Filter filter, StringBuilder out) {
        if (filter instanceof Comparison c) {
            out.append(c.path()).append(' ').append(c.op().token()).append(' ');
            value(c.value(), out);
        } else if (filter instanceof Presence p) {
            out.append(p.path()).append(" pr");
        } else if (filter instanceof And and) {
            join(and.operands(), " and ", true, out);
        } else if (filter instanceof Or or) {
            join(or.operands(), " or ", false, out);
        } else if (filter instanceof Not not) {
            out.append("not (");
            print(not.filter(), out);
            out.append(')');
        } else if (filter instanceof ValuePath vp) {
            out.append(vp.attribute()).append('[');
            print(vp.filter(), out);
            out.append(']');
        } else {
            throw new IllegalStateException("unknown filter node " + filter.getClass());
        }
    }

    /** Whether any node of {@code filter} is a {@link ValuePath}. */
    public static boolean containsValuePath(Filter filter) {
        if (filter instanceof ValuePath) {
            return true;
        }
        if (filter instanceof And and) {
            return anyContainsValuePath(and.operands());
        }
        if (filter instanceof Or or) {
            return anyContainsValuePath(or.operands());
        }
        if (filter instanceof Not not) {
            return containsValuePath(not.filter());
        }
        return false;
    }

    private static boolean anyContainsValuePath(java.util.List<Filter> operands) {
        for (Filter operand : operands) {
            if (containsValuePath(operand)) {
                return true;
            }
        }
        return false;
    }

    private static void join(java.util.List<Filter> operands, String keyword, boolean inAnd, StringBuilder out) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(keyword);
            }
            Filter operand = operands.get(i);
            // A nested chain of the same kind, or an "or" under an "and", only exists if the text grouped it.
            boolean parenthesise = operand instanceof Or || (inAnd && operand instanceof And);
            if (parenthesise) {
                out.append('(');
            }
            print(operand, out);
            if (parenthesise) {
                out.append(')');
            }
        }
    }

    private static void value(FilterValue value, StringBuilder out) {
        if (value instanceof FilterValue.StringValue s) {
            JsonText.quote(s.value(), out);
        } else {
            out.append(value);
        }
    }
}
