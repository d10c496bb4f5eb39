package io.reach.identity.signin;

/** What an OpenID Connect sign-in started from the console leaves in the session for the console's pages. */
final class ConsoleOidc {

    /** Set when the sign-in started from the console's sign-in page. */
    static final String STARTED = ConsoleOidc.class.getName() + ".started";

    /** The MFA challenge the sign-in page then asks a code for. */
    static final String MFA_TOKEN = ConsoleOidc.class.getName() + ".mfa";

    /** Why the sign-in was refused, for the sign-in page to say. */
    static final String ERROR = ConsoleOidc.class.getName() + ".error";

    private ConsoleOidc() {}
}
