package org.anxin.sim.load;

/** What a watch or GT06 load device understands from the server. */
sealed interface TcpReply {

    /** A "3G" watch reply, {@code [3G*8800000001*0002*LK]}: the watch id and the content ({@code LK}). */
    record Watch(String deviceId, String content) implements TcpReply {}

    /** A GT06 acknowledgement, {@code 78 78 05 PN SERIAL CRC 0D 0A}: the protocol number and serial it answers. */
    record Gt06Ack(int protocol, int serial) implements TcpReply {}
}
