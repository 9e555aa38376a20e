package org.anxin.platform.alarm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The alarm's JSON shape, shared by the REST API and the live feed. */
final class AlarmJson {
    private AlarmJson() {}

    static Map<String, Object> of(Alarm alarm) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", alarm.id());
        body.put("type", alarm.type());
        body.put("priority", alarm.priority());
        body.put("status", alarm.status());
        body.put("seniorId", alarm.seniorId());
        body.put("seniorName", alarm.seniorName());
        body.put("address", alarm.address());
        body.put("deviceId", alarm.deviceId());
        body.put("raisedAt", alarm.raisedAt());
        body.put("createdAt", alarm.createdAt());
        body.put("lat", alarm.lat());
        body.put("lon", alarm.lon());
        body.put("repeats", alarm.repeats());
        body.put("detail", alarm.detail());
        body.put("outcome", alarm.outcome());
        body.put("answeredAt", alarm.answeredAt());
        body.put("answeredBy", alarm.answeredBy());
        body.put("responder", alarm.responder());
        body.put("escalated", alarm.escalationLevel() > 0);
        body.put("familyNotifiedAt", alarm.familyNotifiedAt());
        body.put("familyAcceptedBy", alarm.familyAcceptedBy());
        body.put("closedAt", alarm.closedAt());
        return body;
    }
}
