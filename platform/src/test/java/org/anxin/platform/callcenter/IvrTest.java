package org.anxin.platform.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class IvrTest {
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private final Ivr ivr = new Ivr("https://anxin.example");

    @Test
    void withRecordingOnTheCallerHearsTheNoticeBeforeTheMenu() {
        assertThat(ivr.greeting(7, true, false))
                .isEqualTo(XML + "<Response><Say language=\"zh-CN\">您好，这里是12349养老服务热线。</Say>"
                        + "<Say language=\"zh-CN\">为了保证服务质量，本次通话将被录音。</Say>"
                        + "<Gather action=\"https://anxin.example/twilio/inbound/7/menu\" actionOnEmptyResult=\"true\""
                        + " input=\"dtmf\" method=\"POST\" numDigits=\"1\" timeout=\"6\">"
                        + "<Say language=\"zh-CN\">紧急求助请按1，预约上门服务请按2，政策和补贴咨询请按3，人工服务请按0。</Say>"
                        + "</Gather></Response>");
    }

    @Test
    void withRecordingOnTheAnsweredCallIsRecordedFromAnswerWithACallback() {
        assertThat(ivr.ring(7, null, List.of(new Duty.Agent("op", "+8613700000001")), 20, true))
                .isEqualTo(XML + "<Response><Dial action=\"https://anxin.example/twilio/inbound/7/dialed\""
                        + " answerOnBridge=\"true\" method=\"POST\" record=\"record-from-answer-dual\""
                        + " recordingStatusCallback=\"https://anxin.example/twilio/calls/recording\""
                        + " recordingStatusCallbackMethod=\"POST\" timeout=\"20\">"
                        + "<Number method=\"POST\" url=\"https://anxin.example/twilio/inbound/7/answered?operator=op\">"
                        + "+8613700000001</Number></Dial></Response>");
    }

    @Test
    void afterHoursTheMenuOffersOnlyEmergencies() {
        assertThat(ivr.greeting(8, false, true)).contains("<Say language=\"zh-CN\">" + Ivr.AFTER_HOURS + "</Say>");
    }

    @Test
    void supervisorsRingTogetherInOneDial() {
        String twiml = ivr.ring(
                9, null, List.of(new Duty.Agent("s1", "13600000001"), new Duty.Agent("s2", "13600000002")), 20, false);

        assertThat(twiml).containsOnlyOnce("<Dial ");
        assertThat(twiml).contains("operator=s1\">13600000001</Number><Number");
        assertThat(twiml).contains("operator=s2\">13600000002</Number></Dial>");
    }

    @Test
    void serviceHoursOverMidnightAndAlwaysOpen() {
        CallCenterProperties always = properties(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        CallCenterProperties day = properties(LocalTime.of(8, 0), LocalTime.of(20, 0));
        CallCenterProperties night = properties(LocalTime.of(20, 0), LocalTime.of(8, 0));

        assertThat(always.open(LocalTime.of(3, 0))).isTrue();
        assertThat(day.open(LocalTime.of(8, 0))).isTrue();
        assertThat(day.open(LocalTime.of(20, 0))).isFalse();
        assertThat(night.open(LocalTime.of(23, 0))).isTrue();
        assertThat(night.open(LocalTime.of(7, 59))).isTrue();
        assertThat(night.open(LocalTime.of(12, 0))).isFalse();
    }

    private static CallCenterProperties properties(LocalTime start, LocalTime end) {
        Duration d = Duration.ofMinutes(1);
        return new CallCenterProperties(false, d, d, d, start, end, d, d, d, d, 1, 1000);
    }
}
