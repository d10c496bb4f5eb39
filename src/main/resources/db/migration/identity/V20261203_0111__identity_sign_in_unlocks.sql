-- Unlock links: when the per-account sign-in brake trips (many addresses guessing one account),
-- its owner is mailed a single-use token; following it lets the address that followed it past
-- that brake for a day, while the guessers stay braked.
alter table identity.user_tokens drop constraint user_tokens_purpose_check;
alter table identity.user_tokens add constraint user_tokens_purpose_check
    check (purpose in ('email_verification', 'password_reset', 'sign_in_unlock'));

create table identity.sign_in_unlocks (
    user_id        uuid        not null references identity.users (id),
    source         text        not null check (length(source) between 1 and 64),
    unlocked_until timestamptz not null,
    created_at     timestamptz not null,
    primary key (user_id, source)
);
comment on table identity.sign_in_unlocks is 'global: client addresses (or IPv6 /64 networks) an account''s owner unlocked by mail';
