package org.anxin.platform.callcenter;

/**
 * Who a call is from (or to), as the lookup by number found them.
 *
 * @param name the caller's own name, if known
 * @param seniorId the senior the call is about: the caller, or whose family they are
 * @param relation for family, how they relate to the senior ("女儿"), if known
 * @param seniorName the senior's name, for "family of …"
 */
record Caller(CallerKind kind, String name, Long seniorId, String relation, String seniorName) {
    static final Caller UNKNOWN = new Caller(CallerKind.UNKNOWN, null, null, null, null);

    /** What the operator hears and reads first: "王秀英（老人）", "李娜（王秀英的女儿）". */
    String describe() {
        return switch (kind) {
            case SENIOR -> name + "（老人）";
            case FAMILY -> (name == null ? "" : name) + "（" + seniorName + "的" + (relation == null ? "家属" : relation)
                    + "）";
            case RESPONDER -> name + "（响应人员）";
            case STAFF -> name + "（工作人员）";
            case UNKNOWN -> "未知来电";
        };
    }
}
