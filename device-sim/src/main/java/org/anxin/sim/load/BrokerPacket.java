package org.anxin.sim.load;

/** What a load device understands from a broker; anything else is {@link Unexpected}. */
sealed interface BrokerPacket {

    /** 3.2 CONNACK; return code 0 is "accepted". */
    record ConnAck(boolean sessionPresent, int returnCode) implements BrokerPacket {}

    /** 3.4 PUBACK. */
    record PubAck(int packetId) implements BrokerPacket {}

    /** 3.13 PINGRESP. */
    record PingResp() implements BrokerPacket {}

    /** A well-framed packet a publishing client does not expect, by its type (bits 7–4). */
    record Unexpected(int type, int remainingLength) implements BrokerPacket {}
}
