-- Phones without a wearable: the SOS page (sos.html) is a device of protocol 'app' that speaks
-- MQTT over WebSocket with its own secret (kept, like an MQTT device's, only as its SHA-256).
alter table devices drop constraint devices_protocol_check;
alter table devices add constraint devices_protocol_check check (protocol in ('mqtt', 'watch', 'gt06', 'app'));

-- HELP_COMING: the platform tells an SOS page that the desk has taken its alarm.
alter table device_commands drop constraint device_commands_type_check;
alter table device_commands add constraint device_commands_type_check
    check (type in ('LOCATE', 'SOS_NUMBERS', 'UPLOAD_INTERVAL', 'CALL_BACK', 'MONITOR', 'HELP_COMING'));
