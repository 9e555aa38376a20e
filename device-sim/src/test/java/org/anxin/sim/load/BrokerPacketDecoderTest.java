package org.anxin.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Broker → client bytes as MQTT 3.1.1 puts them on the wire (3.2 CONNACK, 3.4 PUBACK, 3.13 PINGRESP). */
class BrokerPacketDecoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new BrokerPacketDecoder());

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void decodesAnAcceptingConnack() {
        write("20020000");

        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.ConnAck(false, 0));
    }

    @Test
    void decodesARefusingConnackWithSessionPresent() {
        write("20020105");

        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.ConnAck(true, 5));
    }

    @Test
    void decodesAPuback() {
        write("4002ff07");

        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.PubAck(0xff07));
    }

    @Test
    void decodesAPingresp() {
        write("d000");

        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.PingResp());
    }

    @Test
    void waitsForAPubackSplitOverThreeReads() {
        write("40");
        write("0200");
        assertThat((Object) channel.readInbound()).isNull();

        write("07");

        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.PubAck(7));
    }

    @Test
    void splitsConnackAndTwoPubacksArrivingInOneRead() {
        write("20020000" + "40020001" + "40020002");

        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.ConnAck(false, 0));
        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.PubAck(1));
        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.PubAck(2));
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void keepsTheRestOfACoalescedReadForLater() {
        write("40020001" + "4002");

        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.PubAck(1));
        assertThat((Object) channel.readInbound()).isNull();

        write("0003");

        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.PubAck(3));
    }

    @Test
    void passesOnAnUnexpectedPacketWithAMultiByteLength() {
        // a PUBLISH of 130 bytes: remaining length 0x82 0x01
        write("3082 01".replace(" ", "") + "00".repeat(130));

        assertThat((Object) channel.readInbound()).isEqualTo(new BrokerPacket.Unexpected(3, 130));
    }

    @Test
    void refusesAPubackOfTheWrongLength() {
        assertThatThrownBy(() -> write("4003000100"))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("PUBACK with remaining length 3");
    }

    @Test
    void refusesARemainingLengthOfFiveBytes() {
        assertThatThrownBy(() -> write("40ffffffff01"))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("longer than 4 bytes");
    }

    @Test
    void refusesAPacketLargerThanAnyBrokerSendsAPublisher() {
        assertThatThrownBy(() -> write("30ffffff7f"))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("packet of 268435455 bytes");
    }

    private void write(String hex) {
        channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex)));
    }
}
