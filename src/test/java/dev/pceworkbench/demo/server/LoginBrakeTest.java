package dev.pceworkbench.demo.server;

import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, item 9: repeated failed logins from one client are slowed down (429 with Retry-After),
 * counted per client address and user name, while other credentials keep working.
 */
class LoginBrakeTest {
    private static final int ATTEMPTS = 40;

    @Test
    void repeatedWrongSecretsAreBrakedAndOtherCredentialsAreNot() throws Exception {
        try (DemoPce pce = DemoPces.start(DemoPceOptions.defaults().withRateLimit(0))) {
            DemoPce.Credentials c = pce.credentials();
            DemoHttp http = DemoHttp.forPce(pce);
            DemoHttp wrongSecret = http.as(c.authUsername(), "not-the-secret");
            int unauthorized = 0;
            DemoHttp.Reply last = null;
            for (int i = 0; i < ATTEMPTS; i++) {
                last = wrongSecret.get("/orgs/1/labels?max_results=1");
                if (last.status() == 401) {
                    unauthorized++;
                } else {
                    assertEquals(429, last.status(), "attempt " + i + ": " + last.body());
                }
            }
            assertEquals(pce.options().limits().loginFailuresPerMinute(), unauthorized);
            assertEquals(429, last.status());
            assertEquals("too_many_requests", last.token());
            int retryAfter = Integer.parseInt(last.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            // While braked, not even the right secret gets through for that name: guessing stays slow.
            assertEquals(429, http.get("/orgs/1/labels?max_results=1").status());

            // Another credential from the same client is not affected, wrong passwords are counted for it alone.
            DemoHttp user = http.as(c.userEmail(), c.userPassword());
            assertEquals(200, user.get("/orgs/1/labels?max_results=1").status());
            DemoHttp wrongPassword = http.as(c.userEmail(), "wrong");
            for (int i = 0; i < 3; i++) {
                assertEquals(401, wrongPassword.get("/orgs/1/labels?max_results=1").status());
            }
            assertEquals(200, user.get("/orgs/1/labels?max_results=1").status());
            // Requests with no credentials at all are simply 401, never braked.
            DemoHttp anonymous = new DemoHttp(DemoHttp.clientFor(pce, null), pce.baseUrl() + "/api/v2", null, null);
            for (int i = 0; i < 20; i++) {
                assertEquals(401, anonymous.get("/orgs/1/labels?max_results=1").status());
            }
        }
    }
}
