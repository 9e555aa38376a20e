package org.anxin.gateway.server;

/**
 * Bytes a decoder skipped to find the next frame on a connection that already sent a good one
 * (garbage between frames, a length that lies): counted as a decode error by the {@link FrameMeter},
 * which drops it, so the connection goes on and the next valid frame is still handled.
 */
public record SkippedInput(int bytes, String reason) {}
