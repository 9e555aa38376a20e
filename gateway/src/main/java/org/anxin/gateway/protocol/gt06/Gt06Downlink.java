package org.anxin.gateway.protocol.gt06;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.anxin.gateway.command.Command;
import org.anxin.gateway.command.Downlink;
import org.anxin.gateway.protocol.TcpDevices;

/** Commands to GT06 trackers as online-command packets; the command id is the server flag. */
public final class Gt06Downlink implements Downlink {
    private static final AttributeKey<Integer> SERIAL = AttributeKey.valueOf("anxin.gt06CommandSerial");

    private final TcpDevices devices;

    public Gt06Downlink(TcpDevices devices) {
        this.devices = devices;
    }

    @Override
    public Channel connection(String deviceId) {
        return devices.connection("gt06", deviceId);
    }

    @Override
    public Encoded encode(Channel channel, Command command) {
        String content = Gt06Commands.content(command);
        Integer last = channel.attr(SERIAL).get();
        int serial = last == null ? 1 : last % 0xFFFF + 1;
        channel.attr(SERIAL).set(serial);
        int flag = (int) command.id();
        return new Encoded(Gt06Commands.packetBytes(flag, content, serial), flag);
    }
}
