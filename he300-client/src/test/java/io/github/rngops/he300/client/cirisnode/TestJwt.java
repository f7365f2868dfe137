package io.github.rngops.he300.client.cirisnode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/** Hand-assembled HS256-shaped JWTs for the fakes: header.payload.signature, base64url, never verified. */
final class TestJwt {
    private static final AtomicLong SERIAL = new AtomicLong();

    private TestJwt() {
    }

    static String token(String subject, String role, Instant expiry) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String payload = "{\"sub\":\"" + subject + "\",\"role\":\"" + role + "\",\"exp\":" + expiry.getEpochSecond()
                + ",\"jti\":" + SERIAL.incrementAndGet() + "}";
        return b64(header) + "." + b64(payload) + "." + b64("sig-" + SERIAL.get());
    }

    static String withPayload(String payloadJson) {
        return b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(payloadJson) + "." + b64("sig");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
