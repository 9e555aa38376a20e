package org.anxin.sim.storm;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class StormPacketsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesAnMqtt311Connect() {
        byte[] connect = StormPackets.connect("d1", "pw".getBytes(StandardCharsets.UTF_8), 60, false);

        // 10, remaining 22; "MQTT", level 4, flags user+password+clean, keep-alive 60; id, user, password
        assertThat(HEX.formatHex(connect))
                .isEqualTo("1016" + "00044d515454" + "04" + "c2" + "003c" + "00026431" + "00026431" + "00027077");
    }

    @Test
    void encodesAnMqtt5ConnectWithAnEmptyPropertyList() {
        byte[] connect = StormPackets.connect("d1", "pw".getBytes(StandardCharsets.UTF_8), 60, true);

        assertThat(HEX.formatHex(connect))
                .isEqualTo(
                        "1017" + "00044d515454" + "05" + "c2" + "003c" + "00" + "00026431" + "00026431" + "00027077");
    }

    @Test
    void readsTheCodeOfAnMqtt311AndAnMqtt5ConnAckWithProperties() {
        EmbeddedChannel channel = new EmbeddedChannel(new StormPackets.Decoder());
        // 3.1.1: 20 02 00 03 (server unavailable); 5: 20 03 00 89 00 (server busy, no properties),
        // then an accepted MQTT 5 CONNACK with Maximum QoS 1 (24 01), split across two reads
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("2002000320030089002005000002")));
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("2401" + "d000")));

        assertThat((Object) channel.readInbound()).isEqualTo(new StormPackets.ConnAck(0x03));
        assertThat((Object) channel.readInbound()).isEqualTo(new StormPackets.ConnAck(0x89));
        assertThat((Object) channel.readInbound()).isEqualTo(new StormPackets.ConnAck(0x00));
        assertThat((Object) channel.readInbound()).isEqualTo(new StormPackets.Other(13));
        assertThat(channel.finish()).isFalse();
    }
}
