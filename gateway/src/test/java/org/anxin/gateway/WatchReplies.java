package org.anxin.gateway;

import java.io.IOException;
import java.io.InputStream;

/** Reading a "3G" watch's replies off a test socket. */
public final class WatchReplies {
    private WatchReplies() {}

    /** One reply, up to its closing bracket; what came before the close if the gateway closed first ("" for nothing). */
    public static String next(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            text.append((char) b);
            if (b == ']') {
                break;
            }
        }
        return text.toString();
    }
}
