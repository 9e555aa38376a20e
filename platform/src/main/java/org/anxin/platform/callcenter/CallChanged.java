package org.anxin.platform.callcenter;

/** A call's record changed; after the commit every console gets it (the screen pop). */
record CallChanged(long callId) {}
