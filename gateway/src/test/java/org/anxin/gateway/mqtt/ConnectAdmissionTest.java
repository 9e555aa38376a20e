package org.anxin.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anxin.gateway.PipelineRig;
import org.anxin.gateway.forward.DeviceDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * The admission logic on a real Redis, its batch run on the test thread ({@code decideQueued}):
 * the bound, the busy answers' codes, one decision per device out of one batch, dropped CONNECTs
 * of clients that hung up, and a Redis that does not answer.
 */
class ConnectAdmissionTest {
    private static final PipelineRig rig = PipelineRig.shared();
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();

    @BeforeEach
    void registry() {
        rig.redis().client().flushAll();
        rig.redis().register("btn-1", "mqtt", "s1");
        rig.redis().register("btn-2", "mqtt", "s2");
        rig.redis().register("watch-3", "watch", "s3");
    }

    @AfterEach
    void close() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    @Test
    void admitsUpToTheBoundThenRefusesUntilABatchIsDecided() {
        ConnectAdmission admission = new ConnectAdmission(rig.directory(), 2, 256);

        assertThat(admission.offer(request("btn-1", "s1", 4))).isTrue();
        assertThat(admission.offer(request("btn-2", "s2", 5))).isTrue();
        assertThat(admission.offer(request("btn-1", "s1", 4))).isFalse();
        assertThat(admission.pending()).isEqualTo(2);

        assertThat(admission.decideQueued()).isEqualTo(2);

        assertThat(answers).containsExactly("btn-1 CONNECTION_ACCEPTED", "btn-2 CONNECTION_ACCEPTED");
        assertThat(admission.pending()).isZero();
        assertThat(admission.offer(request("btn-1", "s1", 4))).isTrue();
    }

    @Test
    void decidesEachCONNECTOfABatchOnItsOwnMerits() {
        ConnectAdmission admission = new ConnectAdmission(rig.directory(), 100, 256);
        admission.offer(request("btn-1", "s1", 5));
        admission.offer(request("btn-2", "wrong", 5));
        admission.offer(request("btn-404", "s1", 4));
        admission.offer(request("watch-3", "s3", 4));
        admission.offer(connect("btn-1", "btn-other", "s1", 5)); // user name is not the client id
        admission.offer(request("btn-1", "s1", 4)); // the same device twice in one batch

        assertThat(admission.decideQueued()).isEqualTo(6);

        assertThat(answers)
                .containsExactly(
                        "btn-1 CONNECTION_REFUSED_NOT_AUTHORIZED_5", // the malformed one, answered without a look-up
                        "btn-1 CONNECTION_ACCEPTED",
                        "btn-2 CONNECTION_REFUSED_NOT_AUTHORIZED_5",
                        "btn-404 CONNECTION_REFUSED_NOT_AUTHORIZED",
                        "watch-3 CONNECTION_REFUSED_NOT_AUTHORIZED",
                        "btn-1 CONNECTION_ACCEPTED");
    }

    @Test
    void decidesAtMostOneBatchAtATime() {
        ConnectAdmission admission = new ConnectAdmission(rig.directory(), 100, 2);
        for (int i = 0; i < 5; i++) {
            admission.offer(request("btn-1", "s1", 4));
        }

        assertThat(admission.decideQueued()).isEqualTo(2);
        assertThat(admission.pending()).isEqualTo(3);
        assertThat(admission.decideQueued()).isEqualTo(2);
        assertThat(admission.decideQueued()).isEqualTo(1);
        assertThat(answers).hasSize(5);
    }

    @Test
    void dropsTheCONNECTOfAClientThatHungUpWhileItWaited() {
        ConnectAdmission admission = new ConnectAdmission(rig.directory(), 100, 256);
        ConnectAdmission.Request gone = request("btn-1", "s1", 4);
        admission.offer(gone);
        admission.offer(request("btn-2", "s2", 4));
        gone.channel().close();

        assertThat(admission.decideQueued()).isEqualTo(2);

        assertThat(answers).containsExactly("btn-2 CONNECTION_ACCEPTED");
        assertThat(admission.pending()).isZero();
    }

    @Test
    void answersEveryCONNECTOfTheBatchServerUnavailableWhenRedisDoesNotAnswer() throws IOException {
        int nothingThere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingThere = socket.getLocalPort();
        }
        try (JedisPooled unreachable = new JedisPooled(new HostAndPort("127.0.0.1", nothingThere))) {
            ConnectAdmission admission =
                    new ConnectAdmission(new DeviceDirectory(unreachable, Duration.ofSeconds(10)), 10, 256);
            admission.offer(request("btn-1", "s1", 5));
            admission.offer(request("btn-2", "s2", 4));

            admission.decideQueued();
        }

        assertThat(answers)
                .containsExactly(
                        "btn-1 CONNECTION_REFUSED_SERVER_UNAVAILABLE_5", "btn-2 CONNECTION_REFUSED_SERVER_UNAVAILABLE");
    }

    @Test
    void busyIsServerBusyForMqtt5AndServerUnavailableForMqtt311() {
        assertThat(ConnectDecision.busy(true).code()).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_BUSY);
        assertThat(ConnectDecision.busy(true).code().byteValue()).isEqualTo((byte) 0x89);
        assertThat(ConnectDecision.busy(false).code().byteValue()).isEqualTo((byte) 0x03);
        assertThat(ConnectDecision.busy(false).refusal()).isEqualTo("server_busy");
        assertThat(ConnectDecision.busy(false).accepted()).isFalse();
    }

    @Test
    void refusesABoundOrBatchBelowOne() {
        assertThatThrownBy(() -> new ConnectAdmission(rig.directory(), 0, 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectAdmission(rig.directory(), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ConnectAdmission.Request request(String id, String secret, int version) {
        return connect(id, id, secret, version);
    }

    private ConnectAdmission.Request connect(String id, String user, String secret, int version) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channels.add(channel);
        MqttConnectMessage connect = MqttMessageBuilders.connect()
                .clientId(id)
                .username(user)
                .password(secret.getBytes(StandardCharsets.UTF_8))
                .protocolVersion(version == 5 ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1)
                .build();
        return new ConnectAdmission.Request(
                connect,
                channel,
                decision -> answers.add(id + " " + decision.code().name()));
    }
}
