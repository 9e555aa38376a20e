package org.anxin.gateway.protocol.gt06;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** The server's acknowledgement: {@code 78 78 05 PN SERIAL CRC 0D 0A}, e.g. login → {@code 787805010001d9dc0d0a}. */
public final class Gt06Encoder {
    private Gt06Encoder() {}

    static byte[] ack(int protocol, int serial) {
        byte[] ack = {0x78, 0x78, 0x05, (byte) protocol, (byte) (serial >> 8), (byte) serial, 0, 0, 0x0D, 0x0A};
        int crc = Gt06Crc.of(ack, 2, 6);
        ack[6] = (byte) (crc >> 8);
        ack[7] = (byte) crc;
        return ack;
    }

    static ByteBuf ackBytes(Gt06Frame frame) {
        return Unpooled.wrappedBuffer(ack(frame.protocol(), frame.serial()));
    }
}
