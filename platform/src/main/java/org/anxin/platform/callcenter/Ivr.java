package org.anxin.platform.callcenter;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What the 12349 line says and does, as TwiML from the Twilio SDK's builders. Pure: every
 * decision is made by the caller of these methods; each method is one answer to Twilio.
 */
final class Ivr {
    static final String GREETING = "您好，这里是12349养老服务热线。";
    static final String RECORDING_NOTICE = "为了保证服务质量，本次通话将被录音。";
    static final String MENU = "紧急求助请按1，预约上门服务请按2，政策和补贴咨询请按3，人工服务请按0。";
    static final String AFTER_HOURS = "现在是非服务时间。紧急求助请按1；其他事项，我们将在服务时间内给您回电。";
    static final String EMERGENCY_RAISED = "已为您发起紧急求助，正在为您优先转接值班员。";
    static final String EMERGENCY = "正在为您优先转接值班员。";
    static final String CONNECTING = "正在为您转接，请稍候。";
    static final String WAIT = "坐席正忙，您前面还有%d位，请稍候。";
    static final String GIVE_UP = "很抱歉，暂时无人接听。我们已记录您的来电，会尽快给您回电。再见。";
    static final String GIVE_UP_EMERGENCY = "值班台已收到您的紧急求助，会马上给您回电，请保持电话畅通。";
    static final String AFTER_HOURS_BYE = "已记录您的来电，我们将在服务时间内给您回电。再见。";
    static final String WHISPER = "12349来电：%s。";
    static final int MENU_SECONDS = 6;
    static final int HOLD_SECONDS = 10;

    private final String base;

    /** @param base the platform's address as Twilio reaches it */
    Ivr(String base) {
        this.base = base;
    }

    /** The first answer: greeting, recording notice if on, and the menu (no key: the operator). */
    String greeting(long callId, boolean recording, boolean afterHours) {
        VoiceResponse.Builder response = new VoiceResponse.Builder().say(say(GREETING));
        if (recording) {
            response.say(say(RECORDING_NOTICE));
        }
        Gather gather = new Gather.Builder()
                .inputs(Gather.Input.DTMF)
                .numDigits(1)
                .timeout(MENU_SECONDS)
                .actionOnEmptyResult(true)
                .action(url(callId, "menu"))
                .method(HttpMethod.POST)
                .say(say(afterHours ? AFTER_HOURS : MENU))
                .build();
        return response.gather(gather).build().toXml();
    }

    /** Rings these phones (one operator, or the supervisors together) for at most {@code ringSeconds}. */
    String ring(long callId, String prompt, List<Duty.Agent> agents, int ringSeconds, boolean recording) {
        Dial.Builder dial = new Dial.Builder()
                .timeout(ringSeconds)
                .answerOnBridge(true)
                .action(url(callId, "dialed"))
                .method(HttpMethod.POST);
        if (recording) {
            dial.record(Dial.Record.RECORD_FROM_ANSWER_DUAL)
                    .recordingStatusCallback(base + "/twilio/calls/recording")
                    .recordingStatusCallbackMethod(HttpMethod.POST);
        }
        for (Duty.Agent agent : agents) {
            dial.number(new Number.Builder(agent.phone())
                    .url(url(callId, "answered") + "?operator="
                            + URLEncoder.encode(agent.username(), StandardCharsets.UTF_8))
                    .method(HttpMethod.POST)
                    .build());
        }
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        if (prompt != null) {
            response.say(say(prompt));
        }
        return response.dial(dial.build()).build().toXml();
    }

    /** Holds the caller (their place in the queue), then asks again. */
    String hold(long callId, String prompt, int ahead) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        if (prompt != null) {
            response.say(say(prompt));
        }
        return response.say(say(String.format(Locale.ROOT, WAIT, ahead)))
                .pause(new Pause.Builder().length(HOLD_SECONDS).build())
                .redirect(new Redirect.Builder(url(callId, "wait"))
                        .method(HttpMethod.POST)
                        .build())
                .build()
                .toXml();
    }

    /** Says a last word and hangs up: never a silent drop. */
    String goodbye(String text) {
        return new VoiceResponse.Builder()
                .say(say(text))
                .hangup(new Hangup.Builder().build())
                .build()
                .toXml();
    }

    /** What the operator hears on picking up, before the caller is put through. */
    String whisper(String who) {
        return new VoiceResponse.Builder()
                .say(say(String.format(Locale.ROOT, WHISPER, who)))
                .build()
                .toXml();
    }

    String hangup() {
        return new VoiceResponse.Builder()
                .hangup(new Hangup.Builder().build())
                .build()
                .toXml();
    }

    private String url(long callId, String step) {
        return base + "/twilio/inbound/" + callId + "/" + step;
    }

    private static Say say(String text) {
        return new Say.Builder(text).language(Say.Language.ZH_CN).build();
    }
}
