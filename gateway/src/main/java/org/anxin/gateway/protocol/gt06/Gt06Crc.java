package org.anxin.gateway.protocol.gt06;

/** CRC-16/X.25 (reflected 0x1021, init and final XOR 0xFFFF), as the GT06 manual specifies. */
final class Gt06Crc {
    private Gt06Crc() {}

    static int of(byte[] bytes, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }
}
