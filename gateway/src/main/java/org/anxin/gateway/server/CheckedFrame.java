package org.anxin.gateway.server;

/** A decoded frame that carries a checksum, accepted even when the checksum was wrong. */
public interface CheckedFrame {
    /** False when the device's checksum did not match (clone firmware computes it wrongly). */
    boolean checksumValid();
}
