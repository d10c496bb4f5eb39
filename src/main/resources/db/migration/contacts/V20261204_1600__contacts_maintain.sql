-- A large import vacuums and analyses the tables it wrote before it says done (TableMaintenance),
-- so the runtime role may maintain them (PostgreSQL 17's MAINTAIN privilege).
grant maintain on contacts.contacts, contacts.list_members to ${app_role};
