package dev.pceworkbench.connection;

import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, item 11: a secret typed into the PCE address is refused with a message saying where it
 * goes, and an address already saved with credentials is never written back (profiles file, export).
 */
class ProfileAddressCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void anAddressWithCredentialsIsRefusedSayingWhereTheyGo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                ConnectionSettings.of("https://key:SECRET@pce.example.com", 8443, 1, new Credentials.ApiKey("-", "-")).baseUri());
        assertTrue(e.getMessage().contains("API key and secret"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }

    @Test
    void credentialsAlreadySavedInTheAddressAreNeverWrittenBack() throws Exception {
        Path file = dir.resolve(ConnectionProfileStore.FILE_NAME);
        Files.writeString(file, """
                {"format":"pce-workbench-profiles","version":1,"profiles":[
                 {"id":"p1","name":"Old","target":"https://key:SECRET@pce.example.com:8443/","port":8443,"org_id":1,
                  "credential_type":"API_KEY","username":"api_1","proxy_mode":"NONE","tls_verify":true,
                  "client_cert_type":"NONE","embedded_demo":false},
                 {"id":"p2","name":"Bare","target":"user:pw@pce2.example.com","port":8443,"org_id":1,
                  "credential_type":"API_KEY","username":"api_2","proxy_mode":"NONE","tls_verify":true,
                  "client_cert_type":"NONE","embedded_demo":false}]}
                """);
        ConnectionProfileStore store = new ConnectionProfileStore(dir);
        List<ConnectionProfile> loaded = store.load();
        ConnectionProfile old = loaded.stream().filter(p -> p.id().equals("p1")).findFirst().orElseThrow();
        assertEquals("https://pce.example.com:8443/", old.target());
        store.save(loaded);
        String saved = Files.readString(file);
        assertFalse(saved.contains("SECRET") || saved.contains("user:pw"), saved);
        Path export = dir.resolve("export.json");
        store.exportTo(export, loaded);
        String exported = Files.readString(export);
        assertFalse(exported.contains("SECRET") || exported.contains("user:pw"), exported);
        assertTrue(exported.contains("pce2.example.com"), exported);
    }

    @Test
    void addressesWithoutCredentialsAreKeptAsTyped() {
        for (String t : new String[]{"pce.example.com", "https://pce.example.com:8443", "https://pce.example.com/a@b", "[::1]:8443", ""}) {
            assertEquals(t, ConnectionProfile.withoutCredentials(t));
        }
    }
}
