package org.anxin.sim.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A whole PUBLISH packet encoded once per device; a QoS 1 message differs only in its packet id.
 *
 * @param packetIdOffset where the two packet id bytes go, or -1 at QoS 0
 */
record PublishTemplate(byte[] bytes, int packetIdOffset) {

    ByteBuf encode(ByteBufAllocator allocator, int packetId) {
        ByteBuf buf = allocator.ioBuffer(bytes.length);
        buf.writeBytes(bytes);
        if (packetIdOffset >= 0) {
            buf.setShort(packetIdOffset, packetId);
        }
        return buf;
    }
}
