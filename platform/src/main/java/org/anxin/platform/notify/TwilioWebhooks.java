package org.anxin.platform.notify;

import com.twilio.http.HttpMethod;
import com.twilio.security.RequestValidator;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.anxin.platform.system.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);
    static final String GOING = "1";

    private final Notifications notifications;
    private final TwilioSettings settings;

    TwilioWebhooks(Notifications notifications, TwilioSettings settings) {
        this.notifications = notifications;
        this.settings = settings;
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
                .say(new Say.Builder("没有收到按键。值班员会继续联系其他家属。再见。")
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
        voiceCall(id, form.get("CallSid"));
        String digits = form.getOrDefault("Digits", "");
        if (!digits.matches("[0-9*#]{0,10}")) {
            throw ApiProblem.badRequest("Digits must be keypad keys");
        }
        notifications.digitsPressed(id, form.get("CallSid"), digits);
        String reply = GOING.equals(digits) ? "谢谢。已记录您正在前往，请注意安全。" : "已记录。值班员会继续联系其他家属。";
        return new VoiceResponse.Builder()
                .say(new Say.Builder(reply).language(Say.Language.ZH_CN).build())
                .build()
                .toXml();
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
        return ResponseEntity.noContent().build();
    }

    private Notification voiceCall(long id, String callSid) {
        return notifications
                .find(id)
                .filter(n -> n.channel() == Notification.Channel.VOICE)
                .filter(n -> n.providerSid() != null && n.providerSid().equals(callSid))
                .orElseThrow(() -> ApiProblem.notFound("no call " + id + " with that CallSid"));
    }

    /** The form fields, if the request is signed by Twilio with our auth token; 403 otherwise. */
    private Map<String, String> verified(HttpServletRequest request) {
        String signature = request.getHeader("X-Twilio-Signature");
        if (!settings.configured()) {
            throw ApiProblem.forbidden("Twilio is not configured on this platform; webhooks are refused");
        }
        String query = request.getQueryString();
        Set<String> queryNames = new HashSet<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                queryNames.add(
                        java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Map<String, String> form = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!queryNames.contains(name) && values.length > 0) {
                form.put(name, values[0]);
            }
        });
        String base = settings.publicBaseUrlConfigured()
                ? settings.publicBaseUrl()
                : request.getScheme() + "://" + request.getHeader("Host");
        String url = base + request.getRequestURI() + (query == null ? "" : "?" + query);
        if (signature == null || !new RequestValidator(settings.authToken).validate(url, form, signature)) {
            log.warn(
                    "refused a Twilio webhook to {} from {}: bad or missing signature",
                    request.getRequestURI(),
                    request.getRemoteAddr());
            throw ApiProblem.forbidden("X-Twilio-Signature is missing or wrong");
        }
        return form;
    }
}
