package org.anxin.platform.notify;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.anxin.platform.system.ApiProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's callbacks. Each one must carry a valid {@code X-Twilio-Signature} (HMAC-SHA1 of the
 * URL and the form fields with our auth token), or it is refused with 403 and changes nothing.
 */
@RestController
@RequestMapping("/twilio")
class TwilioWebhooks {
    static final String GOING = "1";

    private final Notifications notifications;
    private final TwilioSettings settings;
    private final TwilioRequests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TwilioWebhooks(
            Notifications notifications,
            TwilioSettings settings,
            TwilioRequests requests,
            ApplicationEventPublisher events,
            Clock clock) {
        this.notifications = notifications;
        this.settings = settings;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    /** The call's script: the alarm read out in Chinese, then press 1 if you are going. */
    @PostMapping(value = "/voice/{id}", produces = MediaType.APPLICATION_XML_VALUE)
    String voice(@PathVariable long id, HttpServletRequest request) {
        Map<String, String> form = verified(request);
        Notification call = voiceCall(id, form.get("CallSid"));
        Say script = new Say.Builder(call.body()).language(Say.Language.ZH_CN).build();
        Gather gather = new Gather.Builder()
                .numDigits(1)
                .timeout(8)
                .action(settings.publicBaseUrl() + "/twilio/gather/" + id)
                .method(HttpMethod.POST)
                .say(script)
                .build();
        return new VoiceResponse.Builder()
                .gather(gather)
                .say(new Say.Builder(noKey(call.purpose()))
                        .language(Say.Language.ZH_CN)
                        .build())
                .hangup(new Hangup.Builder().build())
                .build()
                .toXml();
    }

    /** The key the contact pressed. */
    @PostMapping(value = "/gather/{id}", produces = MediaType.APPLICATION_XML_VALUE)
    String gather(@PathVariable long id, HttpServletRequest request) {
        Map<String, String> form = verified(request);
        Notification call = voiceCall(id, form.get("CallSid"));
        String digits = form.getOrDefault("Digits", "");
        if (!digits.matches("[0-9*#]{0,10}")) {
            throw ApiProblem.badRequest("Digits must be keypad keys");
        }
        notifications.digitsPressed(id, form.get("CallSid"), digits);
        String reply = reply(call.purpose(), digits);
        return new VoiceResponse.Builder()
                .say(new Say.Builder(reply).language(Say.Language.ZH_CN).build())
                .build()
                .toXml();
    }

    /** What the called person hears after a key, by the call's purpose. */
    private static String reply(String purpose, String digits) {
        if (Notifications.CARE_CHECK.equals(purpose)) {
            return GOING.equals(digits) ? "谢谢，已记录您一切安好。祝您安康，再见。" : "已记录。值班员会与您联系。";
        }
        if (Notifications.EVALUATION.equals(purpose)) {
            return digits.matches("[1-5]") ? "谢谢您的评价，再见。" : "请按1到5之间的数字。感谢您的来电，再见。";
        }
        return GOING.equals(digits) ? "谢谢。已记录您正在前往，请注意安全。" : "已记录。值班员会继续联系其他家属。";
    }

    /** What the called person hears when no key came. */
    private static String noKey(String purpose) {
        if (Notifications.CARE_CHECK.equals(purpose)) {
            return "没有收到按键。我们稍后会再给您打电话。再见。";
        }
        if (Notifications.EVALUATION.equals(purpose)) {
            return "没有收到按键。感谢您的来电，再见。";
        }
        return "没有收到按键。值班员会继续联系其他家属。再见。";
    }

    /** Delivery status of an SMS or a call. */
    @PostMapping("/status/{id}")
    ResponseEntity<Void> status(@PathVariable long id, HttpServletRequest request) {
        Map<String, String> form = verified(request);
        String sid = form.getOrDefault("MessageSid", form.get("CallSid"));
        String status = form.getOrDefault("MessageStatus", form.get("CallStatus"));
        if (sid == null || status == null || !status.matches("[a-z-]{1,20}")) {
            throw ApiProblem.badRequest("a status callback needs MessageSid/CallSid and MessageStatus/CallStatus");
        }
        if (!notifications.statusReported(id, sid, status, form.get("ErrorCode"))) {
            throw ApiProblem.notFound("no notification " + id + " with SID " + sid);
        }
        if (!form.containsKey("MessageSid")) {
            events.publishEvent(new VoiceCallStatus(sid, status, seconds(form.get("CallDuration")), clock.instant()));
        }
        return ResponseEntity.noContent().build();
    }

    private Notification voiceCall(long id, String callSid) {
        return notifications
                .find(id)
                .filter(n -> n.channel() == Notification.Channel.VOICE)
                .filter(n -> n.providerSid() != null && n.providerSid().equals(callSid))
                .orElseThrow(() -> ApiProblem.notFound("no call " + id + " with that CallSid"));
    }

    private static Integer seconds(String duration) {
        return duration != null && duration.matches("[0-9]{1,7}") ? Integer.valueOf(duration) : null;
    }

    private Map<String, String> verified(HttpServletRequest request) {
        return requests.verified(request);
    }
}
