package org.anxin.gateway.protocol.watch;

/**
 * One "3G" watch frame, {@code [MF*ID*LEN*CONTENT]} or, from watches that number their frames,
 * {@code [MF*ID*INDEX*LEN*CONTENT]}; content already unescaped.
 *
 * @param index null for the variant without an index
 * @param type the content up to the first comma: LK, UD, AL, TKQ, …
 * @param body the content after the first comma, or "" when there is none
 * @param text the whole frame as received, for the audit trail
 */
public record WatchFrame(String manufacturer, String deviceId, String index, String type, String body, String text) {}
