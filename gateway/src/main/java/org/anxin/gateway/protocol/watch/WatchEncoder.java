package org.anxin.gateway.protocol.watch;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Replies as a watch platform sends them: {@code [3G*8800000015*0002*LK]}, echoing the index if any. */
public final class WatchEncoder {
    private WatchEncoder() {}

    public static String reply(WatchFrame to, String content) {
        String length = String.format(Locale.ROOT, "%04x", content.getBytes(StandardCharsets.US_ASCII).length);
        return to.index() == null
                ? "[" + to.manufacturer() + "*" + to.deviceId() + "*" + length + "*" + content + "]"
                : "[" + to.manufacturer() + "*" + to.deviceId() + "*" + to.index() + "*" + length + "*" + content + "]";
    }

    public static ByteBuf replyBytes(WatchFrame to, String content) {
        return Unpooled.copiedBuffer(reply(to, content), StandardCharsets.US_ASCII);
    }
}
