package org.anxin.platform.callcenter;

/** The caller's key in the 12349 menu. */
public enum IvrChoice {
    /** 1: emergency help; a known senior raises PHONE_SOS at once; the caller goes to the head of the queue */
    EMERGENCY("1", 1),
    /** 2: book a home service */
    HOME_SERVICE("2", 3),
    /** 3: policy and subsidy questions */
    POLICY("3", 3),
    /** 0, no key, or any other key: an operator */
    OPERATOR("0", 3);

    final String key;
    /** queue priority: 1 before 3 */
    final int priority;

    IvrChoice(String key, int priority) {
        this.key = key;
        this.priority = priority;
    }

    static IvrChoice of(String digits) {
        for (IvrChoice choice : values()) {
            if (choice.key.equals(digits)) {
                return choice;
            }
        }
        return OPERATOR;
    }
}
