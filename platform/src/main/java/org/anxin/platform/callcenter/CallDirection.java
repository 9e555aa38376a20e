package org.anxin.platform.callcenter;

public enum CallDirection {
    INBOUND,
    OUTBOUND
}
