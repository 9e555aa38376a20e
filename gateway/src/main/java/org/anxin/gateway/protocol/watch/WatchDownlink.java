package org.anxin.gateway.protocol.watch;

import io.netty.channel.Channel;
import org.anxin.gateway.command.Command;
import org.anxin.gateway.command.Downlink;
import org.anxin.gateway.protocol.TcpDevices;

/** Commands to watches, framed like the watch's own frames (same maker code and index form). */
public final class WatchDownlink implements Downlink {
    private final TcpDevices devices;

    public WatchDownlink(TcpDevices devices) {
        this.devices = devices;
    }

    @Override
    public Channel connection(String deviceId) {
        return devices.connection("watch", deviceId);
    }

    @Override
    public Encoded encode(Channel channel, Command command) {
        WatchFrame last = channel.attr(WatchHandler.LAST_FRAME).get();
        if (last == null) {
            throw new IllegalStateException("the watch has not identified itself on this connection yet");
        }
        String content = WatchCommands.content(command);
        return new Encoded(WatchEncoder.replyBytes(last, content), WatchCommands.keyword(content));
    }
}
