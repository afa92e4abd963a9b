package org.scim2j.spi.internal;

import org.scim2j.filter.And;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Comparison;
import org.scim2j.filter.Filter;
import org.scim2j.filter.Not;
import org.scim2j.filter.Or;
import org.scim2j.filter.Presence;
import org.scim2j.filter.ValuePath;

import java.util.ArrayList;
import java.util.List;

/** The attribute paths a filter names, in order (a value path as its attribute: {@code emails[...]} is emails). */
final class FilterPaths {

    private FilterPaths() {
    }

    static List<AttributePath> of(Filter filter) {
        List<AttributePath> out = new ArrayList<>();
        collect(filter, out);
        return out;
    }

    private static void collect(Filter filter, List<AttributePath> out) {
        if (filter instanceof Comparison c) {
            out.add(c.path());
        } else if (filter instanceof Presence p) {
            out.add(p.path());
        } else if (filter instanceof ValuePath v) {
            // the inner filter's paths are sub-attributes of v.attribute()
            out.add(v.attribute());
        } else if (filter instanceof Not n) {
            collect(n.filter(), out);
        } else if (filter instanceof And a) {
            a.operands().forEach(o -> collect(o, out));
        } else if (filter instanceof Or o) {
            o.operands().forEach(x -> collect(x, out));
        }
    }
}
