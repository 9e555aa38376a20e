package org.anxin.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TcpReplyDecoderTest {

    @Test
    void decodesTheGatewaysLkReply() {
        EmbeddedChannel channel = new EmbeddedChannel(new WatchReplyDecoder());

        channel.writeInbound(ascii("[3G*8800000001*0002*LK]"));

        assertThat((Object) channel.readInbound()).isEqualTo(new TcpReply.Watch("8800000001", "LK"));
    }

    @Test
    void waitsForTheClosingBracketOfASplitWatchReply() {
        EmbeddedChannel channel = new EmbeddedChannel(new WatchReplyDecoder());

        channel.writeInbound(ascii("[3G*8800000001*00"));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(ascii("02*LK][3G*8800000001*0002*LK]"));

        assertThat((Object) channel.readInbound()).isEqualTo(new TcpReply.Watch("8800000001", "LK"));
        assertThat((Object) channel.readInbound()).isEqualTo(new TcpReply.Watch("8800000001", "LK"));
    }

    @Test
    void refusesAWatchReplyWhoseLengthDoesNotMatch() {
        EmbeddedChannel channel = new EmbeddedChannel(new WatchReplyDecoder());

        assertThatThrownBy(() -> channel.writeInbound(ascii("[3G*8800000001*0003*LK]")))
                .isInstanceOf(DecoderException.class)
                .hasMessageContaining("length 3");
    }

    @Test
    void refusesWatchGarbage() {
        EmbeddedChannel channel = new EmbeddedChannel(new WatchReplyDecoder());

        assertThatThrownBy(() -> channel.writeInbound(ascii("HTTP/1.1 400")))
                .isInstanceOf(DecoderException.class)
                .hasMessageContaining("starts with '['");
    }

    @Test
    void decodesTheLoginAckFromTheGt06Manual() {
        EmbeddedChannel channel = new EmbeddedChannel(new Gt06AckDecoder());

        channel.writeInbound(hex("787805010001d9dc0d0a"));

        assertThat((Object) channel.readInbound()).isEqualTo(new TcpReply.Gt06Ack(0x01, 1));
    }

    @Test
    void decodesTwoGt06AcksSplitAcrossReads() {
        EmbeddedChannel channel = new EmbeddedChannel(new Gt06AckDecoder());
        String twoAcks = "787805010001d9dc0d0a" + ack(0x13, 0x0102);

        channel.writeInbound(hex(twoAcks.substring(0, 7 * 2)));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(hex(twoAcks.substring(7 * 2)));

        assertThat((Object) channel.readInbound()).isEqualTo(new TcpReply.Gt06Ack(0x01, 1));
        assertThat((Object) channel.readInbound()).isEqualTo(new TcpReply.Gt06Ack(0x13, 0x0102));
    }

    @Test
    void refusesAGt06AckWithABadCrc() {
        EmbeddedChannel channel = new EmbeddedChannel(new Gt06AckDecoder());

        assertThatThrownBy(() -> channel.writeInbound(hex("787805010001d9dd0d0a")))
                .isInstanceOf(DecoderException.class)
                .hasMessageContaining("CRC d9dd, expected d9dc");
    }

    private static String ack(int protocol, int serial) {
        byte[] ack = {0x78, 0x78, 0x05, (byte) protocol, (byte) (serial >> 8), (byte) serial, 0, 0, 0x0D, 0x0A};
        int crc = org.anxin.sim.wire.Gt06Packets.crc16x25(ack, 2, 6);
        ack[6] = (byte) (crc >> 8);
        ack[7] = (byte) crc;
        return HexFormat.of().formatHex(ack);
    }

    private static io.netty.buffer.ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    private static io.netty.buffer.ByteBuf hex(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
    }
}
