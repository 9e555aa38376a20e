-- Home-service orders, first slice: the catalogue (after GB/T 43153-2023), what each provider
-- offers, orders with their price snapshot and lifecycle, and each order's timeline.

create table service_categories (
    code     text primary key,
    name     text    not null,
    position integer not null
);
insert into service_categories (code, name, position) values
    ('DAILY_LIVING', '生活照料', 1),
    ('BASIC_CARE', '基础照护', 2),
    ('HEALTH', '健康管理', 3),
    ('VISITING', '探访关爱', 4),
    ('COMPANIONSHIP', '精神慰藉', 5),
    ('ERRANDS', '委托代办', 6),
    ('HOME_ADAPTATION', '适老化改造', 7);

create table service_items (
    id               bigserial primary key,
    category         text    not null references service_categories (code),
    name             text    not null,
    name_en          text,
    price_cents      integer not null check (price_cents between 0 and 1000000),
    duration_minutes integer not null check (duration_minutes between 5 and 480),
    -- one of the dispatcher's skills (FIRST_AID, NURSING, MEAL, BATHING, CLEANING, ESCORT, SHOPPING, DOCTOR_ESCORT)
    skill            text    not null,
    active           boolean not null default true
);
insert into service_items (category, name, name_en, price_cents, duration_minutes, skill) values
    ('DAILY_LIVING', '助餐', 'meal delivery', 1500, 30, 'MEAL'),
    ('DAILY_LIVING', '助浴', 'bathing', 8000, 60, 'BATHING'),
    ('DAILY_LIVING', '助洁', 'cleaning', 5000, 120, 'CLEANING'),
    ('DAILY_LIVING', '助行', 'escort', 3000, 60, 'ESCORT'),
    ('ERRANDS', '助购', 'shopping', 2000, 60, 'SHOPPING'),
    ('HEALTH', '助医', 'doctor escort', 6000, 180, 'DOCTOR_ESCORT');

-- What each provider offers; its responders are assigned only orders for these items.
create table provider_items (
    provider_id bigint not null references providers (id),
    item_id     bigint not null references service_items (id),
    primary key (provider_id, item_id)
);

create table service_orders (
    id                bigserial primary key,
    senior_id         bigint      not null references seniors (id),
    item_id           bigint      not null references service_items (id),
    -- the item as it was booked: later catalogue edits do not change an order's price
    item_name         text        not null,
    skill             text        not null,
    duration_minutes  integer     not null,
    price_cents       integer     not null,
    subsidy_cents     integer     not null default 0,
    senior_pays_cents integer     not null,
    window_from       timestamptz not null,
    window_to         timestamptz not null check (window_to > window_from),
    notes             text,
    status            text        not null check (status in ('REQUESTED', 'ASSIGNED', 'ACCEPTED', 'EN_ROUTE',
                          'ARRIVED', 'IN_SERVICE', 'COMPLETED', 'RATED', 'CANCELLED', 'NO_SHOW')),
    responder_id      bigint      references responders (id),
    eta_seconds       integer,
    booked_by         text        not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    arrived_at        timestamptz,
    arrived_lat       double precision,
    arrived_lon       double precision,
    arrived_meters    integer,
    started_at        timestamptz,
    completed_at      timestamptz,
    checkout_lat      double precision,
    checkout_lon      double precision,
    checkout_meters   integer,
    service_minutes   integer,
    stars             integer check (stars between 1 and 5),
    rating_comment    text,
    rated_at          timestamptz,
    -- an unrated COMPLETED order closed by the sweep after ANXIN_ORDER_AUTOCLOSE_AFTER
    closed_at         timestamptz
);
create index service_orders_by_status on service_orders (status, window_from);
create index service_orders_by_senior on service_orders (senior_id, window_from);
create index service_orders_by_responder on service_orders (responder_id, status);

create table order_timeline (
    id              bigserial primary key,
    order_id        bigint      not null references service_orders (id),
    at              timestamptz not null,
    status          text,
    action          text        not null,
    actor           text        not null,
    note            text,
    -- an SMS this step queued (notifications.id), shown with the order
    notification_id bigint      references notifications (id)
);
create index order_timeline_by_order on order_timeline (order_id, id);

-- A responder who declined an order is not assigned it again.
create table order_declines (
    order_id     bigint not null references service_orders (id),
    responder_id bigint not null references responders (id),
    primary key (order_id, responder_id)
);
