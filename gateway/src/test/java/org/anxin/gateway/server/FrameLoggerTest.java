package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FrameLoggerTest {
    private static final String SECRET = ascii("s3cret");

    /** CONNECT, MQTT 3.1.1, client id = username = btn-0001, password s3cret (as MqttPipelineTest). */
    private static final String CONNECT = "1026" + "0004" + ascii("MQTT") + "04c2003c" + "0008" + ascii("btn-0001")
            + "0008" + ascii("btn-0001") + "0006" + SECRET;

    /** The same as MQTT 5, with an empty property block. */
    private static final String CONNECT_V5 = "1027" + "0004" + ascii("MQTT") + "05c2003c00" + "0008" + ascii("btn-0001")
            + "0008" + ascii("btn-0001") + "0006" + SECRET;

    @Test
    void masksAWatchPasswordCommandAndKeepsTheFrame() {
        String pw = "[3G*8800000015*0009*PW,482913]";

        String logged = FrameLogger.WATCH.written(bytes(ascii(pw)));

        assertThat(logged)
                .doesNotContain(ascii("482913"))
                .isEqualTo(ascii("[3G*8800000015*0009*PW,") + "**".repeat(6) + ascii("]"));
        assertThat(FrameLogger.WATCH.written(bytes(ascii("[3G*8800000015*0002*CR]"))))
                .isEqualTo(ascii("[3G*8800000015*0002*CR]"));
    }

    @Test
    void masksTheMqttPasswordAndKeepsTheRest() {
        String logged = FrameLogger.MQTT.hex(bytes(CONNECT));

        assertThat(logged).doesNotContain(SECRET).isEqualTo(CONNECT.replace(SECRET, "**".repeat(6)));
    }

    @Test
    void masksTheMqtt5Password() {
        assertThat(FrameLogger.MQTT.hex(bytes(CONNECT_V5)))
                .doesNotContain(SECRET)
                .endsWith("0006" + "**".repeat(6));
    }

    @Test
    void showsOnlyTheStartOfAConnectCutShort() {
        String logged = FrameLogger.MQTT.hex(bytes(CONNECT.substring(0, CONNECT.length() - 4)));

        assertThat(logged).doesNotContain(ascii("s3cr")).contains("rest not shown");
    }

    @Test
    void showsOtherPacketsAndTcpFramesWhole() {
        assertThat(FrameLogger.MQTT.hex(bytes("c000"))).isEqualTo("c000");
        assertThat(FrameLogger.INSTANCE.hex(bytes("78780d01"))).isEqualTo("78780d01");
    }

    private static ByteBuf bytes(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
    }

    private static String ascii(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
    }
}
