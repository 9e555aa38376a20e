package org.anxin.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The expected bytes are written by hand from the OASIS MQTT 3.1.1 standard: 2.2 fixed header,
 * 2.2.3 remaining length, 1.5.3 strings, 3.1 CONNECT (3.1.2.1 protocol name "MQTT", 3.1.2.2 level
 * 4, 3.1.2.3 flags: 0x80 user name, 0x40 password, 0x02 clean session, 3.1.2.10 keep-alive),
 * 3.3 PUBLISH (3.3.1 QoS in bits 2–1, 3.3.2 topic then packet id), 3.12 PINGREQ, 3.14 DISCONNECT.
 */
class MqttPacketsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesConnectWithoutCredentials() {
        byte[] connect = MqttPackets.connect("load-1", null, 60);

        // 10 | rl 18 | 0004 "MQTT" | level 4 | flags clean session | keep-alive 60 | 0006 "load-1"
        assertThat(HEX.formatHex(connect))
                .isEqualTo("1012" + "00044d515454" + "04" + "02" + "003c" + "00066c6f61642d31");
    }

    @Test
    void encodesConnectWithUserNameAndPassword() {
        byte[] connect = MqttPackets.connect("load-1", "s3cret".getBytes(StandardCharsets.UTF_8), 60);

        // flags c2 = user name + password + clean session; payload: client id, user name, password
        assertThat(HEX.formatHex(connect))
                .isEqualTo("1022" + "00044d515454" + "04" + "c2" + "003c" + "00066c6f61642d31" + "00066c6f61642d31"
                        + "0006733363726574");
    }

    @Test
    void encodesPublishAtQos0WithoutPacketId() {
        PublishTemplate publish = MqttPackets.publish("a/b", "hi".getBytes(StandardCharsets.UTF_8), 0);

        assertThat(hex(publish.encode(UnpooledByteBufAllocator.DEFAULT, 0))).isEqualTo("3007" + "0003612f62" + "6869");
        assertThat(publish.packetIdOffset()).isEqualTo(-1);
    }

    @Test
    void encodesPublishAtQos1WithItsPacketId() {
        PublishTemplate publish = MqttPackets.publish("a/b", "hi".getBytes(StandardCharsets.UTF_8), 1);

        assertThat(hex(publish.encode(UnpooledByteBufAllocator.DEFAULT, 10)))
                .isEqualTo("3209" + "0003612f62" + "000a" + "6869");
        assertThat(hex(publish.encode(UnpooledByteBufAllocator.DEFAULT, 0x8000)))
                .isEqualTo("3209" + "0003612f62" + "8000" + "6869");
    }

    @Test
    void encodesTheLoadEventWithOneByteOfRemainingLength() {
        PublishTemplate publish = MqttPackets.publish("anxin/v1/devices/load-1/events", LoadRun.PAYLOAD, 1);

        // 2 + 30 topic bytes + 2 packet id + 57 payload bytes = 91 = 0x5b
        assertThat(LoadRun.PAYLOAD).hasSize(57);
        assertThat(HEX.formatHex(publish.bytes(), 0, 4)).isEqualTo("325b001e");
        assertThat(publish.packetIdOffset()).isEqualTo(2 + 2 + 30);
    }

    @Test
    void encodesPingreqAndDisconnect() {
        assertThat(HEX.formatHex(MqttPackets.PINGREQ)).isEqualTo("c000");
        assertThat(HEX.formatHex(MqttPackets.DISCONNECT)).isEqualTo("e000");
    }

    @Test
    void encodesRemainingLengthsAtTheBoundariesOfSection223() {
        assertThat(remainingLength(0)).isEqualTo("00");
        assertThat(remainingLength(127)).isEqualTo("7f");
        assertThat(remainingLength(128)).isEqualTo("8001");
        assertThat(remainingLength(16_383)).isEqualTo("ff7f");
        assertThat(remainingLength(16_384)).isEqualTo("808001");
        assertThat(remainingLength(2_097_152)).isEqualTo("80808001");
        assertThat(remainingLength(268_435_455)).isEqualTo("ffffff7f");
    }

    @Test
    void refusesQos2() {
        assertThatThrownBy(() -> MqttPackets.publish("a/b", new byte[0], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QoS must be 0 or 1");
    }

    private static String remainingLength(int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MqttPackets.writeRemainingLength(out, length);
        return HEX.formatHex(out.toByteArray());
    }

    private static String hex(ByteBuf buf) {
        try {
            return ByteBufUtil.hexDump(buf);
        } finally {
            buf.release();
        }
    }
}
