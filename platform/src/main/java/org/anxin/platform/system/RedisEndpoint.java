package org.anxin.platform.system;

/** Where this platform's Redis is: {@code ANXIN_REDIS_URL}, or the embedded server it started. */
public record RedisEndpoint(String uri) {}
