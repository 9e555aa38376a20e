package org.anxin.platform.callcenter;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.anxin.platform.notify.TwilioRequests;
import org.anxin.platform.system.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 12349 number's voice webhooks. Each must carry a valid {@code X-Twilio-Signature} or it is
 * refused with 403 and changes nothing (the notify module's check, shared).
 */
@RestController
@RequestMapping("/twilio")
class InboundWebhooks {
    private static final String SID = "CA[0-9a-fA-F]{32}";
    private static final String PHONE = "\\+?[0-9A-Za-z:@._-]{1,64}";

    private final InboundCalls inbound;
    private final CallRecords records;
    private final TwilioRequests twilio;

    InboundWebhooks(InboundCalls inbound, CallRecords records, TwilioRequests twilio) {
        this.inbound = inbound;
        this.records = records;
        this.twilio = twilio;
    }

    /** The number's voice URL: a call arrives. */
    @PostMapping(value = "/inbound", produces = MediaType.APPLICATION_XML_VALUE)
    String arrive(HttpServletRequest request) {
        Map<String, String> form = twilio.verified(request);
        String from = form.getOrDefault("From", "");
        String to = form.getOrDefault("To", "");
        if (!from.matches(PHONE) || !to.matches(PHONE)) {
            throw ApiProblem.badRequest("From and To must be phone numbers");
        }
        return inbound.arrive(sid(form.get("CallSid")), from, to);
    }

    @PostMapping(value = "/inbound/{id}/menu", produces = MediaType.APPLICATION_XML_VALUE)
    String menu(@PathVariable long id, HttpServletRequest request) {
        Map<String, String> form = twilio.verified(request);
        String digits = form.getOrDefault("Digits", "");
        if (!digits.matches("[0-9*#]{0,10}")) {
            throw ApiProblem.badRequest("Digits must be keypad keys");
        }
        return inbound.menu(id, sid(form.get("CallSid")), digits);
    }

    @PostMapping(value = "/inbound/{id}/wait", produces = MediaType.APPLICATION_XML_VALUE)
    String hold(@PathVariable long id, HttpServletRequest request) {
        Map<String, String> form = twilio.verified(request);
        return inbound.await(id, sid(form.get("CallSid")));
    }

    @PostMapping(value = "/inbound/{id}/dialed", produces = MediaType.APPLICATION_XML_VALUE)
    String dialed(@PathVariable long id, HttpServletRequest request) {
        Map<String, String> form = twilio.verified(request);
        String status = form.getOrDefault("DialCallStatus", "");
        if (!status.matches("[a-z-]{1,20}")) {
            throw ApiProblem.badRequest("DialCallStatus is missing");
        }
        return inbound.dialed(id, sid(form.get("CallSid")), status);
    }

    /** The operator's leg answered ({@code <Number url>}); CallSid is that leg's, ParentCallSid the caller's. */
    @PostMapping(value = "/inbound/{id}/answered", produces = MediaType.APPLICATION_XML_VALUE)
    String answered(@PathVariable long id, HttpServletRequest request) {
        Map<String, String> form = twilio.verified(request);
        return inbound.answered(id, sid(form.get("ParentCallSid")), request.getParameter("operator"));
    }

    /** Status callbacks of the line's calls (the number's status callback URL). */
    @PostMapping("/calls/status")
    ResponseEntity<Void> status(HttpServletRequest request) {
        Map<String, String> form = twilio.verified(request);
        String status = form.getOrDefault("CallStatus", "");
        if (!status.matches("[a-z-]{1,20}")) {
            throw ApiProblem.badRequest("CallStatus is missing");
        }
        String duration = form.get("CallDuration");
        Integer seconds = duration != null && duration.matches("[0-9]{1,7}") ? Integer.valueOf(duration) : null;
        if (!records.statusReported(sid(form.get("CallSid")), status, seconds)) {
            throw ApiProblem.notFound("no call with that CallSid");
        }
        return ResponseEntity.noContent().build();
    }

    /** A recording of an answered call is ready (only with ANXIN_CALL_RECORDING on). */
    @PostMapping("/calls/recording")
    ResponseEntity<Void> recording(HttpServletRequest request) {
        Map<String, String> form = twilio.verified(request);
        String url = form.getOrDefault("RecordingUrl", "");
        if (!url.startsWith("https://") || url.length() > 500) {
            throw ApiProblem.badRequest("RecordingUrl must be an https URL");
        }
        if (!"completed".equals(form.getOrDefault("RecordingStatus", "completed"))) {
            return ResponseEntity.noContent().build();
        }
        if (!records.recorded(sid(form.get("CallSid")), url)) {
            throw ApiProblem.notFound("no call with that CallSid");
        }
        return ResponseEntity.noContent().build();
    }

    private static String sid(String callSid) {
        if (callSid == null || !callSid.matches(SID)) {
            throw ApiProblem.badRequest("CallSid must be a Twilio call SID");
        }
        return callSid;
    }
}
