package io.reach.social.platform;

import org.springframework.http.HttpStatus;

import io.reach.platform.web.ApiException;

/** The platform turned a request down; the detail says what it answered, in plain words. */
public class ProviderRefused extends ApiException {

    public ProviderRefused(String platform, String detail) {
        super(HttpStatus.BAD_GATEWAY, "Platform refused", platform + " refused the request: " + detail);
    }
}
