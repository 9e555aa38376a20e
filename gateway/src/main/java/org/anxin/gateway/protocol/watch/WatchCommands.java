package org.anxin.gateway.protocol.watch;

import java.util.Locale;
import java.util.regex.Pattern;
import org.anxin.gateway.command.Command;

/**
 * Downlink commands in the "3G" protocol, as watch platforms send them (e.g.
 * {@code [3G*8800000015*0002*CR]}); the watch answers with a frame of the same keyword. A
 * reminder is one of the watch's alarm clocks, {@code time-switch-type} (type 1: once, 2: every
 * day, 3: on the weekdays given), e.g. {@code [3G*8800000015*0010*REMIND,08:00-1-1]}, answered
 * {@code [3G*8800000015*0006*REMIND]}. The SMS control password is set with
 * {@code [3G*8800000015*0009*PW,111111]}, answered {@code [3G*8800000015*0002*PW]} (Beesure/SeTracker
 * server protocol, "Control password set up").
 */
public final class WatchCommands {
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern PASSWORD = Pattern.compile("[0-9]{4,12}");

    private WatchCommands() {}

    /** The frame content for a command; IllegalArgumentException for one a watch has no form of. */
    public static String content(Command c) {
        return switch (c.type()) {
            case Command.LOCATE -> "CR";
            case Command.SOS_NUMBERS -> {
                String[] numbers =
                        c.numbers() == null ? new String[0] : c.numbers().split(",", -1);
                String[] three = {"", "", ""};
                System.arraycopy(numbers, 0, three, 0, Math.min(3, numbers.length));
                yield "SOS," + String.join(",", three);
            }
            case Command.UPLOAD_INTERVAL -> "UPLOAD," + requireSeconds(c);
            case Command.CALL_BACK -> "CALL," + requireNumber(c);
            case Command.MONITOR -> "MONITOR," + requireNumber(c);
                // one alarm clock, switched on (1), ringing once (1): REMIND,08:00-1-1
            case Command.REMIND -> "REMIND," + requireTime(c) + "-1-1";
                // the SMS control password (SMS commands from numbers other than the centre number need it)
            case Command.WATCH_PASSWORD -> "PW," + requirePassword(c);
            default -> throw new IllegalArgumentException("a watch has no " + c.type() + " command");
        };
    }

    /** What the watch's answer to {@code content} is called: its first field, upper case. */
    public static String keyword(String content) {
        int comma = content.indexOf(',');
        return (comma < 0 ? content : content.substring(0, comma)).toUpperCase(Locale.ROOT);
    }

    static int requireSeconds(Command c) {
        if (c.seconds() == null) {
            throw new IllegalArgumentException(c.type() + " needs seconds");
        }
        return c.seconds();
    }

    static String requireTime(Command c) {
        if (c.at() == null || !TIME.matcher(c.at()).matches()) {
            throw new IllegalArgumentException(c.type() + " needs a time of day HH:mm, not " + c.at());
        }
        return c.at();
    }

    static String requirePassword(Command c) {
        if (c.password() == null || !PASSWORD.matcher(c.password()).matches()) {
            throw new IllegalArgumentException(c.type() + " needs a password of 4 to 12 digits");
        }
        return c.password();
    }

    static String requireNumber(Command c) {
        if (c.number() == null || c.number().isBlank()) {
            throw new IllegalArgumentException(c.type() + " needs a number");
        }
        return c.number();
    }
}
