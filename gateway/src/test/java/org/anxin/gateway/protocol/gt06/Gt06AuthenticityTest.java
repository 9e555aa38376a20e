package org.anxin.gateway.protocol.gt06;

import static org.assertj.core.api.Assertions.assertThat;

import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.PipelineRig;
import org.anxin.gateway.protocol.TcpDevices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tracker known by its IMEI alone: clones and IMEI scanners against the real GT06 pipeline. */
@ExtendWith(LeakCheck.class)
class Gt06AuthenticityTest {
    private static final String UNKNOWN_LOGIN = "78780d01099999999999999900018cdd0d0a"; // IMEI 999999999999999

    private static final PipelineRig rig = PipelineRig.shared();
    private TcpDevices devices;

    @BeforeEach
    void freshGateway() {
        rig.redis().client().flushAll();
        devices = rig.tcpDevices();
    }

    @Test
    void aSecondLoginFromAnotherAddressDoesNotTakeOverALiveConnection() {
        Gt06Line tracker = new Gt06Line(rig, devices, "10.0.0.1");
        tracker.login();
        Gt06Line clone = new Gt06Line(rig, devices, "10.0.0.2");

        clone.write(Gt06Line.LOGIN);

        PipelineRig.await(() -> {
            clone.channel.runPendingTasks();
            return !clone.channel.isActive();
        });
        assertThat((Object) clone.channel.readOutbound()).isNull();
        assertThat(tracker.channel.isActive()).isTrue();
        assertThat(devices.connection("gt06", Gt06Line.IMEI)).isSameAs(tracker.channel);
        assertThat(tracker.awaitEvent("ALARM"))
                .containsEntry("vendorCode", "clone-suspected")
                .containsEntry("attrs", "{\"alarm\":\"cloneSuspected\",\"address\":\"10.0.0.2\"}");
        assertThat(rig.metrics().scrape())
                .contains("anxin_gateway_refused_total{protocol=\"gt06\",reason=\"clone_suspected\"} 1.0");
        tracker.close();
        clone.close();
    }

    @Test
    void aReconnectFromTheSameAddressTakesOver() {
        Gt06Line before = new Gt06Line(rig, devices, "10.0.0.1");
        before.login();
        Gt06Line after = new Gt06Line(rig, devices, "10.0.0.1");

        after.write(Gt06Line.LOGIN);

        assertThat(after.awaitReply()).isEqualTo(Gt06Line.LOGIN_ACK);
        assertThat(before.channel.isActive()).isFalse();
        assertThat(devices.connection("gt06", Gt06Line.IMEI)).isSameAs(after.channel);
        before.close();
        after.close();
    }

    @Test
    void anAddressThatTriedTooManyUnknownImeisIsRefusedEvenForAKnownOne() {
        new Gt06Line(rig, devices, "10.0.0.9").register();
        for (int i = 0; i < 20; i++) {
            Gt06Line scan = new Gt06Line(rig, devices, "10.0.0.9");
            scan.write(UNKNOWN_LOGIN);
            PipelineRig.await(() -> {
                scan.channel.runPendingTasks();
                return !scan.channel.isActive();
            });
            scan.close();
        }
        Gt06Line next = new Gt06Line(rig, devices, "10.0.0.9");

        next.write(Gt06Line.LOGIN);

        assertThat(next.channel.isActive()).isFalse(); // refused at once, without a look-up
        assertThat((Object) next.channel.readOutbound()).isNull();
        Gt06Line elsewhere = new Gt06Line(rig, devices, "10.0.0.10");
        elsewhere.write(Gt06Line.LOGIN);
        assertThat(elsewhere.awaitReply()).isEqualTo(Gt06Line.LOGIN_ACK);
        next.close();
        elsewhere.close();
    }
}
