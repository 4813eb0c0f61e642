package com.profilepictures.adapters.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    private static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAsecretPart%3Dmore";

    @Test
    void aTokenAndTheSettingsHoldingIt_neverShowItsValue() {
        BearerToken token = BearerToken.of(TOKEN + "\n");
        XApiSettings settings = XApiSettings.of(URI.create("https://api.x.com/"), token);

        assertFalse(token.toString().contains("secret"), token.toString());
        assertFalse(settings.toString().contains("secret"), settings.toString());
        assertEquals("Bearer " + TOKEN, token.authorization());
    }

    @Test
    void aTokenWithAnInnerLineBreak_isRefusedWithoutRepeatingIt() {
        var refused = assertThrows(IllegalArgumentException.class, () -> BearerToken.of("secret\r\nX-Forged: 1"));

        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
    }
}
