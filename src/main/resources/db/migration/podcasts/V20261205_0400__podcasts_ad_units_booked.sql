-- The booking side of an ad: the insertion order it was sold under (its sponsor and campaign are
-- credited with the ad's deliveries).
alter table podcasts.ad_units add column io_booking_id uuid;
alter table podcasts.ad_units add foreign key (tenant_id, io_booking_id)
    references podcasts.io_bookings (tenant_id, id) on delete set null (io_booking_id);
