package org.anxin.platform.system;

import java.util.Collection;
import java.util.List;

/**
 * The seniors a figure counts: every senior of the city, or those with the given ids (the seniors
 * of some communities, looked up once by the senior module). Each module turns it into one SQL
 * condition on its own {@code senior_id} column, so a figure stays one query over its own table.
 */
public record SeniorScope(boolean everyone, List<Long> ids) {

    public static SeniorScope wholeCity() {
        return new SeniorScope(true, List.of());
    }

    public static SeniorScope of(Collection<Long> ids) {
        return new SeniorScope(false, List.copyOf(ids));
    }

    /** The condition on {@code column}; its two parameters come from {@link #params()}. */
    public String where(String column) {
        return "(?::boolean or " + column + " = any(?::bigint[]))";
    }

    /** {@code leading} parameters of a query, then those of {@link #where}. */
    public List<Object> paramsAfter(Object... leading) {
        List<Object> all = new java.util.ArrayList<>(List.of(leading));
        all.addAll(List.of(params()));
        return all;
    }

    /** The parameters of {@link #where}: whether everyone counts, then the ids. */
    public Object[] params() {
        return new Object[] {everyone, ids.toArray(Long[]::new)};
    }
}
