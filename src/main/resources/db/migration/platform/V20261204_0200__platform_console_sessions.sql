-- Console sessions (Spring Session JDBC's layout): a signed-in person's browser session, kept in
-- PostgreSQL so any node serves it. A session holds the person's API tokens, never a password.
create table platform.spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on platform.spring_session (session_id);
create index spring_session_ix2 on platform.spring_session (expiry_time);
create index spring_session_ix3 on platform.spring_session (principal_name);
comment on table platform.spring_session is 'global: console browser sessions (Spring Session JDBC); expired rows are deleted by Spring Session';

create table platform.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references platform.spring_session (primary_id) on delete cascade
);
comment on table platform.spring_session_attributes is 'global: the attributes of a console session (its API tokens, its CSRF token)';
