package org.anxin.sim.load;

/** What went wrong, counted per kind; the JSON names them in camel case. */
enum LoadError {
    /** TCP connect refused: nothing listening, or the listen backlog overflowed. */
    CONNECT_REFUSED("connectRefused"),
    /** TCP connect not done within 10 s. */
    CONNECT_TIMEOUT("connectTimeout"),
    /** Any other connect failure, e.g. no ephemeral port left on a source address. */
    CONNECT_FAILED("connectFailed"),
    /** CONNACK with a non-zero return code. */
    CONNACK_REFUSED("connackRefused"),
    /** No CONNACK within 10 s of CONNECT. */
    CONNACK_TIMEOUT("connackTimeout"),
    /** The broker closed (or reset) a connection we did not close. */
    CLOSED("closed"),
    /** A QoS 1 message still without PUBACK when the run stopped waiting (or its connection closed). */
    ACK_TIMEOUT("ackTimeout"),
    /** Nothing read for 1.5 × keep-alive. */
    PING_TIMEOUT("pingTimeout"),
    /** A packet a publisher never expects, a PUBACK for no message in flight, or garbage. */
    PROTOCOL("protocol");

    private final String jsonName;

    LoadError(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }
}
