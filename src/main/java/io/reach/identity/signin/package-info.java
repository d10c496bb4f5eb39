/**
 * How a person proves who they are: sign-up and e-mail verification, password sign-in with its
 * throttle and unlock links, MFA, OIDC sign-in and linked identities, password resets and policy,
 * sessions with access and refresh tokens, and the minimal pages mails link to. It uses the module
 * root's people, memberships and invitations; the root uses only the password policy, refresh tokens
 * (to end sessions) and the token problem from here.
 */
@NullMarked
package io.reach.identity.signin;

import org.jspecify.annotations.NullMarked;
